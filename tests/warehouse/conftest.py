"""One warehouse built once per test session (load → dbt build), shared by the warehouse tests.

The articles are written for these tests (tests/warehouse/fixtures/); the seed article from
../shared is added when that directory exists, so the marts can be checked against its gold facts.
Tests that change data work on a copy (`copy_warehouse`), never on the shared build.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from loaders import load_paths
from newsfacts import warehouse
from newsfacts.paths import SHARED_DIR

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_ARTICLE = SHARED_DIR / "seed" / "000_69c7be4cf9514e14.txt"


@dataclass(frozen=True)
class BuiltWarehouse:
    db: Path
    first_build: warehouse.BuildResult
    n_loaded: int
    has_seed_article: bool


def copy_warehouse(src: Path, dst_dir: Path, name: str) -> Path:
    """Return the path of a copy of the warehouse file src (and its WAL, if any) in dst_dir."""
    dst = dst_dir / f"{name}.duckdb"
    shutil.copyfile(src, dst)
    wal = src.with_name(src.name + ".wal")
    if wal.exists():
        shutil.copyfile(wal, dst.with_name(dst.name + ".wal"))
    return dst


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory: pytest.TempPathFactory) -> BuiltWarehouse:
    """Return a warehouse loaded with the fixture articles and built once with `dbt build`."""
    os.environ.setdefault("NEWSFACTS_DBT_QUIET", "1")
    # Pin the extractor version for the session: colleagues editing newsfacts/extract/ or the
    # seeds while the tests run must not make every later build re-extract everything.
    os.environ[warehouse.PIN_EXTRACTOR_VERSION_ENV] = warehouse.extractor_version()
    db = tmp_path_factory.mktemp("warehouse") / "built.duckdb"
    paths: list[Path] = [FIXTURES / "articles"]
    if SEED_ARTICLE.exists():
        paths.append(SEED_ARTICLE)
    summary = load_paths(paths, db=db, source="warehouse-tests", progress=False)
    result = warehouse.build(db)
    assert result.success, result.summary()
    return BuiltWarehouse(db, result, summary.new, SEED_ARTICLE.exists())
