"""Feed archive de-duplication: how many distinct items the weekly snapshots hold, and what the loader landed.

Usage: python bench/feed_archive.py [ARCHIVE_DIR] [--db FILE]
ARCHIVE_DIR defaults to ../shared/corpora/rss_archive_orx365 (45 weekly snapshots of two feeds). The
ground truth counts items by guid with feedparser alone; the loader run goes into a scratch warehouse.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

import duckdb
import feedparser

from loaders import load_paths
from newsfacts.paths import SHARED_DIR

DEFAULT_ARCHIVE = SHARED_DIR / "corpora" / "rss_archive_orx365"


def guid_counts(archive: Path) -> dict[str, Counter[str]]:
    """Return {feed file name: Counter of item guids (or links) over every snapshot}."""
    counts: dict[str, Counter[str]] = {}
    for path in sorted(archive.glob("*/*.xml")):
        parsed = feedparser.parse(path.read_bytes())
        bucket = counts.setdefault(path.name, Counter())
        for entry in parsed.entries:
            bucket[entry.get("id") or entry.get("link") or ""] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    """Print the ground truth and the loader's counts; return 0."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("archive", nargs="?", type=Path, default=DEFAULT_ARCHIVE)
    parser.add_argument("--db", type=Path, help="warehouse to load into (default: a scratch file)")
    args = parser.parse_args(argv)
    if not args.archive.is_dir():
        print(f"no archive at {args.archive}", file=sys.stderr)
        return 1
    for name, counter in guid_counts(args.archive).items():
        snapshots = len(list(args.archive.glob(f"*/{name}")))
        total = sum(counter.values())
        print(
            f"{name}: {snapshots} snapshots, {total} items, {len(counter)} distinct guids, "
            f"{total - len(counter)} repeats"
        )
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db or Path(scratch) / "feeds.duckdb"
        summary = load_paths([args.archive], db=db, source="feed-archive", progress=False)
        print("loader:", summary.line())
        with duckdb.connect(str(db), read_only=True) as con:
            rows, guids, versions = con.execute(
                "select count(*), count(distinct external_id), count(version_of) from raw.articles "
                "where batch_id = ?",
                [summary.batch_id],
            ).fetchone()
        print(
            f"landed: {rows} rows = {guids} distinct items + {versions} revised versions "
            f"(same guid, edited headline or summary); {summary.duplicate} exact repeats not stored"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
