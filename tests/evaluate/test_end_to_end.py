"""`newsfacts evaluate` end to end on the seed gold set: load → dbt build → marts → facts → scores.

One warehouse build for the whole module (it is the slow part). Skips when ../shared is absent, and
while the warehouse does not yet build the marts that predict reads.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import duckdb
import pytest

from newsfacts.cli import main
from newsfacts.evaluate.predict import MART_TABLES, find_tables
from newsfacts.evaluate.scoring import read_jsonl
from newsfacts.paths import SHARED_DIR

SEED_GOLD = SHARED_DIR / "gold" / "seed"

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Run `newsfacts evaluate --json --save` once on the seed gold set; return what it produced."""
    if not (SEED_GOLD / "articles.jsonl").exists():
        pytest.skip(f"gold set not found at {SEED_GOLD}")
    tmp = tmp_path_factory.mktemp("evaluate")
    db, saved = tmp / "eval.duckdb", tmp / "facts.jsonl"
    out, err = io.StringIO(), io.StringIO()
    argv = ["evaluate", str(SEED_GOLD / "articles.jsonl"), str(SEED_GOLD / "facts.jsonl")]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([*argv, "--json", "--save", str(saved), "--db", str(db)])
    if code != 0:
        present = {}
        if db.exists():
            with contextlib.closing(duckdb.connect(str(db))) as con:
                present = find_tables(con, MART_TABLES)
        if len(present) < len(MART_TABLES):
            pytest.skip(f"the warehouse does not build the marts yet: {err.getvalue().strip()[-300:]}")
        pytest.fail(f"newsfacts evaluate failed: {err.getvalue()[-2000:]}")
    return {"report": json.loads(out.getvalue()), "facts": read_jsonl(saved), "db": db}


def test_evaluate_reports_every_gold_table(evaluated: dict):
    tables = evaluated["report"]["tables"]
    assert set(tables) == {"meeting", "pledge", "quote"}
    for score in tables.values():
        assert {"tp", "fp", "fn", "precision", "recall", "f1", "per_article"} <= set(score)
        assert set(score["per_article"]) <= {"seed-000"}


def test_predicted_facts_are_keyed_by_input_ids_and_come_from_the_marts(evaluated: dict):
    facts = evaluated["facts"]
    assert {f["article"] for f in facts} <= {"seed-000"}
    with contextlib.closing(duckdb.connect(str(evaluated["db"]))) as con:
        tables = find_tables(con, MART_TABLES)
        n_quotes = con.execute(f"select count(*) from {tables['quotes']}").fetchone()[0]
        n_pledges = con.execute(f"select count(*) from {tables['pledges']}").fetchone()[0]
    assert sum(f["table"] == "quote" for f in facts) == n_quotes
    assert sum(f["table"] == "pledge" for f in facts) == n_pledges


def test_seed_article_is_found(evaluated: dict):
    """The seed's required facts are the extraction target; this fails until they come through the marts."""
    tables = evaluated["report"]["tables"]
    assert tables["meeting"]["tp"] == 1
    assert tables["quote"]["tp"] >= 1


def test_predict_names_a_missing_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["predict", str(tmp_path / "none.jsonl"), "-o", str(tmp_path / "out.jsonl")]) == 1
    assert "none.jsonl not found" in capsys.readouterr().err


def test_predict_without_people_seeds_builds_on_empty_people_seeds(tmp_path: Path):
    """Through dbt: the people seeds load empty and a seeded person's surname stays a surname."""
    from newsfacts.evaluate.predict import predict
    from newsfacts.extract.seeds import read_seed
    from newsfacts.paths import SEEDS_DIR

    person = next(r for r in read_seed("people") if r["surname"] and r["surname"] != r["canonical_name"])
    text = f'"We will rebuild every bridge before the winter comes," {person["surname"]} told the board.'
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps({"id": "t-1", "published_at": "2024-05-02", "text": text}) + "\n", "utf-8")
    people_before = (SEEDS_DIR / "people.csv").read_bytes()
    result = predict(articles, db=tmp_path / "ablated.duckdb", without_people_seeds=True)
    speakers = [f["speaker"] for f in result.facts if f["table"] == "quote"]
    assert speakers and person["canonical_name"] not in speakers
    with contextlib.closing(duckdb.connect(str(result.db_path), read_only=True)) as con:
        counts = [
            con.execute(f"select count(*) from seeds.{t}").fetchone()[0] for t in ("people", "person_roles")
        ]
        assert counts == [0, 0]
        assert con.execute("select count(*) from seeds.countries").fetchone()[0] > 100
    assert (SEEDS_DIR / "people.csv").read_bytes() == people_before
