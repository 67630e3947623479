with

extracted as (
    select * from {{ ref('int_article_facts_extracted') }}
),

parsed as (
    select
        article_id,
        extractor_version,
        from_json(meetings_json, '[{
            "party_a_key": "VARCHAR", "party_a_name": "VARCHAR",
            "party_b_key": "VARCHAR", "party_b_name": "VARCHAR",
            "participants": "VARCHAR[]", "participant_keys": "VARCHAR[]",
            "meeting_date": "VARCHAR", "date_precision": "VARCHAR", "date_basis": "VARCHAR",
            "location": "VARCHAR", "mode": "VARCHAR", "topics": "VARCHAR[]",
            "sentence_index": "INTEGER", "char_start": "INTEGER", "char_end": "INTEGER",
            "evidence": "VARCHAR", "confidence": "DOUBLE"
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
        article_id || ':e' || ordinal as meeting_mention_id,
        article_id,
        ordinal,
        rec.party_a_key as party_a_key,
        rec.party_a_name as party_a_name,
        rec.party_b_key as party_b_key,
        rec.party_b_name as party_b_name,
        coalesce(rec.participants, []) as participants,
        coalesce(rec.participant_keys, []) as participant_keys,
        try_cast(rec.meeting_date as date) as meeting_date,
        case
            when try_cast(rec.meeting_date as date) is null then 'unknown'
            else coalesce(rec.date_precision, 'unknown')
        end as date_precision,
        coalesce(rec.date_basis, 'unknown') as date_basis,
        rec.location as location,
        coalesce(rec.mode, 'unknown') as mode,
        coalesce(rec.topics, []) as topics,
        rec.sentence_index as sentence_index,
        rec.char_start as char_start,
        rec.char_end as char_end,
        rec.evidence as evidence,
        rec.confidence as confidence,
        extractor_version
    from unnested
)

select * from final
