-- Question: how many bilateral meetings happened each month, and between whom?
-- Only meetings with a date known to the month or day; the rest are counted in the last row
-- (month null) so nothing silently disappears.
with
meetings as (
    select * from marts.bilateral_meetings
),

dated as (
    select
        case when date_precision in ('day', 'month') then date_trunc('month', meeting_date)::date end as month,
        party_a_name || ' – ' || party_b_name as pair
    from meetings
),

final as (
    select
        month,
        count(*) as meetings,
        list(pair order by pair) as pairs
    from dated
    group by month
)

select * from final
order by month nulls last;
