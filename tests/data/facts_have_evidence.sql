-- No fact without evidence: every quote, pledge and meeting report carries a non-empty evidence
-- string that occurs in its article's cleaned body.
with

articles as (
    select article_id, body_clean from {{ ref('articles') }}
),

evidence as (
    select 'quotes' as fact_table, quote_id as fact_id, article_id, evidence from {{ ref('quotes') }}
    union all
    select 'pledges', pledge_id, article_id, evidence from {{ ref('pledges') }}
    union all
    select 'meeting_articles', meeting_id, article_id, evidence from {{ ref('meeting_articles') }}
)

select evidence.*
from evidence
left join articles on evidence.article_id = articles.article_id
where
    evidence.evidence is null
    or trim(evidence.evidence) = ''
    or articles.article_id is null
    or not contains(articles.body_clean, evidence.evidence)
