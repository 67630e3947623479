-- Row-count reconciliation raw -> staging: every raw article is in staging unless a newer version
-- supersedes it (version_of), and staging holds nothing else.
with

raw_articles as (
    select * from {{ source('raw', 'articles') }}
),

expected as (
    select count(*) as n
    from raw_articles
    where article_id not in (
        select version_of from raw_articles where version_of is not null
    )
),

staged as (
    select count(*) as n from {{ ref('stg_raw__articles') }}
)

select expected.n as expected_rows, staged.n as staged_rows
from expected
cross join staged
where expected.n <> staged.n
