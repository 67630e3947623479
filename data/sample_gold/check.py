"""Check data/sample_gold/facts.jsonl against the sample articles, reading the files directly.

Usage: python data/sample_gold/check.py [SAMPLE_DIR]

Verifies that every fact points at an existing article, that its `evidence`, `text_start` and
`text_end` are exact substrings of that article's text (and `text_start` comes before the end of
`text_end`), that enums and required fields follow ../shared/gold/FORMAT.md, that fids are unique
and `component_of` points at a known fid. Exits 1 and lists the problems when anything is wrong.

It deliberately uses only the standard library, not the project's loaders: the gold must stay
checkable even while the loaders change.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

TABLES = {
    "meeting": ("parties", "participants", "date", "date_basis", "location", "mode", "evidence"),
    "pledge": (
        "donor",
        "recipient",
        "category",
        "what",
        "amount",
        "currency",
        "quantity",
        "period",
        "status",
        "evidence",
    ),
    "quote": ("speaker", "kind", "text_start", "text_end", "cue", "evidence"),
}
ENUMS = {
    "date_basis": {"explicit", "relative", "inferred", "unknown"},
    "mode": {"in_person", "call", "video", "unknown"},
    "category": {"military", "financial", "humanitarian", "training", "other"},
    "status": {"firm", "conditional", "proposal", "delivered"},
    "kind": {"direct", "indirect"},
}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SPAN_FIELDS = ("evidence", "text_start", "text_end")


class ArticleTextParser(HTMLParser):
    """Collects the text of <h1> and <p> elements inside <article>, the part a reader sees as the story."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._in_article = 0
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self._in_article += 1
        elif self._in_article and tag in ("h1", "p"):
            self._current = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_article -= 1
        elif tag in ("h1", "p") and self._current is not None:
            self.blocks.append("".join(self._current).strip())
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)


def html_text(page: str) -> str:
    """Return the article text of an HTML page: its <h1> and <p> blocks joined by blank lines."""
    parser = ArticleTextParser()
    parser.feed(page)
    return "\n\n".join(block for block in parser.blocks if block)


def iter_articles(sample: Path) -> Iterator[tuple[str, str, Path]]:
    """Yield (article id, text, file) for every article in the sample directory, in every format."""
    for path in sorted((sample / "text").glob("*.txt")):
        yield path.stem, path.read_text(encoding="utf-8"), path
    for path in sorted((sample / "html").glob("*.html")):
        yield path.stem, html_text(path.read_text(encoding="utf-8")), path
    for path in sorted((sample / "jsonl").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                yield record["id"], record["text"], path
    for path in sorted(sample.rglob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    yield record["id"], record["text"], path
    for path in sorted((sample / "csv").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for record in csv.DictReader(handle):
                yield record["id"], record["text"], path


def span_in_order(text: str, start: str, end: str) -> bool:
    """Return True when some occurrence of `start` begins at or before the end of some occurrence of `end`."""
    first_start = text.find(start)
    last_end = text.rfind(end)
    return first_start != -1 and last_end != -1 and first_start <= last_end + len(end)


def fact_problems(fact: dict, texts: dict[str, str], fids: set[str]) -> list[str]:
    """Return the problems of one fact (an empty list when it is fine)."""
    where = f"{fact.get('fid', '?')} ({fact.get('article', '?')})"
    table = fact.get("table")
    if table not in TABLES:
        return [f"{where}: unknown table {table!r}"]
    problems = [f"{where}: missing field {name!r}" for name in TABLES[table] if name not in fact]
    text = texts.get(fact.get("article", ""))
    if text is None:
        return [*problems, f"{where}: article not found in the sample files"]
    for name in SPAN_FIELDS:
        value = fact.get(name)
        if value is not None and value not in text:
            problems.append(f"{where}: {name} is not a substring of the article: {value!r}")
    if table == "quote" and not span_in_order(text, fact.get("text_start", ""), fact.get("text_end", "")):
        problems.append(f"{where}: text_start does not come before text_end")
    for name, allowed in ENUMS.items():
        if name in fact and fact[name] not in allowed:
            problems.append(f"{where}: {name}={fact[name]!r} not in {sorted(allowed)}")
    if table == "meeting":
        if len(fact.get("parties", [])) != 2:
            problems.append(f"{where}: a meeting needs exactly two parties")
        if fact.get("date") is not None and not ISO_DATE.match(fact["date"]):
            problems.append(f"{where}: date is not YYYY-MM-DD: {fact['date']!r}")
    parent = fact.get("component_of")
    if parent is not None and parent not in fids:
        problems.append(f"{where}: component_of points at unknown fid {parent!r}")
    return problems


def main(argv: list[str]) -> int:
    """Run every check, print a summary and return the process exit code."""
    sample = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1] / "sample"
    texts: dict[str, str] = {}
    problems: list[str] = []
    for article_id, text, path in iter_articles(sample):
        if article_id in texts:
            problems.append(f"duplicate article id {article_id!r} in {path.name}")
        texts[article_id] = text
    lines = (Path(__file__).resolve().parent / "facts.jsonl").read_text(encoding="utf-8").splitlines()
    facts = [json.loads(line) for line in lines if line.strip()]
    fids = [fact.get("fid", "") for fact in facts]
    problems += [f"duplicate fid {fid!r}" for fid in sorted({f for f in fids if fids.count(f) > 1})]
    for fact in facts:
        problems += fact_problems(fact, texts, set(fids))
    by_table = {table: sum(fact.get("table") == table for fact in facts) for table in TABLES}
    with_facts = len({fact.get("article") for fact in facts})
    print(
        f"{len(texts)} articles ({with_facts} with facts), {len(facts)} facts: "
        + ", ".join(f"{n} {table}" for table, n in by_table.items())
    )
    for problem in problems:
        print("PROBLEM", problem)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
