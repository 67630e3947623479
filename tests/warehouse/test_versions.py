"""The extractor fingerprint: editing extraction code or a lexicon seed changes the version."""

from __future__ import annotations

import shutil

from newsfacts import warehouse


def test_extractor_version_follows_code_and_lexicon_seeds_only(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv(warehouse.PIN_EXTRACTOR_VERSION_ENV, raising=False)
    code = tmp_path / "extract"
    seeds = tmp_path / "seeds"
    shutil.copytree(warehouse.EXTRACT_DIR, code, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(warehouse.SEEDS_DIR, seeds)
    base = warehouse.extractor_version(code, seeds)
    assert base.split("+")[0] and len(base.split("+")[1]) == 12

    (seeds / "fx_rates.csv").write_text("currency,rate_date,units_per_eur\n", encoding="utf-8")
    assert warehouse.extractor_version(code, seeds) == base  # not read by the extractors

    people = seeds / "people.csv"
    people.write_text(people.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed_seed = warehouse.extractor_version(code, seeds)
    assert changed_seed != base

    module = code / "pipeline.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert warehouse.extractor_version(code, seeds) not in (base, changed_seed)
