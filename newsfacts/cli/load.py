"""`newsfacts load`: land files, directories, feeds and web archives in the warehouse's raw tables."""

from __future__ import annotations

import argparse
import sys

import duckdb

from loaders import load_paths
from loaders.fields import parse_mapping
from newsfacts.db import DEFAULT_LOCK_TIMEOUT_S, WarehouseLockedError

EXAMPLES = """\
examples:
  newsfacts load ../shared/seed/000_69c7be4cf9514e14.txt
  newsfacts load data/sample --source sample
  newsfacts load ../shared/corpora/zelenskyy_kremlin_press_releases/*.csv \\
      --map text=body,title=headline,published_at=date,url=link --source press
  newsfacts load feeds/ crawl.warc.gz --db /tmp/scratch.duckdb
  newsfacts load --feed https://example.org/rss.xml

Formats: .txt (title line, Category / Publication date labels, body), .jsonl / .json (id, url,
outlet, title, published_at, text or html), .csv / .tsv (header row; --map FIELD=COLUMN),
.html, RSS / Atom / JSON Feed (.xml .rss .atom, or a JSON Feed .json), .warc / .arc, any of
these gzipped (.gz), and directories (recursive). Loading the same input again adds nothing.
Exit status is non-zero only when nothing at all could be read."""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `load` subcommand."""
    parser = subparsers.add_parser(
        "load",
        help="load articles (text, JSON, CSV, HTML, feeds, WARC, .gz, directories) into raw.*",
        description="Load raw articles into the warehouse in one transaction: all of it lands, or none.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories to load")
    parser.add_argument("--db", metavar="FILE", help="DuckDB file (default: $NEWSFACTS_DB or warehouse/)")
    parser.add_argument("--source", metavar="NAME", help="name of this source (scopes external ids)")
    parser.add_argument(
        "--map",
        metavar="FIELD=COLUMN,...",
        help="map article fields to source columns, e.g. text=body,title=headline,published_at=date,url=link",
    )
    parser.add_argument(
        "--feed", action="append", default=[], metavar="URL", help="fetch and load a feed URL (repeatable)"
    )
    parser.add_argument(
        "--lock-timeout",
        type=float,
        default=DEFAULT_LOCK_TIMEOUT_S,
        metavar="SECONDS",
        help=f"how long to wait for another process's lock (default {DEFAULT_LOCK_TIMEOUT_S:.0f})",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run a load and print its one-line summary; return 0 unless nothing could be read."""
    if not args.paths and not args.feed:
        print("newsfacts load: give at least one PATH or --feed URL (see --help)", file=sys.stderr)
        return 2
    try:
        mapping = parse_mapping(args.map)
    except ValueError as exc:
        print(f"newsfacts load: {exc}", file=sys.stderr)
        return 2
    try:
        summary = load_paths(
            args.paths,
            db=args.db,
            source=args.source,
            mapping=mapping,
            progress=not args.no_progress,
            feed_urls=args.feed,
            lock_timeout_s=args.lock_timeout,
        )
    except WarehouseLockedError as exc:
        print(f"newsfacts load: {exc}", file=sys.stderr)
        return 3
    except (duckdb.Error, OSError) as exc:
        # e.g. --db points at a file that is not a DuckDB database, or a folder that cannot be created.
        print(f"newsfacts load: cannot write the warehouse: {exc}", file=sys.stderr)
        return 3
    print(summary.line())
    if summary.rejected:
        print(
            f"  {summary.rejected} rejected: see raw.rejected_records where batch_id = '{summary.batch_id}'",
            file=sys.stderr,
        )
    return 0 if summary.ok else 1
