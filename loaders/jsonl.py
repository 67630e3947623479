"""JSON Lines and JSON: objects with id, url, outlet, title, published_at and text or html."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Mapping

from loaders.decode import DecodeError, decode_bytes
from loaders.fields import resolve_columns
from loaders.mapped import record_from_fields
from loaders.records import MAX_RECORD_BYTES, RawRecord, Rejection, reject

_LIST_KEYS = ("articles", "items", "records", "data", "entries", "documents")


def _object_record(
    obj: object,
    *,
    kind: str,
    source_path: str,
    locator: str,
    original: bytes | None,
    mapping: Mapping[str, str] | None,
    note: str | None,
    cache: dict[tuple[str, ...], dict[str, str]],
) -> RawRecord | Rejection:
    """Return the record for one decoded JSON value, rejecting anything that is not an object."""
    if not isinstance(obj, dict):
        return reject(source_path, locator, f"expected a JSON object, got {type(obj).__name__}", original)
    keys = tuple(str(k) for k in obj)
    if keys not in cache:
        cache[keys] = resolve_columns(list(keys), dict(mapping or {}))
    return record_from_fields(
        obj,
        cache[keys],
        source_kind=kind,
        source_path=source_path,
        locator=locator,
        original=original,
        note=note,
    )


def parse_jsonl(
    data: bytes, source_path: str, name: str, mapping: Mapping[str, str] | None = None
) -> Iterator[RawRecord | Rejection]:
    """Yield one record or rejection per non-blank line; a bad line never stops the others."""
    cache: dict[tuple[str, ...], dict[str, str]] = {}
    stream = io.BytesIO(data)
    for number, line in enumerate(stream, start=1):
        stripped = line.strip()
        if not stripped:
            continue
        locator = f"line {number}"
        if len(stripped) > MAX_RECORD_BYTES:
            yield reject(
                source_path, locator, f"line of {len(stripped)} bytes exceeds {MAX_RECORD_BYTES}", stripped
            )
            continue
        # Each line is decoded on its own so one mis-encoded line does not garble its neighbours.
        try:
            text, note = decode_bytes(stripped)
        except DecodeError as exc:
            yield reject(source_path, locator, str(exc), stripped)
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            yield reject(source_path, locator, f"invalid JSON: {exc.msg} at column {exc.colno}", stripped)
            continue
        except RecursionError:
            yield reject(source_path, locator, "invalid JSON: nested too deeply", stripped)
            continue
        yield _object_record(
            obj,
            kind="jsonl",
            source_path=source_path,
            locator=locator,
            original=stripped,
            mapping=mapping,
            note=note,
            cache=cache,
        )


def _looks_like_lines(text: str) -> bool:
    """Return True when a text that failed to parse as one JSON value looks like JSON Lines."""
    lines = [line for line in text.splitlines()[:5] if line.strip()]
    return len(lines) > 1 and all(line.lstrip().startswith("{") for line in lines)


def json_items(value: object) -> list[object]:
    """Return the article objects inside a JSON document: a list, a wrapper object's list, or the object."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        for key in _LIST_KEYS:
            inner = value.get(key)
            if isinstance(inner, list):
                return inner
    return [value]


def parse_json(
    data: bytes, source_path: str, name: str, mapping: Mapping[str, str] | None = None
) -> Iterator[RawRecord | Rejection]:
    """Yield one record or rejection per object of a JSON document (falls back to JSON Lines)."""
    try:
        text, note = decode_bytes(data)
    except DecodeError as exc:
        yield reject(source_path, None, str(exc), data)
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if _looks_like_lines(text):
            yield from parse_jsonl(data, source_path, name, mapping)
            return
        reason = f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        yield reject(source_path, None, reason, data)
        return
    except RecursionError:
        yield reject(source_path, None, "invalid JSON: nested too deeply", data)
        return
    cache: dict[tuple[str, ...], dict[str, str]] = {}
    for number, item in enumerate(json_items(value), start=1):
        original = json.dumps(item, ensure_ascii=False)[:MAX_RECORD_BYTES].encode("utf-8", "replace")
        yield _object_record(
            item,
            kind="json",
            source_path=source_path,
            locator=f"item {number}",
            original=original,
            mapping=mapping,
            note=note,
            cache=cache,
        )
