"""What an analyst gets: the names of the mart tables and small read helpers shared by the CLI."""

from __future__ import annotations

import duckdb

MARTS_SCHEMA = "marts"
# The tables analysts use, in the order `status` and `export` list them.
MART_TABLES = (
    "articles",
    "entities",
    "person_roles",
    "entity_mentions",
    "bilateral_meetings",
    "meeting_articles",
    "pledges",
    "quotes",
)


def existing_tables(conn: duckdb.DuckDBPyConnection, schema: str) -> list[str]:
    """Return the tables and views that exist in schema, sorted."""
    rows = conn.execute(
        "select table_name from information_schema.tables where table_schema = ? order by table_name",
        [schema],
    ).fetchall()
    return [r[0] for r in rows]


def row_count(conn: duckdb.DuckDBPyConnection, schema: str, table: str) -> int:
    """Return the number of rows in schema.table."""
    row = conn.execute(f'select count(*) from "{schema}"."{table}"').fetchone()
    return int(row[0]) if row else 0
