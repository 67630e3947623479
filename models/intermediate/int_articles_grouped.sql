-- Near-duplicate groups: two articles are neighbours when their MinHash LSH band signatures
-- (stg_raw__articles.minhash_bands) share a band. Each article's group is the earliest article
-- among its neighbours' representatives (two hops: enough for an original and its reprints; a long
-- chain of ever-drifting copies may still split into two groups).
with

articles as (
    select * from {{ ref('stg_raw__articles') }}
),

bands as (
    select article_id, unnest(minhash_bands) as band
    from articles
),

neighbours as (
    select distinct
        left_side.article_id,
        right_side.article_id as neighbour_id
    from bands as left_side
    inner join bands as right_side on left_side.band = right_side.band
    union
    select article_id, article_id from articles
),

article_order as (
    select
        article_id,
        row_number() over (
            order by published_on nulls last, loaded_at, article_id
        ) as seniority
    from articles
),

first_hop as (
    select
        neighbours.article_id,
        arg_min(neighbours.neighbour_id, article_order.seniority) as representative_id
    from neighbours
    inner join article_order on neighbours.neighbour_id = article_order.article_id
    group by neighbours.article_id
),

-- each article takes the most senior representative among its neighbours' representatives, so an
-- article that shares a band with any member of a group joins it even when its own neighbours are
-- all younger than it
second_hop as (
    select
        neighbours.article_id,
        arg_min(first_hop.representative_id, article_order.seniority) as duplicate_group_id
    from neighbours
    inner join first_hop on neighbours.neighbour_id = first_hop.article_id
    inner join article_order on first_hop.representative_id = article_order.article_id
    group by neighbours.article_id
),

final as (
    -- the second hop is never later than the first: the representative is its own neighbour
    select
        articles.article_id,
        second_hop.duplicate_group_id,
        count(*) over (partition by second_hop.duplicate_group_id) as duplicate_group_size
    from articles
    inner join second_hop on articles.article_id = second_hop.article_id
)

select * from final
