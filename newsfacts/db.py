"""Opening the DuckDB warehouse, politely.

DuckDB allows one writing process at a time, and any open connection from another process (even a
read-only one) blocks a writer. Rather than fail on the first conflict, a writer waits and retries
for a bounded time, telling the user who holds the lock, then fails with an error naming the holder.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from newsfacts.paths import database_path

DEFAULT_LOCK_TIMEOUT_S = 60.0
_HOLDER_RE = re.compile(r"Conflicting lock is held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


class WarehouseLockedError(RuntimeError):
    """Raised when the warehouse stayed locked by another process for the whole wait."""


def lock_holder(message: str) -> str | None:
    """Return 'PROGRAM (PID n)' from a DuckDB lock-conflict message, or None if it is not one."""
    match = _HOLDER_RE.search(message)
    if match:
        return f"{match['program']} (PID {match['pid']})"
    if "Could not set lock" in message:
        return "another process"
    return None


def connect(
    db: str | Path | None = None,
    *,
    read_only: bool = False,
    lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S,
    on_wait: Callable[[str], None] | None = None,
) -> duckdb.DuckDBPyConnection:
    """Return a connection to the warehouse, waiting up to lock_timeout_s while another process holds it."""
    path = database_path(db)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not path.exists():
        raise FileNotFoundError(
            f"No warehouse at {path}. Build one first: `make demo`, "
            "or `newsfacts load PATH` then `newsfacts build`."
        )
    notify = on_wait or (lambda msg: print(msg, file=sys.stderr))
    deadline = time.monotonic() + lock_timeout_s
    delay = 0.2
    told = False
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            holder = lock_holder(str(exc))
            if holder is None:
                raise
            if time.monotonic() >= deadline:
                raise WarehouseLockedError(
                    f"The warehouse {path} is locked by {holder}; gave up after {lock_timeout_s:.0f}s. "
                    "Close that process (a notebook, a duckdb shell, another newsfacts run) and try again."
                ) from exc
            if not told:
                notify(f"Waiting for the warehouse lock on {path}, held by {holder} …")
                told = True
            time.sleep(delay)
            delay = min(delay * 1.5, 2.0)
