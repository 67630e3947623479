"""WARC / ARC web archives (warcio): each HTML response becomes an article through the HTML path."""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator

from loaders.decode import DecodeError, declared_html_charset, decode_bytes
from loaders.html import html_record
from loaders.records import MAX_RECORD_BYTES, RawRecord, Rejection, parse_published, reject

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str | None:
    """Return the charset named in a Content-Type header, if Python knows it."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            try:
                return codecs.lookup(value.strip().strip("\"'")).name
            except LookupError:
                return None
    return None


def _response(record: object, source_path: str, locator: str) -> RawRecord | Rejection:
    """Return the article of one response record, or a (skipped) rejection saying why it is not one."""
    headers = record.http_headers  # type: ignore[attr-defined]
    target = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
    crawl_date = record.rec_headers.get_header("WARC-Date")  # type: ignore[attr-defined]
    where = f"{locator} {target}" if target else locator
    if headers is not None:
        status = headers.get_statuscode()
        if not (status and status.isdigit() and 200 <= int(status) < 300):
            return reject(
                source_path, where, f"skipped: HTTP {status or 'without status'} response", skipped=True
            )
        content_type = (headers.get_header("Content-Type") or "").lower()
    else:
        content_type = (record.rec_headers.get_header("Content-Type") or "").lower()  # type: ignore[attr-defined]
    if not any(kind in content_type for kind in _HTML_TYPES):
        return reject(
            source_path, where, f"skipped: non-HTML response ({content_type or 'no type'})", skipped=True
        )
    payload = record.content_stream().read(MAX_RECORD_BYTES + 1)  # type: ignore[attr-defined]
    if len(payload) > MAX_RECORD_BYTES:
        return reject(source_path, where, f"HTML response exceeds {MAX_RECORD_BYTES} bytes", payload)
    try:
        html, note = decode_bytes(payload, declared=_charset(content_type) or declared_html_charset(payload))
    except DecodeError as exc:
        return reject(source_path, where, str(exc), payload)
    built = html_record(
        html,
        source_kind="warc",
        source_path=source_path,
        locator=where,
        url=target,
        note=note,
        original=payload,
    )
    if isinstance(built, RawRecord):
        built.crawled_at = parse_published(crawl_date)
    return built


def parse_warc(data: bytes, source_path: str, name: str) -> Iterator[RawRecord | Rejection]:
    """Yield one record or rejection per response record; request/metadata records are passed over."""
    stream = io.BytesIO(data)
    iterator = ArchiveIterator(stream, arc2warc=True)
    number = 0
    try:
        for record in iterator:
            number += 1
            if record.rec_type not in ("response", "resource"):
                continue
            # No byte offset in the locator: warcio's get_record_offset() consumes the record's payload.
            yield _response(record, source_path, f"record {number}")
    # warcio raises whatever its internals hit on corrupt input (AttributeError on a record without a
    # target URI, for one); at this boundary every such error means "the archive is unreadable from here".
    except Exception as exc:
        reason = f"web archive unreadable after {number} records: {type(exc).__name__}: {exc}"
        yield reject(source_path, f"record {number + 1}", reason, data[:4096])
