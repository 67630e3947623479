-- Question: what is the sentence behind each pledge with an amount?
-- Every fact keeps its article, sentence index and character span into articles.body_clean, so
-- the evidence can always be re-read in context (substring(body_clean, char_start + 1, ...)).
with
pledges as (
    select * from marts.pledges
),

articles as (
    select * from marts.articles
),

final as (
    select
        pledges.donor_name,
        pledges.recipient_name,
        pledges.amount,
        pledges.currency,
        round(pledges.amount_eur) as amount_eur,
        pledges.status,
        pledges.evidence,
        -- the words the amount was read from, straight out of the article body
        substring(articles.body_clean, pledges.char_start + 1, pledges.char_end - pledges.char_start) as span_text,
        articles.title,
        articles.published_on,
        pledges.sentence_index
    from pledges
    inner join articles using (article_id)
    where pledges.amount is not null
)

select * from final
order by amount_eur desc nulls last;
