-- Every entity key the extraction library emitted, anywhere, resolved to one entity:
--   1. the key is a seeded id (ISO3, org_id, person_id)            -> that entity ('seed')
--   2. "person:<folded name>" equals a seeded person's folded alias -> that person ('alias')
--   3. otherwise the key is its own entity ('folded_name', 'place' or 'unseeded').
-- An alias shared by two seeded people resolves to neither (ambiguous names stay unresolved).
with

mentions as (
    select * from {{ ref('int_mentions_unnested') }}
),

quotes as (
    select * from {{ ref('int_quotes_unnested') }}
),

meetings as (
    select * from {{ ref('int_meetings_unnested') }}
),

pledges as (
    select * from {{ ref('int_pledges_unnested') }}
),

seeded as (
    select * from {{ ref('int_entities_seeded') }}
),

keys_seen as (
    select entity_key, entity_type, canonical_name from mentions
    union all
    select speaker_key, 'person', speaker_name from quotes where speaker_key is not null
    union all
    select party_a_key, null, party_a_name from meetings
    union all
    select party_b_key, null, party_b_name from meetings
    union all
    select unnest(participant_keys), 'person', unnest(participants) from meetings
    union all
    select donor_key, null, donor_name from pledges
    union all
    select recipient_key, null, recipient_name from pledges
),

distinct_keys as (
    select
        entity_key,
        mode(entity_type) as seen_type,
        mode(canonical_name) as seen_name
    from keys_seen
    where entity_key is not null and entity_key <> ''
    group by entity_key
),

person_aliases as (
    select
        -- nf_person_key: the library's person_key (dbt_udfs plugin), one folding rule for both sides
        nf_person_key(alias) as entity_key,
        entity_id
    from (select entity_id, unnest(aliases) as alias from seeded where entity_type = 'person')
),

unambiguous_aliases as (
    select entity_key, min(entity_id) as entity_id
    from person_aliases
    group by entity_key
    having count(distinct entity_id) = 1
),

resolved as (
    select
        distinct_keys.entity_key,
        coalesce(seeded.entity_id, unambiguous_aliases.entity_id, distinct_keys.entity_key) as entity_id,
        case
            when seeded.entity_id is not null then 'seed'
            when unambiguous_aliases.entity_id is not null then 'alias'
            when distinct_keys.entity_key like 'person:%' then 'folded_name'
            when distinct_keys.entity_key like 'place:%' then 'place'
            else 'unseeded'
        end as resolution,
        distinct_keys.seen_type,
        distinct_keys.seen_name
    from distinct_keys
    left join seeded on distinct_keys.entity_key = seeded.entity_id
    left join unambiguous_aliases on distinct_keys.entity_key = unambiguous_aliases.entity_key
),

final as (
    select
        resolved.entity_key,
        resolved.entity_id,
        resolved.resolution,
        coalesce(
            seeded.entity_type,
            case
                when resolved.entity_id like 'person:%' then 'person'
                when resolved.entity_id like 'place:%' then 'location'
            end,
            resolved.seen_type,
            'organization'
        ) as entity_type,
        coalesce(seeded.canonical_name, resolved.seen_name, resolved.entity_id) as canonical_name
    from resolved
    left join seeded on resolved.entity_id = seeded.entity_id
)

select * from final
