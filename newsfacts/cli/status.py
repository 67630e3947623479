"""`newsfacts status`: counts per table, last load, last run, last check, stale sources."""

from __future__ import annotations

import argparse
import sys

from newsfacts import db as nfdb
from newsfacts.status import format_status, read_status

EXAMPLE = """example:
  newsfacts status
  NEWSFACTS_DB=/data/news.duckdb newsfacts status
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "status",
        help="summarise the warehouse",
        description="Counts per table, the last load, run and check, and sources that went stale.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", help="warehouse file (default: $NEWSFACTS_DB or warehouse/newsfacts.duckdb)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        print(format_status(read_status(args.db)))
    except (FileNotFoundError, nfdb.WarehouseLockedError) as exc:
        print(f"newsfacts status: {exc}", file=sys.stderr)
        return 1
    return 0
