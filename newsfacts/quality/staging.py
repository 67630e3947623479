"""The staging layer's suite: cleaned, typed rows (`stg_raw__*`), one per current source record."""

from __future__ import annotations

import great_expectations.expectations as gxe

from newsfacts.quality.raw import BATCH_STATUSES
from newsfacts.quality.spec import (
    SuiteInputs,
    TableSuite,
    between,
    error,
    key,
    not_null,
    one_of,
    schema,
    volume,
    warning,
)

LAYER = "staging"


def stg_raw__articles(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for stg_raw__articles: one row per latest article version, body cleaned."""
    # Staging keeps the latest version of each article, so it never has more rows than raw.
    raw_count = inputs.count("raw.articles")
    return TableSuite(
        LAYER,
        "stg_raw__articles",
        [
            volume("stg_raw__articles", low=1, high=raw_count),
            *schema(
                {
                    "article_id": "text",
                    "title": "text",
                    "body_clean": "text",
                    "published_at": "timestamp",
                    "published_on": "date",
                    "language": "text",
                    "body_chars": "integer",
                    "minhash_bands": "list",
                    "loaded_at": "timestamp",
                }
            ),
            *key("article_id"),
            *not_null(["body_clean", "loaded_at"]),
            # Cleaning must never eat a whole story.
            error(gxe.ExpectColumnValueLengthsToBeBetween(column="body_clean", min_value=1)),
            between("body_chars", 1, None),
            warning(gxe.ExpectColumnValuesToMatchRegex(column="language", regex=r"^[a-z]{2,3}$")),
            # Most articles state a date somewhere; a mostly undated corpus hints at a parsing regression.
            warning(gxe.ExpectColumnValuesToNotBeNull(column="published_on", mostly=0.5)),
        ],
    )


def stg_raw__load_batches(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for stg_raw__load_batches: one row per load batch."""
    return TableSuite(
        LAYER,
        "stg_raw__load_batches",
        [
            volume("stg_raw__load_batches", low=1, high=inputs.count("raw.load_batches")),
            *schema({"batch_id": "text", "status": "text", "n_read": "integer", "duration_s": "number"}),
            *key("batch_id"),
            one_of("status", BATCH_STATUSES),
            between("duration_s", 0, None),
        ],
    )


def stg_raw__rejected_records(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for stg_raw__rejected_records: one row per rejected input record."""
    return TableSuite(
        LAYER,
        "stg_raw__rejected_records",
        [
            volume("stg_raw__rejected_records", low=0, high=inputs.count("raw.rejected_records")),
            *schema({"rejection_id": "text", "reason": "text"}),
            *key("rejection_id"),
            *not_null(["reason"]),
        ],
    )


def suites(inputs: SuiteInputs) -> list[TableSuite]:
    """Return the staging layer's table suites."""
    return [stg_raw__articles(inputs), stg_raw__load_batches(inputs), stg_raw__rejected_records(inputs)]
