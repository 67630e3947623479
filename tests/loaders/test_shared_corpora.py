"""The real inputs named in the issue load with the right counts (read from ../shared, never copied)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from loaders import load_paths

pytestmark = pytest.mark.shared
PRESS_MAP = {"text": "body", "title": "headline", "published_at": "date", "url": "link"}


def test_seed_article_loads_with_its_header_parsed(shared, db, query):
    summary = load_paths([shared / "seed" / "000_69c7be4cf9514e14.txt"], db=db, progress=False)
    assert (summary.new, summary.rejected) == (1, 0)
    external_id, title, category, published_raw, body = query(
        "select external_id, title, category, published_at_raw, body from raw.articles"
    )[0]
    assert external_id == "000_69c7be4cf9514e14"
    assert category == "Ukraine" and published_raw is None
    assert title and body.startswith(title)  # the seed repeats its headline as the body's first line
    assert "Category" not in body.split("\n", 1)[0]


def test_gold_articles_load_as_is(shared, db, query):
    files = sorted((shared / "gold").glob("*/articles.jsonl"))
    expected = sum(1 for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
    summary = load_paths(files, db=db, progress=False)
    assert summary.read == expected and summary.rejected == 0
    assert summary.new + summary.duplicate + summary.updated == expected


def test_press_release_csvs_load_1796_rows_and_a_rerun_adds_nothing(shared, db, query):
    csvs = sorted((shared / "corpora" / "zelenskyy_kremlin_press_releases").glob("*.csv"))
    first = load_paths(csvs, db=db, mapping=PRESS_MAP, source="press", progress=False)
    assert (first.read, first.rejected) == (1796, 0)
    assert first.new + first.duplicate == 1796  # the corpus itself repeats a couple of bodies
    stored = query("select count(*), count(published_at), count(url), count(title) from raw.articles")[0]
    assert stored[:3] == (first.new, first.new, first.new)  # every row has its date and link parsed
    assert stored[3] >= first.new - 2  # a headline or two is empty in the source
    second = load_paths(csvs, db=db, mapping=PRESS_MAP, source="press", progress=False)
    assert (second.new, second.updated, second.duplicate) == (0, 0, 1796)
    assert query("select count(*) from raw.articles") == [(first.new,)]


def test_cli_loads_press_releases_with_map(shared, db):
    folder = shared / "corpora" / "zelenskyy_kremlin_press_releases"
    command = [
        sys.executable,
        "-m",
        "newsfacts",
        "load",
        str(folder),
        "--db",
        str(db),
        "--no-progress",
        "--map",
        "text=body,title=headline,published_at=date,url=link",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("succeeded: 1796 records from 2 files") and "0 rejected, 1 skipped" in last
