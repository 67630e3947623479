"""A summary of the warehouse: what is in it, and when it was last loaded, built and checked.

Two views of staleness, one threshold: the quick one (`newsfacts status`) compares each source's
newest `loaded_at` in raw.articles with the `warn_after` that dbt's source freshness uses (read from
the sources YAML, so the two never disagree); the thorough one (`newsfacts status --freshness`) runs
`dbt source freshness` itself and reports dbt's verdict per source (pass, warn, error).
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import yaml

from newsfacts import db as nfdb
from newsfacts.marts import MART_TABLES, MARTS_SCHEMA, existing_tables, row_count
from newsfacts.paths import PROJECT_ROOT, database_path

SOURCES_YAML = PROJECT_ROOT / "models" / "staging" / "raw" / "_raw__sources.yml"
# Used only when the sources YAML gives no warn_after (it does: 7 days at the time of writing).
DEFAULT_WARN_AFTER = timedelta(days=7)
_PERIODS = {"minute": "minutes", "hour": "hours", "day": "days"}


@dataclass(slots=True)
class SourceFreshness:
    """dbt's verdict on one source table: pass, warn, error or runtime error."""

    source: str
    status: str
    max_loaded_at: str | None
    age_hours: float | None


@dataclass(slots=True)
class WarehouseStatus:
    db_path: Path
    raw_counts: dict[str, int] = field(default_factory=dict)
    mart_counts: dict[str, int] = field(default_factory=dict)
    last_load: tuple | None = None  # (finished_at, status, n_new, n_rejected)
    last_run: tuple | None = None  # (finished_at, status, articles_loaded, checks_failed)
    last_check: tuple | None = None  # (finished_at, n_passed, n_failed)
    last_build: tuple | None = None  # (generated_at, command, counts per status), from dbt's run_results
    warn_after: timedelta = DEFAULT_WARN_AFTER
    stale_sources: list[tuple[str, datetime]] = field(default_factory=list)
    freshness: list[SourceFreshness] | None = None  # only with --freshness


def warn_after(sources_yaml: Path = SOURCES_YAML) -> timedelta:
    """Return the source-level freshness warn_after of the raw source, as dbt would apply it."""
    try:
        spec = yaml.safe_load(sources_yaml.read_text(encoding="utf-8"))
        source = next(s for s in spec["sources"] if s["name"] == "raw")
        config = source.get("config", source)
        rule = config["freshness"]["warn_after"]
        return timedelta(**{_PERIODS[rule["period"]]: int(rule["count"])})
    except (OSError, KeyError, StopIteration, TypeError, yaml.YAMLError):
        return DEFAULT_WARN_AFTER


def _one(conn: duckdb.DuckDBPyConnection, sql: str) -> tuple | None:
    """Return the first row of sql, or None when the table it reads does not exist yet."""
    try:
        return conn.execute(sql).fetchone()
    except (duckdb.CatalogException, duckdb.BinderException):
        return None


def stale_sources(conn: duckdb.DuckDBPyConnection, older_than: timedelta) -> list[tuple[str, datetime]]:
    """Return (source name, newest loaded_at) for each source that loaded nothing new for older_than."""
    with contextlib.suppress(duckdb.CatalogException):
        return conn.execute(
            """
            select coalesce(source_name, source_kind, '?') as source, max(loaded_at) as newest
            from raw.articles
            group by all
            having max(loaded_at) < ?
            order by newest
            """,
            # loaded_at is naive UTC (loaders' contract): compare with a naive UTC cutoff
            [datetime.now(UTC).replace(tzinfo=None) - older_than],
        ).fetchall()
    return []


def last_build(target_dir: Path) -> tuple[datetime, str, dict[str, int]] | None:
    """Return (finished at, dbt command, count per node status) of the last dbt build/run, if any.

    dbt writes run_results.json into the warehouse's target directory after every invocation; only
    `build` and `run` say anything about the state of the marts.
    """
    try:
        results = json.loads((target_dir / "run_results.json").read_text(encoding="utf-8"))
        command = results["args"]["which"]
        finished = datetime.fromisoformat(results["metadata"]["generated_at"].replace("Z", "+00:00"))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if command not in ("build", "run"):
        return None
    statuses: dict[str, int] = {}
    for res in results.get("results", []):
        statuses[res["status"]] = statuses.get(res["status"], 0) + 1
    return finished.replace(tzinfo=None), command, statuses


def read_status(db: str | Path | None = None) -> WarehouseStatus:
    """Return the warehouse's status (read-only; raises FileNotFoundError when there is no warehouse)."""
    path = database_path(db)
    conn = nfdb.connect(path, read_only=True)
    try:
        status = WarehouseStatus(db_path=path, warn_after=warn_after())
        raw_tables = set(existing_tables(conn, "raw"))
        for table in ("articles", "load_batches", "rejected_records"):
            if table in raw_tables:
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
        status.stale_sources = stale_sources(conn, status.warn_after)
    finally:
        conn.close()
    from newsfacts.warehouse import dbt_dirs

    status.last_build = last_build(dbt_dirs(path)[0])
    return status


