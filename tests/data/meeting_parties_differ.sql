-- A bilateral meeting has two different parties.
select meeting_id, party_a_id, party_b_id
from {{ ref('bilateral_meetings') }}
where party_a_id = party_b_id
