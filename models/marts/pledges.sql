with

pledges as (
    select * from {{ ref('int_pledges_converted') }}
),

entity_keys as (
    select * from {{ ref('int_entity_keys_resolved') }}
),

final as (
    select
        pledges.pledge_id,
        pledges.article_id,
        coalesce(donor.entity_id, pledges.donor_key) as donor_id,
        coalesce(donor.canonical_name, pledges.donor_name) as donor_name,
        coalesce(recipient.entity_id, pledges.recipient_key) as recipient_id,
        coalesce(recipient.canonical_name, pledges.recipient_name) as recipient_name,
        pledges.category,
        pledges.description,
        cast(pledges.quantity as double) as quantity,
        pledges.item,
        cast(pledges.amount as double) as amount,
        pledges.currency,
        cast(pledges.amount_eur as double) as amount_eur,
        cast(pledges.fx_units_per_eur as double) as fx_units_per_eur,
        pledges.fx_rate_date,
        pledges.period,
        pledges.status,
        pledges.announced_on,
        pledges.evidence,
        cast(pledges.sentence_index as integer) as sentence_index,
        cast(pledges.char_start as integer) as char_start,
        cast(pledges.char_end as integer) as char_end,
        cast(pledges.confidence as double) as confidence
    from pledges
    left join entity_keys as donor on pledges.donor_key = donor.entity_key
    left join entity_keys as recipient on pledges.recipient_key = recipient.entity_key
)

select * from final