def source_freshness(db: str | Path | None = None) -> list[SourceFreshness]:
    """Return dbt's source freshness verdict per source table (runs `dbt source freshness`, ~20 s)."""
    from newsfacts import warehouse

    path = database_path(db)
    # dbt's own log lines would drown the one-line verdict `newsfacts status` prints
    quiet = os.environ.get("NEWSFACTS_DBT_QUIET")
    os.environ["NEWSFACTS_DBT_QUIET"] = "1"
    try:
        result = warehouse.run_dbt("source freshness", path)
    finally:
        if quiet is None:
            os.environ.pop("NEWSFACTS_DBT_QUIET", None)
    target, _ = warehouse.dbt_dirs(path)
    verdicts: list[SourceFreshness] = []
    with contextlib.suppress(OSError, ValueError):
        results = json.loads((target / "sources.json").read_text(encoding="utf-8"))["results"]
        for res in results:
            age = res.get("max_loaded_at_time_ago_in_s")
            verdicts.append(
                SourceFreshness(
                    source=res["unique_id"].removeprefix("source.newsfacts."),
                    status=res["status"],
                    max_loaded_at=res.get("max_loaded_at"),
                    age_hours=round(age / 3600, 1) if age is not None else None,
                )
            )
    if not verdicts:  # dbt could not even run: report it as a verdict rather than hiding it
        verdicts.append(SourceFreshness("raw", "runtime error", None, None))
        if result.error:
            verdicts[0].max_loaded_at = result.error
    return sorted(verdicts, key=lambda v: v.source)


def _age(hours: float | None) -> str:
    """Return an age in hours as a short human phrase."""
    if hours is None:
        return "no data"
    return f"{hours:.1f} h ago" if hours < 48 else f"{hours / 24:.1f} days ago"


def format_status(status: WarehouseStatus) -> str:
    """Return the status as the short text `newsfacts status` prints."""
    lines = [f"warehouse: {status.db_path}"]
    if status.raw_counts:
        lines.append("raw:   " + ", ".join(f"{k} {v}" for k, v in status.raw_counts.items()))
    else:
        lines.append("raw:   empty — load articles with `newsfacts load PATH` or `newsfacts run --inbox DIR`")
    if status.mart_counts:
        lines.append("marts: " + ", ".join(f"{k} {v}" for k, v in status.mart_counts.items()))
    else:
        lines.append("marts: not built yet — run `newsfacts build`")
    if status.last_load:
        at, state, new, rejected = status.last_load
        lines.append(f"last load:  {at:%Y-%m-%d %H:%M:%S} {state}, {new} new, {rejected} rejected")
    if status.last_build:
        at, command, counts = status.last_build
        ok = counts.get("success", 0) + counts.get("pass", 0)
        bad = counts.get("error", 0) + counts.get("fail", 0)
        lines.append(
            f"last build: {at:%Y-%m-%d %H:%M:%S} dbt {command}, {ok} ok, {counts.get('warn', 0)} warn, "
            f"{bad} failed, {counts.get('skipped', 0)} skipped"
        )
    if status.last_run:
        at, state, loaded, failed = status.last_run
        when = f"{at:%Y-%m-%d %H:%M:%S}" if at else "still running"
        lines.append(f"last run:   {when} {state}, {loaded or 0} loaded, {failed or 0} check(s) failed")
    else:
        lines.append("last run:   none — `newsfacts run --inbox DIR` loads, builds and checks in one go")
    if status.last_check:
        at, passed, failed = status.last_check
        lines.append(f"last check: {at:%Y-%m-%d %H:%M:%S}, {passed} passed, {failed} failed")
    else:
        lines.append("last check: none — run `newsfacts check`")
    days = status.warn_after.total_seconds() / 86400
    if status.stale_sources:
        names = ", ".join(f"{name} (newest {at:%Y-%m-%d})" for name, at in status.stale_sources[:5])
        more = f" and {len(status.stale_sources) - 5} more" if len(status.stale_sources) > 5 else ""
        lines.append(f"stale sources (nothing loaded for > {days:g} days): {names}{more}")
    elif status.raw_counts.get("articles"):
        lines.append(f"stale sources: none (every source loaded within {days:g} days)")
    if status.freshness is not None:
        verdicts = "; ".join(f"{v.source} {v.status} ({_age(v.age_hours)})" for v in status.freshness)
        lines.append(f"dbt source freshness: {verdicts}")
    return "\n".join(lines)
