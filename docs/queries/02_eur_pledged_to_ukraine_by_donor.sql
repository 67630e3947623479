-- Question: how many euros were pledged to Ukraine, by donor?
-- Amounts are converted to EUR at the ECB rate of the announcement date (pledges.amount_eur).
-- Pledges whose text gives no amount are counted but add nothing to the sum. Each row of
-- marts.pledges is one *mention*: two articles reporting one package count it twice.
with
pledges as (
    select * from marts.pledges
),

to_ukraine as (
    select * from pledges
    where recipient_id = 'UKR'
),

final as (
    select
        donor_id,
        donor_name,
        count(*) as pledges,
        count(amount_eur) as pledges_with_amount,
        round(sum(amount_eur) / 1e6, 1) as eur_millions,
        list(distinct category order by category) as categories,
        min(announced_on) as first_announced_on,
        max(announced_on) as last_announced_on
    from to_ukraine
    group by donor_id, donor_name
)

select * from final
order by eur_millions desc nulls last, pledges desc, donor_name;
