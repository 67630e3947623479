"""The whole pipeline on real news it was not written on: every record comes back well formed.

A smoke test, not a quality figure (that is `newsfacts evaluate` and the audit in docs/quality.md):
a None or a malformed record from any extractor on any article stops the dbt extraction model for
the whole batch, so the pipeline runs here over a slice of three real corpora by path.
"""

from __future__ import annotations

import csv
import dataclasses
from itertools import islice
from pathlib import Path

import pytest

from newsfacts.clean import clean_body
from newsfacts.evaluate.audit import reuters_records
from newsfacts.extract import pipeline
from newsfacts.extract.records import Article, EntityMention, MeetingMention, PledgeMention, Quote
from newsfacts.paths import SHARED_DIR

CORPORA = SHARED_DIR / "corpora"
pytestmark = pytest.mark.skipif(not CORPORA.exists(), reason="../shared/corpora is not beside the checkout")


def _articles() -> list[Article]:
    """Return ~1,500 articles: BBC politics, the first Reuters-21578 files, Wikinews 2020."""
    out: list[Article] = []
    for path in sorted((CORPORA / "bbc_news_2225" / "bbc" / "politics").glob("*.txt"))[:300]:
        title, _, body = path.read_text(encoding="latin-1").partition("\n")
        out.append(Article(f"bbc:{path.name}", clean_body(body, title), title, None))
    for sgm in sorted((CORPORA / "reuters21578").glob("reut2-00[0-5].sgm")):
        for r in reuters_records(sgm.read_text(encoding="latin-1")):
            out.append(Article(str(r["id"]), clean_body(r["text"], r.get("title")), r.get("title"), None))
    csv.field_size_limit(10**8)
    wikinews = CORPORA / "wikinews_en_2019_2021" / "wikinews_2020.csv"
    with wikinews.open(encoding="utf-8", newline="") as handle:
        for row in islice(csv.DictReader(handle), 150):
            body = clean_body(row["text"], row["title"])
            out.append(Article(row["url"], body, row["title"], row["date"][:10]))
    return out


# The field each record's span [char_start, char_end) must reproduce from the body.
_SPAN_FIELD = {
    EntityMention: "surface",
    Quote: "quote_text",
    MeetingMention: "evidence",
    PledgeMention: "evidence",
}


def _ok(record: object, kind: type, body: str) -> bool:
    """Return True when record is a `kind` whose span reads, in the body, what the record says."""
    if not (dataclasses.is_dataclass(record) and isinstance(record, kind)):
        return False
    span = body[record.char_start : record.char_end]  # type: ignore[attr-defined]
    return span == getattr(record, _SPAN_FIELD[kind])


@pytest.mark.shared
def test_every_record_on_real_news_is_well_formed() -> None:
    articles = _articles()
    assert len(articles) > 1000
    bodies = {a.article_id: a.body for a in articles}
    bad: list[str] = []
    for facts in pipeline.extract_articles(articles, processes=2):
        body = bodies[facts.article_id]
        for kind, records in (
            (EntityMention, facts.mentions),
            (Quote, facts.quotes),
            (MeetingMention, facts.meetings),
            (PledgeMention, facts.pledges),
        ):
            wrong = [r for r in records if not _ok(r, kind, body)]
            bad += [f"{facts.article_id}: {kind.__name__} {r!r:.120}" for r in wrong]
    assert not bad, "\n".join(bad[:10])


def test_the_corpus_slice_is_where_the_test_expects_it() -> None:
    assert (CORPORA / "reuters21578").is_dir() and Path(CORPORA / "bbc_news_2225").is_dir()
