-- Question: which direct quotes are printed without quotation marks?
-- Statements in the speaker's own words ("We will …, Sprūds said at the briefing.") that the
-- article does not mark as a quote: easy to miss with a search for quotation marks.
with
quotes as (
    select * from marts.quotes
),

articles as (
    select * from marts.articles
),

final as (
    select
        quotes.speaker_name,
        quotes.cue,
        quotes.quote_text,
        quotes.confidence,
        articles.title,
        articles.published_on
    from quotes
    inner join articles using (article_id)
    where quotes.kind = 'direct'
        and not quotes.has_quote_marks
)

select * from final
order by published_on, speaker_name;
