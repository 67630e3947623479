"""Building the warehouse: `dbt build` run programmatically over the repo's dbt project.

The dbt project and profile live at the repo root; the database file is chosen the usual way
(--db, $NEWSFACTS_DB, warehouse/newsfacts.duckdb) and handed to dbt through NEWSFACTS_DB, which
profiles.yml reads. DuckDB allows one writer at a time, so before starting dbt we wait for the
file's lock with newsfacts.db's helpers and fail with an error naming the holder.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from newsfacts import db as nfdb
from newsfacts.extract.seeds import SEEDS_DIR_ENV, default_seeds_dir
from newsfacts.paths import DEFAULT_DB, PROJECT_ROOT, SEEDS_DIR, database_path  # noqa: F401 (SEEDS_DIR: callers read it here)

EXTRACTED_MODEL = "intermediate.int_article_facts_extracted"
EXTRACT_DIR = PROJECT_ROOT / "newsfacts" / "extract"
# Seeds the extraction library does not read: changing them must not trigger re-extraction.
PIN_EXTRACTOR_VERSION_ENV = "NEWSFACTS_EXTRACTOR_VERSION"
NOT_EXTRACTION_SEEDS = frozenset({"fx_rates.csv", "boilerplate_patterns.csv"})


def files_fingerprint(paths: Sequence[Path]) -> str:
    """Return a short sha256 over the names and bytes of the given files (order-independent)."""
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.name + str(p)):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def extractor_version(extract_dir: Path = EXTRACT_DIR, seeds_dir: Path | None = None) -> str:
    """Return EXTRACTOR_VERSION plus a fingerprint of the extraction code and its seeds, e.g. '0.1.0+3f2a…'.

    The incremental extraction model re-extracts every article whose stored version differs, so
    editing an extractor or a lexicon seed refreshes the facts without a --full-refresh, and a
    build with no such change extracts nothing. $NEWSFACTS_EXTRACTOR_VERSION, when set, pins the
    version instead (tests pin it so edits made elsewhere during a run cannot trigger re-extraction).
    """
    from newsfacts.extract.pipeline import EXTRACTOR_VERSION

    pinned = os.environ.get(PIN_EXTRACTOR_VERSION_ENV)
    if pinned:
        return pinned
    seeds_dir = seeds_dir or default_seeds_dir()  # the seeds this build's extraction reads
    code = sorted(extract_dir.rglob("*.py"))
    seeds = [p for p in sorted(seeds_dir.glob("*.csv")) if p.name not in NOT_EXTRACTION_SEEDS]
    return f"{EXTRACTOR_VERSION}+{files_fingerprint([*code, *seeds])}"


class BuildError(RuntimeError):
    """Raised when dbt itself could not run (bad project, unreadable profile), not when tests fail."""


@dataclass(frozen=True, slots=True)
class NodeOutcome:
    """One dbt node's result: a model, seed or test, its status and message."""

    name: str
    resource_type: str
    status: str
    message: str | None
    execution_time_s: float


@dataclass(slots=True)
class BuildResult:
    """What one `dbt build` did: overall success, per-node outcomes, and extraction work done."""

    success: bool
    db_path: Path
    elapsed_s: float
    nodes: list[NodeOutcome] = field(default_factory=list)
    n_extracted: int | None = None  # articles the extraction model processed in this build
    error: str | None = None

    @property
    def failures(self) -> list[NodeOutcome]:
        """Return the nodes that errored or failed (warnings are not failures)."""
        return [n for n in self.nodes if n.status in ("error", "fail", "runtime error")]

    def count(self, status: str) -> int:
        """Return how many nodes ended with this status (pass, success, fail, error, warn, skipped)."""
        return sum(1 for n in self.nodes if n.status == status)

    def summary(self) -> str:
        """Return a one-paragraph human summary of the build."""
        ok = self.count("success") + self.count("pass")
        verdict = "succeeded" if self.success else "FAILED"
        parts = [
            f"dbt build {verdict} in {self.elapsed_s:.1f}s on {self.db_path}:",
            f"{ok} ok, {self.count('warn')} warn, {len(self.failures)} failed,",
            f"{self.count('skipped')} skipped",
        ]
        text = " ".join(parts)
        if self.n_extracted is not None:
            text += f"; {self.n_extracted} article(s) extracted"
        for node in self.failures:
            text += f"\n  {node.status.upper()}: {node.name} — {(node.message or '').strip()[:300]}"
        if self.error:
            text += f"\n  {self.error}"
        return text


