"""Name folding: the one way every module compares names.

`fold_name` is the FORMAT.md folding (Unicode NFKD, combining marks dropped, case folded, punctuation and
extra spaces removed) plus the letters NFKD cannot decompose (ł, ø, đ, æ, œ, ı, ß).

`translit_key` is a deliberately narrow rule set for the spelling variants that romanising Ukrainian,
Russian and Belarusian names produces — Umierov / Umyerov / Umerov, Zelenskyy / Zelenskiy / Zelensky,
Zaluzhnyi / Zaluzhny. It is used only to match a seeded person from a Cyrillic-script country; it never
compares by similarity, so Umarov (a vowel change no rule makes) stays a different person.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_EXTRA = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
        "ß": "ss",
        "ʼ": "'",
        "’": "'",
    }
)
_PUNCT_RE = re.compile(r"[^\w\s]|_")
_SPACE_RE = re.compile(r"\s+")

# Ordered rewrite rules, each (pattern, replacement), applied to one folded word at a time.
_TRANSLIT_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:yy|iy|yi|ii|ij|yj|y)$"), "y"),  # -yy/-iy/-yi/-ii endings: Zelenskyy = Zelensky
    (re.compile(r"(?<=[bcdfghklmnprstvzw])[iy]e"), "e"),  # soft "e" after a consonant: Umierov = Umerov
    (re.compile(r"(?<=[aeiou])ye"), "ie"),  # Oleksiy-e variants after a vowel
    (re.compile(r"^i(?=[aeou])"), "y"),  # initial я/є/ю: Iermak = Yermak
    (re.compile(r"kh"), "h"),  # Kharkiv = Harkiv spellings of х
    (re.compile(r"(?<=[a-z])iy(?=[a-z])"), "y"),
    (re.compile(r"zh"), "j"),  # ж: zh / j
    (re.compile(r"ts(?=[a-z])"), "c"),  # ц
    (re.compile(r"ii"), "i"),
    (re.compile(r"ai(?=[a-z])"), "ay"),
)


@lru_cache(maxsize=200_000)
def fold_name(text: str) -> str:
    """Return text folded for comparison: NFKD, marks dropped, casefolded, no punctuation or extra spaces."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACE_RE.sub(" ", _PUNCT_RE.sub("", stripped.casefold().translate(_EXTRA))).strip()


@lru_cache(maxsize=200_000)
def translit_word(word: str) -> str:
    """Return the transliteration key of one folded word (Umierov, Umyerov and Umerov share 'umerov')."""
    out = word
    for pattern, replacement in _TRANSLIT_RULES:
        out = pattern.sub(replacement, out)
    return out


def translit_key(name: str) -> str:
    """Return the transliteration key of a whole name: each folded word through `translit_word`."""
    return " ".join(translit_word(w) for w in fold_name(name).split())


def person_key(name: str) -> str:
    """Return the entity key of a person absent from the seeds: "person:" + folded full name."""
    return "person:" + fold_name(name)


def place_key(name: str) -> str:
    """Return the entity key of a place: "place:" + folded name."""
    return "place:" + fold_name(name)


def surname_of(name: str) -> str:
    """Return the folded surname (last word) of a full name, '' for an empty name."""
    words = fold_name(name).split()
    return words[-1] if words else ""
