"""Pledges through the real sentence and entity steps, on sentences written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfacts.extract import pipeline
from newsfacts.extract.records import Article, PledgeMention
from newsfacts.paths import SHARED_DIR


@pytest.fixture(scope="module")
def lexicons() -> pipeline.Lexicons:
    return pipeline.load_lexicons()


def pledges(
    body: str, lexicons: pipeline.Lexicons, published: str | None = "2023-05-04"
) -> list[PledgeMention]:
    """Return the pledges the pipeline finds in body."""
    return pipeline.extract_article(Article("t", body, None, published), lexicons).pledges


def brief(found: list[PledgeMention]) -> list[tuple[str, str, str, str]]:
    return [(p.donor_key, p.recipient_key, p.category, p.status) for p in found]


def test_will_provide_tanks_is_a_firm_military_pledge_with_a_quantity(lexicons: pipeline.Lexicons) -> None:
    (p,) = pledges("Poland will provide 14 Leopard tanks to Ukraine.", lexicons)
    assert (p.donor_key, p.recipient_key, p.category, p.status) == ("POL", "UKR", "military", "firm")
    assert (p.quantity, p.item) == (14, "Leopard tanks")
    assert p.announced_on == "2023-05-04"


def test_amount_currency_and_period(lexicons: pipeline.Lexicons) -> None:
    (p,) = pledges("Sweden pledged SEK 2 billion in budget support to Moldova for 2024–2026.", lexicons)
    assert (p.donor_key, p.recipient_key, p.category) == ("SWE", "MDA", "financial")
    assert (p.amount, p.currency, p.period) == (2e9, "SEK", "2024–2026")


def test_money_alone_makes_a_financial_pledge(lexicons: pipeline.Lexicons) -> None:
    (p,) = pledges("Japan decided to allocate $500 million to Ukraine.", lexicons)
    assert (p.category, p.amount, p.currency, p.status) == ("financial", 500e6, "USD", "firm")


def test_humanitarian_category_and_delivered_status(lexicons: pipeline.Lexicons) -> None:
    (p,) = pledges("Austria has delivered medicines and generators to Moldova.", lexicons)
    assert (p.donor_key, p.recipient_key, p.category, p.status) == ("AUT", "MDA", "humanitarian", "delivered")


def test_training_pledge_with_year(lexicons: pipeline.Lexicons) -> None:
    (p,) = pledges("In 2025, Estonia will train Georgian recruits on its territory.", lexicons)
    assert (p.donor_key, p.recipient_key, p.category, p.period) == ("EST", "GEO", "training", "2025")


def test_capital_as_donor_and_proposal(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Ukraine and Lithuania keep talking about defence.\n"
        "Vilnius proposed to set up a coalition for armoured vehicles for Ukraine."
    )
    (p,) = pledges(body, lexicons)
    assert (p.donor_key, p.recipient_key, p.category, p.status) == ("LTU", "UKR", "military", "proposal")


def test_ready_to_is_a_proposal(lexicons: pipeline.Lexicons) -> None:
    (p,) = pledges("Canada is ready to provide financial assistance to Ukraine.", lexicons)
    assert (p.category, p.status) == ("financial", "proposal")


def test_may_if_is_conditional_never_firm(lexicons: pipeline.Lexicons) -> None:
    found = pledges("Norway may provide ammunition to Ukraine if the parliament agrees.", lexicons)
    assert brief(found) == [("NOR", "UKR", "military", "conditional")]


def test_thanked_for_aid_is_a_delivered_pledge_of_the_party_thanked(lexicons: pipeline.Lexicons) -> None:
    body = "Volodymyr Zelenskyy thanked Ireland for humanitarian aid to Ukraine."
    assert brief(pledges(body, lexicons)) == [("IRL", "UKR", "humanitarian", "delivered")]


def test_thanked_for_support_alone_is_no_pledge(lexicons: pipeline.Lexicons) -> None:
    assert pledges("Volodymyr Zelenskyy thanked Ireland for its support.", lexicons) == []


@pytest.mark.parametrize(
    "body",
    [
        "Canada announced new sanctions against Russia.",
        "Poland and Ukraine pledged to work together on border crossings.",
        "Poland and Ukraine signed a memorandum on energy cooperation.",
        "Ukraine asked for more air defence systems from Germany.",
    ],
)
def test_not_pledges(body: str, lexicons: pipeline.Lexicons) -> None:
    assert pledges(body, lexicons) == []


def test_same_item_said_twice_is_one_pledge(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Denmark will send artillery shells to Ukraine.\n"
        "The artillery shells that Denmark pledged will reach Ukraine in June."
    )
    assert brief(pledges(body, lexicons)) == [("DNK", "UKR", "military", "firm")]


def test_two_items_of_two_categories_in_one_clause(lexicons: pipeline.Lexicons) -> None:
    body = "Norway is ready to continue supplying weapons to Ukraine and organising military training."
    assert sorted(p.category for p in pledges(body, lexicons)) == ["military", "training"]


@pytest.mark.shared
def test_seed_article_pledges() -> None:
    """The seed article: training (firm, 2024) and a drone coalition (proposal) from Latvia; never a
    firm EU ammunition pledge."""
    gold = Path(SHARED_DIR) / "gold" / "seed" / "articles.jsonl"
    if not gold.exists():
        pytest.skip("../shared is not beside the checkout")
    from newsfacts.evaluate.library import to_articles

    (article,) = to_articles([json.loads(gold.read_text(encoding="utf-8").splitlines()[0])])
    found = pipeline.extract_article(article, pipeline.load_lexicons()).pledges
    got = {(p.donor_key, p.recipient_key, p.category): p for p in found}
    assert got[("LVA", "UKR", "training")].status == "firm"
    assert got[("LVA", "UKR", "training")].period == "2024"
    assert got[("LVA", "UKR", "military")].status == "proposal"
    assert all(p.status != "firm" for p in found if p.donor_key == "EU")


def test_thanks_for_a_decision_is_firm(lexicons: pipeline.Lexicons) -> None:
    body = "Volodymyr Zelenskyy thanked Norway for the decision to allocate $50 million to Ukraine."
    found = pledges(body, lexicons)
    assert [(p.donor_key, p.recipient_key, p.status, p.amount) for p in found] == [
        ("NOR", "UKR", "firm", 50e6)
    ]


def test_the_parties_thanked_are_not_recipients(lexicons: pipeline.Lexicons) -> None:
    body = "Volodymyr Zelenskyy thanked Norway and Denmark for military aid to Ukraine."
    assert [(p.donor_key, p.recipient_key) for p in pledges(body, lexicons)] == [("NOR", "UKR")]


def test_different_statuses_of_one_donor_stay_two_pledges(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Germany announced a payment of EUR 150 million to Ukraine.\n"
        "Germany is ready to provide a further loan to Ukraine."
    )
    assert sorted(p.status for p in pledges(body, lexicons)) == ["firm", "proposal"]


def test_each_donor_of_a_list_pledges(lexicons: pipeline.Lexicons) -> None:
    found = pledges("Poland and Lithuania will send helmets to Ukraine.", lexicons)
    assert sorted((p.donor_key, p.recipient_key, p.category) for p in found) == [
        ("LTU", "UKR", "military"),
        ("POL", "UKR", "military"),
    ]


def test_a_campaign_promise_is_no_pledge(lexicons: pipeline.Lexicons) -> None:
    body = "Canada wants funding for the wall, one of its campaign promises to Mexico."
    assert pledges(body, lexicons) == []


def test_progressive_and_dispatched_rescue_teams_are_humanitarian(lexicons: pipeline.Lexicons) -> None:
    body = (
        "A strong earthquake struck Peru on Friday. "
        "Chile is sending a search and rescue team of 40 people to Peru. "
        "Bolivia said a contingent of rescuers had been dispatched to Peru."
    )
    found = brief(pledges(body, lexicons))
    assert ("CHL", "PER", "humanitarian", "firm") in found
    assert ("BOL", "PER", "humanitarian", "delivered") in found


def test_receive_from_turns_the_direction(lexicons: pipeline.Lexicons) -> None:
    found = pledges("Zambia will also receive 300,000 vaccine doses from Sweden next month.", lexicons)
    assert brief(found) == [("SWE", "ZMB", "humanitarian", "firm")]


def test_headline_infinitive_after_its_donor(lexicons: pipeline.Lexicons) -> None:
    assert brief(pledges("Norway to send Moldova 20 armoured vehicles", lexicons)) == [
        ("NOR", "MDA", "military", "firm")
    ]
    assert pledges("Moldova wants Norway and others to send armoured vehicles.", lexicons) == []


def test_extended_line_of_credit_is_a_financial_pledge(lexicons: pipeline.Lexicons) -> None:
    body = "Japan on Monday extended a $300 million line of credit to Nepal for fuel imports."
    (p,) = pledges(body, lexicons)
    assert (p.donor_key, p.recipient_key, p.category, p.amount) == ("JPN", "NPL", "financial", 300e6)


def test_patrol_vessels_are_military(lexicons: pipeline.Lexicons) -> None:
    (p,) = pledges("Korea will provide Indonesia two new patrol vessels.", lexicons)
    assert (p.donor_key, p.recipient_key, p.category) == ("KOR", "IDN", "military")


def test_a_partner_named_with_the_donor_is_not_the_donor(lexicons: pipeline.Lexicons) -> None:
    found = pledges(
        "The Swedish government, together with partners from the European Union, has donated "
        "200,000 vaccine doses to Kenya.",
        lexicons,
    )
    assert [(p.donor_key, p.recipient_key) for p in found] == [("SWE", "KEN")]


def test_speaker_announcing_that_a_country_gives(lexicons: pipeline.Lexicons) -> None:
    found = pledges("Ms Larsen announced that Denmark would provide $50 million in aid to Moldova.", lexicons)
    assert [(p.donor_key, p.recipient_key) for p in found] == [("DNK", "MDA")]


def test_an_amount_for_a_country_is_not_given_by_it(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Austria will send aid to Moldova. "
        "The budget set aside $20 million for Moldova, with $5 million in humanitarian assistance."
    )
    assert {(p.donor_key, p.recipient_key) for p in pledges(body, lexicons)} == {("AUT", "MDA")}


def test_aid_cuts_and_calls_for_aid_are_not_pledges(lexicons: pipeline.Lexicons) -> None:
    assert pledges("Sweden announced cuts of $40 million in aid to Moldova.", lexicons) == []
    assert pledges("Chile received an official call for aid from Peru on Sunday.", lexicons) == []


def test_an_abbreviation_does_not_end_the_clause(lexicons: pipeline.Lexicons) -> None:
    found = pledges("Norway has already paid for a batch of U.S. howitzers intended for Moldova.", lexicons)
    assert brief(found) == [("NOR", "MDA", "military", "delivered")]


def test_a_stalled_bill_and_a_blueprint_are_not_pledges(lexicons: pipeline.Lexicons) -> None:
    stalled = "Nobody knows when Congress would approve a stalled $9 billion aid package for Moldova."
    assert pledges(stalled, lexicons) == []
    blueprint = "Senator Kowal said the plan could provide a blueprint for unlocking funds for Moldova."
    assert pledges(blueprint, lexicons) == []


def test_a_package_that_includes_items_is_a_pledge(lexicons: pipeline.Lexicons) -> None:
    found = pledges("Sweden's €300 million package includes artillery shells for Moldova.", lexicons)
    assert brief(found) == [("SWE", "MDA", "military", "firm")]


def test_trainers_beside_equipment_are_a_training_pledge(lexicons: pipeline.Lexicons) -> None:
    body = "Norway will send 20 armoured vehicles to Moldova and 30 soldiers to Poland to train its troops."
    found = brief(pledges(body, lexicons))
    assert ("NOR", "MDA", "military", "firm") in found
    assert ("NOR", "MDA", "training", "firm") in found


def test_an_unattributed_package_comes_from_the_giver_named_before(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Officials of Korea and Laos met in Vientiane on Monday. "
        "They signed the notes on the 12th development programme of Korea to Laos. "
        "This year's loan package comprises four projects amounting to $120 million."
    )
    assert [(p.donor_key, p.recipient_key) for p in pledges(body, lexicons)] == [("KOR", "LAO")]


def test_development_banks_and_un_agencies_are_donors(lexicons: pipeline.Lexicons) -> None:
    found = pledges("The African Development Bank approved a $40 million grant to Malawi.", lexicons)
    assert [(p.donor_key, p.recipient_key, p.category) for p in found] == [("AFDB", "MWI", "financial")]


def test_a_lending_bank_is_its_own_donor_and_no_investment(lexicons: pipeline.Lexicons) -> None:
    found = pledges("The European Investment Bank will lend €25 million to Zambia for clinics.", lexicons)
    assert [(p.donor_key, p.recipient_key, p.category) for p in found] == [("EIB", "ZMB", "financial")]


def test_debt_relief_is_financial(lexicons: pipeline.Lexicons) -> None:
    (p,) = pledges("The IMF approved $6 million in debt relief for Malawi.", lexicons)
    assert (p.donor_key, p.recipient_key, p.category) == ("IMF", "MWI", "financial")


def test_a_party_in_the_condition_is_not_the_recipient(lexicons: pipeline.Lexicons) -> None:
    body = "Finland could send more shells to Moldova if Sweden replaces its stocks."
    assert [(p.donor_key, p.recipient_key) for p in pledges(body, lexicons)] == [("FIN", "MDA")]


def test_a_bare_dollar_in_a_canadian_story_is_cad(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Justin Trudeau met Volodymyr Zelenskyy in Kyiv. "
        "Justin Trudeau said Canada will provide $40 million in aid to Ukraine. "
        "Justin Trudeau added that more would follow."
    )
    (p,) = pledges(body, lexicons)
    assert (p.donor_key, p.amount, p.currency) == ("CAN", 40e6, "CAD")


def test_a_bare_dollar_in_the_recipients_release_stays_usd(lexicons: pipeline.Lexicons) -> None:
    (p,) = pledges("Canada will provide $40 million in aid to Ukraine.", lexicons)
    assert (p.amount, p.currency) == (40e6, "USD")


def test_gave_a_grant_but_not_a_speech(lexicons: pipeline.Lexicons) -> None:
    found = pledges("Denmark gave a $20 million grant to Malawi.", lexicons)
    assert [(p.donor_key, p.recipient_key, p.status) for p in found] == [("DNK", "MWI", "delivered")]
    assert pledges("Denmark gave a speech on aid to Malawi.", lexicons) == []


def test_receiving_the_remainder_of_a_partys_package(lexicons: pipeline.Lexicons) -> None:
    found = pledges("Tunisia will receive the remaining €2 billion of the EU package next year.", lexicons)
    assert [(p.donor_key, p.recipient_key, p.category) for p in found] == [("EU", "TUN", "financial")]


def test_a_defence_minister_announcing_a_package_makes_it_military(lexicons: pipeline.Lexicons) -> None:
    body = "Defence Minister Ivo Marek announced a new €50 million package for Moldova, Czechia said."
    assert [p.category for p in pledges(body, lexicons)] == ["military"]


def test_donors_listed_among_the_countries_to_pledge(lexicons: pipeline.Lexicons) -> None:
    body = "Chile, Peru and Brazil were among the countries to make pledges of food aid to Haiti."
    assert {p.donor_key for p in pledges(body, lexicons)} == {"CHL", "PER", "BRA"}


def test_a_demonym_on_the_aid_noun_is_the_donor(lexicons: pipeline.Lexicons) -> None:
    found = pledges("Officials said the new Danish loan package will reach Malawi in May.", lexicons)
    assert [(p.donor_key, p.recipient_key) for p in found] == [("DNK", "MWI")]


def test_an_organisation_signing_a_grant_with_a_country_gives_it(lexicons: pipeline.Lexicons) -> None:
    body = "The World Bank and the Government of Malawi signed a $30 million grant agreement."
    assert [(p.donor_key, p.recipient_key) for p in pledges(body, lexicons)] == [("WB", "MWI")]
    assert pledges("Malawi signed a loan deal with Kenya.", lexicons) == []


@pytest.mark.parametrize(
    ("body", "category"),
    [
        ("Korea will hand over two vessels to the Philippine Coast Guard.", "military"),
        ("Canada will send $20 million in nonlethal aid to Moldova.", "military"),
        ("Spain has delivered ambulances and blankets to Morocco.", "humanitarian"),
        ("India will extend a currency swap facility of $400 million to Nepal.", "financial"),
    ],
)
def test_item_words_set_the_category(body: str, category: str, lexicons: pipeline.Lexicons) -> None:
    assert [p.category for p in pledges(body, lexicons)] == [category]


def test_listed_items_of_two_categories_are_two_pledges(lexicons: pipeline.Lexicons) -> None:
    found = pledges("Korea will provide radars and $30 million in budget support to Laos.", lexicons)
    assert [(p.category, p.amount) for p in found] == [("military", None), ("financial", 30e6)]
    body = "India will extend a $90 million credit line to Nepal for importing food and fuel."
    assert [p.category for p in pledges(body, lexicons)] == ["financial"]


def test_demining_equipment_beside_weapons_is_a_pledge_of_its_own(lexicons: pipeline.Lexicons) -> None:
    found = pledges("Austria has provided Moldova with howitzers, demining equipment and tents.", lexicons)
    assert sorted(p.category for p in found) == ["humanitarian", "military", "other"]


def test_will_also_provide(lexicons: pipeline.Lexicons) -> None:
    found = pledges("Korea will also provide a grant of $15 million to Laos.", lexicons)
    assert [(p.donor_key, p.recipient_key, p.category) for p in found] == [("KOR", "LAO", "financial")]


def test_an_unattributed_item_without_a_sum_comes_from_the_other_side(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Finland's defence minister visited Moldova on Monday. "
        "Minister Aino Virtanen said the ministry will be donating 40 armoured vehicles to Moldova."
    )
    assert [(p.donor_key, p.recipient_key, p.category) for p in pledges(body, lexicons)] == [
        ("FIN", "MDA", "military")
    ]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Norway pledges $40m to Moldova", ("NOR", "MDA", "financial", "firm")),
        ("Chile sends rescuers to Peru", ("CHL", "PER", "humanitarian", "firm")),
        ("Korea offers Laos 20 patrol boats", ("KOR", "LAO", "military", "proposal")),
    ],
)
def test_headline_present_tense_right_after_the_donor(
    headline: str, expected: tuple[str, str, str, str], lexicons: pipeline.Lexicons
) -> None:
    assert brief(pledges(headline, lexicons)) == [expected]


def test_a_debt_rescheduling_is_no_pledge(lexicons: pipeline.Lexicons) -> None:
    body = "The IMF agreed to extend the repayment of a $2 billion loan to Moldova by two years."
    assert pledges(body, lexicons) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Chile has so far sent 30 tonnes of food to Peru.", ("CHL", "PER", "humanitarian", "delivered")),
        ("Qatar said it would deposit $3 billion in Egypt's bank.", ("QAT", "EGY", "financial", "firm")),
        ("Sweden is to give Moldova 20 million euros in loans.", ("SWE", "MDA", "financial", "firm")),
        ("Jordan airlifted 20 tonnes of medicines to Lebanon.", ("JOR", "LBN", "humanitarian", "delivered")),
    ],
)
def test_more_giving_verbs(
    body: str, expected: tuple[str, str, str, str], lexicons: pipeline.Lexicons
) -> None:
    assert brief(pledges(body, lexicons)) == [expected]


def test_a_task_is_to_provide_is_no_pledge(lexicons: pipeline.Lexicons) -> None:
    assert pledges("The mission of the fund is to provide loans to Moldova.", lexicons) == []


def test_expected_to_extend_is_a_proposal_and_received_is_delivered(lexicons: pipeline.Lexicons) -> None:
    (p,) = pledges("Korea is also expected to extend a credit line of $90 million to Laos.", lexicons)
    assert p.status == "proposal"
    (q,) = pledges("Laos received the $90 million loan from Korea on Monday.", lexicons)
    assert (q.donor_key, q.recipient_key, q.status) == ("KOR", "LAO", "delivered")


def test_a_disaster_sets_the_category_of_an_item_less_sum(lexicons: pipeline.Lexicons) -> None:
    (p,) = pledges("After the earthquake, Chile announced $2 million for Peru.", lexicons)
    assert p.category == "humanitarian"


def test_the_speakers_we_gives(lexicons: pipeline.Lexicons) -> None:
    before = 'Moldova and Japan held talks. Fumio Kishida said: "We will provide $50 million in loans."'
    after = 'Moldova and Japan held talks. "We will provide $50 million in loans," said Fumio Kishida.'
    for body in (before, after):
        assert [(p.donor_key, p.recipient_key) for p in pledges(body, lexicons)] == [("JPN", "MDA")]


def test_the_implicit_recipient_must_be_in_view(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Peru and Chile signed a trade deal. Peru praised Chile. Chile thanked Peru. "
        "Officials met. Talks went on. Markets rose. Prices fell. "
        "Chile will provide 30 tonnes of food."
    )
    assert pledges(body, lexicons) == []


def test_a_sum_far_from_an_item_is_a_pledge_of_its_own(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Norway will send more armoured vehicles to Moldova. The vehicles are used by the army. "
        "Moldova praised Norway. Talks went on. Markets rose. "
        "Norway also set aside $40 million in military assistance for Moldova."
    )
    found = [(p.category, p.amount) for p in pledges(body, lexicons)]
    assert found == [("military", None), ("military", 40e6)]


def test_a_demonym_before_an_institution_is_the_recipient(lexicons: pipeline.Lexicons) -> None:
    body = "China worries Japan. Japan will hand over two patrol boats to the Philippine Coast Guard."
    assert [(p.donor_key, p.recipient_key) for p in pledges(body, lexicons)] == [("JPN", "PHL")]


def test_each_recipient_of_a_list_receives(lexicons: pipeline.Lexicons) -> None:
    found = pledges("Qatar will send rescue teams to Chile and Peru.", lexicons)
    assert [(p.donor_key, p.recipient_key) for p in found] == [("QAT", "CHL"), ("QAT", "PER")]


def test_an_arms_sale_is_no_pledge(lexicons: pipeline.Lexicons) -> None:
    assert pledges("The United States approved the sale of $3 billion in weapons to Chile.", lexicons) == []


def test_receiving_no_item_is_no_pledge(lexicons: pipeline.Lexicons) -> None:
    assert pledges("Chile will receive the new ambassador from Peru on Monday.", lexicons) == []


@pytest.mark.parametrize(
    "body",
    [
        "Canada's Orbis Capital Inc will provide 279 mln dlrs of its funds to Peru to complete the takeover.",
        "The Peruvian government will give farmers a 40 mln dlr stimulus, Chile said.",
        "Japan said it had fully provided for the settlement's cost of 5 mln dlrs owed to Peru.",
        "The accord provided for capital goods trade between Peru and Chile to rise to 2 billion dlrs.",
        "Chile will supply Peru 100,000 tonnes of copper at a rate of 96 dlrs a tonne.",
        "Peru is asking for about 320 mln dlrs from Chile to pay for relief.",
        "Only the Chilean delegation gave general support to the Commission line on farm aid for Peru.",
        "Orbis Industries Inc said its Chilean unit received an order from Peru and will supply aid kits.",
        "Chilean actress Ana Roca has donated 1 mln dlrs to Peru's flood relief.",
        "The Peruvian minister will extend his tour, flying to Chile for talks on aid.",
    ],
)
def test_company_domestic_and_private_giving_are_no_pledges(body: str, lexicons: pipeline.Lexicons) -> None:
    found = pipeline.extract_article(Article("t", body, None, "2024-03-01"), lexicons).pledges
    assert found == []


def test_aid_in_wire_notation_keeps_its_amount(lexicons: pipeline.Lexicons) -> None:
    body = "Japan will provide 50 mln dlrs in aid to Peru, the minister said."
    (p,) = pipeline.extract_article(Article("t", body, None, "2024-03-01"), lexicons).pledges
    assert (p.donor_key, p.recipient_key, p.amount, p.currency) == ("JPN", "PER", 50e6, "USD")


@pytest.mark.parametrize(
    "body",
    [
        "Is Chile ready to supply this to Peru?\" the minister asked.",
        "Chile said the reform would give Peru's markets a dynamic organisation.",
    ],
)
def test_a_pledge_names_what_it_gives(body: str, lexicons: pipeline.Lexicons) -> None:
    assert pipeline.extract_article(Article("t", body, None, "2024-03-01"), lexicons).pledges == []


def test_a_pledge_whose_sides_are_both_guessed_is_dropped(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Japan and Peru signed a trade accord. Officials met in Lima for three days. The weather was warm. "
        "Retail stores in the region will be providing additional funding for the programme."
    )
    assert pipeline.extract_article(Article("t", body, None, "2024-03-01"), lexicons).pledges == []


def test_the_party_an_aid_noun_is_for_receives_it(lexicons: pipeline.Lexicons) -> None:
    body = "Peru signed with Chile for a 40 mln dlr credit facility, part of an aid package for Peru's plan."
    (p,) = pipeline.extract_article(Article("t", body, None, "2024-03-01"), lexicons).pledges
    assert (p.donor_key, p.recipient_key) == ("CHL", "PER")