def dbt_dirs(db_path: Path) -> tuple[Path, Path]:
    """Return (target_path, log_path) for a build of db_path.

    The default warehouse uses the usual target/ and logs/; any other database (tests, predict)
    gets its own directories beside the file, so concurrent builds never share dbt's artifacts.
    """
    if db_path == DEFAULT_DB.resolve():
        return PROJECT_ROOT / "target", PROJECT_ROOT / "logs"
    return db_path.parent / f"{db_path.stem}.dbt_target", db_path.parent / f"{db_path.stem}.dbt_logs"


@contextlib.contextmanager
def _env(name: str, value: str) -> Iterator[None]:
    """Set an environment variable for the duration of the block (dbt reads it in-process)."""
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


def prepare_warehouse(db_path: Path, lock_timeout_s: float = nfdb.DEFAULT_LOCK_TIMEOUT_S) -> None:
    """Return once no other process holds the warehouse and its raw tables exist.

    Raises WarehouseLockedError after the timeout. The raw DDL (the loaders' idempotent
    raw_schema.sql) runs here so that building an empty warehouse gives empty marts, not a
    missing-source error.
    """
    from loaders.writer import ensure_schema

    conn = nfdb.connect(db_path, lock_timeout_s=lock_timeout_s)
    try:
        ensure_schema(conn)
    finally:
        conn.close()


def _release_duckdb() -> None:
    """Close the DuckDB database dbt-duckdb keeps open in this process after a dbt invocation.

    dbt-duckdb caches one connection per process between invocations; left open, it holds the
    file's lock and blocks every later connection with another configuration (our own reads, the
    loaders, a copy of the file).
    """
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    with DuckDBConnectionManager._LOCK:
        env = DuckDBConnectionManager._ENV
        if env is not None:
            with contextlib.suppress(Exception):
                env.close()
            DuckDBConnectionManager._ENV = None


def dbt_args(
    command: str,
    *,
    select: Sequence[str] | str | None = None,
    exclude: Sequence[str] | str | None = None,
    full_refresh: bool = False,
    target_path: Path,
    log_path: Path,
    extra: Sequence[str] = (),
    project_dir: Path = PROJECT_ROOT,
) -> list[str]:
    """Return the argument list for dbtRunner.invoke for one dbt command on the project."""
    args = [
        *command.split(),
        "--project-dir", str(project_dir),
        "--profiles-dir", str(project_dir),
        "--target-path", str(target_path),
        "--log-path", str(log_path),
        "--quiet" if os.environ.get("NEWSFACTS_DBT_QUIET") else "--no-quiet",
    ]  # fmt: skip
    for flag, value in (("--select", select), ("--exclude", exclude)):
        if value:
            args += [flag, *([value] if isinstance(value, str) else list(value))]
    if full_refresh:
        args.append("--full-refresh")
    return args + list(extra)


def _outcomes(result: object) -> list[NodeOutcome]:
    """Return the per-node outcomes of a dbtRunnerResult (empty when dbt never got to run nodes)."""
    outcomes: list[NodeOutcome] = []
    results = getattr(getattr(result, "result", None), "results", None)
    for res in results or []:
        node = getattr(res, "node", None)
        if node is None:
            continue
        outcomes.append(
            NodeOutcome(
                name=node.name,
                resource_type=str(node.resource_type),
                status=str(res.status),
                message=res.message,
                execution_time_s=float(res.execution_time or 0.0),
            )
        )
    return outcomes


