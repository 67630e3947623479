"""Breaking the data on purpose makes the right dbt test fail (and only the expected ones).

Each case inserts one bad row into a mart of a copy of the built warehouse, then runs the dbt
tests of that mart (`dbt test --select <mart>`) on the copy.
"""

from __future__ import annotations

import duckdb
import pytest

from newsfacts import warehouse
from tests.warehouse.conftest import BuiltWarehouse, copy_warehouse

# A quote whose span runs past the end of its article.
SPAN_PAST_END = """
insert into marts.quotes (quote_id, article_id, speaker_id, speaker_name, quote_text, kind, cue,
    has_quote_marks, sentence_index, char_start, char_end, evidence, confidence)
select 'broken:q1', article_id, null, null, 'words', 'direct', 'said', false, 0,
    body_chars - 5, body_chars + 50, substr(body_clean, 1, 20), 0.5
from marts.articles order by article_id limit 1
"""

# A pledge in a currency that does not exist.
CURRENCY_XXX = """
insert into marts.pledges (pledge_id, article_id, donor_id, donor_name, recipient_id, recipient_name,
    category, description, amount, currency, status, evidence, sentence_index, char_start, char_end,
    confidence)
select 'broken:p1', article_id, 'UKR', 'Ukraine', 'UKR', 'Ukraine', 'financial', 'test', 100, 'XXX',
    'firm', substr(body_clean, 1, 20), 0, 0, 20, 0.5
from marts.articles order by article_id limit 1
"""

# A "bilateral" meeting whose two parties are the same country.
SAME_PARTIES = """
insert into marts.bilateral_meetings (meeting_id, meeting_date, date_precision, date_basis,
    party_a_id, party_a_name, party_b_id, party_b_name, participants, location, mode, topics,
    n_articles, n_mentions, first_reported_at, evidence, confidence)
values ('broken:m1', date '2024-01-01', 'day', 'explicit', 'UKR', 'Ukraine', 'UKR', 'Ukraine', [],
    null, 'unknown', [], 0, 0, null, 'test', 0.5)
"""

CASES = [
    # (case, mart, SQL, tests that must fail, tests that may also fail because the row is extra)
    ("span_past_end", "quotes", SPAN_PAST_END,
     {"fact_spans_within_article", "span_within_article_quotes"}, {"equal_row_count_quotes"}),
    ("currency_xxx", "pledges", CURRENCY_XXX,
     {"relationships_pledges_currency"}, {"equal_row_count_pledges"}),
    ("same_parties", "bilateral_meetings", SAME_PARTIES,
     {"meeting_parties_differ", "bilateral_meetings_parties_ordered"}, set()),
]  # fmt: skip


def _matches(name: str, prefixes: set[str]) -> bool:
    return any(name.startswith(prefix) for prefix in prefixes)


@pytest.mark.slow
@pytest.mark.parametrize(("case", "mart", "sql", "must_fail", "may_fail"), CASES, ids=[c[0] for c in CASES])
def test_broken_row_fails_the_right_test(
    built_warehouse: BuiltWarehouse, tmp_path, case, mart, sql, must_fail, may_fail
) -> None:
    db = copy_warehouse(built_warehouse.db, tmp_path, case)
    con = duckdb.connect(str(db))
    con.execute(sql)
    con.close()

    result = warehouse.run_dbt("test", db, select=mart)
    failed = {node.name for node in result.failures}
    assert not result.success
    for prefix in must_fail:
        assert any(name.startswith(prefix) for name in failed), (prefix, failed)
    unexpected = {name for name in failed if not _matches(name, must_fail | may_fail)}
    assert not unexpected, unexpected
