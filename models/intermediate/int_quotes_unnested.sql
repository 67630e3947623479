with

extracted as (
    select * from {{ ref('int_article_facts_extracted') }}
),

parsed as (
    select
        article_id,
        extractor_version,
        from_json(quotes_json, '[{
            "speaker_key": "VARCHAR", "speaker_name": "VARCHAR", "speaker_surface": "VARCHAR",
            "quote_text": "VARCHAR", "kind": "VARCHAR", "cue": "VARCHAR", "has_quote_marks": "BOOLEAN",
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
        article_id || ':q' || ordinal as quote_id,
        article_id,
        ordinal,
        rec.speaker_key as speaker_key,
        rec.speaker_name as speaker_name,
        rec.speaker_surface as speaker_surface,
        rec.quote_text as quote_text,
        rec.kind as kind,
        rec.cue as cue,
        coalesce(rec.has_quote_marks, false) as has_quote_marks,
        rec.sentence_index as sentence_index,
        rec.char_start as char_start,
        rec.char_end as char_end,
        rec.evidence as evidence,
        rec.confidence as confidence,
        extractor_version
    from unnested
)

select * from final
