"""`newsfacts check` end to end on the sample corpus: the clean build passes, broken data fails by name."""

from __future__ import annotations

import duckdb
import pytest
from gx_tiny_warehouse import CheckedWarehouse


def _rows(db, sql: str, params: list | None = None) -> list[tuple]:
    """Return the rows of a query on a closed warehouse file (read-only)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_clean_warehouse_passes(clean_checked: CheckedWarehouse) -> None:
    assert clean_checked.exit_code == 0, clean_checked.stdout
    assert "PASSED" in clean_checked.stdout
    for layer in ("raw", "staging", "intermediate", "marts"):
        assert f"  {layer}" in clean_checked.stdout


def test_clean_run_is_stored_with_one_row_per_expectation(clean_checked: CheckedWarehouse) -> None:
    runs = _rows(
        clean_checked.db,
        "select run_id, success, n_expectations, n_failed_errors, layers, docs_path from quality.check_runs"
        " order by started_at desc",
    )
    # `newsfacts run` checked the demo warehouse once already; ours is the latest run.
    assert len(runs) == 2
    run_id, success, n_expectations, n_failed_errors, layers, docs_path = runs[0]
    assert success is True and n_failed_errors == 0
    assert layers == ["raw", "staging", "intermediate", "marts"]
    assert n_expectations > 100
    stored = _rows(clean_checked.db, f"select count(*) from quality.check_results where run_id = '{run_id}'")
    assert stored[0][0] == n_expectations
    severities = _rows(clean_checked.db, "select distinct severity from quality.check_results order by 1")
    assert severities == [("error",), ("warning",)]
    assert docs_path and docs_path.endswith("index.html")


def test_every_layer_has_volume_schema_and_value_checks(clean_checked: CheckedWarehouse) -> None:
    kinds = dict(
        _rows(
            clean_checked.db,
            "select layer, list(distinct expectation_type) from quality.check_results group by layer",
        )
    )
    assert set(kinds) == {"raw", "staging", "intermediate", "marts"}
    for layer, types in kinds.items():
        assert "expect_table_row_count_to_be_between" in types, layer
        assert "expect_table_columns_to_match_set" in types, layer
        assert "expect_column_values_to_not_be_null" in types, layer
    assert {
        "expect_column_values_to_be_in_set",
        "expect_column_values_to_be_between",
        "expect_column_values_to_match_regex",
        "expect_column_pair_values_a_to_be_greater_than_b",
    } <= set(kinds["marts"])


def test_data_docs_are_rendered(clean_checked: CheckedWarehouse) -> None:
    index = clean_checked.docs_dir / "index.html"
    assert index.exists()
    assert str(index) in clean_checked.stdout
    pages = list((clean_checked.docs_dir / "validations").rglob("*.html"))
    assert any("marts.pledges" in str(p) or "marts/pledges" in str(p) for p in pages), pages
    suite_page = clean_checked.docs_dir / "expectations" / "marts" / "pledges.html"
    assert "severity: error" in suite_page.read_text(encoding="utf-8")


def test_broken_warehouse_exits_nonzero(broken_checked: CheckedWarehouse) -> None:
    assert broken_checked.exit_code == 1, broken_checked.stdout
    assert "FAILED" in broken_checked.stdout


@pytest.mark.parametrize(
    ("suite", "expectation_type", "column"),
    [
        # A pledge in currency XXX.
        ("marts.pledges", "expect_column_values_to_be_in_set", "currency"),
        # A meeting whose two parties are the same.
        (
            "marts.bilateral_meetings",
            "expect_select_column_values_to_be_unique_within_record",
            "party_a_id,party_b_id",
        ),
        # A quote span with char_start > char_end.
        ("marts.quotes", "expect_column_pair_values_a_to_be_greater_than_b", "char_end,char_start"),
        # Too many quotes without a resolved speaker.
        ("marts.quotes", "expect_column_values_to_not_be_null", "speaker_id"),
        # A mention span past the end of its article.
        (
            "marts.entity_mentions",
            "expect_column_pair_values_a_to_be_greater_than_b",
            "_dq_body_length,char_end",
        ),
    ],
)
def test_breakage_fails_the_named_expectation(
    broken_checked: CheckedWarehouse, suite: str, expectation_type: str, column: str | None
) -> None:
    label = f"{suite}: {expectation_type}" + (f"({column})" if column else "")
    assert label in broken_checked.stdout, broken_checked.stdout
    stored = _rows(
        broken_checked.db,
        "select success, severity from quality.check_results where suite = ? and expectation_type = ?"
        " and column_name is not distinct from ?",
        [suite, expectation_type, column],
    )
    assert (False, "error") in set(stored)


def test_broken_run_touches_nothing_else(broken_checked: CheckedWarehouse) -> None:
    failed = _rows(
        broken_checked.db,
        "select distinct suite from quality.check_results where not success and severity = 'error'",
    )
    assert {s for (s,) in failed} == {
        "marts.pledges",
        "marts.bilateral_meetings",
        "marts.quotes",
        "marts.entity_mentions",
    }
    run = _rows(
        broken_checked.db,
        "select success, n_failed_errors, docs_path, layers from quality.check_runs order by started_at desc",
    )
    assert run[0] == (False, 6, None, ["marts"])
    assert run[1][0] is True  # the check `newsfacts run` made before the damage
    assert "missing columns: cue" in broken_checked.stdout


def test_sample_warehouse_has_every_checked_table(clean_checked: CheckedWarehouse) -> None:
    missing = _rows(
        clean_checked.db,
        "select suite from quality.check_results where expectation_type = 'expect_table_to_exist'",
    )
    assert missing == []
    tables = _rows(
        clean_checked.db, "select n_tables from quality.check_runs order by started_at desc limit 1"
    )
    assert tables[0][0] >= 20
