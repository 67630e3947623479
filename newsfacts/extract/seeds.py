"""Reading the curated reference CSVs in seeds/ — the same files `dbt seed` loads.

The directory is seeds/ unless $NEWSFACTS_SEEDS_DIR names another: a build of a dbt project other
than the repo's (newsfacts.warehouse sets it to that project's seeds, e.g. the seed ablation of
newsfacts.evaluate.ablation) makes the extraction read the seeds dbt loads.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

from newsfacts.paths import SEEDS_DIR

SEEDS_DIR_ENV = "NEWSFACTS_SEEDS_DIR"


def default_seeds_dir() -> Path:
    """Return the seeds directory to read when none is given: $NEWSFACTS_SEEDS_DIR, else seeds/."""
    override = os.environ.get(SEEDS_DIR_ENV)
    return Path(override) if override else SEEDS_DIR


def read_seed(name: str, seeds_dir: Path | None = None) -> list[dict[str, str]]:
    """Return the rows of seeds/<name>.csv as dicts (empty cells as ''); [] when the file is absent."""
    path = (seeds_dir or default_seeds_dir()) / f"{name}.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def split_list(cell: str, sep: str = "|") -> list[str]:
    """Return the non-empty items of a '|'-separated seed cell."""
    return [item.strip() for item in cell.split(sep) if item.strip()]
