"""Money amounts, item quantities and shares of GDP in news text.

"EUR 112 million", "€20m", "$1.5bn", "£225 million", "UAH 1.2 billion", "about $ 800 million",
"1.2 billion euros", "a quarter of a billion US dollars", "$500-million", "Rs 500 crore", "10 lakh
rupees", "400.000 euros" (European thousands), "R500 million" → Money(amount in units, ISO currency).
A bare "$" is US dollars here; pledges read it as the donor's own dollar (bare_dollar: CAN → CAD).
"49 Abrams tanks", "half a million doses", "over 105 thousand doses", "several thousand drones"
→ Quantity(value or None when vague, item). "0.25% of GDP" → a share. Currency symbols and names
come from seeds/currencies.csv.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsfacts.extract.seeds import read_seed, split_list

SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "th": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mil": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "lakh crore": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}
_TRAILING_ARTICLE = re.compile(r"\s+an?$")
_GROUPED_NUMBER = re.compile(r"\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?")
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")  # "400.000 euros": European thousands
# Symbols that are also letters of ordinary words or initials count only with a scale ("R500 million").
_NEEDS_SCALE = frozenset({"r"})
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_YEAR = re.compile(r"(?:19|20)\d\d")
WORD_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a hundred": 100,
    "dozen": 12,
    "a dozen": 12,
    "half a": 0.5,
    "half": 0.5,
    "a half": 0.5,
    "a quarter of a": 0.25,
    "quarter of a": 0.25,
    "a third of a": 1 / 3,
    "three quarters of a": 0.75,
}
VAGUE = ("several", "some", "dozens of", "hundreds of", "thousands of", "many", "a few", "few", "numerous")

_NUM = r"\d{1,3}(?:[,\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_WORDNUM = (
    r"a quarter of an?|quarter of an?|a third of an?|three quarters of an?|half an?|a half|a dozen|"
    r"a hundred|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|hundred|an?"
)
_SCALE = (
    r"thousand|trillion|billions?|millions?|lakh crore|lakhs?|lac|crores?|bln|mln|bn|mn|tn|trn|mil|th|[kmb]"
)
_SCALE_RE = rf"(?:\s*(?P<scale>{_SCALE})\b\.?)?"
_STOP_ITEM = {
    "of",
    "in",
    "to",
    "for",
    "and",
    "the",
    "a",
    "an",
    "from",
    "by",
    "with",
    "on",
    "at",
    "per",
    "percent",
    "%",
    "people",
    "persons",
    "citizens",
    "residents",
    "years",
    "year",
    "months",
    "month",
    "days",
    "day",
    "weeks",
    "hours",
    "times",
    "km",
    "kilometres",
    "kilometers",
    "square",
    "euros",
    "dollars",
    "that",
    "which",
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
    "will",
    "who",
}


@dataclass(frozen=True, slots=True)
class Money:
    """An amount of money in units (not millions) of an ISO 4217 currency, with its span."""

    amount: float
    currency: str
    start: int
    end: int
    surface: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count of items ("49 Abrams tanks"); value is None when the text is vague ("several thousand")."""

    value: float | None
    item: str
    start: int
    end: int
    surface: str


@dataclass(frozen=True, slots=True)
class Share:
    """A percentage of some base, e.g. 0.25 of 'GDP' or 15 of 'defense budget'."""

    percent: float
    base: str
    start: int
    end: int
    surface: str


@dataclass(frozen=True)
class CurrencyLexicon:
    """Compiled money pattern plus the map from every symbol / name (lower-cased) to its ISO code."""

    by_token: dict[str, str]
    pattern: re.Pattern[str]
    # ISO3 country -> the currency its own announcements write as a bare "$" (CAN -> CAD).
    bare_dollar: dict[str, str] = field(default_factory=dict)


