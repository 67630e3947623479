"""Sentence and paragraph splitting: one test per phenomenon, with sentences written for the test."""

from __future__ import annotations

import pytest

from newsfacts.extract.text import split_paragraphs, split_sentences


def texts(body: str) -> list[str]:
    return [s.text for s in split_sentences(body)]


def test_offsets_are_exact() -> None:
    body = "  First line here.  Second one!\n\nThird paragraph? Yes.\n"
    for s in split_sentences(body):
        assert body[s.start : s.end] == s.text
    assert texts(body) == ["First line here.", "Second one!", "Third paragraph?", "Yes."]


@pytest.mark.parametrize(
    "body",
    [
        "Mr. Okafor met Dr. Lind at noon.",
        "Gen. Marlow arrived on Jan. 5 with the delegation.",
        "The envoy J. K. Rowan signed the note.",
        "Growth slowed to 1.5 percent this year.",
        "Officials in the U.S. capital were silent.",
    ],
)
def test_abbreviations_initials_and_decimals_do_not_split(body: str) -> None:
    assert texts(body) == [body]


def test_acronym_can_close_a_sentence_before_a_sentence_starter() -> None:
    assert texts("The grant came from the U.S. The minister thanked them.") == [
        "The grant came from the U.S.",
        "The minister thanked them.",
    ]


def test_closing_quote_after_the_full_stop_stays_with_its_sentence() -> None:
    body = 'She said: "We will stay." He nodded. “It is done.” Then they left.'
    assert texts(body) == ['She said: "We will stay."', "He nodded.", "“It is done.”", "Then they left."]


def test_question_inside_quote_followed_by_attribution_does_not_split() -> None:
    assert texts('"Is it over?" the mayor asked. Nobody answered.') == [
        '"Is it over?" the mayor asked.',
        "Nobody answered.",
    ]


def test_ellipsis() -> None:
    assert texts("We waited... and waited. Then… Nothing happened.") == [
        "We waited... and waited.",
        "Then…",
        "Nothing happened.",
    ]


def test_paragraph_break_always_ends_a_sentence() -> None:
    body = "A headline without a full stop\n\nThe story starts here. It goes on"
    sents = split_sentences(body)
    assert [s.text for s in sents] == [
        "A headline without a full stop",
        "The story starts here.",
        "It goes on",
    ]
    assert [s.paragraph_index for s in sents] == [0, 1, 1]


def test_hard_wrapped_line_continues_its_paragraph() -> None:
    body = "The committee published its long awaited report on the\nharbour project on Tuesday."
    assert len(split_paragraphs(body)) == 1
    assert texts(body) == [
        "The committee published its long awaited report on the\nharbour project on Tuesday."
    ]


def test_an_article_an_extractor_trips_on_keeps_its_row_with_the_error() -> None:
    from newsfacts.extract import pipeline
    from newsfacts.extract.records import Article

    lexicons = pipeline.load_lexicons()
    broken = pipeline.Lexicons(entities=lexicons.entities, quotes=lexicons.quotes, events=None)  # type: ignore[arg-type]
    facts = pipeline.extract_article_or_error(Article("a1", "Jane Doe met John Roe in Oslo."), broken)
    assert (facts.article_id, facts.meetings, facts.error is not None) == ("a1", [], True)
    assert "AttributeError" in (facts.error or "")
    ok = pipeline.extract_article_or_error(Article("a2", "Jane Doe met John Roe in Oslo."), lexicons)
    assert ok.error is None
