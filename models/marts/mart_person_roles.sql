with

roles as (
    select * from {{ ref('person_roles') }}
),

people as (
    select * from {{ ref('people') }}
),

final as (
    select
        md5(
            roles.person_id || '|' || roles.role || '|' || coalesce(roles.org_or_country, '')
            || '|' || coalesce(cast(roles.valid_from as varchar), '')
        )[:16] as person_role_id,
        roles.person_id,
        people.canonical_name as person_name,
        roles.role,
        nullif(roles.org_or_country, '') as office_of_id,
        try_cast(roles.valid_from as date) as valid_from,
        try_cast(roles.valid_to as date) as valid_to,
        'seed' as source
    from roles
    inner join people on roles.person_id = people.person_id
)

select * from final