def _alternation(tokens: Iterable[str]) -> str:
    """Return a regex alternation of the tokens, longest first so "US$" wins over "$"."""
    return "|".join(re.escape(t) for t in sorted(set(tokens), key=len, reverse=True))


def build_currency_lexicon(rows: list[dict[str, str]]) -> CurrencyLexicon:
    """Return the currency lexicon for rows of seeds/currencies.csv (first row listing a token wins)."""
    by_token: dict[str, str] = {}
    bare_dollar: dict[str, str] = {}
    prefixes: list[str] = []
    suffixes: list[str] = []
    for row in rows:
        code = row["currency_code"]
        for symbol in split_list(row.get("symbols", "")):
            by_token.setdefault(symbol.lower(), code)
            prefixes.append(symbol)
            # "$", "€", "£" go before the number; after one they would swallow "a $1.5bn".
            if any(c.isalpha() for c in symbol):
                suffixes.append(symbol)
        for country in split_list(row.get("bare_dollar_of") or ""):
            bare_dollar.setdefault(country, code)
        for name in split_list(row.get("names", "")):
            by_token.setdefault(name.lower(), code)
            suffixes.append(name)
    number = rf"(?P<num>{_NUM})|(?P<word>{_WORDNUM})"
    pre = _alternation(prefixes)
    suf = _alternation(suffixes)
    # Prefix form: "$1.5bn", "EUR 112 million", "US$400 million"; suffix form: "1.2 billion euros",
    # "225 million US dollars", "a quarter of a billion US dollars", "UAH" after the number too.
    pattern = re.compile(
        rf"(?:(?<![A-Za-z])(?P<pre>{pre})\s?(?P<num1>{_NUM})(?:(?:\s*|-)(?P<scale1>{_SCALE})\b\.?)?"
        rf"(?:\s+(?P<suf1>{suf})\b)?)"
        rf"|(?:\b(?:{number})(?:\s*|-)(?:(?P<scale2>{_SCALE})\b\.?\s*)?(?:of\s+)?(?P<suf2>{suf})(?![A-Za-z]))",
        re.IGNORECASE,
    )
    return CurrencyLexicon(by_token=by_token, pattern=pattern, bare_dollar=bare_dollar)


def load_currency_lexicon(seeds_dir=None) -> CurrencyLexicon:  # type: ignore[no-untyped-def]
    """Return the currency lexicon read from seeds/currencies.csv."""
    return build_currency_lexicon(read_seed("currencies", seeds_dir))


def parse_number(text: str) -> float | None:
    """Return the value of a written number ("1,200", "1.5", "1 200", "a quarter of a"), or None."""
    t = text.strip().lower().replace("\u00a0", " ")
    if t in WORD_NUMBERS:
        return float(WORD_NUMBERS[t])
    t = _TRAILING_ARTICLE.sub(" a", t)
    if t in WORD_NUMBERS:
        return float(WORD_NUMBERS[t])
    if _GROUPED_NUMBER.fullmatch(t):
        return float(t.replace(",", "").replace(" ", ""))
    if _DECIMAL_COMMA.fullmatch(t):  # European decimal comma: "1,5 billion"
        return float(t.replace(",", "."))
    try:
        return float(t)
    except ValueError:
        return None


def _scale(word: str | None) -> float:
    """Return the multiplier of a scale word ("bn" → 1e9), 1 when there is none."""
    return SCALES.get((word or "").lower().rstrip("."), 1.0)


