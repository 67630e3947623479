"""The vocabulary the layer suites are written in: table suites, severities and schema checks.

A GX expectation suite validates one batch, and one batch here is one table read into a pandas
DataFrame. So each layer module (raw, staging, intermediate, marts) returns one `TableSuite` per
table; together they are that layer's suite, run as one group and reported per layer.

Severity lives in each expectation's `meta` ("error" fails `newsfacts check`, "warning" is only
reported), so it shows in Data Docs and in `quality.check_results` alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import great_expectations.expectations as gxe
from great_expectations.expectations import Expectation
from great_expectations.expectations.row_conditions import Column

LAYERS = ("raw", "staging", "intermediate", "marts")
ERROR = "error"
WARNING = "warning"

# Derived columns the frame SQL adds for cross-table checks; never part of a model's schema.
DERIVED_PREFIX = "_dq_"

# pandas dtypes each warehouse type family may arrive as (nullable ints/bools come as extension dtypes).
_INTEGER_DTYPES = ["int8", "int16", "int32", "int64", "Int8Dtype", "Int16Dtype", "Int32Dtype", "Int64Dtype"]
_FLOAT_DTYPES = ["float32", "float64", "Float32Dtype", "Float64Dtype"]
DTYPES_BY_FAMILY: dict[str, list[str]] = {
    "integer": _INTEGER_DTYPES,
    "number": _INTEGER_DTYPES + _FLOAT_DTYPES,
    "boolean": ["bool", "BooleanDtype"],
    "timestamp": ["datetime64[us]", "datetime64[ns]", "datetime64[ms]", "datetime64[s]"],
    "date": ["datetime64[us]", "datetime64[ns]", "datetime64[ms]", "datetime64[s]", "object"],
}
# GX checks object columns value by value anyway, so strings (normalised to object columns by
# frames.normalise) and lists are checked against their Python type.
PYTHON_TYPE_BY_FAMILY = {"text": "str", "list": "list"}


@dataclass(frozen=True, slots=True)
class TableSuite:
    """The expectations for one table of one layer, and how to read that table."""

    layer: str
    table: str
    expectations: list[Expectation]
    # SQL producing the frame; {name} placeholders are replaced by resolved relations.
    # None reads `select * from {<table>}`.
    frame_sql: str | None = None

    @property
    def name(self) -> str:
        """Return the suite's name, `<layer>.<table>`."""
        return f"{self.layer}.{self.table}"


@dataclass(frozen=True, slots=True)
class SuiteInputs:
    """What suites are parameterised with: seed reference sets and the row counts found in the warehouse."""

    currencies: frozenset[str] = frozenset()
    iso3_codes: frozenset[str] = frozenset()
    row_counts: Mapping[str, int] = field(default_factory=dict)

    def count(self, table: str) -> int | None:
        """Return the row count of `table` if the warehouse has it, else None."""
        return self.row_counts.get(table)


def with_severity(expectation: Expectation, severity: str) -> Expectation:
    """Return the expectation with `severity` recorded in its meta."""
    if severity not in (ERROR, WARNING):
        raise ValueError(f"severity must be {ERROR!r} or {WARNING!r}, not {severity!r}")
    expectation.meta = {**(expectation.meta or {}), "severity": severity}
    # Data Docs render notes, not meta: the severity shows beside each expectation there too.
    expectation.notes = f"severity: {severity}"
    return expectation


def error(expectation: Expectation) -> Expectation:
    """Return the expectation marked as error severity (a failure fails the check)."""
    return with_severity(expectation, ERROR)


def warning(expectation: Expectation) -> Expectation:
    """Return the expectation marked as warning severity (a failure is only reported)."""
    return with_severity(expectation, WARNING)


def severity_of(expectation: Expectation) -> str:
    """Return the expectation's severity; unmarked expectations count as errors."""
    return str((expectation.meta or {}).get("severity", ERROR))


def schema(columns: Mapping[str, str]) -> list[Expectation]:
    """Return error expectations that the columns exist (one check per table) and hold their type family."""
    # exact_match=False: models may grow columns; only the contract's columns are required.
    out: list[Expectation] = [
        error(gxe.ExpectTableColumnsToMatchSet(column_set=list(columns), exact_match=False))
    ]
    for column, family in columns.items():
        if family in PYTHON_TYPE_BY_FAMILY:
            out.append(
                error(gxe.ExpectColumnValuesToBeOfType(column=column, type_=PYTHON_TYPE_BY_FAMILY[family]))
            )
        elif family in DTYPES_BY_FAMILY:
            out.append(
                error(gxe.ExpectColumnValuesToBeInTypeList(column=column, type_list=DTYPES_BY_FAMILY[family]))
            )
        else:
            raise ValueError(f"unknown type family {family!r} for column {column!r}")
    return out


