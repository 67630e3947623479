"""Where things live: the project root, the seeds, the dbt project and the default database."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
SAMPLE_DIR = PROJECT_ROOT / "data" / "sample"
DEFAULT_DB = PROJECT_ROOT / "warehouse" / "newsfacts.duckdb"
SHARED_DIR = PROJECT_ROOT.parent / "shared"


def database_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Return the database file to use: --db, else $NEWSFACTS_DB, else warehouse/newsfacts.duckdb."""
    if explicit:
        return Path(explicit).resolve()
    env = os.environ.get("NEWSFACTS_DB")
    if env:
        return Path(env).resolve()
    return DEFAULT_DB