def _count_extracted(db_path: Path, since: datetime) -> int | None:
    """Return how many articles the extraction model stamped at or after `since` (None if absent)."""
    import duckdb

    try:
        conn = nfdb.connect(db_path, read_only=True, lock_timeout_s=10)
    except (FileNotFoundError, duckdb.Error):
        return None
    try:
        row = conn.execute(
            f"select count(*) from {EXTRACTED_MODEL} where extracted_at >= ?", [since]
        ).fetchone()
        return int(row[0]) if row else 0
    except duckdb.CatalogException:
        return None
    finally:
        conn.close()


def run_dbt(
    command: str,
    db: str | os.PathLike[str] | None = None,
    *,
    select: Sequence[str] | str | None = None,
    exclude: Sequence[str] | str | None = None,
    full_refresh: bool = False,
    extra: Sequence[str] = (),
    lock_timeout_s: float = nfdb.DEFAULT_LOCK_TIMEOUT_S,
    project_dir: Path | None = None,
) -> BuildResult:
    """Return the result of one dbt command (build, run, test, seed, docs generate…) on the warehouse.

    project_dir defaults to the repo root; tests point it at a modified copy of the project, the
    seed ablation at a project with other seeds. The extraction model reads the seeds of the
    project being built ($NEWSFACTS_SEEDS_DIR, see newsfacts.extract.seeds).
    """
    from dbt.cli.main import dbtRunner

    db_path = database_path(db)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    prepare_warehouse(db_path, lock_timeout_s)
    target_path, log_path = dbt_dirs(db_path)
    args = dbt_args(
        command,
        select=select,
        exclude=exclude,
        full_refresh=full_refresh,
        target_path=target_path,
        log_path=log_path,
        extra=extra,
        project_dir=project_dir or PROJECT_ROOT,
    )
    started = datetime.now(UTC).replace(tzinfo=None)
    t0 = time.perf_counter()
    project = project_dir or PROJECT_ROOT
    seeds_env = _env(SEEDS_DIR_ENV, str(project / "seeds"))
    with _env("NEWSFACTS_DB", str(db_path)), seeds_env, contextlib.chdir(project):
        try:
            result = dbtRunner().invoke(args)
        finally:
            _release_duckdb()
    elapsed = time.perf_counter() - t0
    error = None
    if result.exception is not None:
        message = str(result.exception)
        holder = nfdb.lock_holder(message)
        if holder:
            raise nfdb.WarehouseLockedError(
                f"The warehouse {db_path} was locked by {holder} while dbt ran. Close it and build again."
            ) from result.exception
        error = f"dbt could not run: {message}"
    outcome = BuildResult(
        success=bool(result.success),
        db_path=db_path,
        elapsed_s=elapsed,
        nodes=_outcomes(result),
        error=error,
    )
    if command in ("build", "run"):
        outcome.n_extracted = _count_extracted(db_path, started)
    return outcome


def build(
    db: str | os.PathLike[str] | None = None,
    select: Sequence[str] | str | None = None,
    full_refresh: bool = False,
    *,
    exclude: Sequence[str] | str | None = None,
    lock_timeout_s: float = nfdb.DEFAULT_LOCK_TIMEOUT_S,
    project_dir: Path | None = None,
) -> BuildResult:
    """Return the result of `dbt build` (seeds, models, tests) on the warehouse at db (repo project unless
    project_dir)."""
    return run_dbt(
        "build",
        db,
        select=select,
        exclude=exclude,
        full_refresh=full_refresh,
        lock_timeout_s=lock_timeout_s,
        project_dir=project_dir,
    )


def docs_generate(db: str | os.PathLike[str] | None = None) -> BuildResult:
    """Return the result of `dbt docs generate` (catalog.json, index.html in the target path)."""
    return run_dbt("docs generate", db)
