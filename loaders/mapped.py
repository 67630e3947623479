"""Turning one structured record (a JSON object, a CSV row) into a raw article record."""

from __future__ import annotations

from collections.abc import Mapping

from loaders.html import html_record
from loaders.records import RawRecord, Rejection, clean_value, reject


def record_from_fields(
    values: Mapping[str, object],
    columns: Mapping[str, str],
    *,
    source_kind: str,
    source_path: str,
    locator: str,
    original: bytes | None,
    note: str | None = None,
) -> RawRecord | Rejection:
    """Return the record for one row, given {article field: source column}; reject it when it has no text."""

    def get(field: str) -> str | None:
        column = columns.get(field)
        return clean_value(values.get(column)) if column is not None else None

    text = values.get(columns["text"]) if "text" in columns else None
    html = get("html")
    body = text.strip() if isinstance(text, str) else None
    if not body and html:
        # Only HTML given: extract the main text the same way as an HTML page.
        built = html_record(
            html, source_kind=source_kind, source_path=source_path, locator=locator, original=original
        )
        if isinstance(built, Rejection):
            return built
        base = built
    elif body:
        base = RawRecord(
            body=text if isinstance(text, str) else body,
            source_kind=source_kind,
            source_path=source_path,
            record_locator=locator,
            raw_html=html,
        )
    else:
        return reject(
            source_path, locator, "record has no text (no non-empty text/body or html field)", original
        )
    base.external_id = get("id") or base.external_id
    base.url = get("url") or base.url
    base.outlet = get("outlet") or base.outlet
    base.title = get("title") or base.title
    base.author = get("author") or base.author
    base.published_at_raw = get("published_at") or base.published_at_raw
    base.category = get("category") or base.category
    base.load_note = note
    return base
