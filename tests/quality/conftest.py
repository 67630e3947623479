"""Session fixtures: one clean and one deliberately broken tiny warehouse, each checked once.

GX takes seconds to import and run, so every test reads the outcome of these two runs.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsfacts.cli import main
from tests.quality.tiny_warehouse import break_on_purpose, build_clean


@dataclass(frozen=True)
class CheckedWarehouse:
    """A warehouse file, the Data Docs directory and what `newsfacts check` said about it."""

    db: Path
    docs_dir: Path
    exit_code: int
    stdout: str


def _check(db: Path, docs_dir: Path, *extra: str) -> CheckedWarehouse:
    """Return the outcome of running `newsfacts check` in-process on `db`."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--db", str(db), "--docs-dir", str(docs_dir), *extra])
    return CheckedWarehouse(db, docs_dir, code, out.getvalue())


@pytest.fixture(scope="session")
def clean_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a freshly built tiny warehouse that no check has touched."""
    return build_clean(tmp_path_factory.mktemp("quality") / "clean.duckdb")


@pytest.fixture(scope="session")
def clean_checked(clean_db: Path, tmp_path_factory: pytest.TempPathFactory) -> CheckedWarehouse:
    """Return a copy of the clean warehouse after one full `newsfacts check` with Data Docs."""
    db = tmp_path_factory.mktemp("clean_run") / "w.duckdb"
    shutil.copy(clean_db, db)
    return _check(db, db.parent / "docs")


@pytest.fixture(scope="session")
def broken_checked(clean_db: Path, tmp_path_factory: pytest.TempPathFactory) -> CheckedWarehouse:
    """Return a broken copy of the clean warehouse after one `newsfacts check --no-docs`."""
    db = tmp_path_factory.mktemp("broken_run") / "w.duckdb"
    shutil.copy(clean_db, db)
    break_on_purpose(db)
    return _check(db, db.parent / "docs", "--no-docs")
