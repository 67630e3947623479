"""Breaking the data on purpose makes the right dbt tests fail (and no others).

One copy of the built warehouse gets three bad rows — a quote whose span runs past the end of its
article, a pledge in currency XXX, a meeting whose two parties are the same country — then the dbt
tests of those marts run once on the copy (`dbt test --select quotes pledges bilateral_meetings`).
"""

from __future__ import annotations

import duckdb
import pytest

from newsfacts import warehouse

from .conftest import BuiltWarehouse, copy_warehouse

SPAN_PAST_END = """
insert into marts.quotes (quote_id, article_id, speaker_id, speaker_name, quote_text, kind, cue,
    has_quote_marks, sentence_index, char_start, char_end, evidence, confidence)
select 'broken:q1', article_id, null, null, 'words', 'direct', 'said', false, 0,
    body_chars - 5, body_chars + 50, substr(body_clean, 1, 20), 0.5
from marts.articles order by article_id limit 1
"""

CURRENCY_XXX = """
insert into marts.pledges (pledge_id, article_id, donor_id, donor_name, recipient_id, recipient_name,
    category, description, amount, currency, status, evidence, sentence_index, char_start, char_end,
    confidence)
select 'broken:p1', article_id, 'UKR', 'Ukraine', 'POL', 'Poland', 'financial', 'test', 100, 'XXX',
    'firm', substr(body_clean, 1, 20), 0, 0, 20, 0.5
from marts.articles order by article_id limit 1
"""

SAME_PARTIES = """
insert into marts.bilateral_meetings (meeting_id, meeting_date, date_precision, date_basis,
    party_a_id, party_a_name, party_b_id, party_b_name, participants, location, mode, topics,
    n_articles, n_mentions, first_reported_at, evidence, confidence)
values ('broken:m1', date '2024-01-01', 'day', 'explicit', 'UKR', 'Ukraine', 'UKR', 'Ukraine', [],
    null, 'unknown', [], 0, 0, null, 'test', 0.5)
"""

# Name prefixes of the tests each bad row must fail.
MUST_FAIL = {
    "span past the end of the article": ("fact_spans_within_article", "span_within_article_quotes"),
    "pledge in currency XXX": ("relationships_pledges_currency",),
    "meeting with equal parties": ("meeting_parties_differ", "bilateral_meetings_parties_ordered"),
}
# The extra quote and pledge rows also break the row-count reconciliation with the layer below.
MAY_FAIL = ("equal_row_count_quotes", "equal_row_count_pledges")


@pytest.fixture(scope="module")
def broken_run(built_warehouse: BuiltWarehouse, tmp_path_factory: pytest.TempPathFactory):
    """Return the outcome of the marts' dbt tests on a copy of the warehouse with three bad rows."""
    db = copy_warehouse(built_warehouse.db, tmp_path_factory.mktemp("broken"), "broken")
    con = duckdb.connect(str(db))
    for sql in (SPAN_PAST_END, CURRENCY_XXX, SAME_PARTIES):
        con.execute(sql)
    con.close()
    return warehouse.run_dbt("test", db, select=["quotes", "pledges", "bilateral_meetings"])


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(MUST_FAIL))
def test_the_bad_row_fails_its_test(broken_run: warehouse.BuildResult, case: str) -> None:
    failed = {node.name for node in broken_run.failures}
    assert not broken_run.success
    for prefix in MUST_FAIL[case]:
        assert any(name.startswith(prefix) for name in failed), (prefix, sorted(failed))


@pytest.mark.slow
def test_no_other_test_fails(broken_run: warehouse.BuildResult) -> None:
    expected = tuple(p for prefixes in MUST_FAIL.values() for p in prefixes) + MAY_FAIL
    unexpected = {node.name for node in broken_run.failures if not node.name.startswith(expected)}
    assert not unexpected
    assert broken_run.count("pass") > 20  # the other tests of these marts ran and passed
