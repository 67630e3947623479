"""Bilateral meetings: met, held talks, visited, hosted, phone or video calls between exactly two parties.

Per sentence: a meeting trigger (seeds/meeting_triggers.csv) and exactly two parties make a meeting.
Parties are read from the people named (the country or organisation each served at the article's
date), then from countries, organisations, capitals and demonyms; a sentence naming only the
counterpart ("I spoke today with the Prime Minister of Canada") gets the article's home party as the
other side. Three or more parties, a summit or a trilateral format, an invitation, a proposal or a
cancelled meeting are not bilateral meetings, unless the sentence says it happened on the sidelines.
Sentences reporting the same pair are merged into one meeting, each filling what the others lack
(date, place, mode, participants).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsfacts.extract import dates
from newsfacts.extract.records import MeetingMention

if TYPE_CHECKING:
    from newsfacts.extract.events import ArticleContext, Party, Trigger
    from newsfacts.extract.text import Sentence

_MODE_RANK = {"video": 3, "call": 2, "in_person": 1, "unknown": 0, "": 0}
_TITLE_CALL = re.compile(r"\b(?:telephone|phone)\b", re.IGNORECASE)
_TITLE_VIDEO = re.compile(r"\bvideo\b", re.IGNORECASE)
# "in Kyiv", "to Sochi", "arrived in Saint Petersburg": the preposition a place follows.
_PLACE_PREP = re.compile(
    r"(?:\bin|\bto|\bat|\bfrom|\bvisited|\bvisiting)\s+(?:the city of\s+)?$", re.IGNORECASE
)
_CAPITAL_OF = re.compile(r"\bin the capital of\s*$", re.IGNORECASE)
_CITY_GUESS = re.compile(
    r"\b(?:in|to|at)\s+(?P<city>(?:St\.? |Saint |San |New |Los )?[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)\b"
)
_NOT_CITY = {
    "The",
    "This",
    "That",
    "These",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "Its",
    "Parliament",
    "Congress",
    "Government",
    "Cabinet",
    "Office",
    "Council",
    "Ministry",
    "Kremlin",
    "Donbas",
    "Donbass",
    "Crimea",
    "Europe",
    "Africa",
    "Asia",
    "America",
    "Syria's",
    "Turn",
    "Addition",
    "Particular",
    "Total",
    "General",
    "Response",
    "Order",
    "Light",
    "Spite",
    "Terms",
    "View",
    "Connection",
    "Support",
    "Favour",
    "Favor",
    "Future",
    "Person",
    "Public",
    "Private",
    "Time",
    "Part",
    "Line",
    "Accordance",
    "Return",
}


@dataclass
class _Draft:
    """A meeting being assembled from the sentences that report one pair of parties."""

    pair: tuple[str, str]
    sentence: Sentence
    evidence_start: int
    evidence_end: int
    confidence: float
    participants: dict[str, str] = field(default_factory=dict)  # key -> name, in order
    date: dates.ResolvedDate = dates.UNKNOWN
    location: str | None = None
    mode: str = "unknown"


def _matches(
    sentence: Sentence, triggers: tuple[Trigger, ...], kind: str
) -> list[tuple[re.Match[str], Trigger]]:
    """Return the matches in a sentence of the triggers of one kind."""
    return [(m, t) for t in triggers if t.kind == kind for m in t.pattern.finditer(sentence.text)]


def _is_vetoed(sentence: Sentence, ctx: ArticleContext, hits: list[tuple[re.Match[str], Trigger]]) -> bool:
    """Return True when the sentence reports a multilateral format or a meeting that did not happen."""
    triggers = ctx.lexicon.meeting_triggers
    spans = [(m.start(), m.end()) for m, _ in hits]
    if _matches(sentence, triggers, "sidelines"):
        return False
    for m, _ in _matches(sentence, triggers, "multilateral"):
        if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b in spans):
            return True
    # An invitation, a proposal or a cancellation vetoes only the trigger it stands next to.
    for m, _ in _matches(sentence, triggers, "not_meeting"):
        if any(abs(m.start() - b) < 60 or abs(a - m.end()) < 60 for a, b in spans):
            return True
    return False


def _distinct(parties: list[Party]) -> list[str]:
    """Return the distinct party keys in order of first appearance."""
    seen: list[str] = []
    for p in parties:
        if p.key not in seen:
            seen.append(p.key)
    return seen


def choose_pair(
    parties: list[Party], trigger_at: int, home: str | None, second: str | None = None
) -> tuple[list[str], bool] | None:
    """Return the two parties of a meeting sentence and whether the home party was filled in.

    People decide first: two people from two parties make the pair, three make a multilateral
    meeting (None). One person's party pairs with the only other party named after the trigger,
    else with the home party. Named parties alone pair when there are exactly two of them.
    """
    via_people = _distinct([p for p in parties if p.person_key])
    named = _distinct([p for p in parties if not p.person_key])
    if len(via_people) >= 3:
        return None
    if len(via_people) == 2:
        return via_people, False
    if len(via_people) == 1:
        # A country named far from the trigger is a topic ("sanctions against Russia"), not a side.
        near = _distinct(
            [
                p
                for p in parties
                if not p.person_key and p.key != via_people[0] and abs(p.start - trigger_at) <= 90
            ]
        )
        if len(near) == 1:
            return [via_people[0], near[0]], False
        if not near:
            side = home if home != via_people[0] else second
            return ([side, via_people[0]], True) if side else None
        return None
    if len(named) == 2:
        return named, False
    lone = [p for p in parties if p.key in named]
    # A lone adjective ("Russian aggression") is a topic; a lone name ("visit to Japan") a side.
    if len(named) == 1 and home and home != named[0] and any(p.via != "demonym" for p in lone):
        return [home, named[0]], True
    return None


def _location(sentence: Sentence, ctx: ArticleContext) -> str | None:
    """Return the city a meeting sentence places the meeting in, or None."""
    for m in ctx.places_in(sentence):
        before = ctx.article.body[max(0, m.char_start - 30) : m.char_start]
        if _PLACE_PREP.search(before):
            capital = ctx.lexicon.capitals.get(_fold(m.canonical_name)) or ctx.lexicon.capitals.get(
                _fold(m.surface)
            )
            return capital[0] if capital else m.canonical_name
    for p in ctx.parties_in(sentence):
        before = ctx.article.body[max(0, p.start - 30) : p.start]
        if p.via == "name" and _CAPITAL_OF.search(before):
            for city, iso3 in ctx.lexicon.capitals.values():
                if iso3 == p.key:
                    return city
    known = {m.surface for m in ctx.mentions_by_sentence.get(sentence.index, [])}
    for m in _CITY_GUESS.finditer(sentence.text):
        city = m.group("city")
        if (
            city in known
            or city in _NOT_CITY
            or city in dates.MONTHS
            or city.lower() in dates.MONTHS
            or city.lower() in dates.WEEKDAYS
        ):
            continue
        if any(city in k or k in city for k in known):
            continue
        return re.sub(r"^St\.? ", "Saint ", city)
    return None


def _fold(text: str) -> str:
    """Return a lookup key for a name (lazy import: events imports this module)."""
    from newsfacts.extract.events import fold

    return fold(text)


def _second(ctx: ArticleContext) -> str | None:
    """Return the party the article is most about after its home party (the home side of a
    release whose counterpart dominates its text)."""
    return ctx.ranking[1] if len(ctx.ranking) > 1 else None


def _drop_hats(parties: list[Party], ctx: ArticleContext) -> list[Party]:
    """Return the parties without the other hats of the people named.

    "the President of Senegal and Chairperson of the AU, Macky Sall": the country and organisation
    named beside a person are that person's offices, not further parties.
    """
    hats = set().union(*(ctx.affiliations(p.person_key) for p in parties if p.person_key))
    persons = {p.key for p in parties if p.person_key}
    return [p for p in parties if p.person_key or p.key in persons or p.key not in hats]


def _draft(
    sentence: Sentence,
    ctx: ArticleContext,
    hits: list[tuple[re.Match[str], Trigger]],
    parties: list[Party],
    window: tuple[int, int],
) -> _Draft | None:
    """Return the meeting the trigger hits report with the parties of one stretch of a sentence."""
    first, _ = min(hits, key=lambda h: h[0].start())
    parties = _drop_hats(parties, ctx)
    chosen = choose_pair(parties, sentence.start + first.start(), ctx.home, _second(ctx))
    if chosen is None:
        return None
    pair, filled = chosen
    mode = max((t.mode or "unknown" for _, t in hits), key=lambda m: _MODE_RANK[m])
    confidence = max(t.confidence for _, t in hits) * (0.8 if filled else 1.0)
    draft = _Draft(
        pair=(pair[0], pair[1]),
        sentence=sentence,
        evidence_start=sentence.start,
        evidence_end=sentence.end,
        confidence=round(confidence, 3),
        mode=mode,
    )
    for p in parties:
        if p.person_key and p.key in pair and p.person_name:
            draft.participants.setdefault(p.person_key, p.person_name)
    if ctx.home in pair and ctx.home_person and not any(p.key == ctx.home and p.person_key for p in parties):
        draft.participants.setdefault(*ctx.home_person)
    lo, hi = window
    draft.date, _ = dates.event_date(
        sentence.text[lo:hi],
        sentence.start + lo,
        first.start() - lo,
        ctx.article.published_on,
        ctx.reference if ctx.reference_inferred else None,
    )
    draft.location = _location(sentence, ctx)
    return draft


def _from_sentence(sentence: Sentence, ctx: ArticleContext) -> list[_Draft]:
    """Return the meetings a sentence reports (usually none or one).

    When the whole sentence does not make one pair, it may still report two meetings:
    "Both this conversation with A and yesterday's conversation with B" (each trigger with the
    stretch up to the next), "I spoke with A, who had a meeting with B" (a relative clause makes A
    the subject of the second), or "[the President] met with A of X and B of Y" (a joint reception:
    one meeting with each of exactly two counterparts).
    """
    hits = _matches(sentence, ctx.lexicon.meeting_triggers, "meeting")
    if not hits or _is_vetoed(sentence, ctx, hits):
        return []
    parties = ctx.parties_in(sentence)
    first = min(m.start() for m, _ in hits)
    at = sentence.start + first
    between = any("between" in m.group().lower() for m, _ in hits)
    people_after = _distinct([p for p in parties if p.person_key and p.start >= at and p.key != ctx.home])
    people_before = [p for p in parties if p.person_key and p.start < at]
    joint = len(people_after) >= 2 and not people_before and not between
    if not joint:
        whole = _draft(sentence, ctx, hits, parties, (0, len(sentence.text)))
        if whole is not None:
            return [whole]
    out = _segments(sentence, ctx, hits, parties)
    if out or between:
        return out
    counterparts = _distinct([p for p in _drop_hats(parties, ctx) if p.start >= at and p.key != ctx.home])
    if len(counterparts) != 2 or ctx.home is None:
        return []
    for key in counterparts:
        own = [p for p in parties if p.key in (key, ctx.home)]
        d = _draft(sentence, ctx, hits, own, (0, len(sentence.text)))
        if d is not None:
            d.confidence = round(d.confidence * 0.7, 3)
            out.append(d)
    return out


def _segments(
    sentence: Sentence, ctx: ArticleContext, hits: list[tuple[re.Match[str], Trigger]], parties: list[Party]
) -> list[_Draft]:
    """Return one meeting per trigger whose stretch of the sentence names exactly one counterpart."""
    starts = sorted({m.start() for m, _ in hits})
    # Keep one start per trigger phrase (overlapping patterns find the same phrase twice).
    anchors = [a for i, a in enumerate(starts) if i == 0 or a - starts[i - 1] > 25]
    if len(anchors) < 2:
        return []
    out: list[_Draft] = []
    previous: str | None = None
    for i, a in enumerate(anchors):
        b = anchors[i + 1] if i + 1 < len(anchors) else len(sentence.text)
        seg_hits = [(m, t) for m, t in hits if a <= m.start() < b]
        seg = [p for p in _drop_hats(parties, ctx) if sentence.start + a <= p.start < sentence.start + b]
        keys = _distinct([p for p in seg if p.key != ctx.home])
        if len(keys) != 1:
            previous = None
            continue
        subject = ctx.home
        if previous and re.search(r",\s*(?:who|which)\b[^,]*$", sentence.text[:a]):
            subject = previous  # "A, who had a meeting with B": A is the subject
        own = [p for p in parties if p.key in (keys[0], subject)]
        if subject and subject != keys[0]:
            chosen = _draft(sentence, ctx, seg_hits, own, (max(0, a - 30), b))
            if chosen is not None and frozenset(chosen.pair) == frozenset((subject, keys[0])):
                out.append(chosen)
        previous = keys[0]
    return out


def _title_parties(ctx: ArticleContext, title: str) -> list[Party]:
    """Return the parties a headline names (read with the seeds gazetteer; headlines are not in the body)."""
    from newsfacts.extract.events import Party

    out: list[Party] = []
    if ctx.lexicon.gazetteer is None:
        return out
    for m in ctx.lexicon.gazetteer.finditer(title):
        key, etype, canonical, method = ctx.lexicon.gazetteer_entries[m.group()]
        if etype == "person":
            party = ctx.person_party(key)
            if party:
                out.append(Party(party, m.start(), m.end(), key, canonical, "person"))
        elif etype in ("country", "organization"):
            out.append(Party(ctx.normalise_party(key), m.start(), m.end(), via=method))
    return out


def _title_hints(ctx: ArticleContext) -> tuple[tuple[str, str] | None, str | None, str | None]:
    """Return the pair a headline reports a meeting of (or None), and its mode and city if it says."""
    title = ctx.article.title or ""
    if not title:
        return None, None, None
    mode = "video" if _TITLE_VIDEO.search(title) else "call" if _TITLE_CALL.search(title) else None
    sentence = _TitleSentence(title)
    hits = [
        (m, t) for t in ctx.lexicon.meeting_triggers if t.kind == "meeting" for m in t.pattern.finditer(title)
    ]
    vetoed = any(
        t.kind in ("multilateral", "not_meeting") and t.pattern.search(title)
        for t in ctx.lexicon.meeting_triggers
    )
    city = None
    for m in _CITY_GUESS.finditer(title):
        found = ctx.lexicon.capitals.get(_fold(m.group("city")))
        if found:
            city = found[0]
    pair = None
    if hits and not vetoed:
        first = min(m.start() for m, _ in hits)
        chosen = choose_pair(
            _drop_hats(_title_parties(ctx, sentence.text), ctx), first, ctx.home, _second(ctx)
        )
        if chosen:
            pair = (chosen[0][0], chosen[0][1])
    return pair, mode, city


@dataclass(frozen=True)
class _TitleSentence:
    text: str


def _better_date(a: dates.ResolvedDate, b: dates.ResolvedDate) -> dates.ResolvedDate:
    """Return the more precise of two dates (the first on a tie)."""
    rank = {"day": 3, "month": 2, "year": 1, "unknown": 0}
    return b if rank[b.precision] > rank[a.precision] else a


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """Return one draft per unordered pair, later sentences filling what the first lacks."""
    merged: dict[frozenset[str], _Draft] = {}
    for d in drafts:
        key = frozenset(d.pair)
        if key not in merged:
            merged[key] = d
            continue
        m = merged[key]
        m.date = _better_date(m.date, d.date)
        m.location = m.location or d.location
        if _MODE_RANK[d.mode] > _MODE_RANK[m.mode]:
            m.mode = d.mode
        for k, name in d.participants.items():
            m.participants.setdefault(k, name)
        m.confidence = max(m.confidence, d.confidence)
    return list(merged.values())


def _orphan_dates(ctx: ArticleContext, drafts: list[_Draft]) -> dates.ResolvedDate:
    """Return a date said of "the talks" / "the conversation" in a sentence that names no pair.

    "During today's negotiations…" or "The conversation took place the day before" date the one
    meeting an article reports.
    """
    used = {d.sentence.index for d in drafts}
    for s in ctx.sentences:
        if s.index in used:
            continue
        hits = _matches(s, ctx.lexicon.meeting_triggers, "meeting")
        if not hits or _is_vetoed(s, ctx, hits):
            continue
        first = min(m.start() for m, _ in hits)
        resolved, _ = dates.event_date(
            s.text,
            s.start,
            first,
            ctx.article.published_on,
            ctx.reference if ctx.reference_inferred else None,
        )
        if resolved.precision == "day":
            return resolved
    return dates.UNKNOWN


def _anchor_sentence(ctx: ArticleContext, pair: tuple[str, str]) -> Sentence | None:
    """Return the body sentence to cite for a headline-only pair: the first that speaks of a
    meeting, else the first that names one of the two parties."""
    for s in ctx.sentences:
        hits = _matches(s, ctx.lexicon.meeting_triggers, "meeting")
        if hits and not _is_vetoed(s, ctx, hits):
            return s
    for s in ctx.sentences:
        if any(p.key in pair for p in ctx.parties_in(s)):
            return s
    return None


def extract(ctx: ArticleContext) -> list[MeetingMention]:
    """Return the bilateral meetings of one article."""
    drafts = [d for s in ctx.sentences for d in _from_sentence(s, ctx)]
    title_pair, title_mode, title_city = _title_hints(ctx)
    merged = _merge(drafts)
    if title_pair and all(frozenset(d.pair) != frozenset(title_pair) for d in merged):
        # Kremlin releases name the counterpart and the mode only in the headline.
        anchor = _anchor_sentence(ctx, title_pair)
        if anchor is not None:
            merged.append(_Draft(title_pair, anchor, anchor.start, anchor.end, 0.6))
    if len(merged) == 1 and merged[0].date.date is None:
        merged[0].date = _orphan_dates(ctx, drafts)
    out: list[MeetingMention] = []
    for d in merged:
        is_title_pair = title_pair is not None and frozenset(d.pair) == frozenset(title_pair)
        if d.mode == "unknown" and title_mode and (is_title_pair or len(merged) == 1):
            d.mode = title_mode
        if d.location is None and title_city and (is_title_pair or len(merged) == 1):
            d.location = title_city
            if d.mode == "unknown":
                d.mode = "in_person"
        a, b = d.pair
        out.append(
            MeetingMention(
                party_a_key=a,
                party_a_name=ctx.party_name(a),
                party_b_key=b,
                party_b_name=ctx.party_name(b),
                participants=list(d.participants.values()),
                participant_keys=list(d.participants.keys()),
                meeting_date=d.date.date,
                date_precision=d.date.precision,
                date_basis=d.date.basis,
                location=d.location,
                mode=d.mode,
                topics=[],
                sentence_index=d.sentence.index,
                char_start=d.evidence_start,
                char_end=d.evidence_end,
                evidence=ctx.article.body[d.evidence_start : d.evidence_end],
                confidence=d.confidence,
            )
        )
    return out
