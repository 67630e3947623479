-- The loaders link a new body of a known article (same source, folder and external id, or same
-- url) to the earlier one through version_of (docs/contracts.md); an article some row points at
-- is superseded. External ids alone are not unique across sources, so they are not a key here.
-- An incremental table, not a view: the cleaning runs in Python UDFs that exist only on
-- connections opened through the dbt-duckdb plugin newsfacts.dbt_udfs, and cleaning an article
-- once is enough (a scheduled build cleans only what is new, or what an older cleaner cleaned:
-- cleaner_version fingerprints newsfacts/clean.py and seeds/boilerplate_patterns.csv).
-- depends_on: {{ ref('boilerplate_patterns') }}
{{
    config(
        materialized='incremental',
        unique_key='article_id',
        incremental_strategy='delete+insert',
        on_schema_change='append_new_columns',
        post_hook=[
            "delete from {{ this }} where article_id in
                (select version_of from {{ source('raw', 'articles') }} where version_of is not null)",
        ],
    )
}}

with

articles as (
    select * from {{ source('raw', 'articles') }}
),

superseded as (
    select distinct version_of as article_id
    from articles
    where version_of is not null
),

latest_versions as (
    select articles.*
    from articles
    anti join superseded on articles.article_id = superseded.article_id
),

to_clean as (
    select * from latest_versions
    {% if is_incremental() %}
        {%- set existing = adapter.get_columns_in_relation(this) | map(attribute='name') | list %}
        where article_id not in (
            select article_id from {{ this }}
            {% if 'cleaner_version' in existing %} where cleaner_version = nf_cleaner_version() {% endif %}
        )
    {% endif %}
),

-- materialized: each UDF runs once per row, not once per reference to the cleaned body.
cleaned as materialized (
    select
        article_id,
        external_id,
        url,
        nullif(trim(outlet), '') as outlet,
        nf_clean_title(title) as title,
        nullif(trim(author), '') as author,
        nullif(trim(category), '') as category,
        published_at_raw,
        published_at,
        nf_header_date(body) as header_date_raw,
        nf_clean_body(body, title) as body_clean,
        nf_cleaner_version() as cleaner_version,
        length(body) as body_raw_chars,
        source_kind,
        source_path,
        record_locator,
        version_of,
        batch_id,
        loaded_at
    from to_clean
),

final as (
    select
        article_id,
        external_id,
        url,
        outlet,
        title,
        author,
        category,
        published_at_raw,
        published_at,
        coalesce(
            cast(published_at as date),
            nf_parse_date(published_at_raw),
            nf_parse_date(header_date_raw)
        ) as published_on,
        body_clean,
        md5(body_clean) as body_clean_md5,
        length(body_clean) as body_chars,
        body_raw_chars,
        nf_language(body_clean) as language,
        nf_minhash_bands(body_clean) as minhash_bands,
        source_kind,
        source_path,
        record_locator,
        version_of,
        batch_id,
        loaded_at,
        cleaner_version
    from cleaned
)

select * from final
