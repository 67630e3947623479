"""Extraction records and mart rows become FORMAT.md facts that the scorer can match."""

from __future__ import annotations

import datetime as dt

from newsfacts.evaluate.convert import (
    article_facts_to_format,
    display_name,
    meeting_fact,
    number_facts,
    pledge_fact,
)
from newsfacts.evaluate.scoring import score
from newsfacts.extract.records import ArticleFacts, MeetingMention, PledgeMention, Quote


def _facts() -> ArticleFacts:
    return ArticleFacts(
        article_id="x1",
        quotes=[
            Quote(
                speaker_key="person:ada lind",
                speaker_name=None,
                speaker_surface="Lind",
                quote_text="the ferry will run every hour",
                kind="direct",
                cue="said",
                has_quote_marks=False,
                sentence_index=0,
                char_start=0,
                char_end=29,
                evidence="the ferry will run every hour, Lind said",
                confidence=0.9,
            )
        ],
        meetings=[MeetingMention("FRA", "France", "EST", "Estonia", meeting_date="2024-05-02", mode="call")],
        pledges=[
            PledgeMention(
                "FRA", "France", "EST", "Estonia", "financial", "a loan", amount=5e6, currency="EUR"
            )
        ],
    )


def test_records_become_format_facts_under_the_gold_id():
    facts = number_facts(article_facts_to_format("gold-7", _facts()))
    assert [f["table"] for f in facts] == ["meeting", "pledge", "quote"]
    assert {f["article"] for f in facts} == {"gold-7"}
    assert [f["fid"] for f in facts] == ["gold-7-M1", "gold-7-P1", "gold-7-Q1"]
    quote = facts[2]
    assert quote["speaker"] == "ada lind" and quote["text"] == "the ferry will run every hour"
    assert facts[0]["parties"] == ["France", "Estonia"] and facts[0]["date"] == "2024-05-02"


def test_mart_rows_convert_with_dates_lists_and_ids():
    row = {
        "party_a_id": "FRA",
        "party_a_name": None,
        "party_b_id": "EST",
        "party_b_name": "Estonia",
        "participants": ("Ada Lind",),
        "meeting_date": dt.date(2024, 5, 2),
        "mode": "in_person",
    }
    fact = meeting_fact("g1", row)
    assert fact["parties"] == ["FRA", "Estonia"]
    assert fact["participants"] == ["Ada Lind"] and fact["date"] == "2024-05-02"
    pledge = pledge_fact(
        "g1", {"donor_id": "FRA", "recipient_name": "Estonia", "amount": 3, "category": "other"}
    )
    assert pledge["donor"] == "FRA" and pledge["amount"] == 3.0
    assert display_name(None, "person:ada lind") == "ada lind"


def test_converted_facts_score_against_matching_gold():
    gold = [
        {
            "article": "gold-7",
            "table": "quote",
            "speaker": "Ada Lind",
            "kind": "direct",
            "text_start": "the ferry will",
            "text_end": "run every hour",
        },
        {"article": "gold-7", "table": "meeting", "parties": ["Estonia", "France"], "date": "2024-05-02"},
    ]
    report = score(gold, article_facts_to_format("gold-7", _facts()), articles={"gold-7": ""})
    assert report.tables["quote"].counts.tp == 1
    assert report.tables["meeting"].counts.tp == 1
    assert report.tables["meeting"].attributes["date"].value == 1.0
