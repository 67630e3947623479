-- Question: every meeting between Ukraine and Poland in 2024, with the articles that report it.
-- One row per meeting and reporting article: when, who, where, and the sentence each source gives.
-- Change the two ISO3 codes or the year to ask about another pair or period.
with
params as (
    select 'POL' as party_1, 'UKR' as party_2, 2024 as year
),

meetings as (
    select * from marts.bilateral_meetings
),

meeting_articles as (
    select * from marts.meeting_articles
),

articles as (
    select * from marts.articles
),

pair_meetings as (
    select meetings.*
    from meetings
    cross join params
    -- party ids are stored ordered (party_a_id < party_b_id), so test both orders
    where least(params.party_1, params.party_2) = meetings.party_a_id
        and greatest(params.party_1, params.party_2) = meetings.party_b_id
        and year(meetings.meeting_date) = params.year
),

final as (
    select
        pair_meetings.meeting_date,
        pair_meetings.party_a_name,
        pair_meetings.party_b_name,
        pair_meetings.participants,
        pair_meetings.location,
        pair_meetings.mode,
        articles.published_on,
        articles.outlet,
        articles.title,
        articles.url,
        meeting_articles.evidence
    from pair_meetings
    inner join meeting_articles using (meeting_id)
    inner join articles using (article_id)
)

select * from final
order by meeting_date, published_on;
