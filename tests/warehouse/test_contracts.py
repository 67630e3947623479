"""Mart contracts are enforced: a model whose column type drifts from its YAML fails to build."""

from __future__ import annotations

import shutil

import pytest

from newsfacts import warehouse
from newsfacts.paths import PROJECT_ROOT

from .conftest import BuiltWarehouse, copy_warehouse

PROJECT_PARTS = ["dbt_project.yml", "profiles.yml", "models", "macros", "seeds", "tests/data"]


@pytest.mark.slow
def test_a_wrong_column_type_breaks_the_quotes_contract(built_warehouse: BuiltWarehouse, tmp_path) -> None:
    project = tmp_path / "project"
    for part in PROJECT_PARTS:
        src = PROJECT_ROOT / part
        if src.is_dir():
            shutil.copytree(src, project / part)
        else:
            (project / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, project / part)
    model = project / "models" / "marts" / "quotes.sql"
    sql = model.read_text(encoding="utf-8")
    good = "cast(quotes.sentence_index as integer) as sentence_index"
    assert good in sql
    model.write_text(sql.replace(good, "cast(quotes.sentence_index as varchar) as sentence_index"), "utf-8")

    db = copy_warehouse(built_warehouse.db, tmp_path, "contract")
    result = warehouse.run_dbt("run", db, select="quotes", project_dir=project)
    assert not result.success
    [failure] = result.failures
    assert failure.name == "quotes"
    assert "contract" in (failure.message or "").lower()
    assert "sentence_index" in (failure.message or "")  # the session build of the same model passed
