with

rejected as (
    select * from {{ source('raw', 'rejected_records') }}
),

final as (
    select
        rejection_id,
        batch_id,
        source_path,
        record_locator,
        reason,
        original_size,
        original_bytes,
        rejected_at
    from rejected
)

select * from final
