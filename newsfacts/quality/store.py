"""Writing check runs into the warehouse: `quality.check_runs` and `quality.check_results`."""

from __future__ import annotations

from dataclasses import astuple, fields

import duckdb

from newsfacts.quality.outcomes import Outcome

DDL = """
create schema if not exists quality;

create table if not exists quality.check_runs (
    run_id              varchar primary key,   -- uuid4 hex
    started_at          timestamp not null,
    finished_at         timestamp not null,
    layers              varchar[] not null,    -- the layers this run checked
    n_tables            integer not null,
    n_expectations      integer not null,
    n_passed            integer not null,
    n_failed            integer not null,
    n_failed_errors     integer not null,      -- failures of error severity: the run failed when > 0
    n_failed_warnings   integer not null,
    success             boolean not null,
    docs_path           varchar,               -- Data Docs index.html, null with --no-docs
    gx_version          varchar not null,
    newsfacts_version   varchar not null
);

create table if not exists quality.check_results (
    run_id              varchar not null,
    result_index        integer not null,      -- order within the run
    layer               varchar not null,
    suite               varchar not null,      -- <layer>.<table>
    table_name          varchar not null,
    expectation_type    varchar not null,
    column_name         varchar,               -- comma-joined for multi-column expectations
    severity            varchar not null,      -- error | warning
    success             boolean not null,
    observed_value      varchar,               -- JSON
    unexpected_count    bigint,
    element_count       bigint,
    unexpected_percent  double,
    kwargs              varchar,               -- JSON: the expectation's arguments
    details             varchar,               -- sample of unexpected values, or why it could not run
    primary key (run_id, result_index)
);
"""

_RESULT_COLUMNS = [f.name for f in fields(Outcome)]


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the quality schema and its tables if they are missing."""
    con.execute(DDL)


def write_run(con: duckdb.DuckDBPyConnection, run: dict[str, object], outcomes: list[Outcome]) -> None:
    """Insert one run row and its per-expectation rows in one transaction."""
    ensure_schema(con)
    columns = list(run)
    con.execute("begin transaction")
    try:
        marks = ", ".join("?" for _ in columns)
        con.execute(
            f"insert into quality.check_runs ({', '.join(columns)}) values ({marks})",
            [run[c] for c in columns],
        )
        if outcomes:
            placeholders = ", ".join("?" for _ in range(len(_RESULT_COLUMNS) + 2))
            con.executemany(
                f"insert into quality.check_results (run_id, result_index, {', '.join(_RESULT_COLUMNS)})"
                f" values ({placeholders})",
                [(run["run_id"], i, *astuple(o)) for i, o in enumerate(outcomes)],
            )
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
