"""The development shortcut runs the extraction library on a gold directory and prints scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfacts.evaluate.library import main, predict_with_library


@pytest.fixture()
def gold_dir(tmp_path: Path) -> Path:
    """A one-article gold set written for this test."""
    text = (
        "Estonian Prime Minister Kaja Kallas met French President Emmanuel Macron in Paris on Monday.\n"
        '"We will keep our border open to trade," Kallas said after the talks.'
    )
    article = {
        "id": "t-1",
        "url": None,
        "outlet": None,
        "title": None,
        "published_at": "2023-03-08",
        "text": text,
    }
    fact = {
        "article": "t-1",
        "table": "quote",
        "fid": "t-1-Q1",
        "speaker": "Kaja Kallas",
        "kind": "direct",
        "text_start": "We will keep",
        "text_end": "open to trade",
    }
    (tmp_path / "articles.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    (tmp_path / "facts.jsonl").write_text(json.dumps(fact) + "\n", encoding="utf-8")
    return tmp_path


def test_library_shortcut_prints_a_score_table(gold_dir: Path, capsys: pytest.CaptureFixture[str]):
    assert main([str(gold_dir), "--show-errors", "3", "--save", str(gold_dir / "pred.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "quote" in out and "F1" in out
    for line in (gold_dir / "pred.jsonl").read_text(encoding="utf-8").splitlines():
        assert json.loads(line)["article"] == "t-1"


def test_library_predictions_are_format_facts(gold_dir: Path):
    rows = [
        json.loads(line) for line in (gold_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    for fact in predict_with_library(rows):
        assert fact["table"] in {"meeting", "pledge", "quote"} and fact["fid"].startswith("t-1-")


def test_missing_gold_dir_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main([str(tmp_path / "nowhere")]) == 2
    assert "articles.jsonl not found" in capsys.readouterr().err


def test_report_replaces_only_its_section(tmp_path: Path):
    from newsfacts.evaluate.report import replace_section

    doc = tmp_path / "q.md"
    doc.write_text("# Q\n<!-- figures:start -->\nold\n<!-- figures:end -->\ntail\n", encoding="utf-8")
    replace_section(doc, "figures", "| new |")
    assert (
        doc.read_text(encoding="utf-8")
        == "# Q\n<!-- figures:start -->\n| new |\n<!-- figures:end -->\ntail\n"
    )


# ---------------------------------------------------------------- halves


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture()
def halved_gold_dir(tmp_path: Path) -> Path:
    """A two-article gold set 'toyset' beside a halves.tsv that puts one article in each half."""
    gold = tmp_path / "gold" / "toyset"
    gold.mkdir(parents=True)
    said = '"The ferry to Osterby runs again from June," Mira Talvik said on Monday.'
    articles = [
        {"id": "tune-1", "published_at": "2024-05-06", "text": said},
        {"id": "check-1", "published_at": "2024-05-06", "text": said.replace("Mira Talvik", "Ansel Ruud")},
    ]
    facts = [
        {"article": a["id"], "table": "quote", "fid": f"{a['id']}-Q1", "speaker": "Nobody Known",
         "kind": "direct", "text_start": "The ferry to", "text_end": "from June"}
        for a in articles
    ]  # fmt: skip
    _write_jsonl(gold / "articles.jsonl", articles)
    _write_jsonl(gold / "facts.jsonl", facts)
    (tmp_path / "gold" / "halves.tsv").write_text(
        "set\tarticle\thalf\ntoyset\ttune-1\ttune\ntoyset\tcheck-1\tcheck\nother\tx\ttune\n", "utf-8"
    )
    return gold


def test_halves_are_read_for_one_set_only(halved_gold_dir: Path):
    from newsfacts.evaluate.halves import half_ids, halves_path, read_halves

    tsv = halves_path(halved_gold_dir)
    assert read_halves(tsv, "toyset") == {"tune-1": "tune", "check-1": "check"}
    assert half_ids(tsv, "toyset", "check") == {"check-1"}
    assert read_halves(tsv, "absent") == {} and read_halves(halved_gold_dir / "nowhere.tsv", "toyset") == {}


def test_a_halved_set_is_reported_per_half_errors_of_tune_only(halved_gold_dir: Path, capsys):
    assert main([str(halved_gold_dir), "--show-errors", "5", "--per-article"]) == 0
    out = capsys.readouterr().out
    assert "tune half (1 articles)" in out and "check half (1 articles)" in out and "whole set (2" in out
    assert "tune half only" in out
    assert "tune-1" in out and "check-1" not in out  # the check half's errors are never printed


def test_errors_of_the_check_half_are_refused(halved_gold_dir: Path, capsys):
    assert main([str(halved_gold_dir), "--half", "check", "--show-errors", "5"]) == 2
    assert "check half are not shown" in capsys.readouterr().err
    assert main([str(halved_gold_dir), "--half", "check"]) == 0  # its aggregate figures are fine
    assert "check half (1 articles)" in capsys.readouterr().out


def test_json_carries_per_half_reports(halved_gold_dir: Path, capsys):
    assert main([str(halved_gold_dir), "--json", "--show-errors", "5"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report["halves"]) == {"tune", "check"} and report["errors_half"] == "tune"
    tune, check = report["halves"]["tune"]["tables"]["quote"], report["halves"]["check"]["tables"]["quote"]
    assert set(tune["per_article"]) == {"tune-1"} and "false_negatives" in tune
    assert "per_article" not in check and "false_negatives" not in check
    assert "per_article" not in report["tables"]["quote"]  # the whole set's would show check articles


# ---------------------------------------------------------------- seed ablation


def _seeded_person() -> dict[str, str]:
    """Return a person of seeds/people.csv whose surname alone differs from the canonical name."""
    from newsfacts.extract.seeds import read_seed

    return next(r for r in read_seed("people") if r["surname"] and r["surname"] != r["canonical_name"])


def test_without_people_seeds_a_seeded_surname_is_not_resolved_to_its_full_name():
    from newsfacts.evaluate.ablation import seeds_without_people

    person = _seeded_person()
    text = f'"We will rebuild every bridge before the winter comes," {person["surname"]} told the board.'
    rows = [{"id": "t-1", "published_at": "2024-05-02", "text": text}]
    speakers = [f["speaker"] for f in predict_with_library(rows) if f["table"] == "quote"]
    assert speakers == [person["canonical_name"]]
    with seeds_without_people() as seeds_dir:
        ablated = [f["speaker"] for f in predict_with_library(rows, seeds_dir=seeds_dir)]
    assert ablated and person["canonical_name"] not in ablated


def test_ablated_seeds_keep_every_seed_but_empty_the_people_ones(tmp_path: Path):
    from newsfacts.evaluate.ablation import PEOPLE_SEEDS, write_project_with_seeds, write_seeds_without
    from newsfacts.paths import SEEDS_DIR

    before = (SEEDS_DIR / "people.csv").read_bytes()
    seeds = write_seeds_without(tmp_path / "seeds", PEOPLE_SEEDS)
    assert sorted(p.name for p in seeds.iterdir()) == sorted(
        p.name for p in SEEDS_DIR.iterdir() if p.is_file()
    )
    for name in PEOPLE_SEEDS:
        header = (SEEDS_DIR / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert (seeds / f"{name}.csv").read_text(encoding="utf-8") == header + "\n"
    assert (seeds / "countries.csv").is_symlink() and (SEEDS_DIR / "people.csv").read_bytes() == before
    project = write_project_with_seeds(tmp_path / "project", seeds)
    assert (project / "dbt_project.yml").exists() and (project / "models" / "marts").is_dir()
    assert (project / "seeds" / "people.csv").read_text(encoding="utf-8").count("\n") == 1
