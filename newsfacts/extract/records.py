"""Typed records the extraction library returns.

Field names match the warehouse columns (see models/intermediate), so no renaming layer sits
between Python and SQL. Every record carries where it came from: the sentence index and the
character span [char_start, char_end) inside the *cleaned* article body that the extractor read,
plus an evidence string (the exact substring it was read from) and a confidence in [0, 1].

Entity keys are stable strings shared with the seeds:
  * countries      -> ISO 3166-1 alpha-3 code, e.g. "UKR", "LVA"
  * organisations  -> the `org_id` of seeds/organizations.csv, e.g. "EU", "NATO"
  * seeded people  -> the `person_id` of seeds/people.csv, e.g. "rustem_umerov"
  * other people   -> "person:" + folded full name, e.g. "person:jane doe"
  * places         -> "place:" + folded name, e.g. "place:kyiv"
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Article:
    """What the extractors read: a cleaned body plus the little metadata they need."""

    article_id: str
    body: str
    title: str | None = None
    published_on: str | None = None  # ISO date "YYYY-MM-DD" or None when the source gives none


@dataclass(slots=True)
class EntityMention:
    entity_key: str
    entity_type: str  # person | country | organization | location
    canonical_name: str
    surface: str
    method: str  # gazetteer | alias | demonym | metonym | role | surname | pronoun | pattern
    sentence_index: int
    char_start: int
    char_end: int
    confidence: float


@dataclass(slots=True)
class Quote:
    speaker_key: str | None
    speaker_name: str | None
    speaker_surface: str | None
    quote_text: str
    kind: str  # direct | indirect
    cue: str | None
    has_quote_marks: bool
    sentence_index: int
    char_start: int  # span of quote_text
    char_end: int
    evidence: str
    confidence: float


@dataclass(slots=True)
class MeetingMention:
    party_a_key: str
    party_a_name: str
    party_b_key: str
    party_b_name: str
    participants: list[str] = field(default_factory=list)  # canonical person names
    participant_keys: list[str] = field(default_factory=list)
    meeting_date: str | None = None  # YYYY-MM-DD (first day of the period for coarser precision)
    date_precision: str = "unknown"  # day | month | year | unknown
    date_basis: str = "unknown"  # explicit | relative | inferred | unknown
    location: str | None = None
    mode: str = "unknown"  # in_person | call | video | unknown
    topics: list[str] = field(default_factory=list)
    sentence_index: int = 0
    char_start: int = 0
    char_end: int = 0
    evidence: str = ""
    confidence: float = 0.5


@dataclass(slots=True)
class PledgeMention:
    donor_key: str
    donor_name: str
    recipient_key: str
    recipient_name: str
    category: str  # military | financial | humanitarian | training | other
    description: str
    quantity: float | None = None
    item: str | None = None
    amount: float | None = None  # in units, not millions
    currency: str | None = None  # ISO 4217
    period: str | None = None
    status: str = "firm"  # firm | conditional | proposal | delivered
    announced_on: str | None = None  # YYYY-MM-DD
    sentence_index: int = 0
    char_start: int = 0
    char_end: int = 0
    evidence: str = ""
    confidence: float = 0.5


@dataclass(slots=True)
class ArticleFacts:
    """Everything extracted from one article."""

    article_id: str
    mentions: list[EntityMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    meetings: list[MeetingMention] = field(default_factory=list)
    pledges: list[PledgeMention] = field(default_factory=list)
    # Set when an extractor failed on this article: its facts are empty and the build goes on.
    error: str | None = None
