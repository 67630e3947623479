with

countries as (
    select * from {{ ref('countries') }}
),

organizations as (
    select * from {{ ref('organizations') }}
),

people as (
    select * from {{ ref('people') }}
),

country_entities as (
    select
        iso3 as entity_id,
        'country' as entity_type,
        name as canonical_name,
        iso3,
        nullif(wikidata_id, '') as wikidata_id,
        list_distinct(list_concat(
            [name], {{ split_list('official_name') }}, {{ split_list('aliases') }}
        )) as aliases,
        cast(null as varchar) as country_iso3
    from countries
),

organization_entities as (
    select
        org_id as entity_id,
        'organization' as entity_type,
        name as canonical_name,
        cast(null as varchar) as iso3,
        nullif(wikidata_id, '') as wikidata_id,
        list_distinct(list_concat([name], {{ split_list('aliases') }})) as aliases,
        cast(null as varchar) as country_iso3
    from organizations
),

person_entities as (
    select
        person_id as entity_id,
        'person' as entity_type,
        canonical_name,
        cast(null as varchar) as iso3,
        nullif(wikidata_id, '') as wikidata_id,
        list_distinct(list_concat([canonical_name], {{ split_list('aliases') }})) as aliases,
        nullif(country_iso3, '') as country_iso3
    from people
),

final as (
    select * from country_entities
    union all
    select * from organization_entities
    union all
    select * from person_entities
)

select * from final
