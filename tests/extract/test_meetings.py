"""Bilateral meetings through the real sentence and entity steps, on sentences written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfacts.extract import pipeline
from newsfacts.extract.records import Article, MeetingMention
from newsfacts.paths import SHARED_DIR


@pytest.fixture(scope="module")
def lexicons() -> pipeline.Lexicons:
    return pipeline.load_lexicons()


def meetings(
    body: str, lexicons: pipeline.Lexicons, published: str | None = "2022-03-10", title: str | None = None
) -> list[MeetingMention]:
    """Return the meetings the pipeline finds in body."""
    return pipeline.extract_article(Article("t", body, title, published), lexicons).meetings


def pairs(found: list[MeetingMention]) -> list[frozenset[str]]:
    return [frozenset((m.party_a_key, m.party_b_key)) for m in found]


def test_met_in_a_capital_is_an_in_person_meeting(lexicons: pipeline.Lexicons) -> None:
    body = "Volodymyr Zelenskyy met with Olaf Scholz in Kyiv on Monday to discuss energy."
    (m,) = meetings(body, lexicons)
    assert frozenset((m.party_a_key, m.party_b_key)) == {"UKR", "DEU"}
    assert m.mode == "in_person"
    assert m.location == "Kyiv"
    assert (m.meeting_date, m.date_basis) == ("2022-03-07", "relative")
    assert {"Volodymyr Zelenskyy", "Olaf Scholz"} <= set(m.participants)
    assert body[m.char_start : m.char_end] == m.evidence


def test_phone_call_mode_and_yesterday(lexicons: pipeline.Lexicons) -> None:
    body = "Yesterday Emmanuel Macron had a phone conversation with Joe Biden about trade."
    (m,) = meetings(body, lexicons)
    assert pairs([m]) == [frozenset({"FRA", "USA"})]
    assert (m.mode, m.meeting_date) == ("call", "2022-03-09")


def test_video_conference_mode(lexicons: pipeline.Lexicons) -> None:
    body = "Volodymyr Zelenskyy held a video conference with Justin Trudeau."
    (m,) = meetings(body, lexicons)
    assert m.mode == "video"


def test_bare_conversation_has_unknown_mode(lexicons: pipeline.Lexicons) -> None:
    (m,) = meetings("Olaf Scholz had a conversation with Emmanuel Macron.", lexicons)
    assert m.mode == "unknown"


def test_countries_alone_make_a_pair(lexicons: pipeline.Lexicons) -> None:
    assert pairs(meetings("Delegations of Poland and Lithuania held talks in Vilnius.", lexicons)) == [
        frozenset({"POL", "LTU"})
    ]


def test_three_leaders_are_not_bilateral(lexicons: pipeline.Lexicons) -> None:
    body = "Emmanuel Macron, Olaf Scholz and Joe Biden met in Paris."
    assert meetings(body, lexicons) == []


def test_joint_reception_is_one_meeting_per_counterpart_never_between_the_guests(
    lexicons: pipeline.Lexicons,
) -> None:
    body = "Emmanuel Macron met with Olaf Scholz and Joe Biden in Paris."
    assert set(pairs(meetings(body, lexicons))) == {frozenset({"FRA", "DEU"}), frozenset({"FRA", "USA"})}
    body = "Four presidents met: Emmanuel Macron met with Olaf Scholz, Joe Biden and Justin Trudeau."
    assert meetings(body, lexicons) == []


def test_summit_is_not_bilateral_but_its_sidelines_are(lexicons: pipeline.Lexicons) -> None:
    assert meetings("Poland and Lithuania met at the summit of the alliance.", lexicons) == []
    body = "On the sidelines of the summit, Emmanuel Macron met with Narendra Modi."
    assert pairs(meetings(body, lexicons)) == [frozenset({"FRA", "IND"})]


def test_invitation_and_undated_plans_are_not_meetings(lexicons: pipeline.Lexicons) -> None:
    assert meetings("Olaf Scholz invited Emmanuel Macron to visit Berlin.", lexicons) == []
    assert meetings("Poland and Lithuania agreed to meet in the near future.", lexicons) == []


def test_counterpart_only_pairs_with_the_home_party(lexicons: pipeline.Lexicons) -> None:
    # A release about Ukraine's president: "I spoke with X" has Ukraine as the other side.
    body = (
        "Volodymyr Zelenskyy addressed the nation. Volodymyr Zelenskyy thanked the soldiers.\n"
        "I spoke today with Justin Trudeau about the next steps."
    )
    (m,) = meetings(body, lexicons)
    assert pairs([m]) == [frozenset({"UKR", "CAN"})]
    assert (m.meeting_date, m.date_basis) == ("2022-03-10", "relative")


def test_one_pair_reported_twice_is_one_meeting_with_merged_details(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Olaf Scholz met with Emmanuel Macron.\n"
        "The talks between Olaf Scholz and Emmanuel Macron took place in Berlin on March 8."
    )
    (m,) = meetings(body, lexicons)
    assert (m.location, m.meeting_date, m.date_basis) == ("Berlin", "2022-03-08", "explicit")


def test_scheduled_meeting_on_a_stated_date(lexicons: pipeline.Lexicons) -> None:
    body = "On March 14, Olaf Scholz will meet with Emmanuel Macron in Paris."
    (m,) = meetings(body, lexicons)
    assert (m.meeting_date, m.location) == ("2022-03-14", "Paris")


def test_headline_gives_the_mode_and_the_counterpart(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Vladimir Putin discussed the situation with the Russian government.\n"
        "The conversation was frank and businesslike."
    )
    found = meetings(body, lexicons, title="Telephone conversation with Emmanuel Macron")
    assert pairs(found) == [frozenset({"RUS", "FRA"})]
    assert found[0].mode == "call"


def test_no_trigger_no_meeting(lexicons: pipeline.Lexicons) -> None:
    assert meetings("Olaf Scholz criticised Emmanuel Macron in a newspaper interview.", lexicons) == []


@pytest.mark.shared
def test_seed_article_meeting() -> None:
    """The seed article: Ukraine–Latvia in Kyiv on 2023-12-12 (inferred: the file has no date)."""
    gold = Path(SHARED_DIR) / "gold" / "seed" / "articles.jsonl"
    if not gold.exists():
        pytest.skip("../shared is not beside the checkout")
    row = json.loads(gold.read_text(encoding="utf-8").splitlines()[0])
    from newsfacts.evaluate.library import to_articles

    (article,) = to_articles([row])
    (m,) = pipeline.extract_article(article, pipeline.load_lexicons()).meetings
    assert frozenset((m.party_a_key, m.party_b_key)) == {"UKR", "LVA"}
    assert (m.meeting_date, m.date_basis, m.location, m.mode) == (
        "2023-12-12",
        "inferred",
        "Kyiv",
        "in_person",
    )
    assert {"Rustem Umerov", "Andris Sprūds"} <= set(m.participants)


def test_topics_from_the_meeting_and_what_was_discussed(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Olaf Scholz met with Emmanuel Macron in Paris.\n"
        "The leaders discussed gas supplies and new sanctions."
    )
    (m,) = meetings(body, lexicons)
    assert {"energy", "sanctions"} <= set(m.topics)
    assert "health" not in m.topics


def test_people_named_after_the_call_are_its_topic(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Presidents Olaf Scholz of Germany and Emmanuel Macron of France discussed on Thursday during a "
        "telephone conversation their relations with Japan under Fumio Kishida."
    )
    assert pairs(meetings(body, lexicons)) == [frozenset({"DEU", "FRA"})]


def test_two_encounters_of_one_pair_with_other_people_stay_apart(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Estonian Defence Minister Marta Kuusk met her Peruvian counterpart Lucia Quispe in Lima on Monday. "
        "Their talks followed a meeting between Estonian President Tarmo Vaher and Peruvian President "
        "Rosa Inca in 2022."
    )
    found = meetings(body, lexicons)
    assert pairs(found) == [frozenset({"EST", "PER"})] * 2
    assert {frozenset(m.participants) for m in found} == {
        frozenset({"Marta Kuusk", "Lucia Quispe"}),
        frozenset({"Tarmo Vaher", "Rosa Inca"}),
    }


def test_a_subject_without_stated_country_meets_the_article_s_other_side(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Estonia and Peru signed three agreements. Prime Minister Tarmo Vaher held bilateral talks with his "
        "Peruvian counterpart Rosa Inca on Saturday. Estonia will open an embassy."
    )
    assert pairs(meetings(body, lexicons)) == [frozenset({"EST", "PER"})]


def test_an_undated_meeting_takes_the_day_the_lead_reports(lexicons: pipeline.Lexicons) -> None:
    body = (
        "The Estonian and Peruvian defence ministers agreed in Singapore on Sunday to train together.\n\n"
        "Later in the day, Estonian Defence Minister Marta Kuusk held separate talks with Chilean Defence "
        "Minister Tomas Ibarra."
    )
    (m,) = meetings(body, lexicons, published="2025-06-01")
    assert frozenset((m.party_a_key, m.party_b_key)) == {"EST", "CHL"}
    assert (m.meeting_date, m.date_basis) == ("2025-06-01", "inferred")


def test_a_weekday_in_a_past_clause_is_not_read_forward_by_a_later_will(lexicons: pipeline.Lexicons) -> None:
    body = (
        "At a meeting held on Tuesday in Paris between Estonian Defence Minister Marta Kuusk and Chilean "
        "Defence Minister Tomas Ibarra, both backed a plan which will be discussed next month."
    )
    (m,) = meetings(body, lexicons, published="2022-03-24")  # a Thursday
    assert m.meeting_date == "2022-03-22"


def test_a_legislature_named_in_another_clause_does_not_veto_the_meeting(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Olaf Scholz on Monday said during a meeting with Emmanuel Macron that a quick vote in Congress "
        "was needed."
    )
    assert pairs(meetings(body, lexicons)) == [frozenset({"DEU", "FRA"})]


def test_talks_at_a_conference_are_multilateral(lexicons: pipeline.Lexicons) -> None:
    body = "Olaf Scholz met Emmanuel Macron at the annual Baltic Security Conference in Riga."
    assert meetings(body, lexicons) == []


@pytest.mark.parametrize(
    "body",
    [
        "Olaf Scholz's potential visit to France is still uncertain, an official said on Tuesday.",
        "Olaf Scholz is contemplating holding talks with Emmanuel Macron in Paris.",
    ],
)
def test_a_meeting_only_considered_is_not_a_meeting(body: str, lexicons: pipeline.Lexicons) -> None:
    assert meetings(body, lexicons) == []


def test_a_joint_press_conference_alongside_a_counterpart_is_a_meeting(lexicons: pipeline.Lexicons) -> None:
    body = "“We stand together,” Olaf Scholz said at a press conference in Berlin alongside Emmanuel Macron."
    (m,) = meetings(body, lexicons)
    assert frozenset((m.party_a_key, m.party_b_key)) == {"DEU", "FRA"}
    assert m.location == "Berlin"


def test_bilateral_meetings_with_enumerated_counterparts_are_one_meeting_each(
    lexicons: pipeline.Lexicons,
) -> None:
    body = (
        "Indian Defence Minister Rajan Sharma held bilateral meetings with US Secretary of Defense Bob Hale, "
        "South Korean Minister of National Defence Kim Dae-ho, Australian Minister for Defence Industry Pat "
        "Conway and New Zealand Defence Minister Jane Collier on Friday."
    )
    found = meetings(body, lexicons, published="2024-05-04")
    assert set(pairs(found)) == {frozenset({"IND", k}) for k in ("USA", "KOR", "AUS", "NZL")}
    assert len(found) == 4
    assert all(m.meeting_date == "2024-05-03" and "Rajan Sharma" in m.participants for m in found)


def test_a_visit_with_several_counterparts_gives_one_meeting_each(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Estonian Prime Minister Tarmo Vaher arrived in Lima on Monday for a two-day visit to Peru. "
        "He held talks with President Rosa Inca at the government palace. "
        "On Tuesday Vaher also met Congress Speaker Ana Torres."
    )
    found = meetings(body, lexicons, published="2024-05-01")
    assert pairs(found) == [frozenset({"EST", "PER"})] * 2
    assert {frozenset(m.participants) for m in found} == {
        frozenset({"Tarmo Vaher", "Rosa Inca"}),
        frozenset({"Tarmo Vaher", "Ana Torres"}),
    }


def test_the_same_talks_told_twice_are_one_meeting(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Estonian Prime Minister Tarmo Vaher held talks with Peruvian President Rosa Inca in Lima on Monday. "
        "During the talks, Vaher and Inca were joined by Peruvian Foreign Minister Luis Quispe."
    )
    (m,) = meetings(body, lexicons, published="2024-05-01")
    assert {"Tarmo Vaher", "Rosa Inca"} <= set(m.participants)


@pytest.mark.parametrize(
    "body",
    [
        "Shares rose after Danske Holding had held merger talks with US bank Orbis Trust.",
        "Olaf Scholz has never met Emmanuel Macron in private, an aide said.",
        "Olaf Scholz has regular meetings with Emmanuel Macron before each council.",
        "Olaf Scholz is trying to arrange a meeting with Emmanuel Macron.",
        "Germany has met its economic criteria for joining, France said.",
        "His words about Olaf Scholz met a cool reception from Emmanuel Macron.",
        "The EU will start accession talks with Moldova, diplomats said.",
        "Olaf Scholz will meet Emmanuel Macron to discuss energy.",
        "Olaf Scholz is to visit Thailand and Indonesia.",
        "Olaf Scholz flew to Brussels to meet Joe Biden and other NATO leaders.",
        "Arab states will meet in Bahrain today to discuss oil marketing, an agency said.",
        "Members of the Security Council met behind closed doors on Friday.",
        "France beat the United States 27-10 in the rugby World Cup match on Saturday.",
        "Germany pushed hard at the meeting of deputy oil ministers of OPEC last weekend.",
        "In Berlin Dr. Hans Roth was met with applause on Monday after the operation on Olaf Scholz.",
        "Olaf Scholz, who has met with multiple world leaders, spoke in France.",
        "Emmanuel Macron was planning to visit Olaf Scholz in hospital.",
        "Olaf Scholz started the month visiting Smalltown, where riots broke out.",
        "Brazil's finance minister said after talks with its 14-bank advisory committee that it would pay.",
        "The Dutch finance minister welcomed President Joe Biden's decision to name a new Fed chair.",
        "A delegation from Orbis Aero Corp will visit the Dutch parliament on Monday.",
        "The board is due to meet in Indonesia in June.",
        "Germany has taken steps to meet U.S. demands for stimulus, Olaf Scholz said.",
        "Near-term demand has been met by German purchases of French corn, Olaf Scholz said.",
        "France are still to meet Italy at the stadium in what is now a wooden spoon decider.",
        "Emmanuel Macron visited Olaf Scholz in hospital on Monday.",
        "Olaf Scholz began a private visit to France on Monday.",
    ],
)
def test_what_is_no_bilateral_meeting(body: str, lexicons: pipeline.Lexicons) -> None:
    assert meetings(body, lexicons, published=None) == []


def test_a_meeting_still_to_come_counts_with_its_day(lexicons: pipeline.Lexicons) -> None:
    (m,) = meetings("Olaf Scholz will meet Emmanuel Macron on Friday in Paris.", lexicons)
    assert m.meeting_date == "2022-03-11"


def test_counterparts_after_a_subject_whose_side_is_unsaid_are_not_each_others(
    lexicons: pipeline.Lexicons,
) -> None:
    body = (
        "Britain pledged support. Mr Pell held talks with his Estonian counterpart Marta Kuusk and the "
        "Peruvian leader Rosa Inca in London on Monday. Britain will host more talks."
    )
    assert frozenset({"EST", "PER"}) not in pairs(meetings(body, lexicons))


def test_a_meeting_told_as_the_next_step_takes_the_day_of_the_one_before(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Estonia is building partnerships. It opened two embassies this year. Estonian Prime Minister "
        "Marta Kuusk spoke on Monday with Canadian Prime Minister Anne Roy. Later she also had a "
        "conversation with Chilean President Tomas Ibarra."
    )
    found = meetings(body, lexicons, published="2022-06-16")
    dated = {frozenset((m.party_a_key, m.party_b_key)): m.meeting_date for m in found}
    assert dated == {frozenset({"EST", "CAN"}): "2022-06-13", frozenset({"EST", "CHL"}): "2022-06-13"}


def test_an_organisation_then_a_person_after_the_trigger_are_two_meetings(
    lexicons: pipeline.Lexicons,
) -> None:
    body = "Later on Tuesday Olaf Scholz met with the International Monetary Fund, then with Joe Biden."
    assert set(pairs(meetings(body, lexicons))) == {frozenset({"DEU", "IMF"}), frozenset({"DEU", "USA"})}


def test_a_topic_country_after_the_trigger_is_no_counterpart(lexicons: pipeline.Lexicons) -> None:
    body = "Mr Pell has met Olaf Scholz and Emmanuel Macron to talk about Moldova entering the EU."
    assert all("MDA" not in pair for pair in pairs(meetings(body, lexicons)))
