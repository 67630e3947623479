with

staged as (
    select * from {{ ref('stg_raw__articles') }}
),

groups as (
    select * from {{ ref('int_articles_grouped') }}
),

extracted as (
    select * from {{ ref('int_article_facts_extracted') }}
),

final as (
    select
        staged.article_id,
        staged.external_id,
        staged.url,
        staged.outlet,
        staged.title,
        staged.author,
        staged.category,
        staged.published_on,
        staged.published_at,
        staged.language,
        staged.body_clean,
        cast(staged.body_chars as integer) as body_chars,
        groups.duplicate_group_id,
        cast(groups.duplicate_group_size as integer) as duplicate_group_size,
        groups.duplicate_group_id <> staged.article_id as is_duplicate,
        staged.source_kind,
        staged.source_path,
        staged.batch_id,
        staged.loaded_at,
        extracted.extractor_version,
        extracted.extracted_at,
        cast(coalesce(extracted.n_mentions, 0) as integer) as n_mentions,
        cast(coalesce(extracted.n_quotes, 0) as integer) as n_quotes,
        cast(coalesce(extracted.n_meetings, 0) as integer) as n_meetings,
        cast(coalesce(extracted.n_pledges, 0) as integer) as n_pledges
    from staged
    inner join groups on staged.article_id = groups.article_id
    left join extracted on staged.article_id = extracted.article_id
)

select * from final
