-- Question: which articles report the same story, and which facts does each copy yield?
-- Near-duplicates (reprints, lightly edited copies) share a duplicate_group_id. Comparing the
-- facts each copy yields shows where counting mentions would double count one event.
with
articles as (
    select * from marts.articles
),

meeting_articles as (
    select * from marts.meeting_articles
),

meetings as (
    select * from marts.bilateral_meetings
),

pledges as (
    select * from marts.pledges
),

reprinted as (
    select *
    from articles
    where duplicate_group_size > 1
),

meetings_per_article as (
    select
        meeting_articles.article_id,
        list(meetings.party_a_name || ' – ' || meetings.party_b_name || coalesce(' ' || meetings.meeting_date, '')
            order by meetings.meeting_date) as meetings
    from meeting_articles
    inner join meetings using (meeting_id)
    group by meeting_articles.article_id
),

pledges_per_article as (
    select
        article_id,
        list(donor_name || ' → ' || coalesce(recipient_name, '?')
            || coalesce(' ' || amount || ' ' || currency, '') order by sentence_index) as pledges
    from pledges
    group by article_id
),

final as (
    select
        reprinted.duplicate_group_id,
        reprinted.is_duplicate,
        reprinted.published_on,
        reprinted.outlet,
        reprinted.title,
        reprinted.n_meetings,
        reprinted.n_pledges,
        reprinted.n_quotes,
        meetings_per_article.meetings,
        pledges_per_article.pledges
    from reprinted
    left join meetings_per_article using (article_id)
    left join pledges_per_article using (article_id)
)

select * from final
order by duplicate_group_id, is_duplicate, published_on;
