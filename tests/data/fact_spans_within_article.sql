-- Every fact's span [char_start, char_end) lies inside its article's body_clean, and every fact
-- points at an article that exists. Returns the offending facts.
with

articles as (
    select article_id, length(body_clean) as body_chars from {{ ref('articles') }}
),

spans as (
    select 'quotes' as fact_table, quote_id as fact_id, article_id, char_start, char_end
    from {{ ref('quotes') }}
    union all
    select 'pledges', pledge_id, article_id, char_start, char_end
    from {{ ref('pledges') }}
    union all
    select 'entity_mentions', mention_id, article_id, char_start, char_end
    from {{ ref('entity_mentions') }}
    union all
    select 'meeting_articles', meeting_id, article_id, char_start, char_end
    from {{ ref('meeting_articles') }}
)

select spans.*, articles.body_chars
from spans
left join articles on spans.article_id = articles.article_id
where
    articles.article_id is null
    or spans.char_start is null
    or spans.char_end is null
    or spans.char_start < 0
    or spans.char_end <= spans.char_start
    or spans.char_end > articles.body_chars
