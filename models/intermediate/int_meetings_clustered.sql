-- Meeting mentions clustered into meeting events, across articles. One row per mention, with
-- the meeting_id of its event. Mentions belong to one event when they name the same unordered
-- pair of parties and their dates are compatible:
--   * day-precision dates: the same day (each distinct day is an event). An article the extractor
--     read two encounters of one pair on one day from (a visitor received by the president, then by
--     the speaker) numbers them in text order, and the n-th joins the n-th of other articles;
--   * a month- or year-precision date joins the earliest day event of its pair inside its
--     period, widened by var('meeting_date_tolerance_days'); with none, the period is the event;
--   * an undated mention joins the earliest dated event of its pair reported by the same
--     article; with none, it is an event of its own (per pair and article). A second undated
--     encounter of the pair in the same article is an event of its own too.
-- Mentions whose two parties resolve to the same entity are dropped: that is an extraction or
-- resolution error, not a bilateral meeting.
{%- set tolerance = var('meeting_date_tolerance_days', 3) %}

with

meetings as (
    select * from {{ ref('int_meetings_unnested') }}
),

entity_keys as (
    select * from {{ ref('int_entity_keys_resolved') }}
),

resolved as (
    select
        meetings.*,
        coalesce(key_a.entity_id, meetings.party_a_key) as party_a_resolved,
        coalesce(key_b.entity_id, meetings.party_b_key) as party_b_resolved
    from meetings
    left join entity_keys as key_a on meetings.party_a_key = key_a.entity_key
    left join entity_keys as key_b on meetings.party_b_key = key_b.entity_key
),

paired as (
    select
        *,
        least(party_a_resolved, party_b_resolved) as party_a_id,
        greatest(party_a_resolved, party_b_resolved) as party_b_id,
        case
            when meeting_date is null then 'unknown'
            when date_precision in ('month', 'year') then date_precision
            else 'day'
        end as effective_precision
    from resolved
    where party_a_resolved <> party_b_resolved
),

with_periods as (
    select
        *,
        case effective_precision
            when 'month' then cast(date_trunc('month', meeting_date) as date)
            when 'year' then cast(date_trunc('year', meeting_date) as date)
            else meeting_date
        end as period_start,
        case effective_precision
            when 'month' then cast(last_day(meeting_date) as date)
            when 'year' then cast(date_trunc('year', meeting_date) + interval 1 year - interval 1 day as date)
            else meeting_date
        end as period_end
    from paired
),

-- The extractor merges what one article says of one encounter, so two day (or two undated)
-- mentions of one pair in one article are two encounters: number them in text order.
numbered as (
    select
        *,
        case
            when effective_precision in ('day', 'unknown')
                then row_number() over (
                    partition by article_id, party_a_id, party_b_id, effective_precision, meeting_date
                    order by sentence_index, char_start
                )
            else 1
        end as encounter_no
    from with_periods
),

day_events as (
    select distinct party_a_id, party_b_id, meeting_date as event_date
    from numbered
    where effective_precision = 'day' and encounter_no = 1
),

coarse_anchors as (
    select
        coarse.meeting_mention_id,
        min(day_events.event_date) as anchor_date
    from numbered as coarse
    inner join day_events
        on coarse.party_a_id = day_events.party_a_id
        and coarse.party_b_id = day_events.party_b_id
        and day_events.event_date between coarse.period_start - {{ tolerance }}
            and coarse.period_end + {{ tolerance }}
    where coarse.effective_precision in ('month', 'year')
    group by coarse.meeting_mention_id
),

dated_assigned as (
    select
        meeting_mention_id,
        'day' as event_precision,
        meeting_date as event_date,
        'same_day' as cluster_basis
    from numbered
    where effective_precision = 'day'

    union all

    select
        coarse.meeting_mention_id,
        case when coarse_anchors.anchor_date is null then coarse.effective_precision else 'day' end,
        coalesce(coarse_anchors.anchor_date, coarse.period_start),
        case when coarse_anchors.anchor_date is null then 'same_period' else 'within_period' end
    from numbered as coarse
    left join coarse_anchors on coarse.meeting_mention_id = coarse_anchors.meeting_mention_id
    where coarse.effective_precision in ('month', 'year')
),

article_dated_events as (
    select
        numbered.party_a_id,
        numbered.party_b_id,
        numbered.article_id,
        arg_min(dated_assigned.event_precision, dated_assigned.event_date) as event_precision,
        min(dated_assigned.event_date) as event_date
    from dated_assigned
    inner join numbered on dated_assigned.meeting_mention_id = numbered.meeting_mention_id
    group by numbered.party_a_id, numbered.party_b_id, numbered.article_id
),

undated_assigned as (
    select
        undated.meeting_mention_id,
        coalesce(article_dated_events.event_precision, 'unknown') as event_precision,
        article_dated_events.event_date,
        case when article_dated_events.event_date is null then 'alone' else 'same_article' end as cluster_basis
    from numbered as undated
    left join article_dated_events
        on undated.party_a_id = article_dated_events.party_a_id
        and undated.party_b_id = article_dated_events.party_b_id
        and undated.article_id = article_dated_events.article_id
        and undated.encounter_no = 1
    where undated.effective_precision = 'unknown'
),

assigned as (
    select * from dated_assigned
    union all
    select * from undated_assigned
),

final as (
    select
        md5(
            numbered.party_a_id || '|' || numbered.party_b_id || '|' || assigned.event_precision
            || '|' || coalesce(cast(assigned.event_date as varchar), 'undated:' || numbered.article_id)
            || case when numbered.encounter_no > 1 then '#' || numbered.encounter_no else '' end
        )[:16] as meeting_id,
        numbered.meeting_mention_id,
        numbered.article_id,
        numbered.party_a_id,
        numbered.party_b_id,
        assigned.event_date,
        assigned.event_precision,
        assigned.cluster_basis,
        numbered.meeting_date as mention_date,
        numbered.effective_precision as mention_precision,
        numbered.date_basis,
        numbered.participants,
        numbered.participant_keys,
        numbered.location,
        numbered.mode,
        numbered.topics,
        numbered.sentence_index,
        numbered.char_start,
        numbered.char_end,
        numbered.evidence,
        numbered.confidence
    from numbered
    inner join assigned on numbered.meeting_mention_id = assigned.meeting_mention_id
)

select * from final