def not_null(columns: Iterable[str]) -> list[Expectation]:
    """Return error expectations that none of the columns holds a null."""
    return [error(gxe.ExpectColumnValuesToNotBeNull(column=c)) for c in columns]


def key(column: str) -> list[Expectation]:
    """Return error expectations that `column` is a key: never null, never repeated."""
    return [
        error(gxe.ExpectColumnValuesToNotBeNull(column=column)),
        error(gxe.ExpectColumnValuesToBeUnique(column=column)),
    ]


def one_of(column: str, values: Sequence[str], severity: str = ERROR) -> Expectation:
    """Return an expectation that `column` only holds values from `values` (nulls are ignored)."""
    return with_severity(gxe.ExpectColumnValuesToBeInSet(column=column, value_set=list(values)), severity)


def between(column: str, low: float | None, high: float | None, severity: str = ERROR) -> Expectation:
    """Return an expectation that `column` lies in [low, high] (an open side when None)."""
    return with_severity(
        gxe.ExpectColumnValuesToBeBetween(column=column, min_value=low, max_value=high), severity
    )


def span(start: str = "char_start", end: str = "char_end") -> list[Expectation]:
    """Return error expectations that a [start, end) span is non-empty and starts at or after 0."""
    return [
        between(start, 0, None),
        error(gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A=end, column_B=start, or_equal=False)),
    ]


def span_inside_article(end: str = "char_end") -> list[Expectation]:
    """Return error expectations that a span ends inside its article's cleaned body.

    Needs the derived column `_dq_body_length` (see `ARTICLE_LENGTH_JOIN`).
    """
    return [
        error(
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A=f"{DERIVED_PREFIX}body_length", column_B=end, or_equal=True
            )
        )
    ]


def found_in(flag_column: str) -> Expectation:
    """Return an error expectation that a derived lookup flag is true on every row (a relationship)."""
    return error(gxe.ExpectColumnValuesToBeInSet(column=flag_column, value_set=[True]))


def iso3_where(column: str, type_column: str, codes: frozenset[str]) -> list[Expectation]:
    """Return error expectations that `column` is an ISO 3166-1 alpha-3 code on rows whose type is country."""
    condition = Column(type_column) == "country"
    out = [
        error(gxe.ExpectColumnValuesToMatchRegex(column=column, regex=r"^[A-Z]{3}$", row_condition=condition))
    ]
    if codes:
        out.append(
            error(
                gxe.ExpectColumnValuesToBeInSet(
                    column=column, value_set=sorted(codes), row_condition=condition
                )
            )
        )
    return out


def currency_code(column: str, codes: frozenset[str]) -> list[Expectation]:
    """Return error expectations that `column` is an ISO 4217 code the seeds know (and can convert)."""
    out = [error(gxe.ExpectColumnValuesToMatchRegex(column=column, regex=r"^[A-Z]{3}$"))]
    if codes:
        out.append(error(gxe.ExpectColumnValuesToBeInSet(column=column, value_set=sorted(codes))))
    return out


def volume(table: str, low: int = 1, high: int | None = None, severity: str = ERROR) -> Expectation:
    """Return an expectation on the table's row count."""
    del table  # named for readability at the call site
    return with_severity(gxe.ExpectTableRowCountToBeBetween(min_value=low, max_value=high), severity)


def columns_of(expectation: Expectation) -> list[str]:
    """Return the columns an expectation reads (including its row condition's column)."""
    found: list[str] = []
    for attr in ("column", "column_A", "column_B"):
        value = getattr(expectation, attr, None)
        if isinstance(value, str):
            found.append(value)
    for attr in ("column_list",):
        value = getattr(expectation, attr, None)
        if isinstance(value, list):
            found.extend(str(v) for v in value)
    condition = getattr(expectation, "row_condition", None)
    condition_column = getattr(getattr(condition, "column", None), "name", None)
    if isinstance(condition_column, str):
        found.append(condition_column)
    return found


def read_seed_column(path: Path, column: str) -> frozenset[str]:
    """Return the distinct non-empty values of one column of a seed CSV (empty when the file is absent)."""
    import csv

    if not path.exists():
        return frozenset()
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or column not in reader.fieldnames:
            return frozenset()
        return frozenset(row[column].strip() for row in reader if (row.get(column) or "").strip())
