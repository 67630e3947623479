"""The country or organisation a person acts for, read from the words around their name.

Seeds know some people's offices (seeds/person_roles.csv); news names many more, and says for whom
they act right beside the name. This module reads that apposition, so a person the seeds never
listed still gives a meeting or a pledge its party:

| construct (invented examples)                          | rule                          |
| ------------------------------------------------------ | ----------------------------- |
| "Ruritanian Defence Minister Ana Pell"                 | party, office words, name     |
| "Ruritania's Economy Minister Ana Pell"                | party 's, office words, name  |
| "his Ruritanian counterpart Ana Pell"                  | demonym + counterpart, name   |
| "the Minister of Defence of Ruritania Ana Pell"        | office of party, name         |
| "Ana Pell of Ruritania"                                | name of party                 |
| "Ana Pell, Ruritania's defence minister"               | name, party's office          |
| "Ana Pell, the Ruritanian foreign minister"            | name, the demonym office      |
| "Ana Pell, the foreign minister of Ruritania"          | name, office of party         |

An office word (seeds/office_words.csv) must stand in the apposition, and no other person or
party may stand between the name and its party, so "sanctions on Ruritania, Ana Pell said" ties
nobody. Every mention of the same person shares the party of its first tied mention.
Tests: tests/extract/test_affiliations.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from newsfacts.extract.records import EntityMention
from newsfacts.extract.seeds import read_seed

_PARTY_TYPES = ("country", "organization")
_APOSTROPHE_S = re.compile(r"^(?:'s|’s|')")
# Characters that end an apposition: a name and its party never lie across them.
_BREAK = re.compile(r"[;:()\"“”«»!?\[\]]|\.\s|\s[-–—]\s")
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
# "… of (the) <party> <name>": the party closes an "office of" phrase.
_OFFICE_OF_END = re.compile(r"\b(?:of|for)\s+(?:the\s+)?$", re.IGNORECASE)
# "<name>, (the) <party>'s …" / "<name>, (the) <demonym> …".
_COMMA_THE = re.compile(r"^,\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)
# "<name>, the foreign minister of <party>": ends in of/for/from after the office words.
_COMMA_OFFICE_OF = re.compile(
    r"^,\s+(?:the\s+|a\s+|an\s+)?(?P<office>[A-Za-z][\w\s-]{0,50}?)\s+(?:of|for|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_MAX_GAP = 70


def load_office_words(seeds_dir: Path | None = None) -> frozenset[str]:
    """Return the lower-cased words that state an office beside a name (seeds/office_words.csv)."""
    return frozenset(row["word"].lower() for row in read_seed("office_words", seeds_dir) if row.get("word"))


def _has_office(text: str, office_words: frozenset[str]) -> bool:
    """Return True when a word of `text` is an office word (plurals are not: "defense ministers")."""
    return any(w.lower() in office_words for w in _WORD.findall(text))


def _party_before(
    body: str, person: EntityMention, before: EntityMention | None, office_words: frozenset[str]
) -> bool:
    """Return True when the party mention `before` is the party of the name right after it."""
    if before is None or person.char_start - before.char_end > _MAX_GAP:
        return False
    gap = body[before.char_end : person.char_start]
    if _BREAK.search(gap) or "," in gap.strip(" ,"):
        return False
    words = _APOSTROPHE_S.sub("", gap)
    if _has_office(words, office_words):
        return True  # "Ruritanian Defence Minister Ana Pell", "Ruritania's envoy Ana Pell"
    # "the Minister of Defence of Ruritania(,) Ana Pell"
    lead = body[max(0, before.char_start - 60) : before.char_start]
    return not words.strip(" ,") and bool(_OFFICE_OF_END.search(lead)) and _has_office(lead, office_words)


def _party_after(
    body: str, person: EntityMention, after: EntityMention | None, office_words: frozenset[str]
) -> bool:
    """Return True when the party mention `after` is the party of the name right before it."""
    if after is None or after.char_start - person.char_end > _MAX_GAP:
        return False
    gap = body[person.char_end : after.char_start]
    if _BREAK.search(gap):
        return False
    if gap == " of ":
        return True  # "Ana Pell of Ruritania"
    if _COMMA_THE.match(gap):
        # "Ana Pell, Ruritania's defence minister", "Ana Pell, the Ruritanian foreign minister"
        tail = _APOSTROPHE_S.sub("", body[after.char_end : after.char_end + 40])
        words = _WORD.findall(tail.split(",")[0])[:3]
        return any(w.lower() in office_words for w in words)
    m = _COMMA_OFFICE_OF.match(gap)
    return bool(m) and _has_office(m.group("office"), office_words)


def text_affiliations(
    body: str,
    mentions: Iterable[EntityMention],
    office_words: frozenset[str],
    party_of: Callable[[str], str] = lambda key: key,
) -> dict[str, str]:
    """Return person key → party key for the people whose party the text states beside their name.

    `mentions` are one article's mentions; `party_of` maps an entity key to the party it acts for
    (an EU institution → the EU).
    """
    ordered = sorted(mentions, key=lambda m: m.char_start)
    out: dict[str, str] = {}
    last_party: EntityMention | None = None
    pending: list[EntityMention] = []  # named people still waiting for a party after them
    for m in ordered:
        if m.entity_type in _PARTY_TYPES:
            for person in pending:
                if person.sentence_index == m.sentence_index and _party_after(body, person, m, office_words):
                    out.setdefault(person.entity_key, party_of(m.entity_key))
            pending = []
            last_party = m
        elif m.entity_type == "person" and m.method not in ("pronoun", "role"):
            before = last_party if last_party and last_party.sentence_index == m.sentence_index else None
            if m.entity_key not in out and _party_before(body, m, before, office_words):
                out[m.entity_key] = party_of(before.entity_key)  # type: ignore[union-attr]
            last_party = None  # a person between a party and the next name breaks the apposition
            pending = [m]
        elif m.entity_type == "person":
            pending = []
    return out
