with

mentions as (
    select * from {{ ref('int_mentions_resolved') }}
),

final as (
    select
        mention_id,
        article_id,
        entity_id,
        entity_type,
        canonical_name,
        surface,
        method,
        resolution,
        cast(sentence_index as integer) as sentence_index,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(confidence as double) as confidence
    from mentions
)

select * from final
