"""A summary of the warehouse: what is in it, and when it was last loaded, built and checked."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from newsfacts import db as nfdb
from newsfacts.marts import MART_TABLES, MARTS_SCHEMA, existing_tables, row_count
from newsfacts.paths import database_path

# A source whose newest article is older than this is reported stale (dbt source freshness
# enforces the same idea per source in models/staging).
STALE_AFTER_HOURS = 24


@dataclass(slots=True)
class WarehouseStatus:
    db_path: Path
    raw_counts: dict[str, int] = field(default_factory=dict)
    mart_counts: dict[str, int] = field(default_factory=dict)
    last_load: tuple | None = None  # (finished_at, status, n_new, n_rejected)
    last_run: tuple | None = None  # (finished_at, status, articles_loaded, checks_failed)
    last_check: tuple | None = None  # (finished_at, n_passed, n_failed)
    stale_sources: list[tuple[str, datetime]] = field(default_factory=list)


def _one(conn: duckdb.DuckDBPyConnection, sql: str) -> tuple | None:
    try:
        return conn.execute(sql).fetchone()
    except duckdb.CatalogException:
        return None
    except duckdb.BinderException:
        return None


def read_status(db: str | Path | None = None) -> WarehouseStatus:
    """Return the warehouse's status (read-only; raises FileNotFoundError when there is no warehouse)."""
    path = database_path(db)
    conn = nfdb.connect(path, read_only=True)
    try:
        status = WarehouseStatus(db_path=path)
        for table in ("articles", "load_batches", "rejected_records"):
            if table in existing_tables(conn, "raw"):
                status.raw_counts[table] = row_count(conn, "raw", table)
        present = set(existing_tables(conn, MARTS_SCHEMA))
        for table in MART_TABLES:
            if table in present:
                status.mart_counts[table] = row_count(conn, MARTS_SCHEMA, table)
        status.last_load = _one(
            conn,
            "select finished_at, status, n_new, n_rejected from raw.load_batches "
            "order by started_at desc limit 1",
        )
        status.last_run = _one(
            conn,
            "select finished_at, status, articles_loaded, checks_failed from ops.runs "
            "order by started_at desc limit 1",
        )
        status.last_check = _one(
            conn,
            "select finished_at, n_passed, n_failed from quality.check_runs order by started_at desc limit 1",
        )
        with contextlib.suppress(duckdb.CatalogException):
            status.stale_sources = conn.execute(
                f"""
                select coalesce(source_kind, '?') || ' ' || coalesce(outlet, '(no outlet)'), max(loaded_at)
                from raw.articles
                group by all
                having max(loaded_at) < now()::timestamp - interval {STALE_AFTER_HOURS} hour
                order by 2
                """
            ).fetchall()
        return status
    finally:
        conn.close()


def format_status(status: WarehouseStatus) -> str:
    """Return the status as the short text `newsfacts status` prints."""
    lines = [f"warehouse: {status.db_path}"]
    if status.raw_counts:
        lines.append("raw:   " + ", ".join(f"{k} {v}" for k, v in status.raw_counts.items()))
    if status.mart_counts:
        lines.append("marts: " + ", ".join(f"{k} {v}" for k, v in status.mart_counts.items()))
    else:
        lines.append("marts: not built yet — run `newsfacts build`")
    if status.last_load:
        at, state, new, rejected = status.last_load
        lines.append(f"last load:  {at} {state}, {new} new, {rejected} rejected")
    if status.last_run:
        at, state, loaded, failed = status.last_run
        lines.append(f"last run:   {at} {state}, {loaded} loaded, {failed} check(s) failed")
    if status.last_check:
        at, passed, failed = status.last_check
        lines.append(f"last check: {at}, {passed} passed, {failed} failed")
    if status.stale_sources:
        names = ", ".join(f"{name} (newest {at:%Y-%m-%d})" for name, at in status.stale_sources[:5])
        more = f" and {len(status.stale_sources) - 5} more" if len(status.stale_sources) > 5 else ""
        lines.append(f"stale (> {STALE_AFTER_HOURS} h since last load): {names}{more}")
    return "\n".join(lines)
