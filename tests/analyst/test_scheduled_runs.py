"""`newsfacts run` as a scheduled job: overlap-safe, journaled in ops.runs; stale feeds are reported."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from newsfacts import ops
from newsfacts.cli import main
from newsfacts.status import read_status, source_freshness

# Written for this test: one new article for the inbox of the second scheduled run.
NEW_ARTICLE = """Estonian and Finnish defence ministers meet in Tallinn
Category
Defence
Publication date
2024-05-14

On May 13, Estonian Defence Minister Hanno Pevkur hosted his Finnish counterpart Antti Häkkänen in Tallinn.

The two ministers discussed joint purchases of air defence systems and the security of the Baltic Sea,
the Estonian ministry said.
"""


def counts(db: Path) -> dict[str, int]:
    """Return row counts of the tables a run writes, plus distinct article ids (to spot duplicates)."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        sql = {
            "raw.articles": "select count(*) from raw.articles",
            "raw.article_ids": "select count(distinct article_id) from raw.articles",
            "marts.articles": "select count(*) from marts.articles",
            "marts.article_ids": "select count(distinct article_id) from marts.articles",
            "raw.load_batches": "select count(*) from raw.load_batches",
            "ops.runs": "select count(*) from ops.runs",
        }
        return {name: conn.execute(query).fetchone()[0] for name, query in sql.items()}
    finally:
        conn.close()


@pytest.mark.slow
def test_two_runs_started_at_once_do_the_work_exactly_once(demo_warehouse, tmp_path: Path) -> None:
    db = demo_warehouse.copy_to(tmp_path / "wh")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "tallinn_defence_ministers.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    before = counts(db)

    command = [sys.executable, "-m", "newsfacts", "run", "--inbox", str(inbox), "--db", str(db), "--no-check"]
    env = {**os.environ, "NEWSFACTS_DBT_QUIET": "1"}
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    runs = [subprocess.Popen(command, env=env, **pipes) for _ in range(2)]
    outcomes = [(run.wait(timeout=600), run.stderr.read().decode()) for run in runs]
    for run in runs:
        run.stdout.close()
        run.stderr.close()

    skipped = [(code, err) for code, err in outcomes if "Another newsfacts run is in progress" in err]
    worked = [(code, err) for code, err in outcomes if "dbt build" in err]
    assert len(skipped) == 1 and len(worked) == 1, outcomes
    assert skipped[0][0] == 0 and "Nothing done" in skipped[0][1]  # a clean exit for cron

    after = counts(db)
    assert after["raw.articles"] == before["raw.articles"] + 1  # loaded once, not twice
    assert after["marts.articles"] == before["marts.articles"] + 1
    assert after["raw.article_ids"] == after["raw.articles"]
    assert after["marts.article_ids"] == after["marts.articles"]
    assert after["raw.load_batches"] == before["raw.load_batches"] + 1
    assert after["ops.runs"] == before["ops.runs"] + 1  # the skipped run never touched the warehouse

    conn = duckdb.connect(str(db), read_only=True)
    try:
        row = conn.execute(
            "select status, exit_status, articles_loaded, models_built, finished_at is not null, inbox "
            "from ops.runs order by started_at desc limit 1"
        ).fetchone()
        titles = conn.execute(
            "select title from marts.articles where title like 'Estonian and Finnish%'"
        ).fetchall()
    finally:
        conn.close()
    status, exit_status, loaded, built, finished, recorded_inbox = row
    # The journal tells what the worker's exit code told cron (a failing dbt test is another
    # test's business: here the build's verdict only has to be recorded faithfully).
    assert exit_status == worked[0][0]
    assert status == ("succeeded" if exit_status == 0 else "failed")
    assert (loaded, finished) == (1, True)
    assert built > 0
    assert recorded_inbox == [str(inbox.resolve())]
    assert len(titles) == 1


def test_the_run_lock_names_its_holder_and_is_released(tmp_path: Path) -> None:
    db = tmp_path / "wh.duckdb"
    busy = pytest.raises(ops.RunInProgressError, match=f"PID {os.getpid()}")
    with ops.run_lock(db), busy, ops.run_lock(db, wait_s=0):
        pass
    with ops.run_lock(db):  # released when the first block ended
        pass


def test_a_run_that_died_is_marked_failed_by_the_next(tmp_path: Path) -> None:
    db = tmp_path / "wh.duckdb"
    dead = ops.RunRecord(inbox=["/nowhere"])
    ops.write_run(db, dead)  # a run that never got to write its end
    finished = ops.RunRecord(inbox=[], status="succeeded", exit_status=0)
    ops.write_run(db, finished)
    assert ops.close_interrupted_runs(db) == 1
    conn = duckdb.connect(str(db), read_only=True)
    try:
        rows = dict(conn.execute("select run_id, status from ops.runs").fetchall())
        message = conn.execute("select message from ops.runs where run_id = ?", [dead.run_id]).fetchone()[0]
    finally:
        conn.close()
    assert rows == {dead.run_id: "failed", finished.run_id: "succeeded"}
    assert message.startswith("interrupted")


def test_demo_run_is_journaled(demo_warehouse) -> None:
    conn = duckdb.connect(str(demo_warehouse.db), read_only=True)
    try:
        rows = conn.execute(
            "select status, exit_status, articles_loaded, records_rejected, articles_extracted, "
            "checks_failed from ops.runs"
        ).fetchall()
        n_articles = conn.execute("select count(*) from marts.articles").fetchone()[0]
    finally:
        conn.close()
    assert len(rows) == 1
    status, exit_status, loaded, _rejected, extracted, checks_failed = rows[0]
    assert (status, exit_status, checks_failed) == ("succeeded", 0, 0)
    assert loaded == extracted == n_articles


def test_status_summarises_the_demo_warehouse(demo_warehouse) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["status", "--db", str(demo_warehouse.db)]) == 0
    text = out.getvalue()
    status = read_status(demo_warehouse.db)
    assert set(status.mart_counts) >= {"articles", "bilateral_meetings", "pledges", "quotes"}
    assert all(n > 0 for n in status.mart_counts.values())
    assert f"quotes {status.mart_counts['quotes']}" in text
    assert "last build:" in text and "dbt build" in text
    assert "last run:" in text and "succeeded" in text
    assert "last check:" in text and "0 failed" in text
    assert "stale sources: none" in text


@pytest.fixture(scope="module")
def stale_db(demo_warehouse, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a copy of the demo warehouse whose feed last delivered 40 days ago."""
    db = demo_warehouse.copy_to(tmp_path_factory.mktemp("stale"))
    conn = duckdb.connect(str(db))
    try:
        conn.execute("update raw.articles set loaded_at = loaded_at - interval 40 day")
        conn.execute("update raw.load_batches set started_at = started_at - interval 40 day")
    finally:
        conn.close()
    return db


def test_status_names_the_stale_feed(stale_db: Path) -> None:
    status = read_status(stale_db)
    assert [name for name, _ in status.stale_sources] == ["inbox"]


@pytest.mark.slow
def test_dbt_source_freshness_tells_a_stale_feed(stale_db: Path) -> None:
    verdicts = {v.source: v.status for v in source_freshness(stale_db)}
    # 40 days is past error_after (30 days) in models/staging/raw/_raw__sources.yml
    assert verdicts["raw.articles"] == "error"
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        assert main(["status", "--freshness", "--db", str(stale_db)]) == 1
    assert "freshness" in err.getvalue()
