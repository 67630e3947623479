"""Data quality: Great Expectations suites for every warehouse layer, run by `newsfacts check`.

One module per layer (raw, staging, intermediate, marts) defines that layer's expectations in
code; `runner.run_check` reads the tables from DuckDB into pandas, validates them with GX Core,
stores the outcomes in `quality.check_runs` / `quality.check_results` and renders Data Docs.
"""

import os

# GX sends usage analytics unless told not to; the warehouse must work offline and quietly.
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
