"""Running table suites through GX Core on pandas DataFrames and collecting typed outcomes.

One ephemeral GX context per run: suites are defined in code (the layer modules), so nothing needs
to persist in a GX project; Data Docs are written to a plain directory.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import great_expectations as gx
import pandas as pd
from great_expectations.data_context.types.base import ProgressBarsConfig

from newsfacts.quality.outcomes import Outcome, column_label, to_json
from newsfacts.quality.spec import TableSuite, columns_of

DOCS_SITE = "newsfacts"
RESULT_FORMAT = {"result_format": "SUMMARY", "partial_unexpected_count": 5}
# Arguments that only repeat what the outcome's own columns say, or bloat it (value sets of every ISO code).
_KWARGS_KEPT_SHORT = ("value_set",)


@dataclass(frozen=True, slots=True)
class Validated:
    """What one GX run produced: the outcomes and where Data Docs were written (None when not rendered)."""

    outcomes: list[Outcome]
    docs_index: Path | None


def _context(docs_dir: Path | None) -> gx.data_context.AbstractDataContext:
    """Return a quiet ephemeral GX context, with a filesystem Data Docs site when docs_dir is given."""
    # GX logs its temp-dir and store chatter at INFO; the CLI's summary is what users read.
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    # The ephemeral context's default site writes to a temp dir nobody will find; use ours instead.
    for name in list(context.get_site_names()):
        context.delete_data_docs_site(name)
    if docs_dir is not None:
        docs_dir.mkdir(parents=True, exist_ok=True)
        context.add_data_docs_site(
            DOCS_SITE,
            {
                "class_name": "SiteBuilder",
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(docs_dir),
                },
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            },
        )
    return context


def _short_kwargs(kwargs: dict) -> dict:
    """Return kwargs with long value sets replaced by their size, so stored rows stay readable."""
    out = {}
    for key, value in kwargs.items():
        if key in ("batch_id",):
            continue
        if key in _KWARGS_KEPT_SHORT and isinstance(value, list) and len(value) > 20:
            out[key] = f"<{len(value)} values>"
        else:
            out[key] = value
    return out


def _outcome(suite: TableSuite, result) -> Outcome:
    """Return the Outcome of one GX ExpectationValidationResult."""
    config = result.expectation_config
    kwargs = dict(config.kwargs)
    detail = result.result or {}
    exception = result.exception_info or {}
    raised = exception.get("raised_exception") if isinstance(exception, dict) else False
    return Outcome(
        layer=suite.layer,
        suite=suite.name,
        table_name=suite.table,
        expectation_type=config.type,
        column_name=column_label(kwargs),
        severity=str((config.meta or {}).get("severity", "error")),
        success=bool(result.success),
        observed_value=to_json(detail.get("observed_value")),
        unexpected_count=detail.get("unexpected_count"),
        element_count=detail.get("element_count"),
        unexpected_percent=detail.get("unexpected_percent"),
        kwargs=to_json(_short_kwargs(kwargs)),
        details=str(exception.get("exception_message")) if raised else _sample(detail),
    )


def _sample(detail: dict) -> str | None:
    """Return a few unexpected values (or the missing columns) as JSON, to show what was wrong."""
    mismatched = (detail.get("details") or {}).get("mismatched") or {}
    if mismatched.get("missing"):
        return "missing columns: " + ", ".join(sorted(mismatched["missing"]))
    sample = detail.get("partial_unexpected_list")
    return to_json(sample[:5]) if sample else None


def _suite_notes(expectations: Sequence) -> str:
    """Return the suite's Data Docs note: what severity means and how many of each it holds."""
    errors = sum((e.meta or {}).get("severity", "error") == "error" for e in expectations)
    return (
        f"{errors} expectations of severity **error** (a failure fails `newsfacts check`), "
        f"{len(expectations) - errors} of severity **warning** (reported only). "
        "Each expectation's severity is in its meta and notes."
    )


def runnable(suite: TableSuite, frame: pd.DataFrame) -> tuple[list, list[str]]:
    """Return the suite's expectations whose columns are all in the frame, and the missing columns.

    A missing model column already fails the table's `expect_table_columns_to_match_set`; running
    every other expectation on it would only repeat the failure as GX exceptions.
    """
    present = set(frame.columns)
    keep, missing = [], []
    for expectation in suite.expectations:
        absent = [c for c in columns_of(expectation) if c not in present]
        if absent:
            missing.extend(absent)
            continue
        keep.append(expectation)
    return keep, sorted(set(missing))


def validate(work: Sequence[tuple[TableSuite, pd.DataFrame]], docs_dir: Path | None) -> Validated:
    """Return the outcomes of running each table suite on its frame, rendering Data Docs when asked."""
    context = _context(docs_dir)
    source = context.data_sources.add_pandas("newsfacts_warehouse")
    outcomes: list[Outcome] = []
    for suite, frame in work:
        expectations, _missing = runnable(suite, frame)
        asset = source.add_dataframe_asset(name=suite.name)
        batch_definition = asset.add_batch_definition_whole_dataframe(f"{suite.name}.whole")
        gx_suite = context.suites.add(
            gx.ExpectationSuite(name=suite.name, expectations=expectations, notes=_suite_notes(expectations))
        )
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=suite.name, data=batch_definition, suite=gx_suite)
        )
        result = definition.run(batch_parameters={"dataframe": frame}, result_format=RESULT_FORMAT)
        outcomes.extend(_outcome(suite, r) for r in result.results)
    docs_index = None
    if docs_dir is not None:
        context.build_data_docs(site_names=[DOCS_SITE])
        docs_index = docs_dir / "index.html"
    return Validated(outcomes, docs_index)
