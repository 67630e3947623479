"""`newsfacts run`: the scheduled job — load what is new, build, check — as one overlap-safe run."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from newsfacts import db as nfdb
from newsfacts import ops
from newsfacts.paths import database_path

EXAMPLE = """example:
  newsfacts run --inbox /data/inbox            # load new files, dbt build, quality checks
  newsfacts run --inbox data/sample --wait 600 # wait up to 10 minutes if another run is going

cron (every 30 minutes):
  */30 * * * * cd /opt/newsfacts && .venv/bin/newsfacts run --inbox /data/inbox >> logs/run.log 2>&1

A systemd timer, the ops.runs journal and stale-feed alerts: docs/analysts.md ("Scheduled runs").
exit status: 0 done (or skipped: another run holds the lock), 1 the build or an error-level check failed.
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "run",
        help="load new files, build and check, as one overlap-safe job",
        description=(
            "The scheduled job: load everything new from the inbox folder(s), run `dbt build`, then "
            "`newsfacts check`, recording the run in ops.runs. A second run started while one is going "
            "exits cleanly (or waits, with --wait)."
        ),
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--inbox", nargs="+", default=[], help="folders or files to load (recursively)")
    parser.add_argument("--db", help="warehouse file (default: $NEWSFACTS_DB or warehouse/newsfacts.duckdb)")
    parser.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                        help="wait this long for a running job to finish instead of exiting (default 0)")
    parser.add_argument("--no-check", action="store_true", help="skip the quality checks")
    parser.add_argument("--no-docs", action="store_true", help="do not render Data Docs")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    db_path = database_path(args.db)
    try:
        with ops.run_lock(db_path, wait_s=args.wait):
            return _run_locked(db_path, args)
    except ops.RunInProgressError as exc:
        print(f"newsfacts run: {exc} Nothing done; the running job will pick up new files.", file=sys.stderr)
        return 0
    except nfdb.WarehouseLockedError as exc:
        print(f"newsfacts run: {exc}", file=sys.stderr)
        return 1


def _run_locked(db_path: Path, args: argparse.Namespace) -> int:
    """Load, build and check while holding the run lock; record the run; return the exit code."""
    import loaders
    from newsfacts import warehouse

    record = ops.RunRecord(inbox=[str(Path(p).resolve()) for p in args.inbox])
    if ops.close_interrupted_runs(db_path):
        print("newsfacts run: an earlier run died mid-way; marked failed in ops.runs", file=sys.stderr)
    ops.write_run(db_path, record)
    exit_status = 0
    try:
        if args.inbox:
            # progress bars for a person at a terminal; cron and systemd logs get the summary line only
            summary = loaders.load_paths(args.inbox, db=db_path, source="inbox", progress=sys.stderr.isatty())
            record.articles_loaded = summary.new + summary.updated
            record.records_rejected = summary.rejected
            print(summary.line(), file=sys.stderr)
        build = warehouse.build(db=db_path)
        record.models_built = build.count("success")
        record.articles_extracted = build.n_extracted
        print(build.summary(), file=sys.stderr)
        if not build.success:
            exit_status = 1
        else:
            # Keep `newsfacts search` instant after a scheduled run: rebuild its index now, while
            # this job holds the warehouse anyway (a no-op when no article or quote changed).
            from newsfacts import search

            search.ensure_index(db_path)
        if not args.no_check:
            from newsfacts.quality import run_checks

            checks = run_checks(db_path, docs=not args.no_docs)
            record.checks_failed = checks.n_failed_errors
            print(checks.summary(), file=sys.stderr)
            if checks.n_failed_errors:
                exit_status = 1
        record.status = "succeeded" if exit_status == 0 else "failed"
    except Exception as exc:  # recorded, then re-raised: the journal must say the run died
        record.status = "failed"
        record.message = f"{type(exc).__name__}: {exc}"
        exit_status = 1
        raise
    finally:
        record.exit_status = exit_status
        record.finished_at = datetime.now(UTC).replace(tzinfo=None)
        ops.write_run(db_path, record)
    return exit_status
