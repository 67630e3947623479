"""`newsfacts export`: write the marts to Parquet or CSV files for other tools."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsfacts import db as nfdb
from newsfacts.marts import MART_TABLES, MARTS_SCHEMA, existing_tables

EXAMPLE = """example:
  newsfacts export --format parquet out/            # every mart, one file each
  newsfacts export --format csv --tables quotes,pledges out/
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write the marts to Parquet or CSV files",
        description="Write the mart tables (one file per table) for other tools.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("directory", type=Path, help="where the files go (created if missing)")
    parser.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    parser.add_argument("--tables", help=f"comma-separated subset of: {', '.join(MART_TABLES)}")
    parser.add_argument("--db", help="warehouse file (default: $NEWSFACTS_DB or warehouse/newsfacts.duckdb)")
    parser.set_defaults(func=run)


def export_marts(db: str | None, directory: Path, fmt: str, tables: list[str] | None) -> list[Path]:
    """Write each requested mart to directory/<table>.<fmt> and return the paths written."""
    unknown = [t for t in tables or [] if t not in MART_TABLES]
    if unknown:
        raise ValueError(f"unknown mart(s): {', '.join(unknown)}; choose from {', '.join(MART_TABLES)}")
    conn = nfdb.connect(db, read_only=True)
    try:
        present = set(existing_tables(conn, MARTS_SCHEMA))
        wanted = tables or [t for t in MART_TABLES if t in present]
        missing = [t for t in wanted if t not in present]
        if missing or not wanted:
            raise ValueError(
                f"the warehouse has no mart(s) {', '.join(missing or MART_TABLES)} yet: "
                "run `newsfacts build` (or `make demo`) first"
            )
        directory.mkdir(parents=True, exist_ok=True)
        written = []
        for table in wanted:
            path = directory / f"{table}.{fmt}"
            target = path.resolve().as_posix().replace("'", "''")
            options = "(format parquet)" if fmt == "parquet" else "(format csv, header true)"
            conn.execute(f"copy {MARTS_SCHEMA}.{table} to '{target}' {options}")
            written.append(path)
        return written
    finally:
        conn.close()


def run(args: argparse.Namespace) -> int:
    tables = [t.strip() for t in args.tables.split(",")] if args.tables else None
    try:
        written = export_marts(args.db, args.directory, args.format, tables)
    except (ValueError, FileNotFoundError, nfdb.WarehouseLockedError) as exc:
        print(f"newsfacts export: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    print(f"exported {len(written)} table(s) to {args.directory}", file=sys.stderr)
    return 0
