"""Out-of-domain precision audit: Reuters SGML → JSONL, a seeded sample of mart facts, Wilson scores.

Three jobs, all over a warehouse built from corpora the rules were not written on:

- `reuters_records` / `write_reuters_jsonl`: the loaders read no SGML, so Reuters-21578's
  `<REUTERS>` entries are converted to FORMAT.md-shaped JSON lines (id, title, published_at, text)
  in a directory outside the repository, which `newsfacts load` then reads.
- `read_facts` / `draw` / `write_sheets`: every fact of the marts `bilateral_meetings` (one per
  article reporting it, through `meeting_articles`), `pledges` and `quotes`, each named by a
  *content id* (a hash of its article, its fields and its evidence), ranked by a hash of that id and
  a seed, the first N per table written as a judging sheet with the evidence sentence and one
  sentence either side. Sheets hold corpus text, so they go outside the repository.
- `record_sheet`: a filled-in sheet's verdict and reason columns merged into the verdict file.
- `read_verdicts` / `score_table`: verdict files (`fact_id,verdict,reason`, the reason in the judge's own
  words) scored against the drawn sample: precision with a Wilson 95% interval, and the reasons
  counted. A verdict is keyed on the content id, so a rebuild that changes a fact puts it back in
  front of the judge while unchanged facts keep their verdicts.
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

# The seed of the committed audit (docs/audit/README.md); another seed draws another sample.
DEFAULT_SEED = 20261202
TABLES = ("bilateral_meetings", "pledges", "quotes")
VERDICTS = ("correct", "incorrect")
Z95 = 1.959963984540054

# The fields a judge needs, per table, as (sheet column, mart column). They, the article and the
# evidence make a fact's content: change any and it is a new fact to judge.
FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "bilateral_meetings": (
        ("party_a", "party_a_name"),
        ("party_b", "party_b_name"),
        ("participants", "participants"),
        ("date", "meeting_date"),
        ("date_basis", "date_basis"),
        ("location", "location"),
        ("mode", "mode"),
    ),
    "pledges": (
        ("donor", "donor_name"),
        ("recipient", "recipient_name"),
        ("category", "category"),
        ("what", "description"),
        ("amount", "amount"),
        ("currency", "currency"),
        ("quantity", "quantity"),
        ("status", "status"),
    ),
    "quotes": (
        ("speaker", "speaker_name"),
        ("speaker_surface", "speaker_surface"),
        ("kind", "kind"),
        ("text", "quote_text"),
        ("cue", "cue"),
    ),
}
_PREFIX = {"bilateral_meetings": "M", "pledges": "P", "quotes": "Q"}

_ENTRY = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
_NEWID = re.compile(r'NEWID="(\d+)"')
_PARAGRAPH = re.compile(r"\n {2,}")
_CONTROL = re.compile(r"&#(?:[0-9]|[12][0-9]|3[01]);")  # SGML-escaped control characters (&#2; &#3; …)


def _tag(block: str, name: str) -> str | None:
    """Return the unescaped content of the first <name> element in block, or None."""
    match = re.search(rf"<{name}>(.*?)</{name}>", block, re.S)
    if not match:
        return None
    return html.unescape(_CONTROL.sub("", match.group(1))).strip()


def _reuters_date(raw: str | None) -> str | None:
    """Return 'YYYY-MM-DD' for a Reuters <DATE> ('26-FEB-1987 15:01:01.79'), or None."""
    if not raw:
        return None
    try:
        # Days are not zero-padded (' 2-MAR-1987 …'): take the first word, not a fixed width.
        return datetime.strptime(raw.split()[0], "%d-%b-%Y").strftime("%Y-%m-%d")
    except ValueError:
        return None


def reuters_records(sgml: str) -> Iterator[dict[str, Any]]:
    """Yield one article dict (id, title, published_at, text) per <REUTERS> entry with a body."""
    for attrs, block in _ENTRY.findall(sgml):
        body = _tag(block, "BODY")
        if not body:
            continue  # briefs and unprocessed entries carry only a title
        newid = _NEWID.search(attrs)
        # A line indented by spaces opens a paragraph in the SGML; a blank line says so to the cleaner.
        body = _PARAGRAPH.sub("\n\n", body)
        dateline = _tag(block, "DATELINE")
        # The dateline carries the place ("SALVADOR, Feb 26 - "); keep it in front, as printed.
        text = f"{dateline} {body}" if dateline else body
        yield {
            "id": f"reuters-{newid.group(1) if newid else len(text)}",
            "title": _tag(block, "TITLE"),
            "published_at": _reuters_date(_tag(block, "DATE")),
            "outlet": "Reuters",
            "text": text,
        }


def write_reuters_jsonl(paths: Iterable[Path], out: Path) -> int:
    """Return how many articles were written to out (JSONL) from the Reuters .sgm files in paths."""
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8") as handle:
        for path in sorted(paths):
            # The collection is ASCII with a few stray Latin-1 bytes.
            for record in reuters_records(path.read_text(encoding="latin-1")):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
    return n


# ---------------------------------------------------------------------------------------------
# Facts, content ids and the seeded draw


def _cell(value: Any) -> Any:
    """Return a mart cell as a JSON-stable value (dates as ISO text, lists as lists, floats kept)."""
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, Iterable):
        return [str(v) for v in value]
    return str(value)


def fact_id(table: str, article_id: str, fields: Mapping[str, Any], evidence: str | None) -> str:
    """Return the content id of a fact: table prefix + sha256 of its article, fields and evidence."""
    payload = json.dumps(
        [table, article_id, [[k, _cell(fields.get(k))] for k, _ in FIELDS[table]], evidence or ""],
        ensure_ascii=False,
        sort_keys=False,
        default=str,
    )
    return f"{_PREFIX[table]}-{hashlib.sha256(payload.encode('utf-8')).hexdigest()[:16]}"


def draw_rank(fid: str, seed: int) -> str:
    """Return the sort key of a fact in the draw: sha256 of the seed and the fact's content id."""
    return hashlib.sha256(f"{seed}:{fid}".encode()).hexdigest()


