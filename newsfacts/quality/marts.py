"""The marts' suite: the tables analysts query (columns as listed in issue 3, grain in the dbt YAML).

Frames for fact tables carry derived `_dq_*` columns computed in DuckDB before validation: whether
the row's article and entities exist, the cleaned body's length (spans must end inside it) and the
entity type of meeting parties (ISO 3166-1 alpha-3 applies to country parties only).
"""

from __future__ import annotations

import great_expectations.expectations as gxe

from newsfacts.quality.spec import (
    WARNING,
    SuiteInputs,
    TableSuite,
    between,
    currency_code,
    error,
    found_in,
    iso3_where,
    key,
    not_null,
    one_of,
    schema,
    span,
    span_inside_article,
    volume,
    warning,
)

LAYER = "marts"

ENTITY_TYPES = ("person", "country", "organization", "location")
DATE_PRECISIONS = ("day", "month", "year", "unknown")
DATE_BASES = ("explicit", "relative", "inferred", "unknown")
MEETING_MODES = ("in_person", "call", "video", "unknown")
PLEDGE_CATEGORIES = ("military", "financial", "humanitarian", "training", "other")
PLEDGE_STATUSES = ("firm", "conditional", "proposal", "delivered")
QUOTE_KINDS = ("direct", "indirect")
MENTION_METHODS = ("gazetteer", "alias", "demonym", "metonym", "role", "surname", "pronoun", "pattern")

# Distribution thresholds: above these shares the extraction has regressed, not just met a hard text.
MAX_SPEAKERLESS_QUOTE_SHARE = 0.25
MAX_UNDATED_MEETING_SHARE = 0.6

# Joins every fact frame makes: does its article exist, and how long is the body its spans point into?
_ARTICLE_CONTEXT = """
    left join (select article_id, true as found from {marts.articles}) as _art
        on _art.article_id = f.article_id
    left join (select article_id, length(body_clean) as body_length from {staging.stg_raw__articles}) as _stg
        on _stg.article_id = f.article_id
"""
_ARTICLE_COLUMNS = "coalesce(_art.found, false) as _dq_article_found, _stg.body_length as _dq_body_length"


def _fact_frame(table: str, entity_columns: tuple[str, ...] = ()) -> str:
    """Return SQL reading a fact table with its article context and, per entity column, a found flag."""
    entity_select = "".join(
        f", (f.{c} is null or _e{i}.entity_id is not null) as _dq_{c}_found"
        f", _e{i}.entity_type as _dq_{c}_type"
        for i, c in enumerate(entity_columns)
    )
    entity_joins = "".join(
        f" left join {{marts.entities}} as _e{i} on _e{i}.entity_id = f.{c}"
        for i, c in enumerate(entity_columns)
    )
    source = f"from {{marts.{table}}} as f {_ARTICLE_CONTEXT}{entity_joins}"
    return f"select f.*, {_ARTICLE_COLUMNS}{entity_select} {source}"


