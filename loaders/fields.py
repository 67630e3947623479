"""Mapping a source's field names (JSON keys, CSV headers) onto the article fields."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

ARTICLE_FIELDS = ("id", "url", "outlet", "title", "published_at", "text", "html", "author", "category")
_SYNONYMS_CSV = Path(__file__).with_name("field_synonyms.csv")


@cache
def synonyms() -> dict[str, str]:
    """Return {lower-cased source name: article field} read from field_synonyms.csv."""
    with _SYNONYMS_CSV.open(encoding="utf-8", newline="") as handle:
        return {row["synonym"].strip().lower(): row["field"].strip() for row in csv.DictReader(handle)}


def parse_mapping(spec: str | None) -> dict[str, str]:
    """Return {article field: source name} parsed from 'text=body,title=headline' (ValueError if bad)."""
    mapping: dict[str, str] = {}
    if not spec:
        return mapping
    for part in spec.split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise ValueError(f"--map entry {part!r} is not FIELD=COLUMN (e.g. text=body)")
        field, column = (s.strip() for s in part.split("=", 1))
        if field not in ARTICLE_FIELDS:
            raise ValueError(f"--map field {field!r} is not one of {', '.join(ARTICLE_FIELDS)}")
        mapping[field] = column
    return mapping


def resolve_columns(names: list[str], mapping: dict[str, str] | None = None) -> dict[str, str]:
    """Return {article field: source name} for the given names: explicit mapping first, then synonyms."""
    mapping = mapping or {}
    lowered = {name.strip().lstrip("\ufeff").lower(): name for name in names}
    resolved: dict[str, str] = {}
    for field, column in mapping.items():
        if column in names:
            resolved[field] = column
        elif column.lower() in lowered:
            resolved[field] = lowered[column.lower()]
    taken = set(resolved.values())
    table = synonyms()
    # Exact field names win over synonyms ("text" before "body"), so walk in synonyms-file order.
    for low, original in sorted(lowered.items(), key=lambda kv: _rank(kv[0], table)):
        field = table.get(low)
        if field and field not in resolved and original not in taken:
            resolved[field] = original
            taken.add(original)
    return resolved


def _rank(name: str, table: dict[str, str]) -> int:
    """Return a sort key: a name equal to its field first, other synonyms after, unknown names last."""
    field = table.get(name)
    if field is None:
        return 2
    return 0 if field == name else 1
