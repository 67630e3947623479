with

clustered as (
    select * from {{ ref('int_meetings_clustered') }}
),

final as (
    select
        meeting_id,
        article_id,
        cast(count(*) as integer) as n_mentions,
        cast(min(sentence_index) as integer) as first_sentence_index,
        arg_min(evidence, char_start) as evidence,
        cast(min(char_start) as integer) as char_start,
        cast(arg_min(char_end, char_start) as integer) as char_end,
        cast(max(confidence) as double) as confidence
    from clustered
    group by meeting_id, article_id
)

select * from final
