"""Seed ablation: the extraction and the warehouse built as if some seeds were empty.

`--without-people-seeds` (newsfacts evaluate / predict, the library shortcut) measures what the
curated people lexicon is worth: `seeds/people.csv` and `seeds/person_roles.csv` are read as their
header alone, both by the extraction library and by dbt (the seeds it loads and the marts built
from them), while the files in seeds/ stay untouched. The ablated seeds live in a temporary
directory of symlinks to every other seed; dbt gets a temporary project (symlinks to the real
dbt_project.yml, profiles.yml, models, macros and tests, plus that seeds directory) through
--project-dir, because dbt-core reads seeds only from `seed-paths`, relative to the project.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsfacts.paths import PROJECT_ROOT, SEEDS_DIR

PEOPLE_SEEDS = ("people", "person_roles")
# What dbt reads from the project root besides seeds/ (dbt_project.yml's paths and the profile).
PROJECT_PARTS = ("dbt_project.yml", "profiles.yml", "models", "macros", "tests/data", "analyses", "snapshots")


def write_seeds_without(target: Path, emptied: Iterable[str], seeds_dir: Path = SEEDS_DIR) -> Path:
    """Return target filled with every file of seeds_dir, the seeds named in `emptied` cut to their header.

    The other files are symlinks, so the ablated directory cannot drift from seeds/.
    """
    emptied = {f"{name}.csv" for name in emptied}
    target.mkdir(parents=True, exist_ok=True)
    for source in sorted(seeds_dir.iterdir()):
        if not source.is_file():
            continue
        if source.name in emptied:
            with source.open(encoding="utf-8", newline="") as handle:
                header = handle.readline()
            (target / source.name).write_text(header if header.endswith("\n") else header + "\n", "utf-8")
        else:
            (target / source.name).symlink_to(source.resolve())
    return target


def write_project_with_seeds(target: Path, seeds: Path, project_root: Path = PROJECT_ROOT) -> Path:
    """Return target made a dbt project: the real project's parts symlinked, seeds/ pointing at `seeds`."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = project_root / part
        if source.exists():
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            (target / part).symlink_to(source.resolve(), target_is_directory=source.is_dir())
    (target / "seeds").symlink_to(seeds.resolve(), target_is_directory=True)
    return target


@contextlib.contextmanager
def seeds_without_people() -> Iterator[Path]:
    """Yield a temporary seeds directory whose people seeds are empty (removed afterwards)."""
    tmp = Path(tempfile.mkdtemp(prefix="newsfacts-seeds-"))
    try:
        yield write_seeds_without(tmp / "seeds", PEOPLE_SEEDS)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@contextlib.contextmanager
def project_without_people() -> Iterator[Path]:
    """Yield a temporary dbt project: the real one, but with empty people seeds (removed afterwards)."""
    tmp = Path(tempfile.mkdtemp(prefix="newsfacts-project-"))
    try:
        seeds = write_seeds_without(tmp / "seeds", PEOPLE_SEEDS)
        yield write_project_with_seeds(tmp / "project", seeds)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
