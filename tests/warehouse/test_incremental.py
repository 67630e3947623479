"""Incremental extraction: a rebuild with nothing new extracts nothing; a new article alone is extracted."""

from __future__ import annotations

import duckdb
import pytest

from loaders import load_paths
from newsfacts import warehouse

from .conftest import FIXTURES, BuiltWarehouse, copy_warehouse

# Incremental behaviour does not depend on the dbt tests: these builds skip them (the session
# build ran them all).
NO_TESTS = ["resource_type:test", "resource_type:unit_test"]


def _extracted(db) -> dict[str, object]:
    """Return {article_id: extracted_at} of the extraction model."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return dict(
            con.execute(
                "select article_id, extracted_at from intermediate.int_article_facts_extracted"
            ).fetchall()
        )
    finally:
        con.close()


@pytest.mark.slow
def test_second_build_extracts_nothing_and_a_new_article_alone_is_extracted(
    built_warehouse: BuiltWarehouse, tmp_path
) -> None:
    db = copy_warehouse(built_warehouse.db, tmp_path, "incremental")
    before = _extracted(db)
    assert len(before) == built_warehouse.n_loaded

    again = warehouse.build(db, exclude=NO_TESTS)
    assert again.success, again.summary()
    assert again.n_extracted == 0
    assert _extracted(db) == before  # no row re-extracted: same articles, same timestamps

    summary = load_paths([FIXTURES / "late"], db=db, source="warehouse-tests-late", progress=False)
    assert summary.new == 1
    third = warehouse.build(db, exclude=NO_TESTS)
    assert third.success, third.summary()
    assert third.n_extracted == 1
    after = _extracted(db)
    new_ids = set(after) - set(before)
    assert len(new_ids) == 1
    assert {k: after[k] for k in before} == before  # the old articles kept their extraction


@pytest.mark.slow
def test_a_new_version_replaces_the_old_one_and_an_outdated_extraction_is_redone(
    built_warehouse: BuiltWarehouse, tmp_path
) -> None:
    db = copy_warehouse(built_warehouse.db, tmp_path, "versions")
    con = duckdb.connect(str(db))
    outdated = con.execute(
        "select article_id from marts.articles where external_id = 'wh_001_tallinn_talks'"
    ).fetchone()[0]
    # As if an older extractor had read this article.
    con.execute(
        "update intermediate.int_article_facts_extracted set extractor_version = '0.0.1+old' "
        "where article_id = ?",
        [outdated],
    )
    con.close()
    before = _extracted(db)
    original = FIXTURES / "articles" / "wh_003_canada_aid.txt"
    edited_dir = tmp_path / "articles"
    edited_dir.mkdir()
    text = original.read_text(encoding="utf-8")
    extra = "The ministry added that a second package is being prepared for the spring."
    (edited_dir / original.name).write_text(text.rstrip("\n") + "\n\n" + extra + "\n", encoding="utf-8")
    summary = load_paths([edited_dir], db=db, source="warehouse-tests", progress=False)
    assert summary.updated == 1

    result = warehouse.build(db, exclude=NO_TESTS)
    assert result.success, result.summary()
    assert result.n_extracted == 2  # the new version, and the article an older extractor read
    after = _extracted(db)
    assert len(after) == len(before)  # one article replaced, none added
    [new_id] = set(after) - set(before)
    redone = {k for k in before if k in after and after[k] != before[k]}
    assert redone == {outdated}
    con = duckdb.connect(str(db), read_only=True)
    try:
        body, version_of = con.execute(
            "select a.body_clean, r.version_of from marts.articles a join raw.articles r using (article_id) "
            "where a.article_id = ?",
            [new_id],
        ).fetchone()
        assert extra in body
        assert version_of in before and version_of not in after
        staged = con.execute("select count(*) from staging.stg_raw__articles").fetchone()[0]
        assert staged == len(before)
    finally:
        con.close()
