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

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsfacts.extract import dates
from newsfacts.extract.context import ArticleContext, Party, Trigger, fold, lower
from newsfacts.extract.records import EntityMention, MeetingMention

if TYPE_CHECKING:
    from newsfacts.extract.text import Sentence

# "the Crown Prince of the United Arab Emirates", "the delegation of Japan": a named party standing
# for a person or a delegation across the table.
_ROLE_OF = re.compile(
    r"\b(?:(?:President|Prime Minister|Premier|Chancellor|King|Queen|Crown Prince|Emir|Sultan|Minister|"
    r"Secretary|Secretary[- ]General|Ambassador|Head|leader|delegation|envoy|adviser|advisor|Speaker|"
    r"Chairman|Chairperson|Commissioner|Director[- ]General|Vice[- ]President|Foreign Minister|"
    r"Defen[cs]e Minister|representative)s?|leadership)\b(?:[\w ,]{0,40}?)\s+of\s+(?:the\s+)?"
    r"(?:(?:Republic|Kingdom|Federal Republic|State|Grand Duchy|Sultanate|Emirate) of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
# "the Presidents of Poland, Latvia and Estonia": names listed after a role share it.
_LIST_TAIL = re.compile(r"(?:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}(?:,\s*|,?\s+and\s+))+$")
_ROLE_AFTER = re.compile(
    r"^(?:'s)?\s+(?:President|Prime Minister|Premier|Chancellor|King|Queen|Crown Prince|Emir|"
    r"Foreign Minister|Defen[cs]e Minister|Minister|Secretary of State|delegation|envoy|leader|counterpart|"
    r"ambassador|officials|counterparts|colleagues?|side|leadership|authorities|government)\b",
    re.IGNORECASE,
)
# What may stand between a trigger and the party it takes as complement: "met with Japan",
# "visit to the United States", "talks with the government of Chile".
_COMPLEMENT_GAP = re.compile(
    r"^\W*(?:(?:with|to|and|in)\s+)?(?:the\s+)?"
    r"(?:(?:government|authorities|leadership|side)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
# What may stand between a subject party and its trigger: "Poland and Lithuania held talks".
_SUBJECT_GAP = re.compile(r"^\W*(?:(?:and|with)\s+[\w' ]{0,40}?|-\w+)?(?:\s*(?:have|has|had|will|also))*\s*$")
# "the leaders of the two countries spoke": both countries named in the sentence are the sides.
_BOTH_SIDES = re.compile(
    r"\b(?:the two|both) (?:countries|leaders|presidents|sides|governments|states)\b", re.I
)
_CONTINUED_TALKS = re.compile(
    r"\b(?:continue|continuing|resume|resuming|resumption of|start|begin|open|launch|must|should|need to)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+)?(?:negotiations|talks|dialogue)\b",
    re.IGNORECASE,
)
# "held bilateral meetings with", "separate talks with", "met each of": one encounter per counterpart.
_SEPARATE_MEETINGS = re.compile(
    r"\b(?:bilateral|separate|individual)\s+(?:meetings|talks|conversations)\b|\bmeetings with\b|"
    r"\b(?:separately|individually|respectively|one[- ]on[- ]one)\b",
    re.IGNORECASE,
)
# Words that tell a meeting as the next step of the one told before it.
_CONTINUATION = re.compile(
    r"\b(?:also|later|then|afterwards|after that|subsequently|separately|in addition|as well)\b",
    re.IGNORECASE,
)
_FORMAT_REACH = 80  # characters between a trigger and a multilateral word that vetoes it
# "at the Munich Security Conference", "during the forum": the meeting took place at that venue
# ("in Congress", "from the assembly" name a legislature, not where the meeting was).
_AT_VENUE = re.compile(
    r"\b(?:at|during|attend(?:s|ed|ing)?|margins of)\s+(?:the\s+|an?\s+)?(?:[\w'’.-]+\s+){0,5}$",
    re.IGNORECASE,
)
_MODE_RANK = {"video": 3, "call": 2, "in_person": 1, "unknown": 0, "": 0}
_TITLE_CALL = re.compile(r"\b(?:telephone|phone)\b", re.IGNORECASE)
_TITLE_VIDEO = re.compile(r"\bvideo\b", re.IGNORECASE)
_SAINT_RE = re.compile(r"^St\.? ")
_VISITING_RE = re.compile(r"visit|arriv", re.IGNORECASE)
# "A, who had a meeting with B": the stretch before the second trigger opens a relative clause.
_RELATIVE_CLAUSE_RE = re.compile(r",\s*(?:who|which)\b[^,]*$")
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
    topics: list[str] = field(default_factory=list)


_DISCUSS = re.compile(
    r"\b(?:discuss\w*|talked about|focused on|exchanged views|exchange of views|agenda|touched upon|"
    r"raised the issue|paid attention to|considered|informed|during the (?:conversation|meeting|talks))\b",
    re.IGNORECASE,
)


def _follow_up_topics(d: _Draft, ctx: ArticleContext, only: bool) -> list[str]:
    """Return the topics of the sentences right after a meeting's that say what was discussed
    ("The parties discussed energy security…") and name no party beyond the pair; the whole
    article's when it reports this meeting only."""
    out: list[str] = []
    window = ctx.sentences if only else ctx.sentences[d.sentence.index + 1 : d.sentence.index + 5]
    for s in window:
        if not _DISCUSS.search(s.text) or any(p.key not in d.pair for p in ctx.parties_in(s) if p.person_key):
            continue
        out += [t for t in _topics(s.text, ctx) if t not in out]
    return out


def _topics(text: str, ctx: ArticleContext) -> list[str]:
    """Return the topic labels (seeds/meeting_triggers.csv, kind topic) a text speaks of, in seed order."""
    low = lower(text)
    return [
        t.topic for t in ctx.lexicon.meeting_triggers if t.kind == "topic" and t.search(low, lowered=True)
    ]



def _matches(sentence: Sentence, ctx: ArticleContext, kind: str) -> list[tuple[re.Match[str], Trigger]]:
    """Return the matches in a sentence of the meeting triggers of one kind (shared: do not modify)."""
    return ctx.trigger_hits(sentence, "meeting", kind)


def _is_vetoed(sentence: Sentence, ctx: ArticleContext, hits: list[tuple[re.Match[str], Trigger]]) -> bool:
    """Return True when the sentence reports a multilateral format or a meeting that did not happen."""
    spans = [(m.start(), m.end()) for m, _ in hits]
    if _matches(sentence, ctx, "sidelines"):
        return False
    for m, _ in _matches(sentence, ctx, "multilateral"):
        if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b in spans):
            return True
    # A word that also names a legislature or a venue ("Congress", "forum") vetoes only the trigger
    # it stands near: far from it, it is another clause's topic ("… a decision from Congress").
    for m, _ in _matches(sentence, ctx, "multilateral_near"):
        venue = _AT_VENUE.search(sentence.text[max(0, m.start() - 60) : m.start()])
        near = (abs(m.start() - b) < _FORMAT_REACH or abs(a - m.end()) < _FORMAT_REACH for a, b in spans)
        if venue and any(near):
            return True
    # An invitation, a proposal or a cancellation vetoes only the trigger it stands next to.
    for m, _ in _matches(sentence, ctx, "not_meeting"):
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
    parties: list[Party],
    trigger_at: int,
    home: str | None,
    second: str | None = None,
    between: bool = False,
) -> tuple[list[str], bool] | None:
    """Return the two parties of a meeting sentence and whether the home party was filled in.

    People decide first: two people from two parties make the pair, three make a multilateral
    meeting (None) unless exactly two of them stand before the trigger. One person's party pairs
    with the only other party named after the trigger, else with the home party (or `second`).
    Named parties alone pair when there are exactly two of them.
    """
    via_people = _distinct([p for p in parties if p.person_key])
    named = _distinct([p for p in parties if not p.person_key])
    if len(via_people) >= 3:
        # "A of X and B of Y discussed in a call relations with Z under C": the two people who
        # open the sentence before the trigger are the sides; people after it are its topic.
        subjects = _distinct([p for p in parties if p.person_key and p.end <= trigger_at])
        return (subjects, False) if len(subjects) == 2 else None
    if len(via_people) == 2:
        # "Mr Doe held talks with his Ruritanian counterpart A and the Freedonian leader B": when
        # someone whose side is unsaid precedes two people after the trigger, they are his
        # counterparts, not each other's.
        people_after = all(p.start >= trigger_at for p in parties if p.person_key)
        if second is not None and people_after and not between:
            return None
        # "A met with the IMF, then with B": a named side after the trigger besides the two people
        # makes each a counterpart of A.
        others = [p for p in parties if not p.person_key and p.via == "direct" and p.key not in via_people]
        if any(p.start >= trigger_at for p in others) and not between:
            return None
        return via_people, False
    if len(via_people) == 1:
        # A country named far from the trigger is a topic ("sanctions against Russia"), not a side.
        near = _distinct(
            [p for p in parties if not p.person_key and p.key != via_people[0] and p.via == "direct"]
        )
        if len(near) == 1:
            return [via_people[0], near[0]], False
        if not near:
            side = home if home != via_people[0] else second
            return ([side, via_people[0]], True) if side else None
        return None
    direct = _distinct([p for p in parties if not p.person_key and p.via == "direct"])
    if len(named) == 2 and direct:
        # "to visit Thailand and Indonesia", "talks with A and B": two complements of the trigger
        # are each the subject's counterpart, not each other's ("talks between A and B" are).
        complements = all(p.start >= trigger_at for p in parties if not p.person_key)
        if complements and not between:
            return None
        return named, False
    # Only the trigger's own complement pairs with the home side ("a visit to Japan"), never a
    # country merely named in the sentence ("talks with students from Japan").
    if len(named) == 1 and len(direct) == 1 and home and home != named[0]:
        return [home, named[0]], True
    return None


