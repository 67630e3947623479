"""A person's party read from the words beside the name: people no seed lists, sentences written here."""

from __future__ import annotations

import pytest

from newsfacts.extract import affiliations, entities, pipeline, text
from newsfacts.extract.records import Article


@pytest.fixture(scope="module")
def lexicons() -> pipeline.Lexicons:
    return pipeline.load_lexicons()


def parties(body: str, lexicons: pipeline.Lexicons) -> dict[str, str]:
    """Return the surface of each named person → the party the text states for them."""
    article = Article("t", body, None, "2024-05-02")
    mentions = entities.find_mentions(article, text.split_sentences(body), lexicons.entities)
    stated = affiliations.text_affiliations(body, mentions, lexicons.events.office_words)
    return {m.surface: stated[m.entity_key] for m in mentions if m.entity_key in stated}


@pytest.mark.parametrize(
    ("body", "surface", "party"),
    [
        ("Estonian Defence Minister Marta Kuusk arrived on Monday.", "Marta Kuusk", "EST"),
        ("Chile's Economy Minister Tomas Ibarra spoke first.", "Tomas Ibarra", "CHL"),
        ("Later he met his Peruvian counterpart Lucia Quispe in Lima.", "Lucia Quispe", "PER"),
        ("President Kofi Mensah of Ghana opened the session.", "Kofi Mensah", "GHA"),
        ("Talks began with Ingrid Solberg, Norway's foreign minister, as chair.", "Ingrid Solberg", "NOR"),
        ("Ingrid Solberg, the Norwegian foreign minister, spoke next.", "Ingrid Solberg", "NOR"),
        ("Ingrid Solberg, the foreign minister of Norway, spoke next.", "Ingrid Solberg", "NOR"),
        ("South Korean Minister of National Defence Kim Dae-ho was there.", "Kim Dae-ho", "KOR"),
    ],
)
def test_party_stated_beside_the_name(
    body: str, surface: str, party: str, lexicons: pipeline.Lexicons
) -> None:
    assert parties(body, lexicons).get(surface) == party


def test_a_country_named_as_a_topic_ties_nobody(lexicons: pipeline.Lexicons) -> None:
    body = "After the sanctions on Iran, Marta Kuusk said the talks would go on."
    assert "Marta Kuusk" not in parties(body, lexicons)


def test_another_person_between_breaks_the_apposition(lexicons: pipeline.Lexicons) -> None:
    body = "Estonian Defence Minister Marta Kuusk and Tomas Ibarra spoke."
    assert parties(body, lexicons) == {"Marta Kuusk": "EST"}


def test_unseeded_counterparts_make_a_meeting(lexicons: pipeline.Lexicons) -> None:
    body = (
        "Estonian Defence Minister Marta Kuusk and his Peruvian counterpart Lucia Quispe, meeting on the "
        "sidelines of a security forum, agreed to train officers together."
    )
    found = pipeline.extract_article(Article("t", body, None, "2024-05-02"), lexicons).meetings
    assert [frozenset((m.party_a_key, m.party_b_key)) for m in found] == [frozenset({"EST", "PER"})]
    assert set(found[0].participants) == {"Marta Kuusk", "Lucia Quispe"}