def draw(facts: Sequence[Mapping[str, Any]], n: int, seed: int = DEFAULT_SEED) -> list[Mapping[str, Any]]:
    """Return n facts (all when fewer) in seeded hash order, one per distinct fact_id.

    The order depends only on the ids and the seed, not on row order or a random generator, so the
    same warehouse and seed always give the same sample, and a fact that survives a rebuild keeps
    its place relative to the other survivors.
    """
    distinct: dict[str, Mapping[str, Any]] = {}
    for fact in facts:
        distinct.setdefault(str(fact["fact_id"]), fact)
    ranked = sorted(distinct.values(), key=lambda f: draw_rank(str(f["fact_id"]), seed))
    return ranked[: max(n, 0)]


_QUERIES = {
    "bilateral_meetings": (
        "select b.article_id, b.evidence, b.char_start, b.char_end, m.* exclude (evidence) "
        "from {meeting_articles} as b join {bilateral_meetings} as m using (meeting_id)"
    ),
    "pledges": "select * from {pledges}",
    "quotes": "select * from {quotes}",
}


def read_facts(con: Any, table: str) -> list[dict[str, Any]]:
    """Return every fact of one mart table as dicts with fact_id, article_id, fields, evidence, span."""
    from newsfacts.evaluate.predict import fetch_dicts, find_tables

    tables = find_tables(con, (*TABLES, "meeting_articles"))
    rows = fetch_dicts(con, _QUERIES[table].format(**tables))
    out = []
    for row in rows:
        fields = {name: _cell(row.get(column)) for name, column in FIELDS[table]}
        out.append(
            {
                "fact_id": fact_id(table, str(row["article_id"]), fields, row.get("evidence")),
                "article_id": str(row["article_id"]),
                **fields,
                "evidence": row.get("evidence"),
                "char_start": row.get("char_start"),
                "char_end": row.get("char_end"),
            }
        )
    return out


# ---------------------------------------------------------------------------------------------
# Judging sheets


def context_window(
    body: str, start: int | None, end: int | None, evidence: str | None
) -> tuple[str, str, str]:
    """Return (sentence before, the evidence sentence(s), sentence after) around a span of body."""
    from newsfacts.extract.text import split_sentences

    if start is None or end is None:
        found = body.find(evidence or "\0") if evidence else -1
        if found < 0:
            return "", evidence or "", ""
        start, end = found, found + len(evidence or "")
    sentences = split_sentences(body)
    inside = [i for i, s in enumerate(sentences) if s.end > start and s.start < end]
    if not inside:
        return "", body[start:end], ""
    first, last = inside[0], inside[-1]
    before = sentences[first - 1].text if first > 0 else ""
    after = sentences[last + 1].text if last + 1 < len(sentences) else ""
    middle = body[sentences[first].start : sentences[last].end]
    return before, middle, after


SHEET_HEAD = ("rank", "fact_id", "verdict", "reason")
SHEET_TAIL = (
    "article_id",
    "external_id",
    "source",
    "title",
    "published_on",
    "before",
    "sentence",
    "after",
    "evidence",
)


