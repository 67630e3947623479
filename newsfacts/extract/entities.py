"""Entity mentions: countries, organisations, people, places. (STUB: owner replaces.)"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsfacts.extract.records import Article, EntityMention
from newsfacts.extract.text import Sentence


@dataclass(frozen=True)
class EntityLexicon:
    pass


def load_entity_lexicon(seeds_dir: Path | None = None) -> EntityLexicon:
    return EntityLexicon()


def find_mentions(article: Article, sentences: list[Sentence], lexicon: EntityLexicon) -> list[EntityMention]:
    return []
