"""A dbt-duckdb plugin that registers newsfacts' Python cleaning functions as DuckDB UDFs.

Listed under `plugins:` in profiles.yml; dbt-duckdb calls `configure_connection` on every
connection it opens, so staging SQL can call `nf_clean_body(body, title)` and friends. The
functions live in newsfacts/clean.py (and `person_key` in newsfacts/extract/names.py); this module
only adapts them to SQL types.

Because the UDFs exist only on connections that ran this plugin, a model calling them must be
materialised as a table: a view would fail when another client (a notebook, GX, the duckdb CLI)
reads it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
from dbt.adapters.duckdb.plugins import BasePlugin
from duckdb import DuckDBPyConnection, sqltypes

from newsfacts import clean
from newsfacts.extract.names import person_key

VARCHAR = sqltypes.VARCHAR
VARCHAR_LIST = duckdb.list_type(sqltypes.VARCHAR)
DATE = sqltypes.DATE


def _udfs(seeds_dir: str | None) -> list[tuple[str, Callable[..., Any], list[Any], Any]]:
    """Return (name, function, parameter types, return type) for every UDF the plugin registers."""
    patterns = clean.default_patterns(seeds_dir)

    def clean_body(body: str | None, title: str | None) -> str | None:
        return None if body is None else clean.clean_body(body, title, patterns)

    def parse_date(raw: str | None) -> date | None:
        return clean.parse_date(raw)

    version = clean.cleaner_version(seeds_dir)

    def cleaner_version() -> str:
        return version

    return [
        ("nf_cleaner_version", cleaner_version, [], VARCHAR),
        ("nf_clean_body", clean_body, [VARCHAR, VARCHAR], VARCHAR),
        ("nf_clean_title", clean.clean_title, [VARCHAR], VARCHAR),
        ("nf_parse_date", parse_date, [VARCHAR], DATE),
        ("nf_header_date", clean.header_date, [VARCHAR], VARCHAR),
        ("nf_language", clean.detect_language, [VARCHAR], VARCHAR),
        ("nf_minhash_bands", clean.minhash_bands, [VARCHAR], VARCHAR_LIST),
        # The library's own key for a person, so SQL matches seeded aliases to the keys the
        # extractors emit with exactly the same folding (ł, ø, ß, '_' included).
        ("nf_person_key", person_key, [VARCHAR], VARCHAR),
    ]


def register_udfs(conn: DuckDBPyConnection, seeds_dir: str | Path | None = None) -> list[str]:
    """Register the cleaning UDFs on conn (replacing older ones) and return their names."""
    names = []
    for name, func, params, returns in _udfs(str(seeds_dir) if seeds_dir else None):
        # A connection may be configured twice (dbt re-opens handles): replace, don't fail.
        with contextlib.suppress(duckdb.InvalidInputException):
            conn.remove_function(name)
        # null_handling="special": the Python functions decide what NULL becomes.
        conn.create_function(name, func, params, returns, null_handling="special", side_effects=False)
        names.append(name)
    return names


class Plugin(BasePlugin):
    """dbt-duckdb plugin: `plugins: [{module: newsfacts.dbt_udfs}]` in profiles.yml."""

    def initialize(self, plugin_config: dict[str, Any]) -> None:
        self.seeds_dir = plugin_config.get("seeds_dir")

    def configure_connection(self, conn: DuckDBPyConnection) -> None:
        register_udfs(conn, self.seeds_dir)
