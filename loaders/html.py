"""Single HTML pages: main text, title, date and author through trafilatura; the raw HTML is kept too."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass

import trafilatura

from loaders.decode import DecodeError, declared_html_charset, decode_bytes
from loaders.records import (
    MAX_RECORD_BYTES,
    RawRecord,
    Rejection,
    clean_value,
    file_stem,
    folder_name,
    reject,
)

# trafilatura logs every page it finds thin at WARNING; the loader reports rejections itself.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


@dataclass(slots=True)
class HtmlExtract:
    """What trafilatura read from one page."""

    text: str | None
    title: str | None
    author: str | None
    date: str | None
    url: str | None
    sitename: str | None


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Return the main text and metadata of an HTML page (empty fields when trafilatura finds none)."""
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
    )
    if doc is None:
        return HtmlExtract(None, None, None, None, url, None)
    return HtmlExtract(
        text=clean_value(doc.text),
        title=clean_value(doc.title),
        author=clean_value(doc.author),
        date=clean_value(doc.date),
        url=clean_value(doc.url) or url,
        sitename=clean_value(doc.sitename),
    )


def html_record(
    html: str,
    *,
    source_kind: str,
    source_path: str,
    locator: str | None,
    external_id: str | None = None,
    url: str | None = None,
    note: str | None = None,
    original: bytes | None = None,
) -> RawRecord | Rejection:
    """Return a record built from a page's extracted main text, or a rejection when it has none."""
    try:
        found = extract_html(html, url)
    # trafilatura and lxml raise a variety of errors on hostile markup; any of them means "unreadable page".
    except Exception as exc:
        return reject(
            source_path, locator, f"HTML could not be parsed: {type(exc).__name__}: {exc}", original
        )
    if not found.text:
        return reject(
            source_path, locator, "HTML page has no main text that trafilatura could find", original
        )
    return RawRecord(
        body=found.text,
        source_kind=source_kind,
        source_path=source_path,
        record_locator=locator,
        external_id=external_id,
        url=url or found.url,
        outlet=found.sitename,
        title=found.title,
        author=found.author,
        published_at_raw=found.date,
        raw_html=html,
        load_note=note,
    )


def parse_html(data: bytes, source_path: str, name: str) -> Iterator[RawRecord | Rejection]:
    """Yield one record for an HTML file (external id = file stem), or one rejection."""
    if len(data) > MAX_RECORD_BYTES:
        yield reject(source_path, None, f"HTML page of {len(data)} bytes exceeds {MAX_RECORD_BYTES}", data)
        return
    try:
        html, note = decode_bytes(data, declared=declared_html_charset(data))
    except DecodeError as exc:
        yield reject(source_path, None, str(exc), data)
        return
    built = html_record(
        html,
        source_kind="html",
        source_path=source_path,
        locator=None,
        external_id=file_stem(name),
        note=note,
        original=data,
    )
    if isinstance(built, RawRecord):
        built.version_scope = folder_name(source_path)
    yield built
