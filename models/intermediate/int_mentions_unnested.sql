with

extracted as (
    select * from {{ ref('int_article_facts_extracted') }}
),

parsed as (
    select
        article_id,
        extractor_version,
        from_json(mentions_json, '[{
            "entity_key": "VARCHAR", "entity_type": "VARCHAR", "canonical_name": "VARCHAR",
            "surface": "VARCHAR", "method": "VARCHAR", "sentence_index": "INTEGER",
            "char_start": "INTEGER", "char_end": "INTEGER", "confidence": "DOUBLE"
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
        article_id || ':m' || ordinal as mention_id,
        article_id,
        ordinal,
        rec.entity_key as entity_key,
        rec.entity_type as entity_type,
        rec.canonical_name as canonical_name,
        rec.surface as surface,
        rec.method as method,
        rec.sentence_index as sentence_index,
        rec.char_start as char_start,
        rec.char_end as char_end,
        rec.confidence as confidence,
        extractor_version
    from unnested
)

select * from final
