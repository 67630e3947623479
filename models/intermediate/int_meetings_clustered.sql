-- Meeting mentions clustered into meeting events, across articles. One row per mention, with
-- the meeting_id of its event. Mentions belong to one event when they name the same unordered
-- pair of parties and their dates are compatible:
--   * day-precision dates: the same day (each distinct day is an event);
--   * a month- or year-precision date joins the earliest day event of its pair inside its
--     period, widened by var('meeting_date_tolerance_days'); with none, the period is the event;
--   * an undated mention joins the earliest dated event of its pair reported by the same
--     article; with none, it is an event of its own (per pair and article).
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

day_events as (
    select distinct party_a_id, party_b_id, meeting_date as event_date
    from with_periods
    where effective_precision = 'day'
),

coarse_anchors as (
    select
        coarse.meeting_mention_id,
        min(day_events.event_date) as anchor_date
    from with_periods as coarse
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
    from with_periods
    where effective_precision = 'day'

    union all

    select
        coarse.meeting_mention_id,
        case when coarse_anchors.anchor_date is null then coarse.effective_precision else 'day' end,
        coalesce(coarse_anchors.anchor_date, coarse.period_start),
        case when coarse_anchors.anchor_date is null then 'same_period' else 'within_period' end
    from with_periods as coarse
    left join coarse_anchors on coarse.meeting_mention_id = coarse_anchors.meeting_mention_id
    where coarse.effective_precision in ('month', 'year')
),

article_dated_events as (
    select
        with_periods.party_a_id,
        with_periods.party_b_id,
        with_periods.article_id,
        arg_min(dated_assigned.event_precision, dated_assigned.event_date) as event_precision,
        min(dated_assigned.event_date) as event_date
    from dated_assigned
    inner join with_periods on dated_assigned.meeting_mention_id = with_periods.meeting_mention_id
    group by with_periods.party_a_id, with_periods.party_b_id, with_periods.article_id
),

undated_assigned as (
    select
        undated.meeting_mention_id,
        coalesce(article_dated_events.event_precision, 'unknown') as event_precision,
        article_dated_events.event_date,
        case when article_dated_events.event_date is null then 'alone' else 'same_article' end as cluster_basis
    from with_periods as undated
    left join article_dated_events
        on undated.party_a_id = article_dated_events.party_a_id
        and undated.party_b_id = article_dated_events.party_b_id
        and undated.article_id = article_dated_events.article_id
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
            with_periods.party_a_id || '|' || with_periods.party_b_id || '|' || assigned.event_precision
            || '|' || coalesce(cast(assigned.event_date as varchar), 'undated:' || with_periods.article_id)
        )[:16] as meeting_id,
        with_periods.meeting_mention_id,
        with_periods.article_id,
        with_periods.party_a_id,
        with_periods.party_b_id,
        assigned.event_date,
        assigned.event_precision,
        assigned.cluster_basis,
        with_periods.meeting_date as mention_date,
        with_periods.effective_precision as mention_precision,
        with_periods.date_basis,
        with_periods.participants,
        with_periods.participant_keys,
        with_periods.location,
        with_periods.mode,
        with_periods.topics,
        with_periods.sentence_index,
        with_periods.char_start,
        with_periods.char_end,
        with_periods.evidence,
        with_periods.confidence
    from with_periods
    inner join assigned on with_periods.meeting_mention_id = assigned.meeting_mention_id
)

select * from final
