"""Session fixtures shared by every test area.

`demo_warehouse` is what `make demo` builds: the bundled sample corpus (data/sample) run through
`newsfacts run` (load → dbt build → GX check) once per session, in a temporary directory. It takes
a minute or two, so every test that needs real marts reads this one build; a test that writes
(a second run, a broken row) works on `demo_warehouse.copy_to(tmp_path)`, never on the shared file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsfacts.paths import SAMPLE_DIR

# dbt-duckdb's views name their catalog after the file's stem: copies keep this name.
DEMO_DB_NAME = "newsfacts.duckdb"


@dataclass(frozen=True)
class DemoWarehouse:
    """The demo warehouse file and what `newsfacts run` said while building it."""

    db: Path
    exit_code: int
    log: str

    def copy_to(self, dst_dir: Path) -> Path:
        """Return the path of a writable copy of the warehouse (same file name) inside dst_dir."""
        dst_dir.mkdir(parents=True, exist_ok=True)
        dst = dst_dir / DEMO_DB_NAME
        shutil.copyfile(self.db, dst)
        wal = self.db.with_name(self.db.name + ".wal")
        if wal.exists():
            shutil.copyfile(wal, dst.with_name(dst.name + ".wal"))
        return dst


@pytest.fixture(scope="session")
def demo_warehouse(tmp_path_factory: pytest.TempPathFactory) -> DemoWarehouse:
    """Return the sample corpus built once by `newsfacts run --inbox data/sample` in a temp directory."""
    if not SAMPLE_DIR.exists():
        pytest.skip("data/sample is not in this checkout")
    db = tmp_path_factory.mktemp("demo") / DEMO_DB_NAME
    # The real command in its own process, as cron runs it: the test process keeps no dbt state,
    # no open database and no multiprocessing helper (the extraction pool's resource tracker).
    done = subprocess.run(
        [sys.executable, "-m", "newsfacts", "run", "--inbox", str(SAMPLE_DIR), "--db", str(db), "--no-docs"],
        env={**os.environ, "NEWSFACTS_DBT_QUIET": "1"},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if done.returncode != 0:
        pytest.fail(f"`newsfacts run` on the sample corpus exited {done.returncode}:\n{done.stderr[-4000:]}")
    return DemoWarehouse(db=db, exit_code=done.returncode, log=done.stderr)
