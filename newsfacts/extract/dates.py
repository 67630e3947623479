"""Dates in news text: explicit, weekday and relative phrases, resolved against a reference date.

An event date comes from the sentence that reports it. Three kinds of phrase are read:
  * explicit  — "December 12", "12 December 2023", "on June 25", "2023-12-12", "in 2024", "last July"
  * weekday   — "on Tuesday", "Friday night"
  * relative  — "today", "yesterday", "the day before", "tomorrow", "last week", "last year"
They resolve against the publication date. When the article has none, the reference is inferred
from the article's own dates (its latest fully written date, or the latest year it mentions in the
past tense): the seed article's "December 12" becomes 2023-12-12 because the minister "assumed this
position on September 15, 2023" and the training is planned "in 2024". Such dates get basis
`inferred`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: i
    for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_YEAR2 = r"(?P<year2>(?:19|20)\d\d)"

# Order matters: the longest forms first, so "December 12, 2023" is not read as "December 12".
_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_DAY2}\s+(?:of\s+)?{_MONTH}\s*,?\s+{_YEAR2}\b")),
    (
        "md",
        re.compile(
            rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:,\s*)?(?:19|20)\d\d)(?!\s*(?:million|billion|%|percent))"
        ),
    ),
    ("dm", re.compile(rf"\b{_DAY2}\s+(?:of\s+)?{_MONTH}\b(?!\s*,?\s*(?:19|20)\d\d)")),
    ("my", re.compile(rf"\b(?:in\s+|of\s+|since\s+)?{_MONTH}\s+(?:of\s+)?{_YEAR}\b")),
    ("last_month", re.compile(rf"\b(?P<rel>last|this|next|early|late|mid-)\s+(?:last\s+)?{_MONTH}\b")),
    (
        "year",
        re.compile(r"\b(?:in|since|by|until|for|of|during|from)\s+(?P<year>(?:19|20)\d\d)\b(?![-–/]\d)"),
    ),
]
_WEEKDAY_RE = re.compile(
    r"\b(?:(?P<rel>last|this|next|on|on the)\s+)?"
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)(?:'s)?\b"
)
_RELATIVE_RE = re.compile(
    r"\b(?P<phrase>the day before yesterday|day before yesterday|the day after tomorrow|the day before|"
    r"the previous day|the next day|the following day|yesterday|today|tonight|this morning|this afternoon|"
    r"this evening|earlier today|tomorrow|last week|this week|next week|last month|this month|next month|"
    r"last year|this year|next year|just (?:finished|ended|concluded|had|spoke|talked|met))(?:'s)?\b",
    re.IGNORECASE,
)
# "two days ago", "a week ago": a count of days (or weeks) back from the reference ("… later"
# counts from another event, not from the publication date).
_DAYS_AGO_RE = re.compile(
    r"\b(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|ten)\s+(?P<unit>days?|weeks?)\s+(?P<dir>ago)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NUMBER_WORDS |= {"seven": 7, "ten": 10}
_RELATIVE_DAYS = {
    "the day before yesterday": -2,
    "day before yesterday": -2,
    "the day after tomorrow": 2,
    "the day before": -1,
    "the previous day": -1,
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    # "I have just finished my conversation with…" is read on the day it is published.
    "just finished": 0,
    "just ended": 0,
    "just concluded": 0,
    "just had": 0,
    "just spoke": 0,
    "just talked": 0,
    "just met": 0,
    "tomorrow": 1,
    "the next day": 1,
    "the following day": 1,
}
_NOT_EVENT_DATE = re.compile(
    r"\b(?:by|until|till|before|since|from|deadline of)\s+(?:the\s+)?$", re.IGNORECASE
)
_DEADLINE_WORD = re.compile(r"(?:by|until|till|before|since)\b", re.IGNORECASE)
_ROUGH_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
_FUTURE_RE = re.compile(
    r"\b(?:will|shall|is to|are to|is due to|are due to|is set to|are set to|is scheduled|are scheduled|"
    r"is expected|are expected|plans? to|is going to|"
    r"are going to|next|upcoming|intends? to|would)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date phrase found in a text; its fields say what the phrase itself states."""

    kind: str  # explicit | weekday | relative
    start: int
    end: int
    surface: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    offset_days: int | None = None  # relative day phrases
    unit: str | None = None  # week | month | year, for "last week", "next year"
    shift: int = 0  # -1 last, 0 this, +1 next
    direction: str | None = None  # last | next for weekdays


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A calendar date with its precision (day, month, year) and how it was obtained."""

    date: str | None  # YYYY-MM-DD; first day of the month / year for coarser precision
    precision: str  # day | month | year | unknown
    basis: str  # explicit | relative | inferred | unknown


UNKNOWN = ResolvedDate(None, "unknown", "unknown")


def _month(value: str) -> int:
    """Return the month number of an English month name or abbreviation."""
    return MONTHS[value.lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """Return the date, or None when the day does not exist in that month."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _explicit(kind: str, m: re.Match[str]) -> DateMention | None:
    """Return the DateMention an explicit-date match stands for, or None when it is not a date."""
    g = m.groupdict()
    start, end, surface = m.start(), m.end(), m.group()
    if kind == "iso":
        return DateMention("explicit", start, end, surface, int(g["year"]), int(g["mnum"]), int(g["day"]))
    if kind in ("mdy", "dmy", "md", "dm"):
        month = _month(g.get("month") or "")
        day = int(g.get("day") or g.get("day2") or 0)
        year_text = g.get("year") or g.get("year2")
        if not 1 <= day <= 31:
            return None
        return DateMention("explicit", start, end, surface, int(year_text) if year_text else None, month, day)
    if kind == "my":
        return DateMention("explicit", start, end, surface, int(g["year"]), _month(g["month"]))
    if kind == "last_month":
        words = surface.lower().split()
        shift = -1 if "last" in words else 1 if "next" in words else 0
        return DateMention("explicit", start, end, surface, None, _month(g["month"]), shift=shift)
    if kind == "year":
        return DateMention("explicit", start, end, surface, int(g["year"]))
    return None


