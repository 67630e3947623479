"""`newsfacts bench`: extraction speed and peak memory on the 1,796 press releases."""

from __future__ import annotations

import argparse
import subprocess
import sys

EXAMPLE = """\
examples:
  newsfacts bench                     # all 1,796 releases on 2 processes
  newsfacts bench --processes 1       # one process, for the per-core rate
  newsfacts bench --limit 50 --json   # a quick run, machine-readable
  newsfacts bench --profile           # where extraction time goes (cProfile, top functions)
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `bench` subcommand to the CLI."""
    parser = subparsers.add_parser(
        "bench",
        help="extraction speed (articles/s, words/s) and peak memory on the press-release corpus",
        description=(
            "Clean the press releases of ../shared/corpora/zelenskyy_kremlin_press_releases like staging, "
            "run the extraction pipeline over them with N processes, and print articles/s, words/s, "
            "wall time and peak memory (RSS of this process and its workers). Targets: ≥ 200 articles/s "
            "on 2 cores, < 1 GB."
        ),
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--processes", "-p", type=int, default=2, help="extraction processes (default 2)")
    parser.add_argument("--limit", "-n", type=int, help="only the first N releases")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="profile in-process extraction of --limit (100) releases instead",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the benchmark in a fresh interpreter and print its figures; return 1 when the corpus is missing."""
    from newsfacts.evaluate.bench import PRESS_RELEASES

    if not any(PRESS_RELEASES.glob("*.csv")):
        print(
            f"error: no press-release CSVs in {PRESS_RELEASES} (the shared corpora are needed)",
            file=sys.stderr,
        )
        return 1
    # A fresh interpreter: the CLI has imported every command (dbt, GX), and forked workers would
    # carry that weight into the memory figure.
    command = [sys.executable, "-m", "newsfacts.evaluate.bench", "--processes", str(args.processes)]
    if args.limit is not None:
        command += ["--limit", str(args.limit)]
    if args.json:
        command.append("--json")
    if args.profile:
        command.append("--profile")
    return subprocess.run(command, check=False).returncode
