"""HTML loader quality on Mozilla Readability's test pages: title, date and main-text token F1.

Usage: python bench/html_quality.py [PAGES_DIR] [--worst N]
PAGES_DIR defaults to ../shared/corpora/html_readability_testpages/test/test-pages. Each page folder
holds source.html, expected.html (the main text) and expected-metadata.json (title, publishedTime).
The page goes through the same path as `newsfacts load page.html` (bytes -> decode -> trafilatura).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

from lxml import html as lxml_html

from loaders.html import parse_html
from loaders.records import RawRecord, parse_published
from newsfacts.paths import SHARED_DIR

DEFAULT_PAGES = SHARED_DIR / "corpora" / "html_readability_testpages" / "test" / "test-pages"
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> Counter[str]:
    """Return the bag of lower-cased word tokens of a text."""
    return Counter(_TOKEN_RE.findall(unicodedata.normalize("NFKC", text).lower()))


def token_f1(predicted: str, expected: str) -> float:
    """Return the bag-of-words F1 between two texts (1.0 when both are empty)."""
    pred, gold = tokens(predicted), tokens(expected)
    if not pred and not gold:
        return 1.0
    overlap = sum((pred & gold).values())
    if overlap == 0:
        return 0.0
    precision, recall = overlap / sum(pred.values()), overlap / sum(gold.values())
    return 2 * precision * recall / (precision + recall)


def same_title(predicted: str | None, expected: str | None) -> bool:
    """Return True when two titles are equal after Unicode and whitespace normalisation."""

    def norm(value: str | None) -> str:
        return " ".join(unicodedata.normalize("NFKC", value or "").split())

    return norm(predicted) == norm(expected)


def html_text(markup: str) -> str:
    """Return the visible text of an HTML fragment."""
    if not markup.strip():
        return ""
    return lxml_html.fromstring(markup).text_content()


def score_page(folder: Path) -> dict[str, object]:
    """Return one page's extraction result and its scores."""
    meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
    expected_text = html_text((folder / "expected.html").read_text(encoding="utf-8"))
    data = (folder / "source.html").read_bytes()
    started = time.perf_counter()
    results = list(parse_html(data, str(folder / "source.html"), "source.html"))
    seconds = time.perf_counter() - started
    record = next((r for r in results if isinstance(r, RawRecord)), None)
    body = record.body if record else ""
    title = record.title if record else None
    expected_date = parse_published(meta.get("publishedTime"))
    got_date = parse_published(record.published_at_raw) if record else None
    return {
        "page": folder.name,
        "loaded": record is not None,
        "title_ok": same_title(title, meta.get("title")) if meta.get("title") else None,
        "date_ok": (got_date is not None and got_date.date() == expected_date.date())
        if expected_date
        else None,
        "f1": token_f1(body, expected_text),
        "seconds": seconds,
        "title": title,
        "expected_title": meta.get("title"),
    }


def rate(values: list[object]) -> tuple[int, int]:
    """Return (hits, scored) over the values that are not None."""
    scored = [v for v in values if v is not None]
    return sum(1 for v in scored if v), len(scored)


def main(argv: list[str] | None = None) -> int:
    """Print the figures for every page folder and return 0 (1 when the corpus is missing)."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("pages", nargs="?", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--worst", type=int, default=0, help="also list the N pages with the lowest text F1")
    args = parser.parse_args(argv)
    folders = sorted(p for p in args.pages.glob("*") if (p / "source.html").is_file())
    if not folders:
        print(f"no test pages under {args.pages}", file=sys.stderr)
        return 1
    rows = [score_page(folder) for folder in folders]
    loaded = sum(1 for r in rows if r["loaded"])
    title_hits, title_n = rate([r["title_ok"] for r in rows])
    date_hits, date_n = rate([r["date_ok"] for r in rows])
    f1s = sorted(float(r["f1"]) for r in rows)
    print(f"pages: {len(rows)}, loaded as articles: {loaded} ({loaded / len(rows):.1%})")
    print(f"title exact match: {title_hits}/{title_n} = {title_hits / max(title_n, 1):.1%}")
    print(f"date match (day):  {date_hits}/{date_n} = {date_hits / max(date_n, 1):.1%}")
    print(
        f"text token F1: mean {sum(f1s) / len(f1s):.3f}, median {f1s[len(f1s) // 2]:.3f}, "
        f"pages >= 0.9: {sum(1 for f in f1s if f >= 0.9)}"
    )
    print(f"time: {sum(float(r['seconds']) for r in rows):.1f}s total")
    for row in sorted(rows, key=lambda r: float(r["f1"]))[: args.worst]:
        print(
            f"  {row['page']}: f1={row['f1']:.2f} title={row['title']!r} expected={row['expected_title']!r}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
