"""`newsfacts build`: help with an example, and a clear error when another process holds the warehouse."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

import pytest

from newsfacts import warehouse
from newsfacts.cli import build as build_command
from newsfacts.db import WarehouseLockedError


def test_build_help_shows_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser(prog="newsfacts")
    build_command.register(parser.add_subparsers())
    with pytest.raises(SystemExit):
        parser.parse_args(["build", "--help"])
    out = capsys.readouterr().out
    assert "newsfacts build --select marts" in out and "--full-refresh" in out


def test_build_waits_for_the_lock_then_names_the_holder(tmp_path) -> None:
    db = tmp_path / "locked.duckdb"
    script = f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('ok', flush=True); time.sleep(30)"
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        started = time.monotonic()
        with pytest.raises(WarehouseLockedError, match=r"locked by .*PID"):
            warehouse.build(db, lock_timeout_s=1.0)
        assert time.monotonic() - started < 15
    finally:
        holder.kill()
        holder.wait()
