"""`newsfacts check`: run the Great Expectations suites of every layer and fail on error-severity breaks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsfacts.paths import PROJECT_ROOT

# Kept here, not imported from newsfacts.quality, so `newsfacts --help` never imports GX (seconds).
LAYERS = ("raw", "staging", "intermediate", "marts")
DEFAULT_DOCS_DIR = PROJECT_ROOT / "gx" / "uncommitted" / "data_docs"

EXAMPLE = """\
example:
  newsfacts build && newsfacts check            # every layer, Data Docs in gx/uncommitted/data_docs
  newsfacts check --layer marts --no-docs       # just the marts, no HTML
  newsfacts check --db /tmp/w.duckdb --layer raw --layer staging

Results land in quality.check_runs (one row per run) and quality.check_results (one row per
expectation). Exit code 1 when an expectation of severity "error" fails; warnings only print.
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `check` subcommand to the CLI."""
    parser = subparsers.add_parser(
        "check",
        help="validate every warehouse layer with Great Expectations",
        description="Run the GX expectation suites (raw, staging, intermediate, marts) on the warehouse, "
        "store the results in the quality schema and render Data Docs.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", metavar="FILE", help="warehouse file (default: $NEWSFACTS_DB or warehouse/)")
    parser.add_argument(
        "--layer",
        action="append",
        choices=LAYERS,
        help="check only this layer (repeatable; default: all layers)",
    )
    parser.add_argument(
        "--docs",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="render GX Data Docs (default: on)",
    )
    parser.add_argument(
        "--docs-dir",
        metavar="DIR",
        type=Path,
        default=DEFAULT_DOCS_DIR,
        help="where Data Docs are written (default: gx/uncommitted/data_docs)",
    )
    parser.add_argument(
        "--no-store",
        action="store_true",
        help="do not write the results into the warehouse (read-only run)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the check, print the summary and return 1 when an error-severity expectation failed."""
    from newsfacts.quality import run_checks

    try:
        result = run_checks(
            args.db,
            docs=args.docs,
            layers=args.layer or list(LAYERS),
            docs_dir=args.docs_dir.resolve(),
            write=not args.no_store,
        )
    except FileNotFoundError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(result.summary())
    return 0 if result.success else 1