def find_dates(text: str) -> list[DateMention]:
    """Return the date phrases of text, left to right, without overlaps (longest form wins)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            # Month names are matched case-sensitively, so the modal "may" is never a month.
            mention = _explicit(kind, m)
            if mention and free(m.start(), m.end()):
                found.append(mention)
                taken.append((m.start(), m.end()))
    for m in _WEEKDAY_RE.finditer(text):
        if free(m.start(), m.end()):
            rel = (m.group("rel") or "").lower()
            direction = "last" if rel == "last" else "next" if rel == "next" else None
            found.append(
                DateMention(
                    "weekday",
                    m.start(),
                    m.end(),
                    m.group(),
                    weekday=WEEKDAYS[m.group("weekday").lower()],
                    direction=direction,
                )
            )
            taken.append((m.start(), m.end()))
    for m in _DAYS_AGO_RE.finditer(text):
        if free(m.start(), m.end()):
            n = _NUMBER_WORDS.get(m.group("n").lower()) or int(m.group("n"))
            days = n * (7 if m.group("unit").lower().startswith("week") else 1)
            found.append(DateMention("relative", m.start(), m.end(), m.group(), offset_days=-days))
            taken.append((m.start(), m.end()))
    for m in _RELATIVE_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        phrase = m.group("phrase").lower()
        if phrase in _RELATIVE_DAYS:
            found.append(
                DateMention("relative", m.start(), m.end(), m.group(), offset_days=_RELATIVE_DAYS[phrase])
            )
        else:
            shift_word, unit = phrase.split()
            found.append(
                DateMention(
                    "relative",
                    m.start(),
                    m.end(),
                    m.group(),
                    unit=unit,
                    shift={"last": -1, "this": 0, "next": 1}[shift_word],
                )
            )
        taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


# "TOKYO, March 3 - …", "ABUJA, Sept 6 (Reuters) -": the day the story was filed, not of its event.
_DATELINE_BEFORE = re.compile(r"^\W*[A-Z][A-Za-z .'’-]{1,40},\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\(\w+\)\s*)?[-–—]")


def is_dateline(sentence: str, mention: DateMention) -> bool:
    """Return True when the date phrase is a wire story's dateline at the head of the sentence."""
    return bool(
        _DATELINE_BEFORE.match(sentence[: mention.start]) and _DATELINE_AFTER.match(sentence[mention.end :])
    )


