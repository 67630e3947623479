"""The run journal and the run lock: what `newsfacts run` records, and how two runs never overlap.

A scheduled job (cron, systemd timer) may start while the previous one is still going. The run lock
is an OS file lock (flock) beside the database: the kernel releases it when its holder dies, even
by SIGKILL, so a crashed run never leaves a stale lock behind. Each run is a row in `ops.runs`.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from newsfacts import db as nfdb

OPS_DDL = """
create schema if not exists ops;
create table if not exists ops.runs (
    run_id            varchar primary key,
    started_at        timestamp not null,
    finished_at       timestamp,
    inbox             varchar[],
    articles_loaded   integer,
    records_rejected  integer,
    models_built      integer,
    articles_extracted integer,
    checks_failed     integer,
    exit_status       integer,
    status            varchar not null,  -- running | succeeded | failed
    message           varchar
);
"""


class RunInProgressError(RuntimeError):
    """Raised when another `newsfacts run` holds the run lock on the same warehouse."""


def lock_path(db_path: Path) -> Path:
    """Return the run-lock file that guards db_path."""
    return db_path.with_name(db_path.name + ".run.lock")


@contextlib.contextmanager
def run_lock(db_path: Path, *, wait_s: float = 0.0) -> Iterator[None]:
    """Hold the run lock for db_path for the block; wait up to wait_s, else raise RunInProgressError."""
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("a+")
    deadline = time.monotonic() + wait_s
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "another process"
                    raise RunInProgressError(
                        f"Another newsfacts run is in progress on {db_path} ({holder})."
                    ) from None
                time.sleep(0.5)
        handle.seek(0)
        handle.truncate()
        handle.write(f"PID {os.getpid()} since {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC\n")
        handle.flush()
        yield
    finally:
        handle.close()  # closing the descriptor releases the flock


@dataclass(slots=True)
class RunRecord:
    """One row of ops.runs, filled in as the run goes."""

    inbox: list[str]
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC).replace(tzinfo=None))
    finished_at: datetime | None = None
    articles_loaded: int | None = None
    records_rejected: int | None = None
    models_built: int | None = None
    articles_extracted: int | None = None
    checks_failed: int | None = None
    exit_status: int | None = None
    status: str = "running"
    message: str | None = None


def write_run(db_path: Path, record: RunRecord) -> None:
    """Insert or update the run's row in ops.runs (a short write transaction of its own)."""
    conn = nfdb.connect(db_path)
    try:
        conn.execute(OPS_DDL)
        conn.execute("delete from ops.runs where run_id = ?", [record.run_id])
        conn.execute(
            "insert into ops.runs values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                record.run_id,
                record.started_at,
                record.finished_at,
                record.inbox,
                record.articles_loaded,
                record.records_rejected,
                record.models_built,
                record.articles_extracted,
                record.checks_failed,
                record.exit_status,
                record.status,
                record.message,
            ],
        )
    finally:
        conn.close()


def close_interrupted_runs(db_path: Path) -> int:
    """Mark runs left 'running' by a process that died as failed; return how many there were.

    Only call this while holding the run lock: then no other run can be going, so a 'running' row
    can only belong to a run that was killed (SIGKILL, power loss) before it could record its end.
    """
    conn = nfdb.connect(db_path)
    try:
        conn.execute(OPS_DDL)
        rows = conn.execute(
            "update ops.runs set status = 'failed', exit_status = coalesce(exit_status, 1), "
            "message = coalesce(message, 'interrupted: the process ended before recording its outcome') "
            "where status = 'running' returning run_id"
        ).fetchall()
        return len(rows)
    finally:
        conn.close()
