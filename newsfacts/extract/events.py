"""Bilateral meetings and pledges. (STUB: owner replaces.)"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsfacts.extract.entities import EntityLexicon
from newsfacts.extract.records import Article, EntityMention, MeetingMention, PledgeMention
from newsfacts.extract.text import Sentence


@dataclass(frozen=True)
class EventLexicon:
    pass


def load_event_lexicon(seeds_dir: Path | None = None) -> EventLexicon:
    return EventLexicon()


def find_meetings(
    article: Article,
    sentences: list[Sentence],
    mentions: list[EntityMention],
    lexicon: EventLexicon,
    entity_lexicon: EntityLexicon,
) -> list[MeetingMention]:
    return []


def find_pledges(
    article: Article,
    sentences: list[Sentence],
    mentions: list[EntityMention],
    lexicon: EventLexicon,
    entity_lexicon: EntityLexicon,
) -> list[PledgeMention]:
    return []
