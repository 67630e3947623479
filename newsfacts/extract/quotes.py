"""Quotes with their speakers. (STUB: owner replaces.)"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsfacts.extract.entities import EntityLexicon
from newsfacts.extract.records import Article, EntityMention, Quote
from newsfacts.extract.text import Sentence


@dataclass(frozen=True)
class QuoteLexicon:
    pass


def load_quote_lexicon(seeds_dir: Path | None = None) -> QuoteLexicon:
    return QuoteLexicon()


def find_quotes(
    article: Article,
    sentences: list[Sentence],
    mentions: list[EntityMention],
    lexicon: QuoteLexicon,
    entity_lexicon: EntityLexicon,
) -> list[Quote]:
    return []
