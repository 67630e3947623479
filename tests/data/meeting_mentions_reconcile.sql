-- Row-count reconciliation for meetings: every unnested meeting mention either lands in exactly one
-- event (int_meetings_clustered, summed back from bilateral_meetings.n_mentions and the bridge) or
-- was dropped because both parties resolved to one entity. Returns a row when the counts disagree.
with

unnested as (
    select count(*) as n from {{ ref('int_meetings_unnested') }}
),

clustered as (
    select count(*) as n from {{ ref('int_meetings_clustered') }}
),

in_events as (
    select coalesce(sum(n_mentions), 0) as n from {{ ref('bilateral_meetings') }}
),

in_bridge as (
    select coalesce(sum(n_mentions), 0) as n from {{ ref('meeting_articles') }}
),

same_party as (
    select count(*) as n
    from {{ ref('int_meetings_unnested') }} as m
    left join {{ ref('int_entity_keys_resolved') }} as a on m.party_a_key = a.entity_key
    left join {{ ref('int_entity_keys_resolved') }} as b on m.party_b_key = b.entity_key
    where coalesce(a.entity_id, m.party_a_key) = coalesce(b.entity_id, m.party_b_key)
)

select unnested.n as unnested, clustered.n as clustered, in_events.n as in_events, in_bridge.n as in_bridge,
    same_party.n as same_party
from unnested, clustered, in_events, in_bridge, same_party
where clustered.n <> in_events.n
    or clustered.n <> in_bridge.n
    or unnested.n <> clustered.n + same_party.n
