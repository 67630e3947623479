"""One quality check run: read every layer's tables, validate them with GX, store and summarise.

The warehouse is opened read-only while frames are read and closed before GX starts, so a long
validation never holds a lock; the write connection for the results opens only at the end.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from newsfacts import __version__
from newsfacts.db import connect
from newsfacts.paths import PROJECT_ROOT, SEEDS_DIR
from newsfacts.quality import frames, intermediate, marts, raw, staging, store
from newsfacts.quality.outcomes import Outcome
from newsfacts.quality.spec import ERROR, LAYERS, WARNING, SuiteInputs, TableSuite, read_seed_column

DEFAULT_DOCS_DIR = PROJECT_ROOT / "gx" / "uncommitted" / "data_docs"
SUITE_BUILDERS: dict[str, Callable[[SuiteInputs], list[TableSuite]]] = {
    "raw": raw.suites,
    "staging": staging.suites,
    "intermediate": intermediate.suites,
    "marts": marts.suites,
}
# Seed columns the suites' value sets come from; the first column a seed has is used.
_COUNTRY_CODE_COLUMNS = ("iso3", "iso_alpha3", "alpha3", "country_id")


@dataclass(slots=True)
class CheckRun:
    """Everything one `newsfacts check` run found."""

    run_id: str
    started_at: datetime
    finished_at: datetime
    layers: list[str]
    n_tables: int
    outcomes: list[Outcome] = field(default_factory=list)
    docs_index: Path | None = None

    @property
    def error_failures(self) -> list[Outcome]:
        """Return the failed error-severity outcomes: the reasons the run fails."""
        return [o for o in self.outcomes if o.failed_error]

    @property
    def n_failed_errors(self) -> int:
        """Return how many error-severity expectations failed."""
        return len(self.error_failures)

    def summary(self) -> str:
        """Return the human summary of the run (see `summary`)."""
        return summary(self)

    @property
    def success(self) -> bool:
        """Return True when no error-severity expectation failed."""
        return not self.error_failures

    def as_row(self) -> dict[str, object]:
        """Return the run as a `quality.check_runs` row."""
        import great_expectations as gx

        failed = [o for o in self.outcomes if not o.success]
        return {
            "run_id": self.run_id,
            "started_at": self.started_at.replace(tzinfo=None),
            "finished_at": self.finished_at.replace(tzinfo=None),
            "layers": self.layers,
            "n_tables": self.n_tables,
            "n_expectations": len(self.outcomes),
            "n_passed": len(self.outcomes) - len(failed),
            "n_failed": len(failed),
            "n_failed_errors": sum(o.severity == ERROR for o in failed),
            "n_failed_warnings": sum(o.severity == WARNING for o in failed),
            "success": self.success,
            "docs_path": str(self.docs_index) if self.docs_index else None,
            "gx_version": gx.__version__,
            "newsfacts_version": __version__,
        }


def load_inputs(seeds_dir: Path, row_counts: dict[str, int]) -> SuiteInputs:
    """Return the suites' parameters: ISO code sets from the seeds and the warehouse's row counts."""
    iso3: frozenset[str] = frozenset()
    for column in _COUNTRY_CODE_COLUMNS:
        iso3 = read_seed_column(seeds_dir / "countries.csv", column)
        if iso3:
            break
    return SuiteInputs(
        currencies=read_seed_column(seeds_dir / "currencies.csv", "currency_code"),
        iso3_codes=iso3,
        row_counts=row_counts,
    )


def all_suites(inputs: SuiteInputs, layers: Sequence[str] = LAYERS) -> list[TableSuite]:
    """Return the table suites of the given layers, in layer order."""
    return [suite for layer in LAYERS if layer in layers for suite in SUITE_BUILDERS[layer](inputs)]


def _missing_table(suite: TableSuite) -> Outcome:
    """Return the failed outcome recorded when a suite's table is not in the warehouse."""
    return Outcome(
        layer=suite.layer,
        suite=suite.name,
        table_name=suite.table,
        expectation_type="expect_table_to_exist",
        column_name=None,
        severity=ERROR,
        success=False,
        details=f"no table or view {suite.table!r} in schema {suite.layer!r} (run `newsfacts build` first?)",
    )


def _unreadable_table(suite: TableSuite, reason: str) -> Outcome:
    """Return the failed outcome recorded when a suite's table exists but cannot be read."""
    return Outcome(
        layer=suite.layer,
        suite=suite.name,
        table_name=suite.table,
        expectation_type="expect_table_to_be_readable",
        column_name=None,
        severity=ERROR,
        success=False,
        details=reason,
    )


def _no_derived_columns(suite: TableSuite, reason: str) -> Outcome:
    """Return the warning recorded when a suite's cross-table columns could not be computed."""
    return Outcome(
        layer=suite.layer,
        suite=suite.name,
        table_name=suite.table,
        expectation_type="derived_columns_available",
        column_name=None,
        severity=WARNING,
        success=False,
        details=f"cross-table checks skipped: {reason}",
    )


