with

quotes as (
    select * from {{ ref('int_quotes_unnested') }}
),

entity_keys as (
    select * from {{ ref('int_entity_keys_resolved') }}
),

final as (
    select
        quotes.quote_id,
        quotes.article_id,
        speaker.entity_id as speaker_id,
        coalesce(speaker.canonical_name, quotes.speaker_name) as speaker_name,
        quotes.speaker_surface,
        quotes.quote_text,
        quotes.kind,
        quotes.cue,
        quotes.has_quote_marks,
        cast(quotes.sentence_index as integer) as sentence_index,
        cast(quotes.char_start as integer) as char_start,
        cast(quotes.char_end as integer) as char_end,
        quotes.evidence,
        cast(quotes.confidence as double) as confidence
    from quotes
    left join entity_keys as speaker on quotes.speaker_key = speaker.entity_key
)

select * from final