def sheet_rows(
    con: Any, table: str, sample: Sequence[Mapping[str, Any]], verdicts: Mapping[str, Verdict]
) -> list[dict[str, Any]]:
    """Return the judging sheet rows of a sample: fields, article, context, and any earlier verdict."""
    ids = sorted({str(f["article_id"]) for f in sample})
    articles: dict[str, dict[str, Any]] = {}
    if ids:
        from newsfacts.evaluate.predict import fetch_dicts, find_tables

        arts = find_tables(con, ("articles",))["articles"]
        placeholders = ", ".join(f"'{i}'" for i in ids if re.fullmatch(r"[0-9a-f]+", i))
        for row in fetch_dicts(
            con,
            "select article_id, external_id, source_path, title, published_on, body_clean "
            f"from {arts} where article_id in ({placeholders or 'null'})",
        ):
            articles[str(row["article_id"])] = row
    out = []
    for rank, fact in enumerate(sample, start=1):
        art = articles.get(str(fact["article_id"]), {})
        before, sentence, after = context_window(
            art.get("body_clean") or "", fact.get("char_start"), fact.get("char_end"), fact.get("evidence")
        )
        earlier = verdicts.get(str(fact["fact_id"]))
        row = {
            "rank": rank,
            "fact_id": fact["fact_id"],
            "verdict": earlier.verdict if earlier else "",
            "reason": earlier.reason if earlier else "",
        }
        row.update({name: _sheet_value(fact.get(name)) for name, _ in FIELDS[table]})
        row.update(
            {
                "article_id": fact["article_id"],
                "external_id": art.get("external_id"),
                "source": art.get("source_path"),
                "title": art.get("title"),
                "published_on": _cell(art.get("published_on")),
                "before": before,
                "sentence": sentence,
                "after": after,
                "evidence": fact.get("evidence"),
            }
        )
        out.append(row)
    return out


def _sheet_value(value: Any) -> Any:
    """Return a field as one CSV cell (lists joined with ' | ')."""
    return " | ".join(value) if isinstance(value, list) else value


def write_sheet(rows: Sequence[Mapping[str, Any]], table: str, out_dir: Path) -> tuple[Path, Path]:
    """Return the CSV and plain-text judging sheets written for one table's sample into out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    columns = [*SHEET_HEAD, *(name for name, _ in FIELDS[table]), *SHEET_TAIL]
    csv_path = out_dir / f"{table}_sheet.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    txt_path = out_dir / f"{table}_sheet.txt"
    with txt_path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(
                f"=== {row['rank']} {row['fact_id']}  [{row['verdict'] or 'to judge'}] {row['reason']}\n"
            )
            handle.write("  " + "  ".join(f"{n}={row.get(n)!s}" for n, _ in FIELDS[table]) + "\n")
            handle.write(f"  article {row['external_id']} ({row['published_on']}): {row['title']}\n")
            for part in ("before", "sentence", "after"):
                text = " ".join(str(row.get(part) or "").split())
                handle.write(f"  {'>>' if part == 'sentence' else '  '} {text}\n")
            handle.write("\n")
    return csv_path, txt_path


def sample_warehouse(
    db: Path,
    out_dir: Path,
    *,
    per_table: int = 100,
    seed: int = DEFAULT_SEED,
    verdict_dir: Path | None = None,
) -> dict[str, tuple[int, int, int]]:
    """Return table → (facts in the mart, drawn, already judged) after writing a sheet per table."""
    import duckdb

    result: dict[str, tuple[int, int, int]] = {}
    con = duckdb.connect(str(db), read_only=True)
    try:
        for table in TABLES:
            facts = read_facts(con, table)
            sample = draw(facts, per_table, seed)
            verdicts = read_verdicts(verdict_path(verdict_dir, table)) if verdict_dir else {}
            rows = sheet_rows(con, table, sample, verdicts)
            write_sheet(rows, table, out_dir)
            (out_dir / f"{table}_sample_ids.txt").write_text(
                "".join(f"{f['fact_id']}\n" for f in sample), encoding="utf-8"
            )
            n_facts = len({f["fact_id"] for f in facts})
            result[table] = (n_facts, len(sample), sum(1 for f in sample if f["fact_id"] in verdicts))
    finally:
        con.close()
    return result


# ---------------------------------------------------------------------------------------------
# Verdicts and scores


@dataclass(frozen=True)
class Verdict:
    """One judged fact: its content id, correct or incorrect, and the judge's reason."""

    fact_id: str
    verdict: str
    reason: str


def verdict_path(verdict_dir: Path, table: str) -> Path:
    """Return the verdict file of a table in verdict_dir (docs/audit/<table>_verdicts.csv)."""
    return verdict_dir / f"{table}_verdicts.csv"


