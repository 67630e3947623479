"""The suites' definitions and the pieces around GX, without running GX."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from newsfacts.paths import SEEDS_DIR
from newsfacts.quality import frames
from newsfacts.quality.outcomes import Outcome
from newsfacts.quality.runner import CheckRun, all_suites, load_inputs, read_work, summary
from newsfacts.quality.spec import LAYERS, SuiteInputs, columns_of, severity_of


def _outcome(success: bool, severity: str, suite: str = "marts.quotes") -> Outcome:
    """Return a hand-made outcome for summary tests."""
    return Outcome("marts", suite, suite.split(".")[1], "expect_x", "col", severity, success)


def test_every_layer_has_suites_and_every_expectation_a_severity() -> None:
    suites = all_suites(SuiteInputs())
    assert {s.layer for s in suites} == set(LAYERS)
    assert len({s.name for s in suites}) == len(suites)
    for suite in suites:
        assert suite.expectations, suite.name
        for expectation in suite.expectations:
            assert severity_of(expectation) in ("error", "warning"), (suite.name, expectation)
            assert (expectation.meta or {}).get("severity") in ("error", "warning")


def test_iso_sets_come_from_the_seeds() -> None:
    if not (SEEDS_DIR / "currencies.csv").exists():
        pytest.skip("seeds/currencies.csv not there yet")
    inputs = load_inputs(SEEDS_DIR, {})
    assert "EUR" in inputs.currencies and "USD" in inputs.currencies
    assert "XXX" not in inputs.currencies


def test_expectation_columns_include_the_row_condition() -> None:
    meetings = next(s for s in all_suites(SuiteInputs()) if s.name == "marts.bilateral_meetings")
    conditioned = [e for e in meetings.expectations if getattr(e, "row_condition", None) is not None]
    assert conditioned
    assert all(
        "_dq_party_a_id_type" in columns_of(e) or "_dq_party_b_id_type" in columns_of(e) for e in conditioned
    )


@pytest.mark.parametrize(
    ("layer", "schemas", "expected"),
    [
        ("marts", ["raw", "marts"], "marts"),
        ("marts", ["raw"], None),  # a raw table never stands in for a mart of the same name
        ("raw", ["main"], None),
        ("staging", ["main_staging"], "main_staging"),
        ("intermediate", ["main"], "main"),
    ],
)
def test_pick_schema(layer: str, schemas: list[str], expected: str | None) -> None:
    assert frames.pick_schema(layer, schemas) == expected


def test_render_replaces_placeholders_and_refuses_unknown_ones() -> None:
    sql = "select * from {marts.quotes} join {staging.stg_raw__articles} using (article_id)"
    assert frames.placeholders(sql) == ["marts.quotes", "staging.stg_raw__articles"]
    rendered = frames.render(sql, {"marts.quotes": '"marts"."quotes"', "staging.stg_raw__articles": "s"})
    assert rendered == 'select * from "marts"."quotes" join s using (article_id)'
    with pytest.raises(KeyError):
        frames.render(sql, {"marts.quotes": "q"})


def test_normalise_gives_python_strings_and_lists() -> None:
    frame = pd.DataFrame(
        {"s": pd.array(["x", None], dtype="string"), "l": [np.array(["a", "b"]), None], "n": [1, 2]}
    )
    out = frames.normalise(frame)
    assert out["s"].dtype == object and out["s"].tolist() == ["x", None]
    assert out["l"].tolist()[0] == ["a", "b"] and isinstance(out["l"].tolist()[0], list)
    assert out["n"].tolist() == [1, 2]


def test_missing_tables_are_error_outcomes(clean_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    shutil.copy(clean_db, db)
    con = duckdb.connect(str(db))
    con.execute("drop table marts.quotes; drop table marts.entities")
    work, problems = read_work(con, ["marts"], SEEDS_DIR)
    con.close()
    missing = {p.suite for p in problems if p.expectation_type == "expect_table_to_exist"}
    assert missing == {"marts.quotes", "marts.entities"}
    assert all(p.failed_error for p in problems if p.expectation_type == "expect_table_to_exist")
    # Facts that join entities still get checked, minus the cross-table columns (reported as a warning).
    skipped = {p.suite for p in problems if p.expectation_type == "derived_columns_available"}
    assert {"marts.pledges", "marts.bilateral_meetings", "marts.entity_mentions"} <= skipped
    assert "marts.pledges" in {s.name for s, _ in work}


def test_fact_frames_carry_article_length_and_found_flags(clean_db: Path) -> None:
    con = duckdb.connect(str(clean_db), read_only=True)
    work, problems = read_work(con, ["marts"], SEEDS_DIR)
    con.close()
    assert problems == []
    pledges = dict((s.name, f) for s, f in work)["marts.pledges"]
    assert pledges["_dq_article_found"].tolist() == [True]
    assert pledges["_dq_donor_id_found"].tolist() == [True]
    assert (pledges["_dq_body_length"] >= pledges["char_end"]).all()


def test_warnings_alone_do_not_fail_a_run() -> None:
    now = datetime.now(UTC)
    run = CheckRun("r" * 32, now, now, ["marts"], 1, [_outcome(True, "error"), _outcome(False, "warning")])
    assert run.success
    assert "PASSED" in summary(run) and "warnings:" in summary(run)
    run.outcomes.append(_outcome(False, "error", "marts.pledges"))
    assert not run.success
    text = summary(run)
    assert "✗ marts.pledges: expect_x(col)" in text and text.endswith("1 error-severity expectation(s)")
    assert run.as_row()["n_failed_errors"] == 1 and run.as_row()["n_failed_warnings"] == 1


def test_cli_layer_choices_match_the_suites() -> None:
    from newsfacts.cli.check import LAYERS as CLI_LAYERS

    assert tuple(CLI_LAYERS) == tuple(LAYERS)


def test_an_unreadable_view_is_an_error_outcome_not_a_crash(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute("create schema staging; create table staging.base as select 1 as x")
    con.execute("create view staging.stg_raw__load_batches as select * from staging.base")
    con.execute("drop table staging.base")
    work, problems = read_work(con, ["staging"], SEEDS_DIR)
    con.close()
    by_suite = {p.suite: p for p in problems}
    assert by_suite["staging.stg_raw__load_batches"].expectation_type == "expect_table_to_be_readable"
    assert by_suite["staging.stg_raw__load_batches"].failed_error
    assert by_suite["staging.stg_raw__articles"].expectation_type == "expect_table_to_exist"
    assert work == []


def test_check_without_a_warehouse_says_how_to_build_one(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    from newsfacts.cli import main

    code = main(["check", "--db", str(tmp_path / "none.duckdb"), "--no-docs"])
    assert code == 2
    assert "newsfacts build" in capsys.readouterr().err
