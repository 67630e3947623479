-- Amounts, their EUR value and item quantities are never negative.
select pledge_id, amount, amount_eur, quantity
from {{ ref('pledges') }}
where amount < 0 or amount_eur < 0 or quantity < 0
