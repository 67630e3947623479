"""Crash safety and locking with real processes: SIGKILL mid-load, and a writer blocked by a reader."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from loaders import load_paths
from newsfacts.db import WarehouseLockedError

# Every row of every raw table, in a fixed order: "the database as it was" compares equal to this.
SNAPSHOT_SQL = {
    "articles": "select article_id, body, batch_id from raw.articles order by article_id",
    "batches": "select batch_id, status, n_read, n_new from raw.load_batches order by batch_id",
    "rejected": "select rejection_id from raw.rejected_records order by rejection_id",
}


def _snapshot(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {name: con.execute(sql).fetchall() for name, sql in SNAPSHOT_SQL.items()}


def _big_jsonl(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            out.write(
                json.dumps({"id": f"k{i}", "text": f"Dispatch {i}: ministers met to discuss trade."}) + "\n"
            )
        out.write("{truncated\n")
    return path


def test_sigkill_mid_load_leaves_the_database_as_before(tmp_path, db):
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"id": "base", "text": "The baseline article."}) + "\n", encoding="utf-8")
    load_paths([first], db=db, progress=False)
    before = _snapshot(db)
    big = _big_jsonl(tmp_path / "big.jsonl", 12_000)
    # The child reports after each flushed chunk, then stalls, so the kill lands inside the open transaction
    # with thousands of rows already written to it.
    script = textwrap.dedent(
        f"""
        import sys, time
        from loaders import load_paths
        def on_flush(counts):
            print("flushed", counts.new, flush=True)
            if counts.new >= 4000:
                time.sleep(600)
        load_paths([{str(big)!r}], db={str(db)!r}, progress=False, on_flush=on_flush)
        print("finished", flush=True)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        flushed = 0
        deadline = time.monotonic() + 120
        while flushed < 4000 and time.monotonic() < deadline:
            line = child.stdout.readline()
            assert line, "the child ended before it was killed"
            assert line.startswith("flushed"), line
            flushed = int(line.split()[1])
        assert flushed >= 4000
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert _snapshot(db) == before
    # And the warehouse is still usable: the same load now lands whole.
    summary = load_paths([big], db=db, progress=False)
    assert (summary.new, summary.rejected) == (12_000, 1)


def _hold_lock(db: Path, seconds: float) -> subprocess.Popen:
    """Start a process holding a read-only connection for `seconds`; return once it holds it."""
    script = (
        f"import duckdb, time; c = duckdb.connect({str(db)!r}, read_only=True); print('ready', flush=True); "
    )
    script += f"time.sleep({seconds})"
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "ready"
    return holder


def test_locked_warehouse_fails_with_the_holder_named(tmp_path, db):
    seed = tmp_path / "a.jsonl"
    seed.write_text(json.dumps({"text": "Something to create the file."}) + "\n", encoding="utf-8")
    load_paths([seed], db=db, progress=False)
    holder = _hold_lock(db, 60)
    try:
        started = time.monotonic()
        with pytest.raises(WarehouseLockedError) as error:
            load_paths([seed], db=db, progress=False, lock_timeout_s=1.5, on_wait=lambda m: None)
        assert 1.0 < time.monotonic() - started < 15
        assert f"PID {holder.pid}" in str(error.value)
        assert "locked by" in str(error.value)
    finally:
        holder.kill()
        holder.wait()


def test_load_waits_for_a_lock_that_is_released(tmp_path, db):
    seed = tmp_path / "a.jsonl"
    seed.write_text(json.dumps({"text": "Created before the holder starts."}) + "\n", encoding="utf-8")
    load_paths([seed], db=db, progress=False)
    later = tmp_path / "b.jsonl"
    later.write_text(json.dumps({"text": "Loaded once the holder lets go."}) + "\n", encoding="utf-8")
    holder = _hold_lock(db, 2.0)
    messages: list[str] = []
    try:
        summary = load_paths([later], db=db, progress=False, lock_timeout_s=60, on_wait=messages.append)
    finally:
        holder.kill()
        holder.wait()
    assert summary.new == 1
    assert (
        len(messages) == 1
        and "Waiting for the warehouse lock" in messages[0]
        and str(holder.pid) in messages[0]
    )


def test_cli_reports_lock_and_exit_code(tmp_path, db):
    seed = tmp_path / "a.jsonl"
    seed.write_text(json.dumps({"text": "Present."}) + "\n", encoding="utf-8")
    load_paths([seed], db=db, progress=False)
    holder = _hold_lock(db, 60)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "newsfacts", "load", str(seed), "--db", str(db), "--lock-timeout", "1"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 3
    assert f"PID {holder.pid}" in result.stderr and "Traceback" not in result.stderr
