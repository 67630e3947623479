-- Question: which pledges are still conditional or only proposed?
-- Promises that depend on something ("if parliament approves …") or were floated, not made;
-- with the sentence that says so.
with
pledges as (
    select * from marts.pledges
),

articles as (
    select * from marts.articles
),

final as (
    select
        pledges.status,
        pledges.donor_name,
        pledges.recipient_name,
        pledges.category,
        pledges.amount_eur,
        pledges.announced_on,
        pledges.evidence,
        articles.title
    from pledges
    inner join articles using (article_id)
    where pledges.status in ('conditional', 'proposal')
)

select * from final
order by status, announced_on nulls last, donor_name;
