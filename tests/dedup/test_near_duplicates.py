"""Near-duplicate grouping: the bench's transformations, the model's band SQL, and a run through the product.

The product run loads a few articles of ../shared/corpora (skipped when that directory is absent)
through loaders.load_paths and `dbt build --select +int_articles_grouped` in a scratch warehouse,
exactly as `python bench/near_duplicates.py` does at full size.
"""

from __future__ import annotations

import importlib.util
import os
import random
import sys
from pathlib import Path
from types import ModuleType

import duckdb
import pytest

from newsfacts import clean
from newsfacts.paths import SHARED_DIR

BENCH = Path(__file__).resolve().parents[2] / "bench" / "near_duplicates.py"

STORY = (
    "The harbour board of a small northern town voted on Tuesday to rebuild the old stone pier. "
    "Fishermen had asked for the repair since a winter storm cracked the pier's outer wall last year. "
    "The work will start in spring and should take eighteen months, the board's chairwoman said.\n\n"
    "Local shops hope the new pier will bring back the summer ferry, which stopped calling in 2019. "
    "A ferry operator said it would study the timetable once the berth is finished."
)


def _load_bench() -> ModuleType:
    """Return bench/near_duplicates.py imported as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location("near_duplicates_bench", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


nd = _load_bench()


def test_rewrap_changes_lines_not_words() -> None:
    rng = random.Random(3)
    wrapped = nd.rewrap(STORY, rng)
    assert wrapped != STORY
    assert max(len(line) for line in wrapped.splitlines()) <= 80
    assert wrapped.split() != STORY.split() or "\n" in wrapped
    assert " ".join(wrapped.split()) == " ".join(STORY.split())


def test_hyphenated_rewrap_splits_a_long_word_across_lines() -> None:
    copies = [nd.rewrap(STORY, random.Random(seed), hyphenate=True) for seed in range(10)]
    split = [c for c in copies if any(line.endswith("-") for line in c.splitlines())]
    assert split, "no width in 60-80 split a word"
    assert all(clean.shingles(c) != clean.shingles(STORY) for c in split)


def test_truncate_keeps_sixty_to_eighty_percent_of_the_words() -> None:
    for seed in range(20):
        cut = nd.truncate(STORY, random.Random(seed))
        assert STORY.startswith(cut)
        assert 0.55 <= len(cut.split()) / len(STORY.split()) <= 0.8


def test_boilerplate_is_what_the_cleaner_removes_except_the_unknown_line() -> None:
    dressed = nd.add_boilerplate(STORY, random.Random(1), ["A headline about rain", "Another about trains"])
    cleaned = clean.clean_body(dressed)
    assert "cookie" not in cleaned.lower() and "Read" not in cleaned
    assert nd.UNKNOWN_CHROME[0] in cleaned  # chrome the seed does not know survives, as in real pages
    assert clean.clean_body(STORY) in cleaned.replace(nd.UNKNOWN_CHROME[0], "").strip()


def _band_rows(con: duckdb.DuckDBPyConnection, rows: list[tuple[str, list[str], str]]) -> None:
    """Create table t with the columns the grouping SQL reads: (article_id, bands, published_on)."""
    con.execute(
        "create table t (article_id varchar, minhash_bands varchar[], published_on date, loaded_at timestamp)"
    )
    for article, bands, day in rows:
        con.execute("insert into t values (?, ?, ?, timestamp '2026-01-01')", [article, bands, day])


# o shares a band with the senior t and with y; y shares none with t. y is senior to o.
CHAIN = [
    ("t", ["b0:1", "b1:1"], "2024-01-01"),
    ("y", ["b0:9", "b1:2"], "2024-01-02"),
    ("o", ["b0:1", "b1:2"], "2024-01-03"),
    ("z", ["b0:7", "b1:7"], "2024-01-01"),
]


@pytest.mark.parametrize("rule", sorted(nd.VARIANTS))
def test_alternative_rules_put_articles_sharing_a_band_in_one_group(rule: str) -> None:
    with duckdb.connect() as con:
        _band_rows(con, CHAIN)
        groups = dict(con.execute(nd.VARIANTS[rule].format(articles="t")).fetchall())
    assert groups == {"t": "t", "y": "t", "o": "t", "z": "z"}


def test_model_puts_articles_sharing_a_band_in_one_group() -> None:
    with duckdb.connect() as con:
        _band_rows(con, CHAIN)
        groups = dict(
            con.execute(f"select article_id, duplicate_group_id from ({nd.group_model_sql('t')})").fetchall()
        )
    assert groups["y"] == groups["o"]


def test_model_sql_runs_on_synthetic_bands() -> None:
    with duckdb.connect() as con:
        con.execute(nd.synthetic_articles_sql(2000, dup_every=20, shared_bands=12, hot=5))
        in_groups, largest = con.execute(
            f"select count(*) filter (where duplicate_group_size > 1), max(duplicate_group_size) "
            f"from ({nd.group_model_sql('synthetic_articles')})"
        ).fetchone()
    assert largest == 5  # the identical stubs
    assert in_groups == 5 + 2 * 99  # each 20th article and the one before it, plus the stubs


@pytest.fixture(scope="module")
def product_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, object]:
    """Return (corpus, run): two BBC stories of one category and copies of the first, through the product."""
    if not (SHARED_DIR / "corpora" / "bbc_news_2225").is_dir():
        pytest.skip("../shared/corpora is not in this checkout")
    os.environ.setdefault("NEWSFACTS_DBT_QUIET", "1")
    stories = [s for s in nd.read_stories() if s.corpus == "bbc" and s.category == "politics"]
    first, other = stories[0], stories[1]
    corpus = nd.Corpus()
    rng = random.Random(0)
    corpus.docs[first.story_id] = nd._doc(first)
    corpus.docs[other.story_id] = nd._doc(other)
    for kind in ("rewrapped", "rewrapped_hyphenated", "boilerplate"):
        title, body = nd.transform(kind, first, rng, other, [other.title, stories[2].title])
        copy = nd._doc(first, kind, title, body)
        corpus.docs[copy.key] = copy
        corpus.pairs.append(nd.Pair(kind, first.story_id, copy.key, True))
    corpus.pairs.append(nd.Pair("same_category", first.story_id, other.story_id, False))
    run = nd.run_product(list(corpus.docs.values()), tmp_path_factory.mktemp("dedup"))
    return corpus, run


def test_product_groups_copies_and_keeps_a_different_story_apart(product_run: tuple[object, object]) -> None:
    corpus, run = product_run
    scores = {s.kind: s for s in nd.score_pairs(corpus, run.groups, run.body_clean)}
    assert scores["rewrapped"].grouped == 1
    assert scores["rewrapped"].exact == 1  # same words: the loader's body hash already makes it one row
    assert scores["rewrapped_hyphenated"].grouped == 1 and scores["rewrapped_hyphenated"].exact == 0
    assert scores["boilerplate"].grouped == 1
    assert scores["same_category"].grouped == 0
    groups = nd.score_groups(corpus, run.groups)
    assert groups.stories == 2 and groups.mixed_groups == 0
