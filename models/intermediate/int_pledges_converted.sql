-- Pledge amounts in EUR: amount / units_per_eur at the latest ECB weekly rate on or before the
-- announcement date (else the article's publication date; with neither, the latest rate known).
-- EUR amounts convert at 1. Currencies without an ECB rate (e.g. UAH) get no amount_eur.
with

pledges as (
    select * from {{ ref('int_pledges_unnested') }}
),

articles as (
    select * from {{ ref('stg_raw__articles') }}
),

fx_rates as (
    select * from {{ ref('fx_rates') }}
),

eur_rates as (
    select
        upper(currency) as currency,
        cast(rate_date as date) as rate_date,
        cast(units_per_eur as double) as units_per_eur
    from fx_rates
    union all
    select 'EUR', date '1999-01-01', 1.0
),

dated as (
    select
        pledges.*,
        coalesce(pledges.announced_on, articles.published_on, date '9999-12-31') as rate_lookup_date
    from pledges
    left join articles on pledges.article_id = articles.article_id
),

converted as (
    select
        dated.*,
        eur_rates.units_per_eur as fx_units_per_eur,
        eur_rates.rate_date as fx_rate_date
    from dated
    asof left join eur_rates
        on upper(dated.currency) = eur_rates.currency
        and dated.rate_lookup_date >= eur_rates.rate_date
),

final as (
    select
        * exclude (rate_lookup_date),
        case
            when amount is not null and fx_units_per_eur > 0 then round(amount / fx_units_per_eur, 2)
        end as amount_eur
    from converted
)

select * from final
