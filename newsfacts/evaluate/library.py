"""Development shortcut: score the extraction library directly on a gold set, without the warehouse.

This is NOT the product measurement (that is `newsfacts evaluate`, which goes through the marts); it
runs newsfacts.extract.pipeline on each gold article (cleaned like staging, by newsfacts.clean) so
an extraction engineer sees the effect of a rule change in seconds.

Run: python -m newsfacts.evaluate.library GOLD_DIR [--table quote] [--show-errors N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsfacts.clean import clean_body
from newsfacts.evaluate.convert import article_facts_to_format, number_facts
from newsfacts.evaluate.scoring import TABLES, Fact, Report, read_jsonl, render, render_delta, score
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


def predict_with_library(rows: list[dict[str, Any]], processes: int = 1) -> list[Fact]:
    """Return FORMAT.md facts extracted by the library from FORMAT.md article rows."""
    articles = to_articles(rows)
    facts: list[Fact] = []
    for result in extract_articles(articles, processes=processes):
        facts.extend(article_facts_to_format(result.article_id, result))
    return number_facts(facts)


def half_ids(halves_tsv: Path, gold_set: str, half: str) -> set[str]:
    """Return the article ids that halves.tsv (columns set, article, half) puts in `half` of `gold_set`."""
    ids: set[str] = set()
    for line in halves_tsv.read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) >= 3 and cells[0] == gold_set and cells[2] == half:
            ids.add(cells[1])
    return ids


def _brief(fact: Fact) -> str:
    """Return a one-line summary of a fact for error listings."""
    table = fact.get("table")
    if table == "quote":
        text = fact.get("text") or f"{fact.get('text_start')} … {fact.get('text_end')}"
        return f"[{fact.get('speaker')}] ({fact.get('kind')}) {str(text)[:110]!r}"
    if table == "meeting":
        where = f"loc={fact.get('location')} mode={fact.get('mode')}"
        return f"{fact.get('parties')} date={fact.get('date')} {where}"
    return (
        f"{fact.get('donor')} → {fact.get('recipient')} [{fact.get('category')}/{fact.get('status')}] "
        f"amount={fact.get('amount')} {fact.get('currency') or ''} | {str(fact.get('what'))[:70]}"
    )


def render_errors(report: Report, n: int) -> str:
    """Return up to n false positives and n false negatives per table, one line each."""
    lines: list[str] = []
    for table, s in report.tables.items():
        for label, facts in (("false positives", s.false_positives), ("false negatives", s.false_negatives)):
            if not facts:
                continue
            lines.append(f"\n{table} — {label} ({len(facts)}, showing {min(n, len(facts))}):")
            for f in facts[:n]:
                lines.append(f"  {f.get('article')}: {_brief(f)}")
                if f.get("_nearest"):
                    lines.append(f"      ↳ {f['_nearest']}")
    return "\n".join(lines)


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
        choices=("tune", "check"),
        help="only the articles of this half (halves.tsv beside GOLD_DIR); read errors on tune only",
    )
    args = parser.parse_args(argv)

    articles_path, facts_path = args.gold_dir / "articles.jsonl", args.gold_dir / "facts.jsonl"
    for path in (articles_path, facts_path):
        if not path.exists():
            print(f"error: {path} not found; GOLD_DIR needs articles.jsonl and facts.jsonl", file=sys.stderr)
            return 2
    rows = read_jsonl(articles_path)
    gold_facts = read_jsonl(facts_path)
    if args.half:
        ids = half_ids(args.gold_dir.parent / "halves.tsv", args.gold_dir.name, args.half)
        rows = [r for r in rows if str(r["id"]) in ids]
        gold_facts = [f for f in gold_facts if str(f.get("article")) in ids]
    predicted = predict_with_library(rows, processes=args.processes)
    if args.save:
        args.save.write_text("".join(json.dumps(f, ensure_ascii=False) + "\n" for f in predicted), "utf-8")
    texts = {str(r["id"]): r.get("text") or "" for r in rows}
    report = score(gold_facts, predicted, articles=texts, tables=args.table or TABLES)
    if args.json:
        print(json.dumps(report.to_dict(with_errors=bool(args.show_errors)), ensure_ascii=False, indent=2))
        return 0
    title = f"library on {args.gold_dir}{f' ({args.half} half)' if args.half else ''} ({len(rows)} articles)"
    print(render(report, per_article=args.per_article, title=title))
    if args.show_errors:
        print(render_errors(report, args.show_errors))
    if args.baseline:
        print(render_delta(json.loads(args.baseline.read_text(encoding="utf-8")), report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
