with

extracted as (
    select * from {{ ref('int_article_facts_extracted') }}
),

parsed as (
    select
        article_id,
        extractor_version,
        from_json(pledges_json, '[{
            "donor_key": "VARCHAR", "donor_name": "VARCHAR",
            "recipient_key": "VARCHAR", "recipient_name": "VARCHAR",
            "category": "VARCHAR", "description": "VARCHAR", "quantity": "DOUBLE", "item": "VARCHAR",
            "amount": "DOUBLE", "currency": "VARCHAR", "period": "VARCHAR", "status": "VARCHAR",
            "announced_on": "VARCHAR", "sentence_index": "INTEGER", "char_start": "INTEGER",
            "char_end": "INTEGER", "evidence": "VARCHAR", "confidence": "DOUBLE"
        }]') as records
    from extracted
),

unnested as (
    select
        article_id,
        extractor_version,
        unnest(records) as rec,
        generate_subscripts(records, 1) as ordinal
    from parsed
),

final as (
    select
        article_id || ':p' || ordinal as pledge_id,
        article_id,
        ordinal,
        rec.donor_key as donor_key,
        rec.donor_name as donor_name,
        rec.recipient_key as recipient_key,
        rec.recipient_name as recipient_name,
        rec.category as category,
        rec.description as description,
        rec.quantity as quantity,
        rec.item as item,
        rec.amount as amount,
        upper(rec.currency) as currency,
        rec.period as period,
        coalesce(rec.status, 'firm') as status,
        try_cast(rec.announced_on as date) as announced_on,
        rec.sentence_index as sentence_index,
        rec.char_start as char_start,
        rec.char_end as char_end,
        rec.evidence as evidence,
        rec.confidence as confidence,
        extractor_version
    from unnested
)

select * from final
