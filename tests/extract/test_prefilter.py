"""The literal prefilter proves a regex cannot match; it must never hide a match."""

from __future__ import annotations

import re

import pytest

from newsfacts.extract.context import load_event_lexicon, lower
from newsfacts.extract.prefilter import Prefilter, any_required, may_match, required_literals


def test_literals_of_an_alternation_with_a_shared_tail() -> None:
    assert required_literals(r"\b(?:held|had) (?:a |an )?talks\b") == {
        f"{verb} {article}talks" for verb in ("held", "had") for article in ("a ", "an ", "")
    }
    assert required_literals(r"\b(?:held|had) (?:\w+ )?meeting\b") == {"meeting"}


def test_a_literal_containing_a_shorter_one_is_dropped() -> None:
    assert required_literals(r"\b(?:invited|invite|invitation)\b") == {"invite", "invitation"}


def test_an_optional_part_is_not_required() -> None:
    assert required_literals(r"\bmet\b(?:\s+with)?") == {"met"}


def test_no_literal_when_nothing_is_certain() -> None:
    assert required_literals(r"\b\w+ing\b") == {"ing"}
    assert required_literals(r"\b\w+\b") is None
    assert required_literals(r"(?i)meeting") is None  # case-insensitive: `in` would miss "Meeting"
    assert any_required([r"\bsummit\b", r"[a-z]+"]) is None


def test_trie_prefilter_agrees_with_in_tests() -> None:
    literals = frozenset({"phone call", "video link", "talks with", "visited", "hosted "})
    trie = Prefilter.of(literals)
    assert trie is not None and trie.regex is not None
    for text in ("they hosted a dinner", "a video link was set up", "nothing here", "talks without end"):
        assert trie.found_in(text) == any(k in text for k in literals)


SENTENCES = [
    "The two ministers met with reporters after they held bilateral talks in the capital.",
    "She will provide 40 armoured vehicles and has already sent medical supplies.",
    "On the sidelines of the summit, the leaders had a phone conversation about energy.",
    "Officials said the delegation was received by his counterpart, then left for the airport.",
    "Nothing of the sort happened on that quiet afternoon by the river.",
    "The country may send instructors if parliament approves the new package of assistance.",
    "They thanked the donors for the generators and the humanitarian aid delivered last week.",
    "A video conference between the foreign ministers followed the trilateral meeting.",
]


@pytest.mark.parametrize("table", ["meeting", "pledge"])
def test_seed_trigger_prefilters_never_hide_a_match(table: str) -> None:
    lexicon = load_event_lexicon()
    triggers = lexicon.meeting_triggers if table == "meeting" else lexicon.pledge_triggers
    matched = 0
    for sentence in SENTENCES:
        low = lower(sentence)
        for trigger in triggers:
            if trigger.pattern.search(low):
                matched += 1
                assert may_match(trigger.literals, low), (trigger.pattern.pattern, sentence)
        for (tab, kind), quick in lexicon.any_trigger.items():
            if tab == table and quick.search(low):
                assert may_match(lexicon.any_literals[(tab, kind)], low), (kind, sentence)
    assert matched > 5  # the sentences do exercise the triggers


def test_prefilter_rejects_a_sentence_without_trigger_words() -> None:
    lexicon = load_event_lexicon()
    literals = lexicon.any_literals[("meeting", "meeting")]
    assert literals is not None
    assert not may_match(literals, lower("Nothing of the sort happened on that quiet afternoon."))
    assert re.search("visit", "a visit") and may_match(literals, "a visit to the port")
