"""The three analyst notebooks run top to bottom on the demo warehouse and save their plots."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from newsfacts.paths import PROJECT_ROOT, SHARED_DIR

NOTEBOOKS = PROJECT_ROOT / "notebooks"
OUTPUT = PROJECT_ROOT / "tests" / "output" / "notebooks"

# The PNGs each notebook must write (at least one per notebook, per the issue).
EXPECTED_FIGURES = {
    "meetings": ["meetings_per_pair.png", "meetings_timeline.png"],
    "pledges": ["pledges_by_donor.png", "pledges_by_status.png"],
    "quotes": ["quotes_top_speakers.png"],
}


def execute(name: str, db: Path, figures: Path) -> nbformat.NotebookNode:
    """Return the notebook after running every cell in a fresh python3 kernel (raises on a failing cell)."""
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    env = {
        **os.environ,
        "NEWSFACTS_DB": str(db),
        "NEWSFACTS_FIGURES_DIR": str(figures),
        "NEWSFACTS_SHARED": str(SHARED_DIR),
        "MPLBACKEND": "Agg",
    }
    # "python3" is ipykernel's own kernel: jupyter_client starts it with this interpreter
    # (sys.executable), so it works in a fresh venv without installing a kernelspec.
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=120,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    with pytest.MonkeyPatch.context() as patch:
        for key, value in env.items():
            patch.setenv(key, value)
        client.execute()
    return notebook


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED_FIGURES))
def test_notebook_runs_and_saves_its_plots(name: str, demo_warehouse) -> None:
    figures = OUTPUT / name
    for stale in figures.glob("*.png"):
        stale.unlink()
    notebook = execute(name, demo_warehouse.db, figures)
    errors = [
        out for cell in notebook.cells if cell.cell_type == "code" for out in cell.get("outputs", [])
        if out.get("output_type") == "error"
    ]
    assert not errors
    for figure in EXPECTED_FIGURES[name]:
        path = figures / figure
        assert path.exists(), f"{name}.ipynb did not save {figure}"
        assert path.stat().st_size > 1000, f"{figure} is (nearly) empty"
