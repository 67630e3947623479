"""`newsfacts status`: counts per table, last load, last run, last check, stale sources."""

from __future__ import annotations

import argparse
import sys

from newsfacts import db as nfdb
from newsfacts.status import format_status, read_status, source_freshness

EXAMPLE = """example:
  newsfacts status
  newsfacts status --freshness                    # also run `dbt source freshness` (~20 s)
  NEWSFACTS_DB=/data/news.duckdb newsfacts status

exit status: 0, or 1 when there is no warehouse or (with --freshness) a source is past error_after.
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
    parser.add_argument(
        "--freshness",
        action="store_true",
        help="run `dbt source freshness` and report its verdict per source (warn/error thresholds in "
        "models/staging/raw/_raw__sources.yml)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        status = read_status(args.db)
        if args.freshness:
            status.freshness = source_freshness(args.db)
    except (FileNotFoundError, nfdb.WarehouseLockedError) as exc:
        print(f"newsfacts status: {exc}", file=sys.stderr)
        return 1
    print(format_status(status))
    if status.freshness and any(v.status not in ("pass", "warn") for v in status.freshness):
        print(
            "newsfacts status: a source is past its freshness error threshold: check the feed or the "
            "scheduled `newsfacts run` (see docs/analysts.md).",
            file=sys.stderr,
        )
        return 1
    return 0