def is_future(sentence: str) -> bool:
    """Return True when the sentence speaks of the future (will, is scheduled, plans to…)."""
    return bool(_FUTURE_RE.search(sentence))


def infer_reference_date(body: str) -> dt.date | None:
    """Return a stand-in publication date for an undated article: the latest date it writes in full.

    Only dates in sentences that are not about the future count ("will train in 2024" says the
    article was written before 2024). With no full date, the latest past-tense year mentioned gives
    that year's 1 January; a future-tense year caps it at the previous year.
    """
    full: list[dt.date] = []
    past_years: list[int] = []
    future_years: list[int] = []
    for sentence in _ROUGH_SENTENCE_BREAK.split(body):
        future = is_future(sentence)
        for d in find_dates(sentence):
            if d.kind != "explicit" or d.year is None:
                continue
            if future:
                future_years.append(d.year)
            elif d.month and d.day:
                day = _safe_date(d.year, d.month, d.day)
                if day:
                    full.append(day)
            else:
                past_years.append(d.year)
    if full:
        return max(full)
    if past_years:
        return dt.date(max(past_years), 1, 1)
    if future_years:
        return dt.date(min(future_years) - 1, 1, 1)
    return None


def _shift_months(day: dt.date, months: int) -> dt.date:
    """Return the first day of the month `months` away from day's month."""
    index = day.year * 12 + (day.month - 1) + months
    return dt.date(index // 12, index % 12 + 1, 1)


def resolve(
    mention: DateMention, reference: dt.date | None, *, future: bool = False, reference_inferred: bool = False
) -> ResolvedDate:
    """Return the calendar date a mention stands for, read against the reference date.

    With a real publication date, a year-less "December 12" takes the publication year, one year
    back when that lands after publication in a past-tense sentence (or forward for a future one);
    weekdays are the most recent such day on or before publication (the next one in future tense).
    Against an inferred reference, the resolved date's basis is `inferred` unless the text gave the
    year itself; an undated reference leaves year-less phrases unresolved.
    """
    year_given = mention.year is not None
    derived = "inferred" if reference_inferred else "explicit"
    if mention.kind == "explicit":
        if mention.year and mention.month and mention.day:
            day = _safe_date(mention.year, mention.month, mention.day)
            return ResolvedDate(day.isoformat(), "day", "explicit") if day else UNKNOWN
        if mention.year and mention.month:
            return ResolvedDate(dt.date(mention.year, mention.month, 1).isoformat(), "month", "explicit")
        if mention.year and not mention.month:
            return ResolvedDate(dt.date(mention.year, 1, 1).isoformat(), "year", "explicit")
        if reference is None or mention.month is None:
            return UNKNOWN
        if mention.day is None:  # "last July"
            year = reference.year
            if mention.shift < 0 and mention.month >= reference.month:
                year -= 1
            elif mention.shift > 0 and mention.month <= reference.month:
                year += 1
            basis = "relative" if mention.shift else derived
            return ResolvedDate(dt.date(year, mention.month, 1).isoformat(), "month", basis)
        candidate = _safe_date(reference.year, mention.month, mention.day)
        if candidate is None:
            return UNKNOWN
        if reference_inferred:
            # The reference is the article's latest written date: an undated day that falls
            # before it in the calendar belongs to the next year (events run forwards).
            if candidate < reference and not year_given:
                candidate = _safe_date(reference.year + 1, mention.month, mention.day) or candidate
        elif not future and candidate > reference + dt.timedelta(days=2):
            candidate = _safe_date(reference.year - 1, mention.month, mention.day) or candidate
        elif future and candidate < reference - dt.timedelta(days=31):
            candidate = _safe_date(reference.year + 1, mention.month, mention.day) or candidate
        return ResolvedDate(candidate.isoformat(), "day", derived)
    if reference is None:
        return UNKNOWN
    basis = "inferred" if reference_inferred else "relative"
    if mention.kind == "weekday" and mention.weekday is not None:
        back = (reference.weekday() - mention.weekday) % 7
        if future or mention.direction == "next":
            ahead = (mention.weekday - reference.weekday()) % 7 or 7
            return ResolvedDate((reference + dt.timedelta(days=ahead)).isoformat(), "day", basis)
        if mention.direction == "last" and back == 0:
            back = 7
        return ResolvedDate((reference - dt.timedelta(days=back)).isoformat(), "day", basis)
    if mention.kind == "relative":
        if mention.offset_days is not None:
            return ResolvedDate(
                (reference + dt.timedelta(days=mention.offset_days)).isoformat(), "day", basis
            )
        if mention.unit == "week":
            monday = reference - dt.timedelta(days=reference.weekday()) + dt.timedelta(weeks=mention.shift)
            return ResolvedDate(monday.isoformat(), "day", basis)  # the week's Monday
        if mention.unit == "month":
            return ResolvedDate(_shift_months(reference, mention.shift).isoformat(), "month", basis)
        if mention.unit == "year":
            return ResolvedDate(dt.date(reference.year + mention.shift, 1, 1).isoformat(), "year", basis)
    return UNKNOWN


def parse_iso(value: str | None) -> dt.date | None:
    """Return the date of an ISO 'YYYY-MM-DD' string (longer timestamps allowed), or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def event_date(
    sentence: str,
    sentence_start: int,
    anchor: int | None,
    published_on: str | None,
    inferred_reference: dt.date | None,
) -> tuple[ResolvedDate, DateMention | None]:
    """Return the date of the event a sentence reports, and the phrase it was read from.

    The date phrase closest to `anchor` (an offset inside the sentence, usually the trigger) wins,
    day-precise phrases before coarser ones; a bare year ("in 2024") dates a meeting only when
    nothing finer is said.
    """
    # "by October 31", "until Friday", "since 2014": deadlines and spans, not the day of the event.
    mentions = [
        m
        for m in find_dates(sentence)
        if not (m.kind == "explicit" and m.month is None)
        and not is_dateline(sentence, m)
        and not _NOT_EVENT_DATE.search(sentence[max(0, m.start - 12) : m.start])
        and not _DEADLINE_WORD.match(m.surface)
    ]
    if not mentions:
        return UNKNOWN, None
    where = anchor if anchor is not None else 0
    best = min(mentions, key=lambda m: (m.day is None and m.kind == "explicit", abs(m.start - where)))
    reference = parse_iso(published_on)
    inferred = False
    if reference is None:
        reference, inferred = inferred_reference, inferred_reference is not None
    # The tense of the date's own clause, or of the trigger's ("On March 14, A will meet B").
    future = is_future(clause_around(sentence, best.start, best.end)) or (
        anchor is not None and is_future(clause_around(sentence, anchor, anchor))
    )
    resolved = resolve(best, reference, future=future, reference_inferred=inferred)
    return resolved, best


_CLAUSE_BREAK = re.compile(r"[,;:()–—]")


def clause_around(sentence: str, start: int, end: int) -> str:
    """Return the clause of `sentence` that holds [start, end): from the last comma, semicolon or
    dash before it to the first one after. "A meeting held on Tuesday …, which will be discussed
    on Friday": the tense of "held on Tuesday" is its own clause's, not the sentence's."""
    before = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)]
    after = _CLAUSE_BREAK.search(sentence, end)
    return sentence[before[-1] if before else 0 : after.start() if after else len(sentence)]
