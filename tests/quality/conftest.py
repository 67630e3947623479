"""Session fixtures: the demo warehouse (tests/conftest.py), checked once clean and once broken.

`dbt build` and GX each take seconds, so the sample corpus is built once per session (shared
`demo_warehouse`) and every test here reads the outcome of two `newsfacts check` runs on copies.
A tiny SQL-built warehouse serves the tests that do not run GX. No __init__.py in this folder:
pytest puts it on sys.path, so the helper module imports by its (unique) name.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from gx_tiny_warehouse import CheckedWarehouse, break_on_purpose, build_clean

from newsfacts.cli import main


def _check(db: Path, docs_dir: Path, *extra: str) -> CheckedWarehouse:
    """Return the outcome of running `newsfacts check` in-process on `db`."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--db", str(db), "--docs-dir", str(docs_dir), *extra])
    return CheckedWarehouse(db, docs_dir, code, out.getvalue())


@pytest.fixture(scope="session")
def clean_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a tiny SQL-built warehouse (raw, staging and marts) that no check has touched."""
    return build_clean(tmp_path_factory.mktemp("quality") / "clean.duckdb")


@pytest.fixture(scope="session")
def clean_checked(demo_warehouse, tmp_path_factory: pytest.TempPathFactory) -> CheckedWarehouse:
    """Return a copy of the demo warehouse after one more full `newsfacts check`, with Data Docs.

    `newsfacts run` already checked it once (without docs); this run's rows are the latest.
    """
    db = demo_warehouse.copy_to(tmp_path_factory.mktemp("clean_run"))
    return _check(db, db.parent / "docs")


@pytest.fixture(scope="session")
def broken_checked(demo_warehouse, tmp_path_factory: pytest.TempPathFactory) -> CheckedWarehouse:
    """Return a broken copy of the sample warehouse after one `newsfacts check --layer marts --no-docs`.

    Only the marts are damaged, so only they are checked: half the GX time of a full run.
    """
    db = demo_warehouse.copy_to(tmp_path_factory.mktemp("broken_run"))
    break_on_purpose(db)
    return _check(db, db.parent / "docs", "--layer", "marts", "--no-docs")
