"""The precision audit: Reuters SGML adapter, content ids, the seeded draw, sheets, verdicts, Wilson.

Everything runs on text and rows written for the test (invented names, no corpus text).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

import duckdb
import pytest

from newsfacts.evaluate.audit import (
    Verdict,
    context_window,
    draw,
    fact_id,
    read_verdicts,
    record_sheet,
    render_scores,
    reuters_records,
    sample_warehouse,
    score_table,
    wilson_interval,
    write_verdicts,
)

SGML = """<!DOCTYPE lewis SYSTEM "lewis.dtd">
<ROOT>
<REUTERS TOPICS="NO" NEWID="7">
<DATE> 2-MAR-1987 10:00:00.00</DATE>
<TEXT>&#2;
<TITLE>FREEDONIA &amp; SYLVANIA TALK</TITLE>
<DATELINE>    FREDVILLE, March 2 - </DATELINE><BODY>Freedonian envoy Ada Quill met
Sylvanian officials today, a spokesman said.
    The talks will resume next week.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="8">
<DATE>14-MAR-1987 11:00:00.00</DATE>
<TEXT TYPE="BRIEF">&#2;
<TITLE>ONLY A TITLE</TITLE>
&#3;</TEXT>
</REUTERS>
</ROOT>
"""


def test_reuters_entry_becomes_an_article_with_date_title_dateline_and_paragraphs() -> None:
    (article,) = list(reuters_records(SGML))
    assert article["id"] == "reuters-7"
    assert article["title"] == "FREEDONIA & SYLVANIA TALK"
    assert article["published_at"] == "1987-03-02"  # the day is not zero-padded in the SGML
    assert article["text"].startswith("FREDVILLE, March 2 - Freedonian envoy Ada Quill met\nSylvanian")
    assert "said.\n\nThe talks will resume" in article["text"]  # an indented line opens a paragraph
    assert "&#" not in article["text"]


def test_reuters_entry_without_body_is_skipped() -> None:
    assert [a["id"] for a in reuters_records(SGML)] == ["reuters-7"]


FIELDS = {"speaker": "Ada Quill", "kind": "direct", "text": "We will build the bridge", "cue": "said"}


def test_fact_id_is_stable_and_changes_with_any_field_or_the_evidence() -> None:
    base = fact_id("quotes", "a1", FIELDS, "Quill said: We will build the bridge.")
    assert base == fact_id("quotes", "a1", dict(FIELDS), "Quill said: We will build the bridge.")
    assert base.startswith("Q-")
    assert base != fact_id(
        "quotes", "a1", {**FIELDS, "speaker": "Bo Tarn"}, "Quill said: We will build the bridge."
    )
    assert base != fact_id("quotes", "a1", FIELDS, "Quill said: We will build a bridge.")
    assert base != fact_id("quotes", "a2", FIELDS, "Quill said: We will build the bridge.")


def _facts(n: int) -> list[dict[str, str]]:
    return [{"fact_id": f"P-{i:04d}", "article_id": f"a{i}"} for i in range(n)]


def test_draw_depends_on_ids_and_seed_not_on_row_order() -> None:
    facts = _facts(50)
    shuffled = facts[:]
    random.Random(3).shuffle(shuffled)
    first = [f["fact_id"] for f in draw(facts, 10, seed=11)]
    assert first == [f["fact_id"] for f in draw(shuffled, 10, seed=11)]
    assert first != [f["fact_id"] for f in draw(facts, 10, seed=12)]


def test_draw_keeps_survivors_in_place_when_facts_are_added() -> None:
    before = [f["fact_id"] for f in draw(_facts(50), 50, seed=5)]
    after = [f["fact_id"] for f in draw(_facts(80), 80, seed=5)]
    assert [i for i in after if i in set(before)] == before


def test_draw_takes_all_when_fewer_and_collapses_duplicate_ids() -> None:
    facts = _facts(3) + _facts(3)
    assert sorted(f["fact_id"] for f in draw(facts, 100)) == ["P-0000", "P-0001", "P-0002"]


def test_wilson_interval_matches_reference_values() -> None:
    low, high = wilson_interval(5, 10)
    assert (round(low, 4), round(high, 4)) == (0.2366, 0.7634)
    low, high = wilson_interval(0, 10)
    assert low == pytest.approx(0.0) and round(high, 4) == 0.2775
    low, high = wilson_interval(10, 10)
    assert round(low, 4) == 0.7225 and high == pytest.approx(1.0)
    assert wilson_interval(0, 0) == (0.0, 1.0)


def test_context_window_returns_the_sentence_and_one_either_side() -> None:
    body = "Quill arrived on Monday. She met Tarn in Fredville. They spoke for an hour. Then she left."
    start = body.index("She met")
    before, sentence, after = context_window(body, start, start + 10, None)
    assert (before, sentence, after) == (
        "Quill arrived on Monday.",
        "She met Tarn in Fredville.",
        "They spoke for an hour.",
    )
    # No span: the evidence is looked up in the body.
    assert context_window(body, None, None, "Then she left.")[0] == "They spoke for an hour."


def test_verdicts_round_trip_and_a_bad_word_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "quotes_verdicts.csv"
    write_verdicts(path, [Verdict("Q-2", "incorrect", "wrong speaker"), Verdict("Q-1", "correct", "ok")])
    assert list(read_verdicts(path)) == ["Q-1", "Q-2"]
    path.write_text("fact_id,verdict,reason\nQ-3,maybe,unsure\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        read_verdicts(path)


def test_score_counts_the_sample_only_and_splits_reasons() -> None:
    verdicts = {
        "Q-1": Verdict("Q-1", "correct", "ok"),
        "Q-2": Verdict("Q-2", "correct", "ok; text truncated"),
        "Q-3": Verdict("Q-3", "incorrect", "wrong speaker; text truncated"),
        "Q-9": Verdict("Q-9", "incorrect", "stale verdict of a fact no longer drawn"),
    }
    s = score_table("quotes", verdicts, ["Q-1", "Q-2", "Q-3", "Q-4"])
    assert (s.n_sampled, s.n_judged, s.n_correct) == (4, 3, 2)
    assert s.errors == {"wrong speaker": 1}
    assert s.notes == {"text truncated": 1}
    assert "1 sampled, not judged" in render_scores([s])


def _tiny_warehouse(path: Path) -> None:
    """A warehouse with the mart columns the audit reads: two quotes, one pledge, one meeting."""
    body = (
        "Quill arrived on Monday. She met Tarn in Fredville. Quill said the bridge will open. Then she left."
    )
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute(
        "create table marts.articles as select 'ab12' as article_id, 'x-1' as external_id, "
        "'/in/x.jsonl' as source_path, 'A title' as title, date '2030-01-02' as published_on, "
        "? as body_clean",
        [body],
    )
    con.execute(
        "create table marts.bilateral_meetings as select 'm1' as meeting_id, 'Freedonia' as party_a_name, "
        "'Sylvania' as party_b_name, ['Ada Quill'] as participants, date '2030-01-01' as meeting_date, "
        "'relative' as date_basis, 'Fredville' as location, 'in_person' as mode, 'She met Tarn' as evidence"
    )
    start = body.index("She met")
    con.execute(
        "create table marts.meeting_articles as select 'm1' as meeting_id, 'ab12' as article_id, "
        f"'She met Tarn in Fredville.' as evidence, {start} as char_start, {start + 26} as char_end"
    )
    con.execute(
        "create table marts.pledges as select 'p1' as pledge_id, 'ab12' as article_id, "
        "'Freedonia' as donor_name, "
        "'Sylvania' as recipient_name, 'financial' as category, 'a loan' as description, 5e6 as amount, "
        "'EUR' as currency, null::double as quantity, 'firm' as status, 'Quill said the bridge will open.' "
        "as evidence, null::integer as char_start, null::integer as char_end"
    )
    q = body.index("Quill said")
    con.execute(
        "create table marts.quotes as select * from (values "
        f"('q1', 'ab12', 'Ada Quill', 'Quill', 'indirect', 'the bridge will open', 'said', "
        f"'Quill said the bridge will open.', {q}, {q + 31}), "
        "('q2', 'ab12', 'Bo Tarn', 'Tarn', 'direct', 'Then she left', 'said', 'Then she left.', null, null)) "
        "as t(quote_id, article_id, speaker_name, speaker_surface, kind, quote_text, cue, evidence, "
        "char_start, char_end)"
    )
    con.close()


def test_sample_writes_sheets_reuses_verdicts_and_records_filled_sheets(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    _tiny_warehouse(db)
    sheets, verdict_dir = tmp_path / "sheets", tmp_path / "verdicts"
    counts = sample_warehouse(db, sheets, per_table=5, seed=1, verdict_dir=verdict_dir)
    assert counts == {"bilateral_meetings": (1, 1, 0), "pledges": (1, 1, 0), "quotes": (2, 2, 0)}
    rows = list(csv.DictReader((sheets / "bilateral_meetings_sheet.csv").open(encoding="utf-8")))
    assert rows[0]["sentence"] == "She met Tarn in Fredville."
    assert rows[0]["before"] == "Quill arrived on Monday."
    assert rows[0]["participants"] == "Ada Quill"
    # Judge the quote sheet, record it, draw again: both quotes come back already judged.
    path = sheets / "quotes_sheet.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    for row in rows:
        row["verdict"], row["reason"] = (
            ("correct", "ok") if row["speaker"] == "Ada Quill" else ("incorrect", "x")
        )
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert record_sheet(path, verdict_dir / "quotes_verdicts.csv") == (2, 2)
    written = (verdict_dir / "quotes_verdicts.csv").read_text(encoding="utf-8")
    assert written.splitlines()[0] == "fact_id,verdict,reason" and "bridge" not in written
    again = sample_warehouse(db, tmp_path / "sheets2", per_table=5, seed=1, verdict_dir=verdict_dir)
    assert again["quotes"] == (2, 2, 2)
