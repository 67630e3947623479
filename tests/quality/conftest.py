"""Session fixtures: the sample corpus built for real, checked once clean and once broken on purpose.

`dbt build` and GX each take seconds, so the warehouse is built once and every test reads the
outcome of these two `newsfacts check` runs. A tiny SQL-built warehouse serves the tests that do
not run GX.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsfacts.cli import main
from newsfacts.paths import SAMPLE_DIR
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
    """Return a tiny SQL-built warehouse (raw, staging and marts) that no check has touched."""
    return build_clean(tmp_path_factory.mktemp("quality") / "clean.duckdb")


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a warehouse with the bundled sample corpus loaded and `dbt build` run on it."""
    import loaders
    from newsfacts import warehouse

    if not SAMPLE_DIR.exists():
        pytest.skip("data/sample is not in this checkout")
    db = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    loaders.load_paths([SAMPLE_DIR], db=db, source="sample", progress=False)
    build = warehouse.build(db=db)
    if not build.success:
        pytest.fail(f"the sample warehouse did not build, so GX has nothing to check:\n{build.summary()}")
    return db


@pytest.fixture(scope="session")
def clean_checked(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> CheckedWarehouse:
    """Return a copy of the sample warehouse after one full `newsfacts check` with Data Docs."""
    # Same file name as the original: dbt-duckdb's views name their catalog (the file's stem).
    db = tmp_path_factory.mktemp("clean_run") / sample_db.name
    shutil.copy(sample_db, db)
    return _check(db, db.parent / "docs")


@pytest.fixture(scope="session")
def broken_checked(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> CheckedWarehouse:
    """Return a broken copy of the sample warehouse after one `newsfacts check --layer marts --no-docs`.

    Only the marts are damaged, so only they are checked: half the GX time of a full run.
    """
    db = tmp_path_factory.mktemp("broken_run") / sample_db.name
    shutil.copy(sample_db, db)
    break_on_purpose(db)
    return _check(db, db.parent / "docs", "--layer", "marts", "--no-docs")
