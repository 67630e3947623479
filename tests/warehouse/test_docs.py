"""`dbt docs generate` works on a built warehouse, and the notebooks are declared as exposures."""

from __future__ import annotations

import json

import pytest

from newsfacts import warehouse

from .conftest import BuiltWarehouse


@pytest.mark.slow
def test_docs_generate_works_and_declares_the_notebooks(built_warehouse: BuiltWarehouse) -> None:
    result = warehouse.docs_generate(built_warehouse.db)
    assert result.success, result.error
    target, _logs = warehouse.dbt_dirs(built_warehouse.db)
    catalog = json.loads((target / "catalog.json").read_text(encoding="utf-8"))
    assert "model.newsfacts.bilateral_meetings" in catalog["nodes"]
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    notebooks = {e["url"] for e in manifest["exposures"].values() if e["type"] == "notebook"}
    assert notebooks == {"notebooks/meetings.ipynb", "notebooks/pledges.ipynb", "notebooks/quotes.ipynb"}


@pytest.mark.slow
def test_source_freshness_is_configured_and_fresh(built_warehouse: BuiltWarehouse) -> None:
    result = warehouse.run_dbt("source freshness", built_warehouse.db)
    assert result.success, result.summary()
    assert {n.name for n in result.nodes} >= {"articles", "load_batches"}
    assert all(n.status == "pass" for n in result.nodes)
