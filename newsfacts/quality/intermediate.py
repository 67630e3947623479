"""The intermediate layer's suite: extraction output, unnested facts, resolution and clustering.

Besides each table's own checks, row counts reconcile between steps: every staged article is
extracted once, unnesting and resolving neither drop nor duplicate a mention, converting a pledge
to EUR keeps every pledge.
"""

from __future__ import annotations

import great_expectations.expectations as gxe
from great_expectations.expectations import Expectation

from newsfacts.quality.marts import (
    DATE_BASES,
    DATE_PRECISIONS,
    ENTITY_TYPES,
    MEETING_MODES,
    MENTION_METHODS,
    PLEDGE_CATEGORIES,
    PLEDGE_STATUSES,
    QUOTE_KINDS,
)
from newsfacts.quality.spec import (
    WARNING,
    SuiteInputs,
    TableSuite,
    between,
    currency_code,
    error,
    found_in,
    key,
    not_null,
    one_of,
    schema,
    span,
    span_inside_article,
    volume,
)

LAYER = "intermediate"


def _with_article(table: str) -> str:
    """Return SQL reading an intermediate fact table with its staged article's presence and length."""
    return (
        "select f.*, _stg.article_id is not null as _dq_article_found, _stg.body_length as _dq_body_length"
        f" from {{intermediate.{table}}} as f"
        " left join (select article_id, length(body_clean) as body_length from {staging.stg_raw__articles})"
        " as _stg on _stg.article_id = f.article_id"
    )


def _same_count(table: str, other: str | None, inputs: SuiteInputs) -> Expectation:
    """Return a volume expectation that `table` has exactly as many rows as `other` (when known)."""
    count = inputs.count(other) if other else None
    return volume(table, low=count if count is not None else 0, high=count)


def _fact_checks() -> list[Expectation]:
    """Return the checks every extracted fact row shares: article found, span sane and inside it."""
    return [
        found_in("_dq_article_found"),
        *span(),
        *span_inside_article(),
        between("sentence_index", 0, None),
        between("confidence", 0, 1),
    ]


