"""The extraction pipeline: one cleaned article in, all its facts out. No I/O, no database.

Steps: sentences → entity mentions (with in-article coreference) → quotes → the event context
(parties per sentence, home party, reference date: context.py) → meetings → pledges. Each step is
a module with a pure function; the lexicons each step needs are loaded once from seeds/ by
`load_lexicons` and passed in.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from newsfacts.extract import context, entities, meetings, pledges, quotes, text
from newsfacts.extract.records import (
    Article,
    ArticleFacts,
    EntityMention,
    MeetingMention,
    PledgeMention,
    Quote,
)

EXTRACTOR_VERSION = "0.1.0"


@dataclass(frozen=True)
class Lexicons:
    entities: entities.EntityLexicon
    quotes: quotes.QuoteLexicon
    events: context.EventLexicon


def load_lexicons(seeds_dir: Path | None = None) -> Lexicons:
    """Return every lexicon the extractors need, read from seeds/ (or seeds_dir)."""
    return Lexicons(
        entities=entities.load_entity_lexicon(seeds_dir),
        quotes=quotes.load_quote_lexicon(seeds_dir),
        events=context.load_event_lexicon(seeds_dir),
    )


def extract_article(article: Article, lexicons: Lexicons) -> ArticleFacts:
    """Return every fact extracted from one cleaned article."""
    sentences = text.split_sentences(article.body)
    mentions = entities.find_mentions(article, sentences, lexicons.entities)
    found_quotes = quotes.find_quotes(article, sentences, mentions, lexicons.quotes, lexicons.entities)
    event_context = context.build_context(article, sentences, mentions, lexicons.events)
    return ArticleFacts(
        article_id=article.article_id,
        mentions=mentions,
        quotes=found_quotes,
        meetings=meetings.extract(event_context),
        pledges=pledges.extract(event_context),
    )


def extract_article_or_error(article: Article, lexicons: Lexicons) -> ArticleFacts:
    """Return extract_article's facts, or empty facts carrying the error when an extractor fails.

    One article an extractor trips on must not stop the batch (a dbt build extracts thousands at
    once): its row records the error, the other articles keep their facts, and the next extractor
    version retries it.
    """
    try:
        facts = extract_article(article, lexicons)
        for kind, records in (
            (EntityMention, facts.mentions),
            (Quote, facts.quotes),
            (MeetingMention, facts.meetings),
            (PledgeMention, facts.pledges),
        ):
            wrong = [r for r in records if not isinstance(r, kind)]
            if wrong:
                raise TypeError(f"an extractor returned {wrong[0]!r:.80} among its {kind.__name__} records")
        return facts
    except Exception as exc:  # any extractor bug stays with its article
        return ArticleFacts(article_id=article.article_id, error=f"{type(exc).__name__}: {exc}"[:500])


# Worker processes load the lexicons once each, not once per article.
_worker_lexicons: Lexicons | None = None


def _init_worker(seeds_dir: Path | None) -> None:
    global _worker_lexicons
    _worker_lexicons = load_lexicons(seeds_dir)


def _extract_in_worker(article: Article) -> ArticleFacts:
    assert _worker_lexicons is not None
    return extract_article_or_error(article, _worker_lexicons)


def extract_articles(
    articles: Iterable[Article],
    *,
    seeds_dir: Path | None = None,
    processes: int | None = None,
    chunksize: int = 16,
) -> Iterator[ArticleFacts]:
    """Yield the facts of each article, in input order, using `processes` worker processes.

    processes=None uses every core; processes=1 runs in this process (no pool start-up cost).
    """
    n = processes or os.cpu_count() or 1
    if n <= 1:
        lexicons = load_lexicons(seeds_dir)
        for article in articles:
            yield extract_article_or_error(article, lexicons)
        return
    with ProcessPoolExecutor(max_workers=n, initializer=_init_worker, initargs=(seeds_dir,)) as pool:
        yield from pool.map(_extract_in_worker, articles, chunksize=chunksize)
