"""Cleaning article bodies: page chrome out, every story sentence kept, text normalised.

The patterns that say what chrome looks like are data (seeds/boilerplate_patterns.csv); this
module only knows how to apply them. dbt reaches these functions as DuckDB UDFs registered by
newsfacts/dbt_udfs.py, so the same code cleans in SQL and in Python tests.

Design choices (why):
  * Chrome is removed a whole line at a time, never inside a line: a regex that edits inside
    sentences would sooner or later cut a story sentence, and spans must point into real text.
  * Every pattern carries a max_len: a cookie banner is short, so a long paragraph that happens
    to mention cookies is a story paragraph and stays.
  * `drop_block` rules ("Read also", "Related") also drop the headline lines that follow them,
    which are short and do not end like a sentence.
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import ftfy

from newsfacts.paths import SEEDS_DIR

PATTERNS_SEED = "boilerplate_patterns.csv"
ACTIONS = ("drop_line", "drop_block")

# A headline under a "Read also" heading: short and not ending like a sentence.
_HEADLINE_MAX_LEN = 160
_SENTENCE_END = re.compile(r"[.!?…:;»”\"')]\s*$")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class ChromePattern:
    """One rule from the seed: lines matching `regex` (and no longer than max_len) are chrome."""

    pattern_id: str
    kind: str
    regex: re.Pattern[str]
    action: str
    max_len: int


def load_patterns(seeds_dir: Path | None = None) -> tuple[ChromePattern, ...]:
    """Return the chrome patterns of seeds/boilerplate_patterns.csv, in file order."""
    path = (seeds_dir or SEEDS_DIR) / PATTERNS_SEED
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(
        ChromePattern(
            pattern_id=row["pattern_id"].strip(),
            kind=row["kind"].strip(),
            regex=re.compile(row["pattern"].strip(), re.IGNORECASE),
            action=row["action"].strip(),
            max_len=int(row["max_len"]),
        )
        for row in rows
    )


@lru_cache(maxsize=4)
def cleaner_version(seeds_dir: str | None = None) -> str:
    """Return a fingerprint of this module's code and the patterns seed (staging re-cleans on change)."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(((Path(seeds_dir) if seeds_dir else SEEDS_DIR) / PATTERNS_SEED).read_bytes())
    return digest.hexdigest()[:12]


@lru_cache(maxsize=4)
def default_patterns(seeds_dir: str | None = None) -> tuple[ChromePattern, ...]:
    """Return the patterns of the project's seeds (cached: the UDF calls this once per row)."""
    return load_patterns(Path(seeds_dir) if seeds_dir else None)


def normalise_text(text: str) -> str:
    """Return text with mojibake repaired, Unicode NFC, unified newlines and collapsed spaces.

    Paragraph structure survives: lines are kept, runs of blank lines become one blank line.
    """
    fixed = ftfy.fix_text(text, normalization="NFC")
    fixed = unicodedata.normalize("NFC", fixed.replace("\r\n", "\n").replace("\r", "\n"))
    fixed = _ZERO_WIDTH.sub("", fixed)
    lines = [_SPACES.sub(" ", line).strip() for line in unwrap_hard_lines(fixed.split("\n"))]
    return _join_lines(lines)


# A wire story typed at a fixed width ("…the\nComptroller of the Currency…"): most lines run
# 45–80 characters and a new paragraph is indented or follows a blank line.
_WRAP_MIN, _WRAP_MAX, _WRAP_SHARE, _WRAP_LINES = 45, 80, 0.6, 5


def unwrap_hard_lines(lines: list[str]) -> list[str]:
    """Return the lines of a hard-wrapped text joined into paragraphs; other texts unchanged.

    A sentence broken at the typing width must read as one line, or every later step (sentences,
    quote spans) stops at the break. Only a text whose lines mostly run to a fixed width counts as
    wrapped; then a line joins the one before it unless it is blank or indented.
    """
    filled = [line for line in lines if line.strip()]
    if len(filled) < _WRAP_LINES:
        return lines
    at_width = sum(_WRAP_MIN <= len(line.rstrip()) <= _WRAP_MAX for line in filled)
    if at_width < _WRAP_SHARE * len(filled):
        return lines
    out: list[str] = []
    for line in lines:
        starts_paragraph = not line.strip() or line[:1] in " \t" or not out or not out[-1].strip()
        if starts_paragraph:
            out.append(line)
        else:
            out[-1] = out[-1].rstrip() + " " + line.strip()
    return out


def _join_lines(lines: list[str]) -> str:
    """Return lines joined by newlines, with leading/trailing and repeated blank lines removed."""
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def _fold(text: str) -> str:
    """Return text case-folded with spaces collapsed, for comparing a line with the title."""
    return " ".join(text.casefold().split())


def strip_header_block(lines: list[str], title: str | None) -> list[str]:
    """Return lines without the seed-shape header (title / Category / x / Publication date / d).

    Also drops title lines repeated at the top of the body, where the page printed the headline
    again above the story (a headline, not a sentence: a lead paragraph equal to the title stays).
    """
    lines = list(lines)
    first = [i for i, line in enumerate(lines[:8]) if line]
    labels = {_fold(lines[i]): i for i in first}
    if title is None and labels.get("category") == 1:
        title = lines[0]  # the header's first line is the headline the page repeats below
    if "publication date" in labels:
        end = labels["publication date"]
        nxt = end + 1
        if nxt < len(lines) and lines[nxt] and parse_date(lines[nxt]) is not None:
            end = nxt
        lines = lines[end + 1 :]
    elif "category" in labels and labels["category"] <= 2:
        lines = lines[labels["category"] + 2 :]
    head_title = _fold(title) if title else None
    while True:
        non_blank = next((i for i, line in enumerate(lines) if line), None)
        if non_blank is None or head_title is None or _fold(lines[non_blank]) != head_title:
            return lines
        # A loader may take a lead paragraph for the title and keep it in the body: a line that
        # ends like a sentence is story, even when it equals the title.
        if _SENTENCE_END.search(lines[non_blank]):
            return lines
        lines = lines[non_blank + 1 :]


