"""The built warehouse: every layer present, marts shaped as issue 3 lists, cleaning and grouping visible."""

from __future__ import annotations

import duckdb
import pytest

from .conftest import BuiltWarehouse

MART_COLUMNS = {
    "bilateral_meetings": [
        "meeting_id", "meeting_date", "date_precision", "date_basis", "party_a_id", "party_a_name",
        "party_b_id", "party_b_name", "participants", "location", "mode", "topics", "n_articles",
        "first_reported_at", "evidence", "confidence",
    ],
    "pledges": [
        "pledge_id", "article_id", "donor_id", "donor_name", "recipient_id", "recipient_name", "category",
        "description", "quantity", "item", "amount", "currency", "amount_eur", "period", "status",
        "announced_on", "evidence", "sentence_index", "char_start", "char_end", "confidence",
    ],
    "quotes": [
        "quote_id", "article_id", "speaker_id", "speaker_name", "quote_text", "kind", "cue",
        "has_quote_marks", "sentence_index", "char_start", "char_end", "confidence",
    ],
    "entities": ["entity_id", "entity_type", "canonical_name", "iso3", "wikidata_id", "aliases"],
    "articles": ["article_id", "duplicate_group_id", "body_clean", "published_on", "language"],
    "entity_mentions": ["mention_id", "article_id", "entity_id", "char_start", "char_end"],
    "meeting_articles": ["meeting_id", "article_id"],
    "person_roles": ["person_id", "role", "valid_from", "valid_to"],
}  # fmt: skip


@pytest.fixture(scope="module")
def con(built_warehouse: BuiltWarehouse):
    connection = duckdb.connect(str(built_warehouse.db), read_only=True)
    yield connection
    connection.close()


def test_first_build_passes_every_test_and_extracts_every_article(built_warehouse: BuiltWarehouse) -> None:
    result = built_warehouse.first_build
    assert result.success and not result.failures
    assert result.n_extracted == built_warehouse.n_loaded
    assert result.count("pass") > 50  # the dbt tests actually ran


@pytest.mark.parametrize("table", sorted(MART_COLUMNS))
def test_marts_have_the_issue_columns(con: duckdb.DuckDBPyConnection, table: str) -> None:
    columns = [row[0] for row in con.execute(f"describe marts.{table}").fetchall()]
    assert set(MART_COLUMNS[table]) <= set(columns)


def test_every_layer_counts_the_same_articles(con, built_warehouse: BuiltWarehouse) -> None:
    counts = [
        con.execute(f"select count(*) from {table}").fetchone()[0]
        for table in (
            "staging.stg_raw__articles",
            "intermediate.int_article_facts_extracted",
            "marts.articles",
        )
    ]
    assert counts == [built_warehouse.n_loaded] * 3


def _article(con, stem: str) -> dict:
    cursor = con.execute("select * from marts.articles where external_id = ?", [stem])
    names = [d[0] for d in cursor.description]
    row = cursor.fetchone()
    assert row is not None, stem
    return dict(zip(names, row, strict=True))


def test_body_is_cleaned_and_dated(con) -> None:
    article = _article(con, "wh_001_tallinn_talks")
    body = article["body_clean"]
    for chrome in ("Advertisement", "Read also", "Ferry traffic resumes", "Share this", "cookies", "Photo:"):
        assert chrome not in body
    assert body.startswith("On March 4, Estonian Foreign Minister")
    assert "The two ministers also discussed the next steps of the accession talks." in body
    assert str(article["published_on"]) == "2024-03-05"
    assert article["language"] == "en"


def test_a_reprint_falls_into_the_original_group(con) -> None:
    original = _article(con, "wh_001_tallinn_talks")
    reprint = _article(con, "wh_002_tallinn_talks_reprint")
    other = _article(con, "wh_003_canada_aid")
    assert reprint["duplicate_group_id"] == original["duplicate_group_id"] == original["article_id"]
    assert reprint["is_duplicate"] and not original["is_duplicate"]
    assert other["duplicate_group_id"] == other["article_id"]


def test_country_parties_are_iso3_and_known_entities(con) -> None:
    rows = con.execute(
        "select m.party_a_id, m.party_b_id, a.entity_type, b.entity_type from marts.bilateral_meetings m "
        "join marts.entities a on a.entity_id = m.party_a_id "
        "join marts.entities b on b.entity_id = m.party_b_id"
    ).fetchall()
    total = con.execute("select count(*) from marts.bilateral_meetings").fetchone()[0]
    assert len(rows) == total
    for party_a, party_b, type_a, type_b in rows:
        assert party_a < party_b
        for party, kind in ((party_a, type_a), (party_b, type_b)):
            assert kind in ("country", "organization")
            if kind == "country":
                assert len(party) == 3 and party.isupper()


def test_seed_article_meeting_reaches_the_mart(con, built_warehouse: BuiltWarehouse) -> None:
    if not built_warehouse.has_seed_article:
        pytest.skip("../shared/seed is not beside this checkout")
    rows = con.execute(
        "select meeting_date, participants from marts.bilateral_meetings "
        "where party_a_id = 'LVA' and party_b_id = 'UKR'"
    ).fetchall()
    assert rows, "the Latvia–Ukraine meeting of the seed article is missing"
    assert any(str(day) == "2023-12-12" for day, _ in rows)

