"""The tune / check halves of the dev gold sets, and scoring a set per half.

`../shared/gold/halves.tsv` (columns set, article, half) splits every dev set in two: develop on
`tune` (read its errors), and read only the aggregate figures of `check`, which say whether a change
generalises. Everything that reads halves.tsv (`newsfacts evaluate`, the library shortcut, the
report for docs/quality.md) goes through this module.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsfacts.evaluate.names import load_name_index
from newsfacts.evaluate.scoring import TABLES, Fact, Report, render, render_delta, score

HALVES = ("tune", "check")
WHOLE = "whole"


def halves_path(gold_dir: Path) -> Path:
    """Return where halves.tsv is for a gold set directory: beside it (GOLD_DIR/../halves.tsv)."""
    return gold_dir.parent / "halves.tsv"


def read_halves(halves_tsv: Path, gold_set: str) -> dict[str, str]:
    """Return article id → half ('tune' or 'check') for gold_set; {} when the file or the set is absent."""
    if not halves_tsv.is_file():
        return {}
    halves: dict[str, str] = {}
    for line in halves_tsv.read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.rstrip("\r").split("\t")
        if len(cells) >= 3 and cells[0] == gold_set and cells[2] in HALVES:
            halves[cells[1]] = cells[2]
    return halves


def half_ids(halves_tsv: Path, gold_set: str, half: str) -> set[str]:
    """Return the article ids that halves.tsv (columns set, article, half) puts in `half` of `gold_set`."""
    return {article for article, h in read_halves(halves_tsv, gold_set).items() if h == half}


def only_articles(facts: Iterable[Fact], ids: set[str]) -> list[Fact]:
    """Return the facts (or FORMAT.md article rows, keyed `id`) that belong to the articles in ids."""
    return [f for f in facts if str(f.get("article", f.get("id"))) in ids]


def score_by_half(
    gold: list[Fact],
    pred: list[Fact],
    texts: dict[str, str],
    halves: dict[str, str],
    *,
    tables: Iterable[str] = TABLES,
    only: str | None = None,
    index: Any = None,
) -> dict[str, Report]:
    """Return the reports to print, keyed 'tune', 'check', 'whole' (only the `only` half when given).

    Without halves (a set halves.tsv does not list) there is one report, 'whole'. An article of the
    set missing from halves.tsv counts in the whole set only.
    """
    tables = tuple(tables)
    index = index if index is not None else load_name_index()
    names = list(HALVES) if halves and not only else [only] if only else []
    reports: dict[str, Report] = {}
    for name in names:
        ids = {a for a, h in halves.items() if h == name}
        reports[name] = score(
            only_articles(gold, ids),
            only_articles(pred, ids),
            articles={a: t for a, t in texts.items() if a in ids},
            tables=tables,
            index=index,
        )
    if not only:
        reports[WHOLE] = score(gold, pred, articles=texts, tables=tables, index=index)
    return reports


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


def _label(name: str, report: Report) -> str:
    return (
        f"whole set ({report.n_articles} articles)"
        if name == WHOLE
        else f"{name} half ({report.n_articles} articles)"
    )


def render_reports(
    reports: dict[str, Report],
    errors_of: str | None,
    *,
    title: str,
    per_article: bool = False,
    show_errors: int = 0,
) -> str:
    """Return every report as plain text; per-article counts, miss reasons and errors of `errors_of` only."""
    lines = [title]
    for name, report in reports.items():
        mine = name == errors_of
        label = _label(name, report) if len(reports) > 1 or name != WHOLE else None
        lines.append(render(report, per_article=per_article and mine, title=label, reasons=mine))
        if len(reports) > 1:
            lines.append("")
    if errors_of and errors_of != WHOLE and (per_article or show_errors or len(reports) > 1):
        lines.append(
            f"(misses by reason{', per-article counts' if per_article else ''}"
            f"{' and errors' if show_errors else ''}: {errors_of} half only — those of the check half "
            "are not read, see docs/quality.md)"
        )
    if show_errors and errors_of:
        lines.append(render_errors(reports[errors_of], show_errors))
    return "\n".join(lines).rstrip()


def reports_json(reports: dict[str, Report], errors_of: str | None, with_errors: bool) -> dict[str, Any]:
    """Return the reports as one JSON dict: the whole set (or the one half) on top, halves under "halves".

    Per-article counts and errors are only in the report of `errors_of`.
    """
    top_name = WHOLE if WHOLE in reports else next(iter(reports))
    top = reports[top_name]
    mine = top_name == errors_of
    out = top.to_dict(with_errors=with_errors and mine, per_article=mine)
    if top_name != WHOLE:
        out["half"] = top_name
    halves = {n: r for n, r in reports.items() if n != WHOLE}
    if top_name == WHOLE and halves:
        out["halves"] = {
            n: r.to_dict(with_errors=with_errors and n == errors_of, per_article=n == errors_of)
            for n, r in halves.items()
        }
    out["errors_half"] = errors_of
    return out


def render_deltas(baseline: dict[str, Any], reports: dict[str, Report], errors_of: str | None) -> str:
    """Return each report's change against a baseline `--json` report (article lines of errors_of only)."""
    lines: list[str] = []
    for name, report in reports.items():
        if name == WHOLE or name == baseline.get("half"):
            base = baseline
        else:
            base = baseline.get("halves", {}).get(name)
        label = "" if len(reports) == 1 and name == WHOLE else f" ({name})"
        if base is None:
            lines.append(f"change against the baseline{label}: the baseline has no {name} report")
            continue
        lines.append(render_delta(base, report, articles=name == errors_of, label=label))
    return "\n".join(lines)


def errors_half_for(halves: dict[str, str], half: str | None, details: bool) -> str | None:
    """Return which report's errors and per-article counts may be shown: 'whole', 'tune' or None.

    Without halves, the whole set's. With halves, the tune half's only — errors of the whole set
    would show the check half's. Raises ValueError when details (--show-errors, --per-article) are
    asked of the check half, or a half of a set halves.tsv does not split.
    """
    if half and not halves:
        raise ValueError(f"this gold set is not in halves.tsv, so it has no {half} half")
    if not halves:
        return WHOLE
    if half == "check":
        if details:
            raise ValueError(
                "errors and per-article counts of the check half are not shown: read only its "
                "aggregate figures (drop --show-errors / --per-article), and read errors with --half tune"
            )
        return None
    return "tune"


def render_output(
    reports: dict[str, Report],
    errors_of: str | None,
    *,
    title: str,
    as_json: bool = False,
    per_article: bool = False,
    show_errors: int = 0,
    baseline: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> str:
    """Return what `newsfacts evaluate` and the library shortcut print: JSON, or tables (+ baseline delta)."""
    if as_json:
        return json.dumps(
            {**reports_json(reports, errors_of, bool(show_errors)), **(extra or {})},
            ensure_ascii=False,
            indent=2,
            default=str,
        )
    text = render_reports(reports, errors_of, title=title, per_article=per_article, show_errors=show_errors)
    if baseline is not None:
        text += "\n" + render_deltas(baseline, reports, errors_of)
    return text