def int_article_facts_extracted(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for int_article_facts_extracted: every staged article extracted exactly once."""
    return TableSuite(
        LAYER,
        "int_article_facts_extracted",
        [
            # Incremental extraction must neither skip nor duplicate a staged article.
            _same_count("int_article_facts_extracted", "staging.stg_raw__articles", inputs),
            *schema(
                {
                    "article_id": "text",
                    "extractor_version": "text",
                    "extracted_at": "timestamp",
                    "mentions_json": "text",
                    "quotes_json": "text",
                    "meetings_json": "text",
                    "pledges_json": "text",
                }
            ),
            *key("article_id"),
            *not_null(["extractor_version", "extracted_at"]),
            error(gxe.ExpectColumnValuesToMatchRegex(column="article_id", regex=r"^[0-9a-f]{32}$")),
            *(
                error(gxe.ExpectColumnValuesToBeJsonParseable(column=c))
                for c in ("mentions_json", "quotes_json", "meetings_json", "pledges_json")
            ),
            *(between(c, 0, None) for c in ("n_mentions", "n_quotes", "n_meetings", "n_pledges")),
        ],
    )


def int_articles_grouped(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for int_articles_grouped: each article's near-duplicate group."""
    return TableSuite(
        LAYER,
        "int_articles_grouped",
        [
            _same_count("int_articles_grouped", "staging.stg_raw__articles", inputs),
            *schema({"article_id": "text", "duplicate_group_id": "text", "duplicate_group_size": "integer"}),
            *key("article_id"),
            *not_null(["duplicate_group_id"]),
            between("duplicate_group_size", 1, None),
        ],
    )


def int_mentions_unnested(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for int_mentions_unnested: one row per extracted entity mention."""
    return TableSuite(
        LAYER,
        "int_mentions_unnested",
        [
            volume("int_mentions_unnested", low=0),
            *schema(
                {"mention_id": "text", "article_id": "text", "entity_key": "text", "char_start": "integer"}
            ),
            *key("mention_id"),
            *not_null(["article_id", "entity_key", "entity_type", "surface"]),
            one_of("entity_type", ENTITY_TYPES),
            one_of("method", MENTION_METHODS, severity=WARNING),
            *_fact_checks(),
        ],
        frame_sql=_with_article("int_mentions_unnested"),
    )


def int_mentions_resolved(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for int_mentions_resolved: every unnested mention, now with its entity."""
    return TableSuite(
        LAYER,
        "int_mentions_resolved",
        [
            # Resolution attaches an entity; it must not drop or multiply mentions.
            _same_count("int_mentions_resolved", "intermediate.int_mentions_unnested", inputs),
            *schema({"mention_id": "text", "entity_id": "text", "resolution": "text"}),
            *key("mention_id"),
            *not_null(["entity_id", "entity_type", "resolution"]),
            one_of("entity_type", ENTITY_TYPES),
            *_fact_checks(),
        ],
        frame_sql=_with_article("int_mentions_resolved"),
    )


def int_entity_keys_resolved(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for int_entity_keys_resolved: each extracted entity key mapped to one entity."""
    return TableSuite(
        LAYER,
        "int_entity_keys_resolved",
        [
            volume("int_entity_keys_resolved", low=0),
            *schema({"entity_key": "text", "entity_id": "text", "resolution": "text", "entity_type": "text"}),
            *key("entity_key"),
            *not_null(["entity_id", "resolution", "entity_type"]),
            one_of("entity_type", ENTITY_TYPES),
        ],
    )


def int_quotes_unnested(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for int_quotes_unnested: one row per extracted quote."""
    return TableSuite(
        LAYER,
        "int_quotes_unnested",
        [
            volume("int_quotes_unnested", low=0),
            *schema(
                {"quote_id": "text", "article_id": "text", "quote_text": "text", "has_quote_marks": "boolean"}
            ),
            *key("quote_id"),
            *not_null(["article_id", "quote_text", "kind", "evidence"]),
            one_of("kind", QUOTE_KINDS),
            *_fact_checks(),
        ],
        frame_sql=_with_article("int_quotes_unnested"),
    )


def int_meetings_unnested(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for int_meetings_unnested: one row per extracted meeting mention."""
    return TableSuite(
        LAYER,
        "int_meetings_unnested",
        [
            volume("int_meetings_unnested", low=0),
            *schema({"meeting_mention_id": "text", "party_a_key": "text", "party_b_key": "text"}),
            *key("meeting_mention_id"),
            *not_null(["article_id", "party_a_key", "party_b_key", "evidence"]),
            one_of("date_precision", DATE_PRECISIONS),
            one_of("date_basis", DATE_BASES),
            one_of("mode", MEETING_MODES),
            *_fact_checks(),
        ],
        frame_sql=_with_article("int_meetings_unnested"),
    )


def int_meetings_clustered(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for int_meetings_clustered: each meeting mention assigned to a meeting event."""
    unnested = inputs.count("intermediate.int_meetings_unnested")
    return TableSuite(
        LAYER,
        "int_meetings_clustered",
        [
            # Clustering may drop a mention whose two parties resolved to one entity, never add one.
            volume("int_meetings_clustered", low=0, high=unnested),
            *schema({"meeting_id": "text", "meeting_mention_id": "text", "party_a_id": "text"}),
            *key("meeting_mention_id"),
            *not_null(["meeting_id", "party_a_id", "party_b_id"]),
            error(
                gxe.ExpectSelectColumnValuesToBeUniqueWithinRecord(column_list=["party_a_id", "party_b_id"])
            ),
            *_fact_checks(),
        ],
        frame_sql=_with_article("int_meetings_clustered"),
    )


def int_pledges_converted(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for int_pledges_converted: every unnested pledge, with its EUR amount."""
    return TableSuite(
        LAYER,
        "int_pledges_converted",
        [
            _same_count("int_pledges_converted", "intermediate.int_pledges_unnested", inputs),
            *schema({"pledge_id": "text", "amount": "number", "currency": "text", "amount_eur": "number"}),
            *key("pledge_id"),
            *not_null(["article_id", "donor_key", "recipient_key", "category", "status", "evidence"]),
            one_of("category", PLEDGE_CATEGORIES),
            one_of("status", PLEDGE_STATUSES),
            between("amount", 0, None),
            between("amount_eur", 0, None),
            *currency_code("currency", inputs.currencies),
            *_fact_checks(),
        ],
        frame_sql=_with_article("int_pledges_converted"),
    )


def suites(inputs: SuiteInputs) -> list[TableSuite]:
    """Return the intermediate layer's table suites."""
    return [
        int_article_facts_extracted(inputs),
        int_articles_grouped(inputs),
        int_mentions_unnested(inputs),
        int_mentions_resolved(inputs),
        int_entity_keys_resolved(inputs),
        int_quotes_unnested(inputs),
        int_meetings_unnested(inputs),
        int_meetings_clustered(inputs),
        int_pledges_converted(inputs),
    ]
