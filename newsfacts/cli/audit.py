"""`newsfacts audit`: draw a seeded sample of mart facts to judge, and score the verdicts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsfacts.evaluate.audit import DEFAULT_SEED

DEFAULT_VERDICTS = Path(__file__).resolve().parents[2] / "docs" / "audit"

EXAMPLE = f"""\
examples:
  newsfacts audit reuters ../shared/corpora/reuters21578/reut2-*.sgm --out /tmp/audit/reuters.jsonl
  newsfacts audit sample --db /tmp/audit/warehouse.duckdb --per-table 100 --out /tmp/audit/sheets
  newsfacts audit record --sample /tmp/audit/sheets         # verdicts filled into the sheets → docs/audit
  newsfacts audit score --sample /tmp/audit/sheets          # precision of the drawn sample
  newsfacts audit score                                     # every verdict in docs/audit/

The seed defaults to {DEFAULT_SEED} (the committed audit, docs/audit/README.md). Sheets hold corpus
text: write them outside the repository. Verdicts (docs/audit/<table>_verdicts.csv: fact_id,
verdict, reason) are keyed on a fact's content id, so after a rebuild only new or changed facts
come up unjudged on the sheet.
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `audit` subcommand (reuters, sample, score) to the CLI."""
    parser = subparsers.add_parser(
        "audit",
        help="precision audit: draw a seeded sample of facts to judge, score the verdicts (Wilson 95%)",
        description="Judge a random, seeded sample of a warehouse's meetings, pledges and quotes by hand.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    reuters = actions.add_parser("reuters", help="convert Reuters-21578 SGML files to loadable JSONL")
    reuters.add_argument("sgml", nargs="+", type=Path, help="reut2-*.sgm files")
    reuters.add_argument("--out", type=Path, required=True, help="JSONL file to write (outside the repo)")
    reuters.set_defaults(func=run_reuters)

    sample = actions.add_parser("sample", help="write a judging sheet per table from a seeded draw")
    sample.add_argument("--db", type=Path, help="warehouse file (default: $NEWSFACTS_DB)")
    sample.add_argument("--per-table", type=int, default=100, help="facts per table (100; all when fewer)")
    sample.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"draw seed ({DEFAULT_SEED})")
    sample.add_argument("--out", type=Path, required=True, help="folder for the sheets (outside the repo)")
    sample.add_argument(
        "--verdicts", type=Path, default=DEFAULT_VERDICTS, help="folder of earlier verdicts (docs/audit)"
    )
    sample.set_defaults(func=run_sample)

    record = actions.add_parser("record", help="merge the verdicts filled into the sheets into docs/audit")
    record.add_argument("--sample", type=Path, required=True, help="sheet folder of `audit sample`")
    record.add_argument(
        "--verdicts", type=Path, default=DEFAULT_VERDICTS, help="folder of verdict files (docs/audit)"
    )
    record.set_defaults(func=run_record)

    score = actions.add_parser("score", help="precision per table with a Wilson 95%% interval")
    score.add_argument(
        "--verdicts", type=Path, default=DEFAULT_VERDICTS, help="folder of verdict files (docs/audit)"
    )
    score.add_argument(
        "--sample", type=Path, help="sheet folder of `audit sample`: score only the facts it drew"
    )
    score.add_argument("--top", type=int, default=8, help="reasons listed per table (8)")
    score.set_defaults(func=run_score)
    parser.set_defaults(func=lambda args: (parser.print_help(), 2)[1])


def run_reuters(args: argparse.Namespace) -> int:
    """Convert the SGML files; return 0 when at least one article was written."""
    from newsfacts.evaluate.audit import write_reuters_jsonl

    missing = [p for p in args.sgml if not p.exists()]
    if missing:
        print(f"error: not found: {', '.join(map(str, missing))}", file=sys.stderr)
        return 1
    n = write_reuters_jsonl(args.sgml, args.out)
    print(f"{n} articles → {args.out} (load with: newsfacts load {args.out} --source reuters)")
    return 0 if n else 1


def run_sample(args: argparse.Namespace) -> int:
    """Draw and write the sheets; return 0, or 1 when the warehouse is missing."""
    from newsfacts.evaluate.audit import sample_warehouse
    from newsfacts.paths import database_path

    db = database_path(args.db)
    if not db.exists():
        print(
            f"error: no warehouse at {db} (build one with newsfacts load + newsfacts build)", file=sys.stderr
        )
        return 1
    counts = sample_warehouse(
        db, args.out, per_table=args.per_table, seed=args.seed, verdict_dir=args.verdicts
    )
    print(f"seed {args.seed}, sheets in {args.out}:")
    for table, (n_facts, n_drawn, n_judged) in counts.items():
        print(f"  {table:<20} {n_facts:>7} facts, {n_drawn:>4} drawn, {n_judged:>4} already judged")
    return 0


def run_record(args: argparse.Namespace) -> int:
    """Merge each table's sheet verdicts into its verdict file; return 0, or 1 when no sheet was found."""
    from newsfacts.evaluate.audit import TABLES, record_sheet, verdict_path

    found = 0
    for table in TABLES:
        sheet = args.sample / f"{table}_sheet.csv"
        if not sheet.exists():
            continue
        found += 1
        total, changed = record_sheet(sheet, verdict_path(args.verdicts, table))
        print(f"  {table:<20} {changed:>4} new or changed, {total:>4} on file")
    if not found:
        print(f"error: no *_sheet.csv in {args.sample}", file=sys.stderr)
        return 1
    return 0


def run_score(args: argparse.Namespace) -> int:
    """Print precision per table; return 0 when anything was judged, else 1."""
    from newsfacts.evaluate.audit import TABLES, read_verdicts, render_scores, score_table, verdict_path

    scores = []
    for table in TABLES:
        verdicts = read_verdicts(verdict_path(args.verdicts, table))
        ids = None
        if args.sample:
            ids_file = args.sample / f"{table}_sample_ids.txt"
            ids = ids_file.read_text(encoding="utf-8").split() if ids_file.exists() else []
        scores.append(score_table(table, verdicts, ids))
    print(render_scores(scores, top=args.top))
    return 0 if any(s.n_judged for s in scores) else 1
