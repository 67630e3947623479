"""CSV / TSV with a header row; columns map onto article fields by --map or by common names."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping

from loaders.decode import DecodeError, decode_bytes
from loaders.fields import resolve_columns
from loaders.mapped import record_from_fields
from loaders.records import MAX_RECORD_BYTES, RawRecord, Rejection, reject

csv.field_size_limit(MAX_RECORD_BYTES)
_MAX_CONSECUTIVE_ERRORS = 1000


def _delimiter(sample: str, name: str) -> str:
    """Return the delimiter: tab for .tsv, else the most frequent of , ; tab | in the header line."""
    if name.lower().removesuffix(".gz").endswith(".tsv"):
        return "\t"
    # csv.Sniffer is fooled by quoted multi-line bodies; the header line alone is a safer witness.
    header = sample.split("\n", 1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in ",;\t|"}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def _row_bytes(row: list[str]) -> bytes:
    """Return a row serialised back to CSV bytes (kept with a rejection)."""
    out = io.StringIO()
    csv.writer(out).writerow(row)
    return out.getvalue().encode("utf-8", "replace")


def parse_csv(
    data: bytes, source_path: str, name: str, mapping: Mapping[str, str] | None = None
) -> Iterator[RawRecord | Rejection]:
    """Yield one record or rejection per data row; a file without a text column is one rejection."""
    try:
        text, note = decode_bytes(data)
    except DecodeError as exc:
        yield reject(source_path, None, str(exc), data)
        return
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text[:4096], name))
    try:
        header = next(reader)
    except StopIteration:
        yield reject(source_path, None, "CSV file has no header row", data)
        return
    except csv.Error as exc:
        yield reject(source_path, "line 1", f"CSV header could not be read: {exc}", data)
        return
    header = [h.strip().lstrip("\ufeff") for h in header]
    columns = resolve_columns(header, dict(mapping or {}))
    if "text" not in columns and "html" not in columns:
        wanted = f" (--map asked for {dict(mapping)})" if mapping else ""
        yield reject(
            source_path,
            "line 1",
            f"CSV has no text column{wanted}: headers are {header}; use --map text=COLUMN",
            data[:4096],
        )
        return
    number = 0
    errors = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors += 1
            number += 1
            yield reject(source_path, f"row {number} (line {reader.line_num})", f"CSV row unreadable: {exc}")
            if errors >= _MAX_CONSECUTIVE_ERRORS:
                yield reject(source_path, None, f"stopped after {errors} consecutive unreadable CSV rows")
                return
            continue
        errors = 0
        if not any(cell.strip() for cell in row):
            continue
        number += 1
        locator = f"row {number} (line {reader.line_num})"
        if len(row) > len(header) and any(cell.strip() for cell in row[len(header) :]):
            yield reject(
                source_path,
                locator,
                f"row has {len(row)} fields but the header has {len(header)}",
                _row_bytes(row),
            )
            continue
        values = dict(zip(header, row, strict=False))
        built = record_from_fields(
            values,
            columns,
            source_kind="csv",
            source_path=source_path,
            locator=locator,
            original=_row_bytes(row),
            note=note,
        )
        if isinstance(built, Rejection) and len(row) < len(header):
            built.reason += f" (row has {len(row)} fields, the header has {len(header)})"
        yield built
