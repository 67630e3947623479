"""The worked analyst questions in docs/queries/ run on the demo warehouse and answer with rows."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from newsfacts.paths import PROJECT_ROOT

QUERIES = sorted((PROJECT_ROOT / "docs" / "queries").glob("*.sql"))


def duckdb_cli() -> str | None:
    """Return the duckdb CLI beside this interpreter (the duckdb-cli wheel) or on PATH, else None."""
    beside = Path(sys.executable).with_name("duckdb")
    return str(beside) if beside.exists() else shutil.which("duckdb")


def test_there_are_ten_worked_questions() -> None:
    assert len(QUERIES) >= 10
    for query in QUERIES:
        header = query.read_text(encoding="utf-8").splitlines()[0]
        assert header.startswith("-- Question:"), f"{query.name} must start with the question it answers"


@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
def test_query_returns_rows(query: Path, demo_warehouse) -> None:
    conn = duckdb.connect(str(demo_warehouse.db), read_only=True)
    try:
        result = conn.sql(query.read_text(encoding="utf-8"))
        rows = result.fetchall()
    finally:
        conn.close()
    assert rows, f"{query.name} returned no rows on the demo warehouse"


def test_queries_run_in_the_duckdb_cli(demo_warehouse) -> None:
    cli = duckdb_cli()
    if cli is None:
        pytest.skip("no duckdb CLI installed (pip install duckdb-cli)")
    for query in QUERIES:
        done = subprocess.run(
            [cli, "-readonly", "-csv", str(demo_warehouse.db)],
            stdin=query.open("rb"),
            capture_output=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, f"{query.name}: {done.stderr.decode()}"
        lines = done.stdout.decode().strip().splitlines()
        assert len(lines) >= 2, f"{query.name}: header only, no rows"


def test_speaker_question_finds_the_quote_without_diacritics(demo_warehouse) -> None:
    # The question is asked with "Spruds"; the mart's canonical name is "Andris Sprūds".
    query = PROJECT_ROOT / "docs" / "queries" / "03_what_did_a_speaker_say_about.sql"
    conn = duckdb.connect(str(demo_warehouse.db), read_only=True)
    try:
        rows = conn.sql(query.read_text(encoding="utf-8")).pl()
    finally:
        conn.close()
    assert set(rows["speaker_name"]) == {"Andris Sprūds"}
    assert all("drone" in text.lower() for text in rows["quote_text"])
