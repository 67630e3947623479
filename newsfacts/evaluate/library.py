"""Development shortcut: score the extraction library directly on a gold set, without the warehouse.

This is NOT the product measurement (that is `newsfacts evaluate`, which goes through the marts); it
runs newsfacts.extract.pipeline on each gold article (cleaned like staging, by newsfacts.clean) so
an extraction engineer sees the effect of a rule change in seconds.

Run: python -m newsfacts.evaluate.library GOLD_DIR [--half tune] [--table quote] [--show-errors N] [--json]
     [--without-people-seeds]

For a set that ../shared/gold/halves.tsv splits it prints the tune half, the check half and the
whole set; errors and per-article counts are shown for the tune half only (newsfacts.evaluate.halves).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsfacts.clean import clean_body
from newsfacts.evaluate.ablation import seeds_without_people
from newsfacts.evaluate.convert import article_facts_to_format, number_facts
from newsfacts.evaluate.halves import (
    HALVES,
    errors_half_for,
    halves_path,
    only_articles,
    read_halves,
    render_errors,  # noqa: F401 (newsfacts evaluate imported it from here)
    render_output,
    score_by_half,
)
from newsfacts.evaluate.scoring import TABLES, Fact, read_jsonl
from newsfacts.extract.pipeline import extract_articles
from newsfacts.extract.records import Article


def to_articles(rows: Iterable[dict[str, Any]]) -> list[Article]:
    """Return extraction Articles from FORMAT.md rows, cleaned like staging, keyed by the gold id."""
    return [
        Article(
            article_id=str(row["id"]),
            body=clean_body(row.get("text") or "", row.get("title")),
            title=row.get("title"),
            published_on=(row.get("published_at") or None),
        )
        for row in rows
    ]


def predict_with_library(
    rows: list[dict[str, Any]], processes: int = 1, seeds_dir: Path | None = None
) -> list[Fact]:
    """Return FORMAT.md facts extracted by the library from FORMAT.md article rows (seeds/ or seeds_dir)."""
    articles = to_articles(rows)
    facts: list[Fact] = []
    for result in extract_articles(articles, processes=processes, seeds_dir=seeds_dir):
        facts.extend(article_facts_to_format(result.article_id, result))
    return number_facts(facts)


def main(argv: list[str] | None = None) -> int:
    """Run the library on GOLD_DIR/articles.jsonl and print its scores against GOLD_DIR/facts.jsonl."""
    parser = argparse.ArgumentParser(
        prog="python -m newsfacts.evaluate.library",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("gold_dir", type=Path, help="gold set directory (articles.jsonl, facts.jsonl)")
    parser.add_argument("--table", choices=TABLES, action="append", help="score only this table (repeatable)")
    parser.add_argument("--show-errors", type=int, default=0, metavar="N", help="print N fp/fn per table")
    parser.add_argument("--per-article", action="store_true", help="print per-article counts")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--processes", type=int, default=1, help="extraction worker processes (default 1)")
    parser.add_argument("--save", type=Path, help="also write the predicted facts to this JSONL file")
    parser.add_argument("--baseline", type=Path, help="a --json report of an earlier run: print what changed")
    parser.add_argument(
        "--half",
        choices=HALVES,
        help="only the articles of this half (halves.tsv beside GOLD_DIR); errors are shown for tune only",
    )
    parser.add_argument(
        "--halves", type=Path, help="the halves.tsv to read (default: GOLD_DIR/../halves.tsv)"
    )
    parser.add_argument(
        "--without-people-seeds",
        action="store_true",
        help="ablation: extract with seeds/people.csv and seeds/person_roles.csv read as empty",
    )
    args = parser.parse_args(argv)

    articles_path, facts_path = args.gold_dir / "articles.jsonl", args.gold_dir / "facts.jsonl"
    for path in (articles_path, facts_path):
        if not path.exists():
            print(f"error: {path} not found; GOLD_DIR needs articles.jsonl and facts.jsonl", file=sys.stderr)
            return 2
    halves = read_halves(args.halves or halves_path(args.gold_dir), args.gold_dir.name)
    try:
        errors_of = errors_half_for(halves, args.half, bool(args.show_errors or args.per_article))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    rows = read_jsonl(articles_path)
    if args.half:  # the library extracts article by article: the half alone gives the same facts
        rows = only_articles(rows, {a for a, h in halves.items() if h == args.half})
    ablation = seeds_without_people() if args.without_people_seeds else contextlib.nullcontext(None)
    with ablation as seeds_dir:
        predicted = predict_with_library(rows, processes=args.processes, seeds_dir=seeds_dir)
    if args.save:
        args.save.write_text("".join(json.dumps(f, ensure_ascii=False) + "\n" for f in predicted), "utf-8")
    texts = {str(r["id"]): r.get("text") or "" for r in rows}
    reports = score_by_half(
        read_jsonl(facts_path), predicted, texts, halves, tables=args.table or TABLES, only=args.half
    )
    seeds_note = " without people seeds" if args.without_people_seeds else ""
    print(
        render_output(
            reports,
            errors_of,
            title=f"library{seeds_note} on {args.gold_dir} ({len(rows)} articles)",
            as_json=args.json,
            per_article=args.per_article,
            show_errors=args.show_errors,
            baseline=json.loads(args.baseline.read_text(encoding="utf-8")) if args.baseline else None,
            extra={"without_people_seeds": args.without_people_seeds} if args.json else None,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
