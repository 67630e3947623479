"""Turning extracted facts into FORMAT.md facts, shared by the library shortcut and `newsfacts predict`.

The extraction records (newsfacts.extract.records) and the mart rows (models/marts) use the same
column names on purpose, so one set of functions reads either: a dataclass goes through
`dataclasses.asdict`, a mart row is already a mapping.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from newsfacts.extract.records import ArticleFacts

Fact = dict[str, Any]


def _as_mapping(record: Any) -> Mapping[str, Any]:
    """Return a record as a mapping (dataclass instances are converted)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return dataclasses.asdict(record)
    return record


def display_name(name: Any, key: Any) -> str | None:
    """Return the canonical name of an entity, else a name recovered from its key ('person:jane doe')."""
    if name:
        return str(name)
    if not key:
        return None
    key = str(key)
    return key.split(":", 1)[1] if ":" in key else key


def _as_list(value: Any) -> list[str]:
    """Return a list cell as a Python list of strings (None, a list, a tuple or a numpy array)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in list(value) if v]


def _date(value: Any) -> str | None:
    """Return a date cell as YYYY-MM-DD (or None)."""
    if value is None:
        return None
    return value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)[:10]


def quote_fact(article: str, record: Any) -> Fact:
    """Return a FORMAT.md quote fact from a Quote record or a `quotes` mart row."""
    r = _as_mapping(record)
    return {
        "article": article,
        "table": "quote",
        "speaker": display_name(r.get("speaker_name"), r.get("speaker_key") or r.get("speaker_id")),
        "kind": r.get("kind"),
        "text": r.get("quote_text") or "",
        "cue": r.get("cue"),
        "evidence": r.get("evidence"),
    }


def meeting_fact(article: str, record: Any) -> Fact:
    """Return a FORMAT.md meeting fact from a MeetingMention record or a `bilateral_meetings` mart row."""
    r = _as_mapping(record)
    party_a = display_name(r.get("party_a_name"), r.get("party_a_key") or r.get("party_a_id"))
    party_b = display_name(r.get("party_b_name"), r.get("party_b_key") or r.get("party_b_id"))
    return {
        "article": article,
        "table": "meeting",
        "parties": [party_a, party_b],
        "participants": _as_list(r.get("participants")),
        "date": _date(r.get("meeting_date")),
        "date_basis": r.get("date_basis"),
        "location": r.get("location"),
        "mode": r.get("mode"),
        "evidence": r.get("evidence"),
    }


def pledge_fact(article: str, record: Any) -> Fact:
    """Return a FORMAT.md pledge fact from a PledgeMention record or a `pledges` mart row."""
    r = _as_mapping(record)
    amount = r.get("amount")
    quantity = r.get("quantity")
    return {
        "article": article,
        "table": "pledge",
        "donor": display_name(r.get("donor_name"), r.get("donor_key") or r.get("donor_id")),
        "recipient": display_name(r.get("recipient_name"), r.get("recipient_key") or r.get("recipient_id")),
        "category": r.get("category"),
        "what": r.get("description") or r.get("item"),
        "amount": None if amount is None else float(amount),
        "currency": r.get("currency"),
        "quantity": None if quantity is None else float(quantity),
        "period": r.get("period"),
        "status": r.get("status"),
        "evidence": r.get("evidence"),
    }


def article_facts_to_format(article: str, facts: ArticleFacts) -> list[Fact]:
    """Return the FORMAT.md facts of one article's extraction result, keyed by the gold article id."""
    out = [meeting_fact(article, m) for m in facts.meetings]
    out += [pledge_fact(article, p) for p in facts.pledges]
    out += [quote_fact(article, q) for q in facts.quotes]
    return out


def number_facts(facts: Iterable[Fact]) -> list[Fact]:
    """Return facts with a fid '<article>-<M|P|Q><n>' added, numbered per article and table."""
    counters: dict[tuple[str, str], int] = {}
    out: list[Fact] = []
    for fact in facts:
        key = (str(fact["article"]), str(fact["table"]))
        counters[key] = counters.get(key, 0) + 1
        prefix = {"meeting": "M", "pledge": "P", "quote": "Q"}.get(fact["table"], "X")
        out.append({**fact, "fid": f"{key[0]}-{prefix}{counters[key]}"})
    return out
