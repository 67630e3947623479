with

batches as (
    select * from {{ source('raw', 'load_batches') }}
),

final as (
    select
        batch_id,
        source_name,
        paths,
        started_at,
        finished_at,
        status,
        coalesce(n_read, 0) as n_read,
        coalesce(n_new, 0) as n_new,
        coalesce(n_duplicate, 0) as n_duplicate,
        coalesce(n_updated, 0) as n_updated,
        coalesce(n_rejected, 0) as n_rejected,
        coalesce(n_skipped, 0) as n_skipped,
        date_diff('millisecond', started_at, finished_at) / 1000.0 as duration_s
    from batches
)

select * from final
