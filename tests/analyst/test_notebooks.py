"""The three analyst notebooks run top to bottom on the demo warehouse and save their plots."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from newsfacts.paths import PROJECT_ROOT, SHARED_DIR

NOTEBOOKS = PROJECT_ROOT / "notebooks"
KIEL = SHARED_DIR / "corpora" / "kiel_ukraine_support_tracker_aggregates" / "data_explorer.csv"
OUTPUT = PROJECT_ROOT / "tests" / "output" / "notebooks"

# The PNGs each notebook must write (at least one per notebook, per the issue).
EXPECTED_FIGURES = {
    "meetings": ["meetings_per_pair.png", "meetings_timeline.png"],
    "pledges": ["pledges_by_donor.png", "pledges_by_status.png"],
    "quotes": ["quotes_top_speakers.png"],
}


KERNEL_NAME = "newsfacts-tests"


def kernel_dir(root: Path) -> Path:
    """Return a Jupyter data dir holding one kernelspec that runs ipykernel in this very interpreter.

    A spec of our own, found first through JUPYTER_PATH, so neither a fresh venv without any
    kernelspec nor a developer's ~/.local "python3" pointing at another Python can change which
    interpreter (and which polars/duckdb) runs the notebooks.
    """
    spec = root / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True, exist_ok=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": "newsfacts tests", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    return root


def execute(name: str, db: Path, figures: Path, shared: Path = SHARED_DIR) -> nbformat.NotebookNode:
    """Return the notebook after running every cell in a fresh kernel (raises on a failing cell)."""
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    jupyter_paths = [str(kernel_dir(figures.parent / "jupyter")), os.environ.get("JUPYTER_PATH", "")]
    env = {
        "JUPYTER_PATH": os.pathsep.join(p for p in jupyter_paths if p),
        "NEWSFACTS_DB": str(db),
        "NEWSFACTS_FIGURES_DIR": str(figures),
        "NEWSFACTS_SHARED": str(shared),
        "MPLBACKEND": "Agg",
    }
    client = NotebookClient(
        notebook,
        kernel_name=KERNEL_NAME,
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
    expected = list(EXPECTED_FIGURES[name])
    if name == "pledges" and KIEL.exists():
        expected.append("pledges_vs_kiel.png")  # the side-by-side with the Kiel tracker
    for figure in expected:
        path = figures / figure
        assert path.exists(), f"{name}.ipynb did not save {figure}"
        assert path.stat().st_size > 1000, f"{figure} is (nearly) empty"


def stream_text(notebook: nbformat.NotebookNode) -> str:
    """Return everything the notebook's cells printed."""
    return "".join(
        out.get("text", "") for cell in notebook.cells if cell.cell_type == "code"
        for out in cell.get("outputs", []) if out.get("output_type") == "stream"
    )


@pytest.mark.slow
def test_pledges_notebook_skips_the_kiel_comparison_without_shared(demo_warehouse, tmp_path: Path) -> None:
    figures = OUTPUT / "pledges_without_shared"
    for stale in figures.glob("*.png"):
        stale.unlink()
    notebook = execute("pledges", demo_warehouse.db, figures, shared=tmp_path / "no-shared")
    assert "comparison skipped" in stream_text(notebook)
    assert not (figures / "pledges_vs_kiel.png").exists()
    assert (figures / "pledges_by_donor.png").exists()
