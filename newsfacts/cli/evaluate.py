"""`newsfacts evaluate`: predict through the warehouse, then score against a gold facts file.

For a set that halves.tsv splits (GOLD.parent.parent / "halves.tsv", i.e. ../shared/gold/halves.tsv,
the set being the gold folder's name) it reports the tune half, the check half and the whole set;
errors and per-article counts are shown for the tune half only (newsfacts.evaluate.halves).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newsfacts.cli.predict import add_warehouse_options, predict_or_explain

EXAMPLE = """\
examples:
  newsfacts evaluate ../shared/gold/seed/articles.jsonl ../shared/gold/seed/facts.jsonl
  newsfacts evaluate A.jsonl F.jsonl --per-article           # which article a change helped or hurt
  newsfacts evaluate A.jsonl F.jsonl --json > score.json     # machine-readable (per half when known)
  newsfacts evaluate A.jsonl F.jsonl --half tune --show-errors 10   # sample false positives / negatives
  newsfacts evaluate A.jsonl F.jsonl --half check            # the check half: aggregate figures only
  newsfacts evaluate A.jsonl F.jsonl --baseline score.json   # what changed since that run, per article
  newsfacts evaluate A.jsonl F.jsonl --without-people-seeds  # ablation: no seeded people or roles
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `evaluate` subcommand to the CLI."""
    parser = subparsers.add_parser(
        "evaluate",
        help="predict facts through the warehouse and score them against gold (P/R/F1 per table)",
        description=(
            "Run `newsfacts predict` on ARTICLES and score the facts against GOLD by the rules of "
            "../shared/gold/FORMAT.md: precision, recall and F1 per table with tp/fp/fn, attribute "
            "accuracies (quote kind; meeting date, location, mode, participants; pledge amount, status) "
            "and a per-article breakdown. A set listed in halves.tsv is reported per half (tune, check) "
            "and whole; errors and per-article counts are shown for the tune half only."
        ),
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("articles", type=Path, help="articles.jsonl (FORMAT.md)")
    parser.add_argument("gold", type=Path, help="gold facts.jsonl (FORMAT.md)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--per-article", action="store_true", help="print per-article counts (tune half)")
    parser.add_argument(
        "--show-errors", type=int, default=0, metavar="N", help="print N fp/fn per table (tune half)"
    )
    parser.add_argument("--save", type=Path, help="also write the predicted facts to this JSONL file")
    parser.add_argument(
        "--baseline", type=Path, help="a --json report of an earlier run: print what changed, per article"
    )
    parser.add_argument(
        "--half", choices=("tune", "check"), help="report only this half of the set (halves.tsv)"
    )
    parser.add_argument(
        "--halves", type=Path, help="the halves.tsv to read (default: GOLD's folder's parent/halves.tsv)"
    )
    add_warehouse_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Predict, score and print; return 0 when scoring ran."""
    from newsfacts.evaluate.halves import (
        errors_half_for,
        halves_path,
        read_halves,
        render_output,
        score_by_half,
    )
    from newsfacts.evaluate.predict import write_jsonl
    from newsfacts.evaluate.scoring import article_texts, read_jsonl

    if not args.gold.exists():
        print(f"error: {args.gold} not found (expected a FORMAT.md facts.jsonl)", file=sys.stderr)
        return 1
    gold_set = args.gold.resolve().parent
    halves = read_halves(args.halves or halves_path(gold_set), gold_set.name)
    try:  # refused before the minute of building, not after
        errors_of = errors_half_for(halves, args.half, bool(args.show_errors or args.per_article))
    except ValueError as exc:
        print(f"error: {gold_set.name}: {exc}", file=sys.stderr)
        return 2
    result = predict_or_explain(args)
    if result is None:
        return 1
    if args.save:
        write_jsonl(result.facts, args.save)
    reports = score_by_half(
        read_jsonl(args.gold), result.facts, article_texts(args.articles), halves, only=args.half
    )
    seeds_note = ", without people seeds" if args.without_people_seeds else ""
    print(
        render_output(
            reports,
            errors_of,
            title=f"{args.gold} ({len(result.facts)} predicted facts{seeds_note})",
            as_json=args.json,
            per_article=args.per_article,
            show_errors=args.show_errors,
            baseline=json.loads(args.baseline.read_text(encoding="utf-8")) if args.baseline else None,
            extra={"build_ok": result.build_ok, "without_people_seeds": args.without_people_seeds},
        )
    )
    return 0
