"""Fixtures for the loader tests: a scratch warehouse per test and a reader for its raw tables."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from newsfacts.paths import SHARED_DIR


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Return the path of a fresh (not yet created) warehouse file."""
    return tmp_path / "warehouse" / "test.duckdb"


@pytest.fixture
def query(db: Path) -> Callable[[str], list[tuple]]:
    """Return a function that runs SQL read-only against the test warehouse and returns all rows."""

    def run(sql: str) -> list[tuple]:
        with duckdb.connect(str(db), read_only=True) as con:
            return con.execute(sql).fetchall()

    return run


@pytest.fixture
def shared() -> Path:
    """Return ../shared beside the checkout, skipping the test when it is absent."""
    if not SHARED_DIR.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED_DIR


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Return a function writing text (UTF-8) or bytes to tmp_path/NAME and returning that path."""

    def put(name: str, content: str | bytes) -> Path:
        path = tmp_path / "input" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return put
