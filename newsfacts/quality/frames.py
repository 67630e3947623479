"""Reading the tables to validate from DuckDB into pandas DataFrames GX can check.

GX's SQLAlchemy path fails on DuckDB, so every table is read here (read-only) and handed to GX's
pandas engine. Reading normalises what DuckDB returns into the shapes the suites' type families
expect: strings as Python `str` in object columns, lists as Python lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import duckdb
import numpy as np
import pandas as pd

_PLACEHOLDER = re.compile(r"\{(\w+)\.(\w+)\}")


def catalog(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """Return {table name: [schemas holding it]} for the tables and views of the open database."""
    rows = con.execute(
        "select table_name, table_schema from information_schema.tables"
        " where table_catalog = current_database() order by table_schema"
    ).fetchall()
    found: dict[str, list[str]] = {}
    for name, schema in rows:
        found.setdefault(str(name), []).append(str(schema))
    return found


def pick_schema(layer: str, schemas: Iterable[str]) -> str | None:
    """Return the schema holding a layer's table: `<layer>`, else dbt's `<target>_<layer>`, else `main`.

    The raw layer only ever lives in `raw`, so a mart that shares a name with a raw table
    (`articles`) is never mistaken for it, and no other layer reads from `raw` or `quality`.
    """
    options = list(schemas)
    if layer in options:
        return layer
    if layer == "raw":
        return None
    suffixed = [s for s in options if s.endswith(f"_{layer}")]
    if suffixed:
        return suffixed[0]
    return "main" if "main" in options else None


def relation(layer: str, table: str, tables: Mapping[str, list[str]]) -> str | None:
    """Return the quoted `"schema"."table"` for a layer's table, or None when the warehouse lacks it."""
    schema = pick_schema(layer, tables.get(table, []))
    if schema is None:
        return None
    return f'"{schema}"."{table}"'


def render(sql: str, relations: Mapping[str, str]) -> str:
    """Return `sql` with each `{layer.table}` placeholder replaced by its relation (KeyError if unknown)."""
    return _PLACEHOLDER.sub(lambda m: relations[f"{m[1]}.{m[2]}"], sql)


def placeholders(sql: str) -> list[str]:
    """Return the `layer.table` names a frame SQL template refers to."""
    return [f"{m[1]}.{m[2]}" for m in _PLACEHOLDER.finditer(sql)]


def _as_python_list(value: object) -> object:
    """Return a numpy array as a list (DuckDB hands LIST columns over as arrays), anything else unchanged."""
    if isinstance(value, np.ndarray):
        return [_as_python_list(v) for v in value.tolist()]
    return value


def normalise(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the frame with strings in object columns and list cells as Python lists."""
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if isinstance(column.dtype, pd.StringDtype):
            # pandas' string dtype hides the values' Python type from GX's per-value type check.
            out[name] = column.astype(object).where(column.notna(), None)
        elif column.dtype == object:
            out[name] = column.map(_as_python_list)
    return out


def read_frame(con: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    """Return the result of `sql` as a normalised DataFrame."""
    return normalise(con.execute(sql).df())


def row_count(con: duckdb.DuckDBPyConnection, rel: str) -> int:
    """Return the number of rows of a relation."""
    result = con.execute(f"select count(*) from {rel}").fetchone()
    return int(result[0]) if result else 0
