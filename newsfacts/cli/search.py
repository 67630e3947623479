"""`newsfacts search`: ranked full-text search over article bodies and quotes."""

from __future__ import annotations

import argparse
import sys

from newsfacts import db as nfdb
from newsfacts.search import search

EXAMPLE = """example:
  newsfacts search "drone coalition"
  newsfacts search --kind quote --limit 5 "ammunition third countries"
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="ranked full-text search over articles and quotes",
        description="Search article bodies and quotes (BM25 ranking, English stemming).",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("query", help="words to look for")
    parser.add_argument("--kind", choices=("article", "quote"), help="only articles or only quotes")
    parser.add_argument("--limit", type=int, default=10, help="how many hits (default 10)")
    parser.add_argument("--db", help="warehouse file (default: $NEWSFACTS_DB or warehouse/newsfacts.duckdb)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        hits = search(args.db, args.query, kind=args.kind, limit=args.limit)
    except (FileNotFoundError, nfdb.WarehouseLockedError) as exc:
        print(f"newsfacts search: {exc}", file=sys.stderr)
        return 1
    if not hits:
        print(f"no match for {args.query!r}", file=sys.stderr)
        return 0
    for hit in hits:
        who = f" — {hit.speaker}" if hit.speaker else ""
        print(f"{hit.score:6.2f}  [{hit.kind}] {hit.title or hit.article_id}{who}")
        print(f"        {hit.snippet}")
    return 0
