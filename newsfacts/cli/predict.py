"""`newsfacts predict`: facts for a FORMAT.md articles file, read from a freshly built warehouse."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXAMPLE = """\
examples:
  newsfacts predict ../shared/gold/seed/articles.jsonl -o /tmp/seed_facts.jsonl
  newsfacts predict articles.jsonl -o facts.jsonl --db /tmp/pred.duckdb   # keep the warehouse there
  newsfacts predict articles.jsonl -o facts.jsonl --keep-db               # keep the temp warehouse
  newsfacts predict articles.jsonl -o facts.jsonl --without-people-seeds  # as if no person were seeded
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `predict` subcommand to the CLI."""
    parser = subparsers.add_parser(
        "predict",
        help="load articles into a fresh warehouse, dbt build, write the marts' facts (FORMAT.md JSONL)",
        description=(
            "Load a FORMAT.md articles.jsonl into a fresh warehouse (a temp dir unless --db), run "
            "`dbt build`, and write the meetings, pledges and quotes of the marts as FORMAT.md facts "
            "keyed by the input ids. A meeting merged across articles is written once per article."
        ),
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("articles", type=Path, help="articles.jsonl in the FORMAT.md layout")
    parser.add_argument("-o", "--output", type=Path, required=True, help="facts.jsonl to write")
    add_warehouse_options(parser)
    parser.set_defaults(func=run)


def add_warehouse_options(parser: argparse.ArgumentParser) -> None:
    """Add the options predict and evaluate share (--db, --keep-db, --verbose, --without-people-seeds)."""
    parser.add_argument("--db", help="build this warehouse file instead of a temporary one (kept)")
    parser.add_argument(
        "--keep-db", action="store_true", help="keep the temporary warehouse and print its path"
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="show dbt's own output")
    parser.add_argument(
        "--without-people-seeds",
        action="store_true",
        help="ablation: read seeds/people.csv and seeds/person_roles.csv as empty, in the extraction "
        "and in dbt (seeds/ is not touched)",
    )


def predict_or_explain(args: argparse.Namespace):
    """Return the Prediction for args.articles, or None after printing why it could not be made."""
    from newsfacts.evaluate.predict import MartsMissingError, predict

    if not args.articles.exists():
        print(f"error: {args.articles} not found (expected a FORMAT.md articles.jsonl)", file=sys.stderr)
        return None
    try:
        result = predict(
            args.articles,
            db=args.db,
            keep_db=args.keep_db,
            quiet=not args.verbose,
            without_people_seeds=args.without_people_seeds,
        )
    except (MartsMissingError, ImportError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None
    if not result.build_ok:
        print(
            "warning: the build reported failures; facts are read from whatever marts it built",
            file=sys.stderr,
        )
        print(result.build_summary, file=sys.stderr)
    if result.unmapped_articles:
        print(
            f"warning: {len(result.unmapped_articles)} input article(s) not found in the warehouse "
            f"(e.g. {result.unmapped_articles[0]}); they get no facts",
            file=sys.stderr,
        )
    if args.keep_db or args.db:
        print(f"warehouse kept at {result.db_path}", file=sys.stderr)
    return result


def run(args: argparse.Namespace) -> int:
    """Predict facts for the articles and write them; return 0 on success."""
    from newsfacts.evaluate.predict import write_jsonl

    result = predict_or_explain(args)
    if result is None:
        return 1
    write_jsonl(result.facts, args.output)
    counts = {t: sum(1 for f in result.facts if f["table"] == t) for t in ("meeting", "pledge", "quote")}
    print(
        f"{result.n_articles} articles → {counts['meeting']} meetings, {counts['pledge']} pledges, "
        f"{counts['quote']} quotes written to {args.output}"
    )
    return 0
