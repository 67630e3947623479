"""Plain-text articles in the seed's shape: a title line, labelled Category / Publication date lines, body."""

from __future__ import annotations

from collections.abc import Iterator

from loaders.decode import DecodeError, decode_bytes
from loaders.records import (
    MAX_RECORD_BYTES,
    RawRecord,
    Rejection,
    clean_value,
    file_stem,
    folder_name,
    reject,
)

# Each label line is followed by exactly one value line, which may be empty.
_LABELS = {"category": "category", "publication date": "published_at"}
_MAX_TITLE_CHARS = 500


def split_header(text: str) -> tuple[str | None, dict[str, str | None], str]:
    """Return (title, {label field: value}, body): header lines parsed out, the body kept as it is."""
    lines = text.splitlines(keepends=True)
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index >= len(lines):
        return None, {}, ""
    first = lines[index].strip()
    # A long first line is a paragraph, not a title: then the whole file is body.
    if len(first) > _MAX_TITLE_CHARS or index + 1 >= len(lines):
        return None, {}, text
    title = first
    index += 1
    labels: dict[str, str | None] = {}
    while index < len(lines):
        label = _LABELS.get(lines[index].strip().lower())
        if label is None or label in labels:
            break
        value = lines[index + 1].strip() if index + 1 < len(lines) else ""
        labels[label] = value or None
        index += 2
    if not labels:
        # Without the labelled header the first line may be a lead paragraph: keep every line in the body.
        return title, labels, text
    return title, labels, "".join(lines[index:]).lstrip("\r\n")


def parse_text(data: bytes, source_path: str, name: str) -> Iterator[RawRecord | Rejection]:
    """Yield one record for a text file (external id = file stem), or one rejection."""
    if len(data) > MAX_RECORD_BYTES:
        yield reject(source_path, None, f"text file of {len(data)} bytes exceeds {MAX_RECORD_BYTES}", data)
        return
    try:
        text, note = decode_bytes(data)
    except DecodeError as exc:
        yield reject(source_path, None, str(exc), data)
        return
    title, labels, body = split_header(text)
    if not body.strip():
        yield reject(source_path, None, "text file has no body (empty, or a title line only)", data)
        return
    yield RawRecord(
        body=body,
        source_kind="text",
        source_path=source_path,
        external_id=file_stem(name),
        version_scope=folder_name(source_path),
        title=clean_value(title),
        category=labels.get("category"),
        published_at_raw=labels.get("published_at"),
        load_note=note,
    )
