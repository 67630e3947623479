"""Reading the curated reference CSVs in seeds/ — the same files `dbt seed` loads."""

from __future__ import annotations

import csv
from pathlib import Path

from newsfacts.paths import SEEDS_DIR


def read_seed(name: str, seeds_dir: Path | None = None) -> list[dict[str, str]]:
    """Return the rows of seeds/<name>.csv as dicts (empty cells as ''); [] when the file is absent."""
    path = (seeds_dir or SEEDS_DIR) / f"{name}.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def split_list(cell: str, sep: str = "|") -> list[str]:
    """Return the non-empty items of a '|'-separated seed cell."""
    return [item.strip() for item in cell.split(sep) if item.strip()]
