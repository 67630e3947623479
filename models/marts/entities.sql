-- Seeded entities (the catalogue, mentioned or not) plus every entity the corpus introduced
-- that the seeds do not know (unseeded people, places, unknown organisations).
with

seeded as (
    select * from {{ ref('int_entities_seeded') }}
),

entity_keys as (
    select * from {{ ref('int_entity_keys_resolved') }}
),

mentions as (
    select * from {{ ref('int_mentions_resolved') }}
),

mention_stats as (
    select
        entity_id,
        count(*) as n_mentions,
        count(distinct article_id) as n_articles,
        list_distinct(list(surface order by surface)) as surfaces
    from mentions
    where entity_id is not null
    group by entity_id
),

unseeded as (
    select
        entity_id,
        arg_max(entity_type, entity_key) as entity_type,
        arg_max(canonical_name, entity_key) as canonical_name
    from entity_keys
    where entity_id not in (select entity_id from seeded)
    group by entity_id
),

all_entities as (
    select
        entity_id,
        entity_type,
        canonical_name,
        iso3,
        wikidata_id,
        aliases,
        country_iso3,
        true as is_seeded
    from seeded
    union all
    select
        entity_id,
        entity_type,
        canonical_name,
        null,
        null,
        [canonical_name],
        null,
        false
    from unseeded
),

final as (
    select
        all_entities.entity_id,
        all_entities.entity_type,
        all_entities.canonical_name,
        all_entities.iso3,
        all_entities.wikidata_id,
        list_distinct(list_concat(
            all_entities.aliases, coalesce(mention_stats.surfaces, cast([] as varchar[]))
        )) as aliases,
        all_entities.country_iso3,
        all_entities.is_seeded,
        cast(coalesce(mention_stats.n_mentions, 0) as integer) as n_mentions,
        cast(coalesce(mention_stats.n_articles, 0) as integer) as n_articles
    from all_entities
    left join mention_stats on all_entities.entity_id = mention_stats.entity_id
)

select * from final
