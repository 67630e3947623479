-- Question: which names does each person in the news go by, and what offices do they hold?
-- People mentioned in the corpus, with every alias (seeded and seen in the text), their
-- current roles from person_roles, and how often they are mentioned.
with
entities as (
    select * from marts.entities
),

person_roles as (
    select * from marts.person_roles
),

current_roles as (
    select
        person_id,
        list(role || coalesce(' (' || office_of_id || ')', '') order by role) as current_roles
    from person_roles
    where valid_to is null
    group by person_id
),

final as (
    select
        entities.canonical_name,
        entities.entity_id,
        entities.country_iso3,
        entities.wikidata_id,
        current_roles.current_roles,
        entities.aliases,
        entities.n_mentions,
        entities.n_articles
    from entities
    left join current_roles on entities.entity_id = current_roles.person_id
    where entities.entity_type = 'person'
        and entities.n_mentions > 0
)

select * from final
order by n_mentions desc, canonical_name;