def articles(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for the articles mart: one row per distinct article."""
    return TableSuite(
        LAYER,
        "articles",
        [
            # One row per current article: exactly what staging kept.
            volume(
                "articles",
                low=inputs.count("staging.stg_raw__articles") or 1,
                high=inputs.count("staging.stg_raw__articles"),
            ),
            *schema(
                {
                    "article_id": "text",
                    "title": "text",
                    "published_on": "date",
                    "language": "text",
                    "body_clean": "text",
                    "body_chars": "integer",
                    "duplicate_group_id": "text",
                    "duplicate_group_size": "integer",
                    "is_duplicate": "boolean",
                    "extractor_version": "text",
                    "n_quotes": "integer",
                    "n_meetings": "integer",
                    "n_pledges": "integer",
                }
            ),
            *key("article_id"),
            *not_null(["body_clean", "duplicate_group_id", "duplicate_group_size", "is_duplicate"]),
            # Incremental extraction must not leave an article behind.
            *not_null(["extractor_version"]),
            between("duplicate_group_size", 1, None),
            between("body_chars", 1, None),
            *(between(c, 0, None) for c in ("n_mentions", "n_quotes", "n_meetings", "n_pledges")),
            warning(gxe.ExpectColumnValuesToMatchRegex(column="language", regex=r"^[a-z]{2,3}$")),
        ],
    )


def entities(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for the entities mart: persons, countries, organisations, places."""
    return TableSuite(
        LAYER,
        "entities",
        [
            volume("entities", low=1),
            *schema(
                {
                    "entity_id": "text",
                    "entity_type": "text",
                    "canonical_name": "text",
                    "iso3": "text",
                    "wikidata_id": "text",
                    "aliases": "list",
                    "is_seeded": "boolean",
                }
            ),
            *key("entity_id"),
            *not_null(["entity_type", "canonical_name"]),
            one_of("entity_type", ENTITY_TYPES),
            *iso3_where("iso3", "entity_type", inputs.iso3_codes),
            # Country keys are their ISO code (records.py), so the two columns agree.
            *iso3_where("entity_id", "entity_type", inputs.iso3_codes),
            warning(gxe.ExpectColumnValuesToMatchRegex(column="wikidata_id", regex=r"^Q[1-9][0-9]*$")),
        ],
    )


def person_roles(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for person_roles: who held which office, from when to when."""
    return TableSuite(
        LAYER,
        "person_roles",
        [
            volume("person_roles", low=0),
            *schema(
                {
                    "person_role_id": "text",
                    "person_id": "text",
                    "person_name": "text",
                    "role": "text",
                    "office_of_id": "text",
                    "valid_from": "date",
                    "valid_to": "date",
                }
            ),
            *key("person_role_id"),
            *not_null(["person_id", "person_name", "role"]),
            found_in("_dq_person_id_found"),
            # Offices of places (a mayor of place:kyiv) point at places the entities mart only holds
            # when the corpus mentions them: a dangling office is reported, not fatal.
            warning(gxe.ExpectColumnValuesToBeInSet(column="_dq_office_of_id_found", value_set=[True])),
            error(
                gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                    column_A="valid_to",
                    column_B="valid_from",
                    or_equal=True,
                    ignore_row_if="either_value_is_missing",
                )
            ),
        ],
        frame_sql=(
            "select r.*,"
            " (r.person_id is null or p.entity_id is not null) as _dq_person_id_found,"
            " (r.office_of_id is null or o.entity_id is not null) as _dq_office_of_id_found"
            " from {marts.person_roles} as r"
            " left join {marts.entities} as p on p.entity_id = r.person_id"
            " left join {marts.entities} as o on o.entity_id = r.office_of_id"
        ),
    )


def entity_mentions(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for entity_mentions: every resolved mention with its span."""
    return TableSuite(
        LAYER,
        "entity_mentions",
        [
            volume("entity_mentions", low=1),
            *schema(
                {
                    "mention_id": "text",
                    "article_id": "text",
                    "entity_id": "text",
                    "entity_type": "text",
                    "surface": "text",
                    "method": "text",
                    "sentence_index": "integer",
                    "char_start": "integer",
                    "char_end": "integer",
                    "confidence": "number",
                }
            ),
            *key("mention_id"),
            *not_null(["article_id", "entity_id", "entity_type", "surface"]),
            one_of("entity_type", ENTITY_TYPES),
            # New resolution methods may appear as extraction grows: report, do not fail.
            one_of("method", MENTION_METHODS, severity=WARNING),
            found_in("_dq_article_found"),
            found_in("_dq_entity_id_found"),
            *span(),
            *span_inside_article(),
            between("sentence_index", 0, None),
            between("confidence", 0, 1),
        ],
        frame_sql=_fact_frame("entity_mentions", ("entity_id",)),
    )


def bilateral_meetings(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for bilateral_meetings: one row per meeting event, merged across articles."""
    return TableSuite(
        LAYER,
        "bilateral_meetings",
        [
            volume("bilateral_meetings", low=0),
            *schema(
                {
                    "meeting_id": "text",
                    "meeting_date": "date",
                    "date_precision": "text",
                    "date_basis": "text",
                    "party_a_id": "text",
                    "party_a_name": "text",
                    "party_b_id": "text",
                    "party_b_name": "text",
                    "participants": "list",
                    "location": "text",
                    "mode": "text",
                    "topics": "list",
                    "n_articles": "integer",
                    "first_reported_at": "timestamp",
                    "evidence": "text",
                    "confidence": "number",
                }
            ),
            *key("meeting_id"),
            *not_null(["party_a_id", "party_a_name", "party_b_id", "party_b_name", "evidence"]),
            # A bilateral meeting needs two different parties.
            error(
                gxe.ExpectSelectColumnValuesToBeUniqueWithinRecord(column_list=["party_a_id", "party_b_id"])
            ),
            found_in("_dq_party_a_id_found"),
            found_in("_dq_party_b_id_found"),
            *iso3_where("party_a_id", "_dq_party_a_id_type", inputs.iso3_codes),
            *iso3_where("party_b_id", "_dq_party_b_id_type", inputs.iso3_codes),
            one_of("date_precision", DATE_PRECISIONS),
            one_of("date_basis", DATE_BASES),
            one_of("mode", MEETING_MODES),
            between("n_articles", 1, None),
            between("confidence", 0, 1),
            error(gxe.ExpectColumnValueLengthsToBeBetween(column="evidence", min_value=1)),
            # Distribution: most meetings should carry a date.
            error(
                gxe.ExpectColumnValuesToNotBeNull(column="meeting_date", mostly=1 - MAX_UNDATED_MEETING_SHARE)
            ),
        ],
        frame_sql=(
            "select m.*,"
            " (m.party_a_id is null or a.entity_id is not null) as _dq_party_a_id_found,"
            " a.entity_type as _dq_party_a_id_type,"
            " (m.party_b_id is null or b.entity_id is not null) as _dq_party_b_id_found,"
            " b.entity_type as _dq_party_b_id_type"
            " from {marts.bilateral_meetings} as m"
            " left join {marts.entities} as a on a.entity_id = m.party_a_id"
            " left join {marts.entities} as b on b.entity_id = m.party_b_id"
        ),
    )


def meeting_articles(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for meeting_articles: the bridge from each meeting to the articles reporting it."""
    return TableSuite(
        LAYER,
        "meeting_articles",
        [
            volume("meeting_articles", low=inputs.count("marts.bilateral_meetings") or 0),
            *schema(
                {
                    "meeting_id": "text",
                    "article_id": "text",
                    "evidence": "text",
                    "char_start": "integer",
                    "char_end": "integer",
                    "confidence": "number",
                }
            ),
            *not_null(["meeting_id", "article_id", "evidence"]),
            error(gxe.ExpectCompoundColumnsToBeUnique(column_list=["meeting_id", "article_id"])),
            found_in("_dq_meeting_found"),
            found_in("_dq_article_found"),
            *span(),
            *span_inside_article(),
            between("confidence", 0, 1),
        ],
        frame_sql=(
            "select f.*, coalesce(_m.found, false) as _dq_meeting_found, "
            + _ARTICLE_COLUMNS
            + " from {marts.meeting_articles} as f"
            " left join (select meeting_id, true as found from {marts.bilateral_meetings}) as _m"
            " on _m.meeting_id = f.meeting_id" + _ARTICLE_CONTEXT
        ),
    )


def pledges(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for pledges: one row per pledge mention, amounts in EUR where convertible."""
    return TableSuite(
        LAYER,
        "pledges",
        [
            volume("pledges", low=0),
            *schema(
                {
                    "pledge_id": "text",
                    "article_id": "text",
                    "donor_id": "text",
                    "donor_name": "text",
                    "recipient_id": "text",
                    "recipient_name": "text",
                    "category": "text",
                    "description": "text",
                    "quantity": "number",
                    "item": "text",
                    "amount": "number",
                    "currency": "text",
                    "amount_eur": "number",
                    "fx_units_per_eur": "number",
                    "period": "text",
                    "status": "text",
                    "announced_on": "date",
                    "evidence": "text",
                    "sentence_index": "integer",
                    "char_start": "integer",
                    "char_end": "integer",
                    "confidence": "number",
                }
            ),
            *key("pledge_id"),
            *not_null(["article_id", "donor_id", "recipient_id", "category", "status", "evidence"]),
            found_in("_dq_article_found"),
            found_in("_dq_donor_id_found"),
            found_in("_dq_recipient_id_found"),
            one_of("category", PLEDGE_CATEGORIES),
            one_of("status", PLEDGE_STATUSES),
            between("amount", 0, None),
            between("amount_eur", 0, None),
            error(gxe.ExpectColumnValuesToBeBetween(column="fx_units_per_eur", min_value=0, strict_min=True)),
            between("quantity", 0, None),
            *currency_code("currency", inputs.currencies),
            *span(),
            *span_inside_article(),
            between("sentence_index", 0, None),
            between("confidence", 0, 1),
            error(gxe.ExpectColumnValueLengthsToBeBetween(column="evidence", min_value=1)),
            # A donor pledging to itself is almost always a resolution error.
            warning(
                gxe.ExpectSelectColumnValuesToBeUniqueWithinRecord(column_list=["donor_id", "recipient_id"])
            ),
        ],
        frame_sql=_fact_frame("pledges", ("donor_id", "recipient_id")),
    )


def quotes(inputs: SuiteInputs) -> TableSuite:
    """Return the suite for quotes: one row per quote, with its speaker where resolved."""
    return TableSuite(
        LAYER,
        "quotes",
        [
            volume("quotes", low=0),
            *schema(
                {
                    "quote_id": "text",
                    "article_id": "text",
                    "speaker_id": "text",
                    "speaker_name": "text",
                    "quote_text": "text",
                    "evidence": "text",
                    "kind": "text",
                    "cue": "text",
                    "has_quote_marks": "boolean",
                    "sentence_index": "integer",
                    "char_start": "integer",
                    "char_end": "integer",
                    "confidence": "number",
                }
            ),
            *key("quote_id"),
            *not_null(["article_id", "quote_text", "kind", "has_quote_marks", "evidence"]),
            found_in("_dq_article_found"),
            one_of("kind", QUOTE_KINDS),
            *span(),
            *span_inside_article(),
            between("sentence_index", 0, None),
            between("confidence", 0, 1),
            error(gxe.ExpectColumnValueLengthsToBeBetween(column="quote_text", min_value=1)),
            # Distribution: a quote without a resolved speaker is of little use to an analyst.
            error(
                gxe.ExpectColumnValuesToNotBeNull(column="speaker_id", mostly=1 - MAX_SPEAKERLESS_QUOTE_SHARE)
            ),
        ],
        frame_sql=_fact_frame("quotes"),
    )


def suites(inputs: SuiteInputs) -> list[TableSuite]:
    """Return the marts' table suites."""
    return [
        articles(inputs),
        entities(inputs),
        person_roles(inputs),
        entity_mentions(inputs),
        bilateral_meetings(inputs),
        meeting_articles(inputs),
        pledges(inputs),
        quotes(inputs),
    ]