def _location(sentence: Sentence, ctx: ArticleContext) -> str | None:
    """Return the city a meeting sentence places the meeting in, or None."""
    for m in ctx.places_in(sentence):
        before = ctx.article.body[max(0, m.char_start - 30) : m.char_start]
        if _PLACE_PREP.search(before):
            capital = ctx.lexicon.capitals.get(fold(m.canonical_name)) or ctx.lexicon.capitals.get(
                fold(m.surface)
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
        return _SAINT_RE.sub("Saint ", city)
    return None



def _home_side_for(ctx: ArticleContext, counterpart: str) -> str | None:
    """Return the home side facing a headline's counterpart ("Telephone conversation with X"):
    the party of the person the text names most, other than X's (None when it names nobody else:
    a guess from the countries mentioned would pick a topic, "developments in Afghanistan")."""
    return next((k for k in ctx.person_ranking if k != counterpart), None)


def _drop_hats(parties: list[Party], ctx: ArticleContext) -> list[Party]:
    """Return the parties without the other hats of the people named.

    "the President of Senegal and Chairperson of the AU, Macky Sall": the country and organisation
    named beside a person are that person's offices, not further parties.
    """
    real = [p for p in parties if p.person_key and not p.person_key.startswith("role:")]
    hats = set().union(*(ctx.affiliations(p.person_key or "") for p in real))
    sides = {p.key for p in real}
    return [p for p in parties if p in real or p.key in sides or p.key not in hats]


def _unplaced_side(ctx: ArticleContext, parties: list[Party], unplaced: list[EntityMention]) -> str | None:
    """Return the side of the `unplaced` people (named, whom they act for unsaid), or None.

    "Prime Minister A held talks with his Ruritanian counterpart B": A's country is not stated
    beside the name; it is the party the article is most about other than B's.
    """
    if not unplaced:
        return None
    counterparts = _distinct([p for p in parties if p.person_key])
    return ctx.implicit_other(counterparts[0] if len(counterparts) == 1 else ctx.home)


def _titled(ctx: ArticleContext, m: EntityMention) -> bool:
    """Return True when an office word stands right before the name ("Speaker Ana Torres")."""
    before = ctx.article.body[max(0, m.char_start - 25) : m.char_start].split()
    return bool(before) and before[-1].lower() in ctx.lexicon.office_words


def _unplaced_people(sentence: Sentence, ctx: ArticleContext, parties: list[Party]) -> list[EntityMention]:
    """Return the people a sentence names (not pronouns or roles) whose party nothing states."""
    placed = {p.person_key for p in parties if p.person_key}
    return [
        m
        for m in ctx.mentions_by_sentence.get(sentence.index, [])
        if m.entity_type == "person" and m.method not in ("pronoun", "role") and m.entity_key not in placed
    ]


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
    unplaced_people = _unplaced_people(sentence, ctx, parties)
    unplaced = _unplaced_side(ctx, parties, unplaced_people)
    between = any("between" in m.group().lower() for m, _ in hits)
    chosen = choose_pair(parties, sentence.start + first.start(), ctx.home, unplaced, between)
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
    if unplaced in pair:
        # The people whose side the text leaves unsaid sit on the side they were read for
        # ("… visit to Peru. He held talks with President Rosa Inca").
        for m in unplaced_people:
            if _titled(ctx, m):
                draft.participants.setdefault(m.entity_key, m.canonical_name)
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
    trigger_clause = dates.clause_around(sentence.text, first.start(), first.end())
    if draft.date.precision != "day" and dates.is_future(trigger_clause):
        # FORMAT.md counts a meeting still to come only when the text states its day.
        return None
    draft.location = _location(sentence, ctx)
    draft.topics = _topics(sentence.text, ctx)
    # "The prime ministers of A and B arrived in Kyiv": visiting a third country's capital is
    # meeting its hosts too, so A and B did not meet each other bilaterally.
    host = ctx.lexicon.place_countries.get(draft.location or "")
    visiting = any(_VISITING_RE.search(m.group()) for m, _ in hits)
    if visiting and host and host not in draft.pair:
        return None
    # "Mr A started the month visiting Smalltown": a visit to a place no seed places in a country
    # says nothing of whom he met there; the article's home side would be a guess.
    if visiting and filled and draft.location and host is None:
        return None
    return draft


def _from_sentence(sentence: Sentence, ctx: ArticleContext) -> list[_Draft]:
    """Return the meetings a sentence reports (usually none or one).

    When the whole sentence does not make one pair, it may still report two meetings:
    "Both this conversation with A and yesterday's conversation with B" (each trigger with the
    stretch up to the next), "I spoke with A, who had a meeting with B" (a relative clause makes A
    the subject of the second), or "[the President] met with A of X and B of Y" / "A held talks
    with B of X, C of Y and D of Z" (one meeting with each counterpart).
    """
    hits = _matches(sentence, ctx, "meeting")
    if not hits or _is_vetoed(sentence, ctx, hits) or _CONTINUED_TALKS.search(sentence.text):
        return []
    first = min(m.start() for m, _ in hits)
    parties = _mark_parties(
        ctx.parties_in(sentence), sentence.text, sentence.start, [(m.start(), m.end()) for m, _ in hits]
    )
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
    # "A held talks with B of X, C of Y and D of Z": one meeting of A's side with each counterpart.
    subjects = _distinct(people_before)
    unplaced_before = [m for m in _unplaced_people(sentence, ctx, parties) if m.char_start < at]
    if not subjects and unplaced_before:
        return []  # the subject is named but his side is not said: the home side is only a guess
    subject = subjects[0] if len(subjects) == 1 else ctx.home
    counterparts = _distinct(
        [
            p
            for p in _drop_hats(parties, ctx)
            if p.start >= at and p.key != subject and (p.person_key or p.via == "direct")
        ]
    )
    if len(counterparts) < 2 or subject is None:
        return []
    if len(counterparts) > 2 and not (
        _SEPARATE_MEETINGS.search(sentence.text)
        and len(_distinct([p for p in parties if p.person_key and p.start >= at])) >= 3
    ):
        # "A met with B, C and D" may be one meeting of four; only "bilateral meetings with",
        # "separate talks with" make one meeting per counterpart named with its person.
        return []
    for key in counterparts:
        own = [p for p in parties if p.key in (key, subject)]
        d = _draft(sentence, ctx, hits, own, (0, len(sentence.text)))
        if d is not None:
            d.confidence = round(d.confidence * 0.7, 3)
            out.append(d)
    return out


def _mark_parties(parties: list[Party], text: str, base: int, spans: list[tuple[int, int]]) -> list[Party]:
    """Return the parties with how each relates to the meeting.

    A named party behind a role ("the Crown Prince of X", "the German delegation") counts as a
    participant (`role`); a country name that is the trigger's complement or subject ("met with
    Japan", "Poland and Lithuania held talks") is `direct`; others are topics. `text` starts at body
    offset `base`; `spans` are the triggers' spans inside `text`.
    """
    both = bool(_BOTH_SIDES.search(text))
    out: list[Party] = []
    for p in parties:
        start, end = p.start - base, p.end - base
        if p.person_key:
            out.append(p)
        elif _ROLE_OF.search(_LIST_TAIL.sub("", text[max(0, start - 120) : start])) or _ROLE_AFTER.match(
            text[end : end + 40]
        ):
            out.append(dataclasses.replace(p, person_key=f"role:{p.key}", via="role"))
        elif p.via != "demonym" and (
            both
            or any(
                (b <= start and _COMPLEMENT_GAP.match(text[b:start]))
                or (end <= a and _SUBJECT_GAP.match(text[end:a]))
                for a, b in spans
            )
        ):
            out.append(dataclasses.replace(p, via="direct"))
        elif p.via == "demonym" and any(
            (end <= a and _SUBJECT_GAP.match(text[end:a])) or (a <= start and end <= b) for a, b in spans
        ):
            out.append(dataclasses.replace(p, via="direct"))  # "Russian-Greek talks"
        else:
            out.append(p)
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
        if previous and _RELATIVE_CLAUSE_RE.search(sentence.text[:a]):
            subject = previous  # "A, who had a meeting with B": A is the subject
        own = [p for p in parties if p.key in (keys[0], subject)]
        if subject and subject != keys[0]:
            # Dates of this stretch only: "this conversation with A and yesterday's conversation with
            # B" must not give A B's "yesterday".
            hi = max(p.end for p in seg) - sentence.start + 10
            chosen = _draft(sentence, ctx, seg_hits, own, (max(0, a - 30), min(b, hi)))
            if chosen is not None and frozenset(chosen.pair) == frozenset((subject, keys[0])):
                out.append(chosen)
        previous = keys[0]
    return out


def _title_parties(ctx: ArticleContext, title: str) -> list[Party]:
    """Return the parties a headline names (read with the seeds gazetteer; headlines are not in the body)."""
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
    hits = [(m, t) for t in ctx.lexicon.meeting_triggers if t.kind == "meeting" for m in t.finditer(title)]
    vetoed = bool(_CONTINUED_TALKS.search(title)) or any(
        t.kind in ("multilateral", "multilateral_near", "not_meeting") and t.search(title)
        for t in ctx.lexicon.meeting_triggers
    )
    city = None
    for m in _CITY_GUESS.finditer(title):
        found = ctx.lexicon.capitals.get(fold(m.group("city")))
        if found:
            city = found[0]
    pair = None
    if hits and not vetoed:
        first = min(m.start() for m, _ in hits)
        title_parties = _mark_parties(
            _title_parties(ctx, title), title, 0, [(m.start(), m.end()) for m, _ in hits]
        )
        # "Meeting with X" in a release's headline: X is the counterpart, so when X's side also
        # dominates the text, the home side is the party ranked next.
        title_parties = _drop_hats(title_parties, ctx)
        counterparts = [p.key for p in title_parties if p.person_key and p.start > first]
        second = _home_side_for(ctx, counterparts[0]) if counterparts else None
        chosen = choose_pair(title_parties, first, second if counterparts else ctx.home)
        if chosen:
            pair = (chosen[0][0], chosen[0][1])
    return pair, mode, city


def _better_date(a: dates.ResolvedDate, b: dates.ResolvedDate) -> dates.ResolvedDate:
    """Return the more precise of two dates (the first on a tie)."""
    rank = {"day": 3, "month": 2, "year": 1, "unknown": 0}
    return b if rank[b.precision] > rank[a.precision] else a


def _same_encounter(a: _Draft, b: _Draft) -> bool:
    """Return False when two drafts of one pair cannot be one meeting.

    Two meetings with different people (a ministers' meeting and the leaders' earlier summit; a
    visitor received by the president, then by the speaker) are two encounters; a draft whose people
    are a subset of the other's is the same encounter told twice. (Two different day dates
    were tried as a second sign: a date read off a nearby phrase is too often wrong for that.)
    """
    if a.participants and b.participants and len(a.participants) >= 2 and len(b.participants) >= 2:
        ours, theirs = set(a.participants), set(b.participants)
        # A visitor meeting the president, then the speaker: one side shared, the other different.
        return ours <= theirs or theirs <= ours
    return True


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """Return one draft per encounter of a pair, later sentences filling what the first lacks."""
    merged: list[_Draft] = []
    for d in drafts:
        pair = frozenset(d.pair)
        m = next((m for m in merged if frozenset(m.pair) == pair and _same_encounter(m, d)), None)
        if m is None:
            merged.append(d)
            continue
        m.date = _better_date(m.date, d.date)
        m.location = m.location or d.location
        if _MODE_RANK[d.mode] > _MODE_RANK[m.mode]:
            m.mode = d.mode
        for k, name in d.participants.items():
            m.participants.setdefault(k, name)
        m.topics += [t for t in d.topics if t not in m.topics]
        m.confidence = max(m.confidence, d.confidence)
    return merged


def _orphan_dates(ctx: ArticleContext, drafts: list[_Draft]) -> dates.ResolvedDate:
    """Return a date said of "the talks" / "the conversation" in a sentence that names no pair.

    "During today's negotiations…" or "The conversation took place the day before" date the one
    meeting an article reports.
    """
    used = {d.sentence.index for d in drafts}
    for s in ctx.sentences:
        if s.index in used:
            continue
        hits = _matches(s, ctx, "meeting")
        if not hits:
            continue
        if _is_vetoed(s, ctx, hits):
            # "During today's negotiations, I reiterated … a summit": a date inside the trigger
            # phrase still dates the talks, whatever else the sentence is about.
            hits = [(m, t) for m, t in hits if dates.find_dates(m.group())]
            if not hits:
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


def _orphan_location(ctx: ArticleContext, drafts: list[_Draft]) -> str | None:
    """Return the city of a meeting or visit sentence that names no pair ("to meet with you in
    Sochi", "the visit of American officials to Kyiv")."""
    used = {d.sentence.index for d in drafts}
    for s in ctx.sentences:
        if s.index in used:
            continue
        hits = _matches(s, ctx, "meeting")
        if hits and not _is_vetoed(s, ctx, hits):
            city = _location(s, ctx)
            if city:
                return city
    return None


def _lead_date(ctx: ArticleContext) -> dates.ResolvedDate:
    """Return the day the article's lead (its first two sentences) reports, when it names one in a
    past-tense clause up to a week before publication; UNKNOWN otherwise."""
    if ctx.reference is None:
        return dates.UNKNOWN
    for s in ctx.sentences[:2]:
        resolved, mention = dates.event_date(
            s.text, s.start, 0, ctx.article.published_on, ctx.reference if ctx.reference_inferred else None
        )
        if mention is None or resolved.precision != "day" or resolved.date is None:
            continue
        if dates.is_future(dates.clause_around(s.text, mention.start, mention.end)):
            continue
        age = (ctx.reference - dt.date.fromisoformat(resolved.date)).days
        if 0 <= age <= 7:
            return resolved
    return dates.UNKNOWN


def _anchor_sentence(ctx: ArticleContext, pair: tuple[str, str]) -> Sentence | None:
    """Return the body sentence to cite for a headline-only pair: the first that speaks of a
    meeting, else the first that names one of the two parties."""
    for s in ctx.sentences:
        hits = _matches(s, ctx, "meeting")
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
    # The article's main meeting (the headline's pair, else its only one) takes the date and
    # place said of "the talks" in sentences that name no pair.
    main = next((d for d in merged if title_pair and frozenset(d.pair) == frozenset(title_pair)), None)
    if main is None and len(merged) == 1:
        main = merged[0]
    if main is not None and main.date.date is None:
        main.date = _orphan_dates(ctx, drafts)
    if main is not None and main.location is None:
        main.location = _orphan_location(ctx, drafts)
    # News reports its event first: a meeting whose own sentences give no day happened on the day
    # the lead reports ("The ministers agreed on Sunday … Later, A held talks with B").
    lead = _lead_date(ctx)
    for d in sorted(merged, key=lambda d: d.sentence.index):
        # "I also had a conversation with …", "Later, A met B": a meeting told as the next step of
        # the one before takes its day.
        before = [e for e in merged if e.sentence.index < d.sentence.index and e.date.precision == "day"]
        if d.date.precision == "unknown" and before and _CONTINUATION.search(d.sentence.text[:60]):
            d.date = dataclasses.replace(max(before, key=lambda e: e.sentence.index).date, basis="inferred")
        coarse = d.date.precision == "unknown" or (
            d.date.precision == "year" and d.date.date == f"{(lead.date or '')[:4]}-01-01"
        )
        if lead.date and coarse:
            d.date = dataclasses.replace(lead, basis="inferred")
    out: list[MeetingMention] = []
    for d in merged:
        # A side named only as a country ("the leaders of the two countries", a headline's
        # counterpart) is represented by its person the article names most.
        for side in d.pair:
            if not any(ctx.person_party(k) == side for k in d.participants):
                person = ctx.main_person(side)
                if person:
                    d.participants.setdefault(*person)
        d.topics += [t for t in _follow_up_topics(d, ctx, len(merged) == 1) if t not in d.topics]
        is_title_pair = title_pair is not None and frozenset(d.pair) == frozenset(title_pair)
        # "Telephone conversation with X" heads a release about that call: its mode outranks what
        # weaker body phrases ("the talks", "met") suggest.
        if title_mode and (is_title_pair or len(merged) == 1) and d.mode in ("unknown", "in_person"):
            d.mode = title_mode
        # A city in the headline ("…met in Kyiv") places the meeting better than one in the body,
        # which may be a stop on the same visit ("visited Bucha").
        if title_city and (is_title_pair or len(merged) == 1):
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
                topics=d.topics
                + [
                    t
                    for t in (_topics(ctx.article.title or "", ctx) if is_title_pair else [])
                    if t not in d.topics
                ],
                sentence_index=d.sentence.index,
                char_start=d.evidence_start,
                char_end=d.evidence_end,
                evidence=ctx.article.body[d.evidence_start : d.evidence_end],
                confidence=d.confidence,
            )
        )
    return out
