"""Full-text search over the demo warehouse: ranking, kinds, freshness of the index, the CLI."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from newsfacts import search
from newsfacts.cli import main


@pytest.fixture(scope="module")
def search_db(demo_warehouse, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a copy of the demo warehouse that search may (re)index freely."""
    return demo_warehouse.copy_to(tmp_path_factory.mktemp("search"))


def test_the_scheduled_run_left_a_current_index(demo_warehouse) -> None:
    conn = duckdb.connect(str(demo_warehouse.db), read_only=True)
    try:
        assert search.index_is_current(conn)
    finally:
        conn.close()


def test_drone_coalition_ranks_the_articles_about_it_first(search_db: Path) -> None:
    hits = search.search(search_db, "drone coalition", kind="article", limit=5)
    titles = [hit.title for hit in hits]
    # Two articles hold both words: the Latvian drone-coalition story (in its title and body) and
    # the seed article ("a coalition of drones"); every other article only mentions drones.
    assert "drone coalition" in titles[0].lower()
    assert any("latvia will help with the training" in t.lower() for t in titles[:2])
    assert hits[0].score > hits[2].score


def test_words_are_stemmed_and_case_folded(search_db: Path) -> None:
    singular = {h.article_id for h in search.search(search_db, "Drone", kind="article", limit=50)}
    plural = {h.article_id for h in search.search(search_db, "drones", kind="article", limit=50)}
    assert singular and singular == plural


def test_quote_search_finds_the_speaker_and_not_the_title(search_db: Path) -> None:
    hits = search.search(search_db, "ammunition third countries", kind="quote", limit=3)
    assert hits and all(hit.kind == "quote" for hit in hits)
    assert hits[0].speaker == "Edgars Rinkēvičs"
    assert "ammunition" in hits[0].snippet.lower()


def test_quotes_of_a_matching_article_are_not_hits_by_its_title(search_db: Path) -> None:
    # Quotes are indexed on their own words: a quote that never mentions a coalition is no hit.
    hits = search.search(search_db, "coalition", kind="quote", limit=50)
    assert all("coalition" in hit.snippet.lower() for hit in hits)


def test_no_match_is_an_empty_list(search_db: Path) -> None:
    assert search.search(search_db, "xylophone", limit=5) == []


def test_quotes_in_the_query_are_harmless(search_db: Path) -> None:
    assert search.search(search_db, "Ukraine's 'drone' \"coalition\"", limit=3)


def test_index_is_rebuilt_when_the_marts_change(search_db: Path) -> None:
    conn = duckdb.connect(str(search_db))
    try:
        conn.execute(
            "update marts.quotes set quote_text = 'The zebra crossing protocol was signed today' "
            "where quote_id = (select min(quote_id) from marts.quotes)"
        )
        assert not search.index_is_current(conn)
    finally:
        conn.close()
    hits = search.search(search_db, "zebra", kind="quote")
    assert len(hits) == 1 and "zebra crossing" in hits[0].snippet


def test_a_reader_holding_the_file_gets_the_older_index_not_an_error(search_db: Path) -> None:
    conn = duckdb.connect(str(search_db))
    try:
        conn.execute("update marts.articles set title = title || ' (updated)'")
    finally:
        conn.close()
    # Another process (think: DBeaver) keeps the warehouse open read-only: no rebuild possible.
    holder = subprocess.Popen(
        [sys.executable, "-c", READER.format(db=str(search_db))], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        warnings: list[str] = []
        assert search.ensure_index(search_db, lock_timeout_s=1, warn=warnings.append) is False
        assert warnings and "older index" in warnings[0]
        assert search.search(search_db, "drone coalition", limit=1)
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    assert search.ensure_index(search_db) is True  # the reader is gone: rebuilt


READER = """
import sys, time, duckdb
conn = duckdb.connect({db!r}, read_only=True)
print("open", flush=True)
time.sleep(60)
"""


def test_cli_prints_ranked_hits(search_db: Path) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["search", "--db", str(search_db), "--limit", "3", "drone coalition"])
    assert code == 0
    lines = out.getvalue().splitlines()
    # Articles and quotes share one ranking: the Sprūds quote about the coalition may come first.
    assert "drone coalition" in lines[0].lower()
    kinds = [line.split()[1] for line in lines if line.split() and line.split()[1].startswith("[")]
    assert "[article]" in kinds[:2]
    assert len([line for line in lines if "[" in line.split("]")[0]]) == 3


def test_cli_on_a_missing_warehouse_says_how_to_build_one(tmp_path: Path) -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["search", "--db", str(tmp_path / "none.duckdb"), "anything"])
    assert code == 1
    assert "make demo" in err.getvalue()
