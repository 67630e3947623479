"""The intermediate layer's suite: the extraction output, one row per extracted article."""

from __future__ import annotations

import great_expectations.expectations as gxe

from newsfacts.quality.spec import SuiteInputs, TableSuite, error, key, not_null, schema, volume

LAYER = "intermediate"


def int_article_facts_extracted(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for int_article_facts_extracted: every staged article extracted exactly once."""
    staged = inputs.count("staging.stg_raw__articles")
    return TableSuite(
        LAYER,
        "int_article_facts_extracted",
        [
            # Incremental extraction must neither skip nor duplicate a staged article.
            volume("int_article_facts_extracted", low=staged or 1, high=staged),
            *schema({"article_id": "text", "extractor_version": "text"}),
            *key("article_id"),
            *not_null(["extractor_version"]),
            error(gxe.ExpectColumnValuesToMatchRegex(column="article_id", regex=r"^[0-9a-f]{32}$")),
        ],
    )


def suites(inputs: SuiteInputs) -> list[TableSuite]:
    """Return the intermediate layer's table suites."""
    return [int_article_facts_extracted(inputs)]
