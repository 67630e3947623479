with

mentions as (
    select * from {{ ref('int_mentions_unnested') }}
),

entity_keys as (
    select * from {{ ref('int_entity_keys_resolved') }}
),

final as (
    select
        mentions.mention_id,
        mentions.article_id,
        entity_keys.entity_id,
        entity_keys.entity_type,
        entity_keys.canonical_name,
        mentions.entity_key,
        entity_keys.resolution,
        mentions.surface,
        mentions.method,
        mentions.sentence_index,
        mentions.char_start,
        mentions.char_end,
        mentions.confidence
    from mentions
    left join entity_keys on mentions.entity_key = entity_keys.entity_key
)

select * from final
