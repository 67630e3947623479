with

clustered as (
    select * from {{ ref('int_meetings_clustered') }}
),

articles as (
    select * from {{ ref('stg_raw__articles') }}
),

entities as (
    select * from {{ ref('int_entity_keys_resolved') }}
),

entity_names as (
    select entity_id, min(canonical_name) as canonical_name
    from entities
    group by entity_id
),

basis_rank as (
    select
        clustered.*,
        case clustered.date_basis
            when 'explicit' then 1 when 'relative' then 2 when 'inferred' then 3 else 4
        end as basis_rank,
        coalesce(articles.published_at, cast(articles.published_on as timestamp)) as reported_at
    from clustered
    left join articles on clustered.article_id = articles.article_id
),

events as (
    select
        meeting_id,
        any_value(party_a_id) as party_a_id,
        any_value(party_b_id) as party_b_id,
        any_value(event_date) as meeting_date,
        any_value(event_precision) as date_precision,
        arg_min(date_basis, basis_rank) as date_basis,
        list_sort(list_distinct(flatten(list(participants)))) as participants,
        mode(location) as location,
        coalesce(mode(nullif(mode, 'unknown')), 'unknown') as mode,
        list_sort(list_distinct(flatten(list(topics)))) as topics,
        count(distinct article_id) as n_articles,
        count(*) as n_mentions,
        min(reported_at) as first_reported_at,
        arg_max(evidence, confidence) as evidence,
        max(confidence) as confidence
    from basis_rank
    group by meeting_id
),

final as (
    select
        events.meeting_id,
        events.meeting_date,
        events.date_precision,
        events.date_basis,
        events.party_a_id,
        name_a.canonical_name as party_a_name,
        events.party_b_id,
        name_b.canonical_name as party_b_name,
        events.participants,
        events.location,
        events.mode,
        events.topics,
        cast(events.n_articles as integer) as n_articles,
        cast(events.n_mentions as integer) as n_mentions,
        events.first_reported_at,
        events.evidence,
        cast(events.confidence as double) as confidence
    from events
    left join entity_names as name_a on events.party_a_id = name_a.entity_id
    left join entity_names as name_b on events.party_b_id = name_b.entity_id
)

select * from final