def read_work(
    con: duckdb.DuckDBPyConnection, layers: Sequence[str], seeds_dir: Path
) -> tuple[list[tuple[TableSuite, pd.DataFrame]], list[Outcome]]:
    """Return (suite, frame) pairs for every table found, and outcomes for what could not be read."""
    tables = frames.catalog(con)
    # Relations of every layer, not only the checked ones: marts' frames join staging.
    found = {
        s.name: rel
        for s in all_suites(SuiteInputs())
        if (rel := frames.relation(s.layer, s.table, tables)) is not None
    }
    relations: dict[str, str] = {}
    counts: dict[str, int] = {}
    unreadable: dict[str, str] = {}
    for name, rel in found.items():
        try:
            counts[name] = frames.row_count(con, rel)
            relations[name] = rel
        except duckdb.Error as exc:
            # e.g. a view naming a catalog that is gone (the file was copied under another name).
            unreadable[name] = str(exc).splitlines()[0]
    work: list[tuple[TableSuite, pd.DataFrame]] = []
    problems: list[Outcome] = []
    for suite in all_suites(load_inputs(seeds_dir, counts), layers):
        if suite.name in unreadable:
            problems.append(_unreadable_table(suite, unreadable[suite.name]))
            continue
        if suite.name not in relations:
            problems.append(_missing_table(suite))
            continue
        plain = f"select * from {relations[suite.name]}"
        sql = plain
        if suite.frame_sql:
            absent = [n for n in frames.placeholders(suite.frame_sql) if n not in relations]
            if absent:
                problems.append(_no_derived_columns(suite, f"missing {', '.join(sorted(set(absent)))}"))
            else:
                sql = frames.render(suite.frame_sql, relations)
        try:
            frame = frames.read_frame(con, sql)
        except duckdb.Error as exc:
            if sql == plain:
                problems.append(_unreadable_table(suite, str(exc).splitlines()[0]))
                continue
            problems.append(_no_derived_columns(suite, str(exc).splitlines()[0]))
            frame = frames.read_frame(con, plain)
        work.append((suite, frame))
    return work, problems


def run_check(
    db: str | Path | None = None,
    layers: Sequence[str] = LAYERS,
    docs_dir: Path | None = None,
    seeds_dir: Path = SEEDS_DIR,
    write: bool = True,
) -> CheckRun:
    """Return the result of validating `layers` of the warehouse, stored in `quality.*` when `write`."""
    started = datetime.now(UTC)
    con = connect(db, read_only=True)
    try:
        work, problems = read_work(con, layers, seeds_dir)
    finally:
        con.close()
    # GX's validator stack is slow to import: only once there is something to validate.
    from newsfacts.quality.validate import validate

    validated = validate(work, docs_dir)
    run = CheckRun(
        run_id=uuid.uuid4().hex,
        started_at=started,
        finished_at=datetime.now(UTC),
        layers=[layer for layer in LAYERS if layer in layers],
        n_tables=len(work),
        outcomes=order_outcomes(problems + validated.outcomes),
        docs_index=validated.docs_index,
    )
    if write:
        con = connect(db)
        try:
            store.write_run(con, run.as_row(), run.outcomes)
        finally:
            con.close()
    return run


def order_outcomes(outcomes: list[Outcome]) -> list[Outcome]:
    """Return outcomes grouped by layer (pipeline order), then suite, keeping order within a suite."""
    rank = {layer: i for i, layer in enumerate(LAYERS)}
    return sorted(outcomes, key=lambda o: (rank.get(o.layer, len(rank)), o.suite))


def summary(run: CheckRun, max_listed: int = 20) -> str:
    """Return the human summary: passed/failed per layer, then each failed expectation by name."""
    lines = [f"Quality check {run.run_id[:12]} · {len(run.outcomes)} expectations on {run.n_tables} tables"]
    for layer in run.layers:
        mine = [o for o in run.outcomes if o.layer == layer]
        failed_errors = sum(o.failed_error for o in mine)
        failed_warnings = sum((not o.success) and o.severity == WARNING for o in mine)
        passed = sum(o.success for o in mine)
        lines.append(
            f"  {layer:<13} {passed:>4} passed  {failed_errors:>3} failed (error)"
            f"  {failed_warnings:>3} failed (warning)"
        )
    for title, chosen in (
        ("FAILED (error)", run.error_failures),
        ("warnings", [o for o in run.outcomes if not o.success and o.severity == WARNING]),
    ):
        if not chosen:
            continue
        lines.append(f"{title}:")
        for outcome in chosen[:max_listed]:
            lines.append(f"  ✗ {outcome.label}{_evidence(outcome)}")
        if len(chosen) > max_listed:
            lines.append(f"  … and {len(chosen) - max_listed} more (see quality.check_results)")
    if run.docs_index:
        lines.append(f"Data Docs: {run.docs_index}")
    lines.append(
        "PASSED" if run.success else f"FAILED: {len(run.error_failures)} error-severity expectation(s)"
    )
    return "\n".join(lines)


def _evidence(outcome: Outcome) -> str:
    """Return a short ' — …' tail saying what the failing expectation saw."""
    parts = []
    if outcome.unexpected_count:
        share = f" ({outcome.unexpected_percent:.1f}%)" if outcome.unexpected_percent is not None else ""
        parts.append(f"{outcome.unexpected_count} unexpected of {outcome.element_count}{share}")
    elif outcome.observed_value is not None and not outcome.details:
        parts.append(f"observed {outcome.observed_value[:160]}")
    if outcome.details:
        parts.append(outcome.details[:160])
    return f" — {'; '.join(parts)}" if parts else ""
