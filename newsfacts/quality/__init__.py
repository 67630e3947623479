"""Data quality: Great Expectations suites for every warehouse layer, run by `newsfacts check`.

One module per layer (raw, staging, intermediate, marts) defines that layer's expectations in
code; `runner.run_check` reads the tables from DuckDB into pandas, validates them with GX Core,
stores the outcomes in `quality.check_runs` / `quality.check_results` and renders Data Docs.

What failed in the latest run:

    select suite, expectation_type, column_name, severity, unexpected_count, details
    from quality.check_results
    where not success
      and run_id = (select run_id from quality.check_runs order by started_at desc limit 1);
"""

import os

# GX sends usage analytics unless told not to; the warehouse must work offline and quietly.
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


def run_checks(db=None, *, docs: bool = True, layers=None, docs_dir=None, write: bool = True):
    """Return the CheckRun of validating the warehouse's layers (all by default) with GX.

    The one entry point for other commands (`newsfacts run`): imports GX only when called.
    """
    from newsfacts.quality.runner import DEFAULT_DOCS_DIR, run_check
    from newsfacts.quality.spec import LAYERS

    return run_check(
        db=db,
        layers=list(layers or LAYERS),
        docs_dir=(docs_dir or DEFAULT_DOCS_DIR) if docs else None,
        write=write,
    )
