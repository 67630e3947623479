"""The raw layer's suite: what the loaders landed in `raw.*` (DDL in loaders/raw_schema.sql)."""

from __future__ import annotations

import great_expectations.expectations as gxe

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

LAYER = "raw"
SOURCE_KINDS = ("text", "jsonl", "json", "csv", "html", "feed", "warc")
BATCH_STATUSES = ("running", "succeeded", "nothing_read", "failed")


def articles(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for raw.articles: one row per distinct body, content-hash keyed."""
    return TableSuite(
        LAYER,
        "articles",
        [
            volume("articles", low=1),
            *schema(
                {
                    "article_id": "text",
                    "body": "text",
                    "source_kind": "text",
                    "source_path": "text",
                    "batch_id": "text",
                    "loaded_at": "timestamp",
                    "published_at": "timestamp",
                    "version_of": "text",
                    "published_at_raw": "text",
                }
            ),
            *key("article_id"),
            # article_id = first 32 hex chars of sha256(normalised body).
            error(gxe.ExpectColumnValuesToMatchRegex(column="article_id", regex=r"^[0-9a-f]{32}$")),
            *not_null(["body", "source_kind", "source_path", "batch_id", "loaded_at"]),
            error(gxe.ExpectColumnValueLengthsToBeBetween(column="body", min_value=1)),
            one_of("source_kind", SOURCE_KINDS),
            # Many sources give no date; a mostly undated load is worth a look, not a failed build.
            warning(gxe.ExpectColumnValuesToNotBeNull(column="published_at", mostly=0.5)),
        ],
    )


def load_batches(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for raw.load_batches: one row per load, with its counts."""
    return TableSuite(
        LAYER,
        "load_batches",
        [
            volume("load_batches", low=1),
            *schema({"batch_id": "text", "started_at": "timestamp", "status": "text", "n_read": "integer"}),
            *key("batch_id"),
            *not_null(["started_at", "status"]),
            one_of("status", BATCH_STATUSES),
            *(between(c, 0, None) for c in ("n_read", "n_new", "n_duplicate", "n_updated", "n_rejected")),
        ],
    )


def rejected_records(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for raw.rejected_records: what could not be read, with the reason."""
    return TableSuite(
        LAYER,
        "rejected_records",
        [
            # Zero rejections is the good case.
            volume("rejected_records", low=0),
            *schema(
                {"rejection_id": "text", "batch_id": "text", "reason": "text", "rejected_at": "timestamp"}
            ),
            *key("rejection_id"),
            *not_null(["batch_id", "source_path", "reason", "rejected_at"]),
        ],
    )


def suites(inputs: SuiteInputs) -> list[TableSuite]:
    """Return the raw layer's table suites."""
    return [articles(inputs), load_batches(inputs), rejected_records(inputs)]
