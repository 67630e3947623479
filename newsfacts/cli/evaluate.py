"""`newsfacts evaluate`: predict through the warehouse, then score against a gold facts file."""

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
  newsfacts evaluate A.jsonl F.jsonl --json > score.json     # machine-readable
  newsfacts evaluate A.jsonl F.jsonl --show-errors 10        # sample false positives / negatives
  newsfacts evaluate A.jsonl F.jsonl --baseline score.json   # what changed since that run, per article
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
            "and a per-article breakdown."
        ),
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("articles", type=Path, help="articles.jsonl (FORMAT.md)")
    parser.add_argument("gold", type=Path, help="gold facts.jsonl (FORMAT.md)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--per-article", action="store_true", help="print per-article counts")
    parser.add_argument("--show-errors", type=int, default=0, metavar="N", help="print N fp/fn per table")
    parser.add_argument("--save", type=Path, help="also write the predicted facts to this JSONL file")
    parser.add_argument(
        "--baseline", type=Path, help="a --json report of an earlier run: print what changed, per article"
    )
    add_warehouse_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Predict, score and print; return 0 when scoring ran."""
    from newsfacts.evaluate.library import render_errors
    from newsfacts.evaluate.predict import write_jsonl
    from newsfacts.evaluate.scoring import article_texts, read_jsonl, render, render_delta, score

    if not args.gold.exists():
        print(f"error: {args.gold} not found (expected a FORMAT.md facts.jsonl)", file=sys.stderr)
        return 1
    result = predict_or_explain(args)
    if result is None:
        return 1
    if args.save:
        write_jsonl(result.facts, args.save)
    report = score(read_jsonl(args.gold), result.facts, articles=article_texts(args.articles))
    if args.json:
        out = report.to_dict(with_errors=bool(args.show_errors))
        out["build_ok"] = result.build_ok
        print(json.dumps(out, ensure_ascii=False, indent=2, default=str))
        return 0
    print(render(report, per_article=args.per_article, title=f"{args.gold} ({report.n_articles} articles)"))
    if args.show_errors:
        print(render_errors(report, args.show_errors))
    if args.baseline:
        print(render_delta(json.loads(args.baseline.read_text(encoding="utf-8")), report))
    return 0
