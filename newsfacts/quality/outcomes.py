"""One row per expectation outcome: what `quality.check_results` stores and the summary prints."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one expectation on one table (or a check that could not run at all)."""

    layer: str
    suite: str
    table_name: str
    expectation_type: str
    column_name: str | None
    severity: str
    success: bool
    observed_value: str | None = None  # JSON text
    unexpected_count: int | None = None
    element_count: int | None = None
    unexpected_percent: float | None = None
    kwargs: str | None = None  # JSON text of the expectation's arguments
    details: str | None = None  # exception text, or why a check could not run

    @property
    def label(self) -> str:
        """Return a short name for messages: `suite: expectation_type(column)`."""
        column = f"({self.column_name})" if self.column_name else ""
        return f"{self.suite}: {self.expectation_type}{column}"

    @property
    def failed_error(self) -> bool:
        """Return True when this outcome fails the check (an error-severity failure)."""
        return not self.success and self.severity == "error"


def to_json(value: Any) -> str | None:
    """Return `value` as compact JSON text (None stays None); dates and numpy scalars as strings."""
    if value is None:
        return None
    return json.dumps(value, default=str, sort_keys=True, ensure_ascii=False)


def column_label(kwargs: dict[str, Any]) -> str | None:
    """Return the column(s) an expectation's kwargs name, comma-joined, or None for table-level ones."""
    if isinstance(kwargs.get("column"), str):
        return kwargs["column"]
    pair = [kwargs[k] for k in ("column_A", "column_B") if isinstance(kwargs.get(k), str)]
    if pair:
        return ",".join(pair)
    if isinstance(kwargs.get("column_list"), list):
        return ",".join(str(c) for c in kwargs["column_list"])
    return None