def read_verdicts(path: Path) -> dict[str, Verdict]:
    """Return fact_id → Verdict from a verdict CSV (missing file: none); bad verdict words raise."""
    if not path.exists():
        return {}
    out: dict[str, Verdict] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            fid = (row.get("fact_id") or "").strip()
            verdict = (row.get("verdict") or "").strip().lower()
            if not fid or not verdict:
                continue  # a row not judged yet
            if verdict not in VERDICTS:
                raise ValueError(f"{path} line {number}: verdict {verdict!r} is not correct|incorrect")
            out[fid] = Verdict(fid, verdict, (row.get("reason") or "").strip())
    return out


def write_verdicts(path: Path, verdicts: Iterable[Verdict]) -> None:
    """Write verdicts as CSV (fact_id, verdict, reason), sorted by fact_id."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["fact_id", "verdict", "reason"])
        for v in sorted(verdicts, key=lambda v: v.fact_id):
            writer.writerow([v.fact_id, v.verdict, v.reason])


def record_sheet(sheet: Path, verdict_file: Path) -> tuple[int, int]:
    """Return (verdicts now on file, new or changed) after merging a filled-in sheet into verdict_file.

    Only the sheet's fact_id, verdict and reason columns are read: no corpus text reaches the file.
    """
    with sheet.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    merged = read_verdicts(verdict_file)
    changed = 0
    for number, row in enumerate(rows, start=2):
        fid, verdict = (row.get("fact_id") or "").strip(), (row.get("verdict") or "").strip().lower()
        if not fid or not verdict:
            continue
        if verdict not in VERDICTS:
            raise ValueError(f"{sheet} line {number}: verdict {verdict!r} is not correct|incorrect")
        new = Verdict(fid, verdict, " ".join((row.get("reason") or "").split()))
        if merged.get(fid) != new:
            changed += 1
        merged[fid] = new
    write_verdicts(verdict_file, merged.values())
    return len(merged), changed


def wilson_interval(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Return the Wilson score interval (low, high) for successes out of n ((0, 1) when n is 0)."""
    if n <= 0:
        return 0.0, 1.0
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass
class TableScore:
    """Precision of one table's judged sample, its interval and the reasons counted."""

    table: str
    n_sampled: int
    n_judged: int
    n_correct: int
    low: float
    high: float
    errors: Counter[str]  # reasons of incorrect facts
    notes: Counter[str]  # attribute notes on correct facts (after 'ok; ')

    @property
    def precision(self) -> float | None:
        """Return correct / judged, or None when nothing is judged."""
        return self.n_correct / self.n_judged if self.n_judged else None


def _reason_parts(reason: str) -> list[str]:
    """Return the '; '-separated categories of a reason, the leading 'ok' dropped."""
    parts = [p.strip() for p in reason.split(";") if p.strip()]
    return [p for p in parts if p.lower() != "ok"]


def score_table(
    table: str, verdicts: Mapping[str, Verdict], sample_ids: Sequence[str] | None = None
) -> TableScore:
    """Return the score of a table over the sample's judged facts (every verdict when no sample given)."""
    ids = list(sample_ids) if sample_ids is not None else list(verdicts)
    judged = [verdicts[i] for i in ids if i in verdicts]
    correct = sum(1 for v in judged if v.verdict == "correct")
    errors: Counter[str] = Counter()
    notes: Counter[str] = Counter()
    for v in judged:
        parts = _reason_parts(v.reason)
        if v.verdict == "incorrect":
            # The first category is the reason the fact fails; later ones are extra notes.
            errors[parts[0] if parts else "unstated"] += 1
        else:
            notes.update(parts)
    low, high = wilson_interval(correct, len(judged))
    return TableScore(table, len(ids), len(judged), correct, low, high, errors, notes)


def render_scores(scores: Sequence[TableScore], top: int = 8) -> str:
    """Return a plain-text report: precision [low, high] per table, then the commonest reasons."""
    lines = [f"{'table':<20} {'judged':>6} {'correct':>7} {'precision':>9}  95% Wilson"]
    for s in scores:
        p = "-" if s.precision is None else f"{s.precision:.3f}"
        pending = f"  ({s.n_sampled - s.n_judged} sampled, not judged)" if s.n_sampled > s.n_judged else ""
        lines.append(
            f"{s.table:<20} {s.n_judged:>6} {s.n_correct:>7} {p:>9}  [{s.low:.3f}, {s.high:.3f}]{pending}"
        )
    for s in scores:
        if s.errors:
            lines.append(f"\n{s.table}: why incorrect")
            lines += [f"  {n:>3}  {reason}" for reason, n in s.errors.most_common(top)]
        if s.notes:
            lines.append(f"{s.table}: attribute errors on correct facts")
            lines += [f"  {n:>3}  {note}" for note, n in s.notes.most_common(top)]
    return "\n".join(lines)
