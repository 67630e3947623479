-- Question: what did Andris Sprūds say about drones?
-- Quotes (direct and reported) by one person on one topic, with the article each comes from.
-- The speaker is found through the entity's aliases, so "Spruds" (without the diacritic) works
-- too; the topic is a case-insensitive substring ("drone" also finds "drones").
with
params as (
    select 'Spruds' as speaker, 'drone' as topic
),

entities as (
    select * from marts.entities
),

quotes as (
    select * from marts.quotes
),

articles as (
    select * from marts.articles
),

speakers as (
    select entities.entity_id
    from entities
    cross join params
    where entities.entity_type = 'person'
        and (
            lower(entities.canonical_name) = lower(params.speaker)
            or list_contains(list_transform(entities.aliases, lambda alias: lower(alias)), lower(params.speaker))
        )
),

final as (
    select
        articles.published_on,
        quotes.speaker_name,
        quotes.kind,
        quotes.has_quote_marks,
        quotes.quote_text,
        quotes.evidence,
        articles.title
    from quotes
    inner join speakers on quotes.speaker_id = speakers.entity_id
    inner join articles using (article_id)
    cross join params
    where contains(lower(quotes.quote_text), lower(params.topic))
)

select * from final
order by published_on;
