-- Question: who met whom most often?
-- Pairs of parties (countries or organisations) by number of meetings, with the people who
-- took part and the first and last date.
with
meetings as (
    select * from marts.bilateral_meetings
),

per_pair as (
    select
        party_a_name,
        party_b_name,
        count(*) as meetings,
        sum(n_articles) as articles,
        min(meeting_date) as first_meeting,
        max(meeting_date) as last_meeting,
        list_sort(list_distinct(flatten(list(participants)))) as participants
    from meetings
    group by party_a_name, party_b_name
),

final as (
    select * from per_pair
)

select * from final
order by meetings desc, last_meeting desc nulls last, party_a_name;
