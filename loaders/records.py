"""What every input-format loader yields: a raw article record, or a rejection with its reason.

Parsers are pure functions from bytes to these records; only loaders/writer.py touches the database.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from dateutil import parser as dateutil_parser

# Bounds that keep hostile input from exhausting memory (see loaders/gz.py for decompression).
MAX_RECORD_BYTES = 16 * 1024 * 1024
MAX_FILE_BYTES = 1024 * 1024 * 1024
ORIGINAL_BYTES_KEPT = 64 * 1024

_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# Literal stand-ins for "no value" that exports (R, pandas, SQL dumps) write into text columns.
MISSING_MARKERS = frozenset({"", "na", "n/a", "nan", "null", "none"})


@dataclass(slots=True)
class RawRecord:
    """One article as read from its source, before hashing and versioning."""

    body: str
    source_kind: str
    source_path: str
    record_locator: str | None = None
    external_id: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published_at_raw: str | None = None
    category: str | None = None
    raw_html: str | None = None
    crawled_at: datetime | None = None
    load_note: str | None = None
    # Where external_id is unique: the file's folder for file-per-article formats (bbc/sport/001.txt and
    # bbc/tech/001.txt are different articles), None when ids are unique within the source.
    version_scope: str | None = None


@dataclass(slots=True)
class Rejection:
    """A record (or a whole file) that could not be loaded, with a reason a person can act on."""

    source_path: str
    record_locator: str | None
    reason: str
    original: bytes | None = None
    original_size: int | None = None
    skipped: bool = False  # deliberately not loaded (e.g. a non-HTML WARC response), not an error


def scrub(text: str) -> str:
    """Return text that encodes as UTF-8: surrogate pairs joined, lone ones (JSON escapes) as U+FFFD."""
    if text.isascii() or not _SURROGATE_RE.search(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def normalise_body(body: str) -> str:
    """Return the body in the form that is hashed: Unicode NFC, whitespace runs collapsed, trimmed."""
    # str.split() splits on exactly the characters `\s` matches (str.isspace), and is several times faster.
    return " ".join(unicodedata.normalize("NFC", body).split())


def article_id(body: str) -> str:
    """Return the article id: the first 32 hex chars of sha256 over the normalised body."""
    return hash_normalised(normalise_body(body))


def hash_normalised(normalised: str) -> str:
    """Return the article id of a body that is already normalised (saves a second normalisation)."""
    return hashlib.sha256(normalised.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def clean_value(value: object) -> str | None:
    """Return a metadata value as a trimmed string, or None for empty / NA-like values."""
    if value is None:
        return None
    if isinstance(value, list | dict):
        return None
    text = str(value).strip()
    if text.lower() in MISSING_MARKERS:
        return None
    return text


def reject(
    source_path: str,
    locator: str | None,
    reason: str,
    original: bytes | None = None,
    *,
    skipped: bool = False,
) -> Rejection:
    """Return a Rejection that keeps at most ORIGINAL_BYTES_KEPT of the original bytes."""
    size = len(original) if original is not None else None
    kept = original[:ORIGINAL_BYTES_KEPT] if original is not None else None
    return Rejection(source_path, locator, reason, kept, size, skipped)


def _to_naive_utc(moment: datetime) -> datetime:
    """Return a naive UTC datetime (the warehouse stores timestamps without zone)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def parse_published(raw: str | None) -> datetime | None:
    """Return the publication timestamp read from ISO 8601, RFC 2822 or a common free form, else None."""
    if not raw:
        return None
    text = raw.strip()
    if not text or len(text) > 100:
        return None
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        parsed = None
    if parsed is None:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is None and any(ch.isdigit() for ch in text):
        try:
            parsed = dateutil_parser.parse(text, fuzzy=False)
        except (ValueError, OverflowError, TypeError, dateutil_parser.ParserError):
            parsed = None
    if parsed is None:
        return None
    try:
        parsed = _to_naive_utc(parsed)
    except (OverflowError, ValueError):
        return None
    # Years outside this window are parse accidents ("12345"), not publication dates.
    if not 1800 <= parsed.year <= 2200:
        return None
    return parsed


def folder_name(source_path: str) -> str:
    """Return the name of the folder holding a file ('' for a URL or a bare name)."""
    parts = source_path.replace("\\", "/").rsplit("/", 2)
    return parts[-2] if len(parts) >= 2 else ""


def file_stem(name: str) -> str | None:
    """Return a file's stem for use as external id: 'a/b/x.txt.gz' -> 'x' (compression suffix dropped)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    if base.lower().endswith(".gz"):
        base = base[:-3]
    stem = base.rsplit(".", 1)[0] if "." in base.lstrip(".") else base
    return stem or None