def header_date(body: str) -> str | None:
    """Return the raw text after a 'Publication date' header line, or None when absent or empty."""
    lines = [line.strip() for line in normalise_text(body).split("\n")][:10]
    for i, line in enumerate(lines[:-1]):
        if _fold(line) == "publication date" and lines[i + 1]:
            return lines[i + 1]
    return None


def _matching_rule(line: str, patterns: tuple[ChromePattern, ...]) -> ChromePattern | None:
    """Return the first pattern that marks this line as chrome, or None for a story line."""
    for pattern in patterns:
        if len(line) <= pattern.max_len and pattern.regex.search(line):
            return pattern
    return None


def _is_headline(line: str) -> bool:
    """Return True for a short line that does not end like a sentence (a related-story link)."""
    return bool(line) and len(line) <= _HEADLINE_MAX_LEN and not _SENTENCE_END.search(line)


def drop_chrome(lines: list[str], patterns: tuple[ChromePattern, ...]) -> list[str]:
    """Return lines without the ones the patterns mark as chrome (and the blocks they open)."""
    out: list[str] = []
    in_block = False
    for line in lines:
        if in_block:
            if not line:
                out.append(line)  # keeps the paragraph break; _join_lines collapses repeats
                continue
            if _is_headline(line) and _matching_rule(line, patterns) is None:
                continue
            in_block = False
        rule = _matching_rule(line, patterns) if line else None
        if rule is None:
            out.append(line)
            continue
        in_block = rule.action == "drop_block"
    return out


def clean_body(
    body: str | None, title: str | None = None, patterns: tuple[ChromePattern, ...] | None = None
) -> str:
    """Return the cleaned article body: normalised, header block and page chrome removed."""
    if not body:
        return ""
    rules = default_patterns() if patterns is None else patterns
    title_clean = normalise_text(title) if title else None
    lines = normalise_text(body).split("\n")
    lines = strip_header_block(lines, title_clean)
    lines = drop_chrome(lines, rules)
    return _join_lines(lines)


def clean_title(title: str | None) -> str | None:
    """Return the title normalised to one line, or None when empty."""
    if not title:
        return None
    cleaned = " ".join(normalise_text(title).split())
    return cleaned or None


_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%SZ",
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%dT%H:%M:%S.%f%z",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d.%m.%Y",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y, %H:%M",
    "%H:%M, %d.%m.%Y",
    "%d/%m/%Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y, %H:%M",
    "%B %d, %Y %H:%M",
    "%a, %d %b %Y %H:%M:%S %z",
    "%a, %d %b %Y %H:%M:%S %Z",
)


def parse_date(raw: str | None) -> date | None:
    """Return the calendar date a publication-date string names, or None when it names none."""
    if not raw:
        return None
    text = " ".join(raw.strip().split())
    if not text or not any(ch.isdigit() for ch in text):
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    match = re.search(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return None


def detect_language(text: str | None) -> str | None:
    """Return the ISO 639-1 code of the text's language (py3langid), or None for empty text."""
    if not text or not text.strip():
        return None
    import py3langid  # imported lazily: loading the model costs ~0.3 s

    lang, _score = py3langid.classify(text[:5000])
    return str(lang)


# Near-duplicates: MinHash over word shingles, cut into bands (LSH). Two bodies whose shingle
# sets have Jaccard similarity above ~0.5 share at least one band with high probability.
MINHASH_PERM = 64
MINHASH_BANDS = 16
SHINGLE_WORDS = 3


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Return the set of `size`-word shingles of the case-folded text."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


_MERSENNE = (1 << 61) - 1


@lru_cache(maxsize=1)
def _permutations() -> tuple[object, object]:
    """Return the fixed (a, b) coefficients of the MINHASH_PERM universal hash permutations."""
    import numpy as np

    rng = np.random.RandomState(1)  # fixed: band signatures must be stable across runs
    a = rng.randint(1, _MERSENNE, size=MINHASH_PERM, dtype=np.uint64)
    b = rng.randint(0, _MERSENNE, size=MINHASH_PERM, dtype=np.uint64)
    return a, b


def minhash_bands(text: str | None) -> list[str]:
    """Return the LSH band signatures ('b<band>:<hash>') of the text; [] for empty text."""
    import numpy as np

    grams = shingles(text or "")
    if not grams:
        return []
    hashes = np.array(
        [int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest(), "little") for g in grams],
        dtype=np.uint64,
    ) % np.uint64(_MERSENNE)
    a, b = _permutations()
    # (a*h + b) mod p, in uint64 arithmetic (wrapping is fine: it is still a fixed hash family)
    values = ((hashes[:, None] * a[None, :] + b[None, :]) % np.uint64(_MERSENNE)).min(axis=0)
    rows = MINHASH_PERM // MINHASH_BANDS
    out = []
    for band in range(MINHASH_BANDS):
        digest = hashlib.blake2b(values[band * rows : (band + 1) * rows].tobytes(), digest_size=8).hexdigest()
        out.append(f"b{band}:{digest}")
    return out