def find_money(text: str, lexicon: CurrencyLexicon) -> list[Money]:
    """Return the money amounts of text, left to right."""
    out: list[Money] = []
    pos = 0
    while (m := lexicon.pattern.search(text, pos)) is not None:
        # A rejected match moves on one character, not past itself: "a Tk 40 crore" is rejected as
        # "a Tk" (a bare word number) and then found as "Tk 40 crore".
        pos = m.start() + 1
        g = m.groupdict()
        if g["pre"] is not None:
            value = parse_number(g["num1"])
            scale = g["scale1"]
            token = g["pre"]
            # "EUR 5 m" yes, but "$5 more" no: single-letter scales must be glued to the number.
            if scale and len(scale) == 1 and text[m.start("scale1") - 1].isspace():
                scale = None
            if g["suf1"] and not scale and g["suf1"].lower() in SCALES:
                scale = g["suf1"]
        else:
            value = parse_number(g["num"] or g["word"] or "")
            scale = g["scale2"]
            token = g["suf2"]
            # A bare word number needs a scale ("a billion euros"), else "a euro" would be an amount.
            if g["word"] and not scale:
                continue
        currency = lexicon.by_token.get(token.lower())
        if value is None or currency is None or (token.lower() in _NEEDS_SCALE and not scale):
            continue
        number = g["num1"] if g["pre"] is not None else g["num"]
        if number and not scale and _DOT_THOUSANDS.fullmatch(number):
            value = float(number.replace(".", ""))
        amount = round(value * _scale(scale), 2)
        out.append(Money(amount, currency, m.start(), m.end(), m.group().strip()))
        pos = m.end()
    return out


_QUANTITY_RE = re.compile(
    rf"(?:(?P<approx>over|more than|about|around|almost|nearly|up to|some|at least|approximately)\s+)?"
    rf"(?P<vague>several|dozens of|hundreds of|thousands of|a few)?\s*"
    rf"(?:(?P<num>{_NUM})|(?P<word>half a|a quarter of a|one|two|three|four|five|six|seven|eight|nine|ten|"
    rf"twelve|fifteen|twenty|thirty|forty|fifty|a hundred|hundred|a dozen|dozen))?"
    rf"(?:\s*(?P<scale>thousand|million|billion|k)\b)?"
    rf"\s+(?:of\s+(?:the\s+)?)?(?P<item>[A-Za-z][\w\-]*(?:[ \t]+[A-Za-z][\w\-]*){{0,3}})",
)


def find_quantities(text: str) -> list[Quantity]:
    """Return counted items ("49 Abrams tanks", "half a million doses", "several thousand drones")."""
    out: list[Quantity] = []
    for m in _QUANTITY_RE.finditer(text):
        g = m.groupdict()
        if not (g["num"] or g["word"] or g["vague"]):
            continue
        if g["num"] and _YEAR.fullmatch(g["num"]) and not g["scale"]:
            continue  # a year, not a count
        words = g["item"].split()
        # The item is the noun phrase up to its first stop word, and must end in a plural noun.
        kept: list[str] = []
        for w in words:
            if w.lower() in _STOP_ITEM:
                break
            kept.append(w)
        while kept and not kept[-1].lower().endswith("s"):
            kept.pop()
        if not kept:
            continue
        item = " ".join(kept)
        if (
            (g["vague"] and not (g["num"] or g["word"]))
            or g["vague"]
            or ((g["approx"] or "").lower() == "some" and not g["num"])
        ):
            value = None
        else:
            base = parse_number(g["num"] or g["word"] or "")
            value = None if base is None else base * _scale(g["scale"])
        end = m.start("item") + len(item)
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        out.append(Quantity(value, item, start, end, text[start:end]))
    return out


_SHARE_RE = re.compile(
    r"(?P<pct>\d+(?:[.,]\d+)?)\s*(?:%|per ?cent|percent)\s+of\s+(?:(?:its|their|the|his|her|our)\s+)?"
    r"(?P<base>GDP|gross domestic product|(?:\w+\s+){0,2}budget)",
    re.IGNORECASE,
)


def find_shares(text: str) -> list[Share]:
    """Return percentages of a base ("0.25% of GDP", "15% of its defense budget")."""
    return [
        Share(float(m.group("pct").replace(",", ".")), m.group("base"), m.start(), m.end(), m.group())
        for m in _SHARE_RE.finditer(text)
    ]
