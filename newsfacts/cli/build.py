"""`newsfacts build`: run `dbt build` (seeds, staging, intermediate, marts and their tests)."""

from __future__ import annotations

import argparse
import sys

from newsfacts import warehouse
from newsfacts.db import WarehouseLockedError

EXAMPLE = """\
examples:
  newsfacts build                         # build everything in warehouse/newsfacts.duckdb
  newsfacts build --db /tmp/try.duckdb    # another warehouse file
  newsfacts build --select marts          # one layer (any dbt selector)
  newsfacts build --full-refresh          # re-extract every article, rebuild incremental models
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `build` subcommand to the CLI."""
    parser = subparsers.add_parser(
        "build",
        help="transform raw articles into staging, intermediate and mart tables (dbt build)",
        description=(
            "Run `dbt build` on the newsfacts dbt project: seeds, models and every dbt test, in DAG "
            "order. Only articles not yet extracted (or extracted by an older extractor) are extracted."
        ),
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", help="warehouse file (default: $NEWSFACTS_DB or warehouse/newsfacts.duckdb)")
    parser.add_argument("--select", "-s", nargs="+", help="dbt selector(s), e.g. marts or +quotes")
    parser.add_argument("--exclude", nargs="+", help="dbt selector(s) to leave out")
    parser.add_argument("--full-refresh", action="store_true", help="rebuild incremental models from scratch")
    parser.add_argument(
        "--lock-timeout", type=float, default=60.0, help="seconds to wait for another process's lock (60)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build the warehouse, print a summary and return 0 when every node passed, else 1."""
    try:
        result = warehouse.build(
            args.db,
            select=args.select,
            full_refresh=args.full_refresh,
            exclude=args.exclude,
            lock_timeout_s=args.lock_timeout,
        )
    except WarehouseLockedError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    print(result.summary(), file=sys.stdout if result.success else sys.stderr)
    return 0 if result.success else 1
