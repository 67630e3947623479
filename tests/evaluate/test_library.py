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
