"""The quote step's fast paths find exactly what the plain regex scans they replace find.

Each fast path (sentence marks read once per body, transcript labels tried only where one may start,
the role-holder name pattern compiled once, cue forms grouped by first character) is compared with
the straightforward scan on generated text built from fragments written for these tests.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.extract import quotes
from newsfacts.extract.quotes import QuoteLexicon, load_quote_lexicon

SENTENCE_BITS = [
    "a",
    "Mr",
    "U",
    "S",
    ".",
    ".",
    "!",
    "?",
    " ",
    "\n",
    "”",
    "“",
    '"',
    ")",
    "Ab",
    "cd",
    "No",
    "4",
]
SENTENCE_BITS += ["x.", "Dec", "Prof", "abcdef", "Zz", "é", "Rep"]
LABEL_BITS = [
    "Premier",
    "Tova",
    "Lind",
    "of",
    "Norland",
    ":",
    ": ",
    ". ",
    "***",
    "*",
    "(PM)",
    " ",
    "\n",
    "said",
]
ROLE_BITS = ["Mayor", "mayor", "MAYOR", "of", "the", "The", "Eastport", "Harbour", "Ola", "Brandt", "J.", ","]
ROLE_BITS += ["\t", "  ", "theatre", "Ëlin", "Council", "said"]
CUE_BITS = ["she", "said", "says", "told", "reporters", "noted", "warned", "unsaid", "-said", " ", "  ", "\n"]
CUE_BITS += [".", ",", "added", "stressed", "Told", "expressed", "the", "hope", "confidence", "that"]


@pytest.fixture(scope="module")
def lexicon() -> QuoteLexicon:
    return load_quote_lexicon()


def texts(bits: list[str], most: int = 24) -> st.SearchStrategy[str]:
    """Return a strategy of strings glued from bits."""
    return st.lists(st.sampled_from(bits), max_size=most).map("".join)


def bounds(text: str, data: st.DataObject) -> tuple[int, int]:
    """Return a search region drawn around text, sometimes past its ends or reversed."""
    lo = data.draw(st.integers(-2, len(text) + 2))
    return lo, data.draw(st.integers(-2, len(text) + 3))


@settings(max_examples=400, deadline=None)
@given(texts(SENTENCE_BITS), st.data())
def test_sentence_marks_match_a_scan_of_the_region(body: str, data: st.DataObject) -> None:
    lo, hi = bounds(body, data)
    scan = quotes._SENT_END_RE.finditer(body, lo, hi)
    expected = [(m.start(), m.end()) for m in scan if not quotes._is_abbreviation(body, m.start())]
    assert quotes._sentence_ends_in(body, lo, hi) == expected


def test_a_mark_at_the_region_end_ends_a_sentence_whatever_follows() -> None:
    body = "We left at noon.“Then rain"
    dot = body.index(".")
    assert quotes._sentence_ends_in(body, 0, len(body)) == []  # an opening mark after it: no end
    assert quotes._sentence_ends_in(body, 0, dot + 1) == [(dot, dot + 1)]  # the region stops there


@settings(max_examples=400, deadline=None)
@given(texts(LABEL_BITS), st.data())
def test_transcript_labels_match_a_scan_of_the_region(
    lexicon: QuoteLexicon, body: str, data: st.DataObject
) -> None:
    lo, hi = bounds(body, data)
    expected = [m.span() + m.span(1) for m in lexicon.label_re.finditer(body, lo, hi)]
    assert [m.span() + m.span(1) for m in quotes._label_matches(lexicon.label_re, body, lo, hi)] == expected


def test_a_transcript_label_after_a_sentence_is_found(lexicon: QuoteLexicon) -> None:
    body = "Good evening. Premier Tova Lind: Thank you all for coming tonight."
    found = quotes._label_matches(lexicon.label_re, body, 0, len(body))
    assert [m.group(1) for m in found] == ["Premier Tova Lind"]


def reference_role_names(body: str, head: str, qualifier: str, before: int) -> list[str]:
    """Return the names the single role pattern (one compile per role word) finds in body[:before]."""
    qual = rf"\s+of\s+(?:the\s+)?{re.escape(qualifier)}" if qualifier else ""
    run = quotes._RUN_TOKEN
    pattern = re.compile(
        rf"(?i:{re.escape(head)}){qual}(?:\s+of(?:\s+the)?(?:\s+{run}){{1,3}})?,?"
        rf"\s+({run}(?:[ \t]+{run}){{1,2}})"
    )
    return [m.group(1) for m in pattern.finditer(body, 0, before)]


@settings(max_examples=150, deadline=None)
@given(
    texts(ROLE_BITS, most=16).map(lambda t: " ".join(t.split(" "))),
    st.sampled_from(["Mayor", "mayor", "of", "the"]),
    st.sampled_from(["", "Eastport", "Harbour", "the", "th"]),
    st.data(),
)
def test_role_holder_names_match_the_single_pattern(
    body: str, head: str, qualifier: str, data: st.DataObject
) -> None:
    before = data.draw(st.integers(0, len(body) + 2))
    assert list(quotes._role_matches(body, head, qualifier, before)) == reference_role_names(
        body, head, qualifier, before
    )


def test_role_holder_reads_the_name_after_a_qualified_role() -> None:
    body = "The Mayor of the Harbour, Ola Brandt opened the pier. Later the mayor spoke."
    assert list(quotes._role_matches(body, "mayor", "Harbour", len(body))) == ["Ola Brandt"]
    assert list(quotes._role_matches(body, "mayor", "Harbour", body.index("Ola"))) == []


@settings(max_examples=300, deadline=None)
@given(texts(CUE_BITS, most=30), st.data())
def test_grouped_cue_pattern_matches_the_flat_alternation(
    lexicon: QuoteLexicon, body: str, data: st.DataObject
) -> None:
    forms = sorted(
        (f for f, c in lexicon.cues.items() if c.complement not in ("according", "naming")),
        key=len,
        reverse=True,
    )
    flat = re.compile(rf"(?<![\w’'-])(?:{'|'.join(quotes._form_pattern(f) for f in forms)})(?![\w’'-])")
    lo, hi = bounds(body, data)
    assert [m.span() for m in lexicon.cue_re.finditer(body, lo, hi)] == [
        m.span() for m in flat.finditer(body, lo, hi)
    ]


OPENING_BITS = [
    "Ada",
    "Okoye",
    "was",
    "said",
    ".",
    "!",
    "?",
    " ",
    "\n",
    "”",
    '"',
    "’",
    "But ",
    "the",
    "walked",
    "\t",
]


@settings(max_examples=400, deadline=None)
@given(texts(OPENING_BITS))
def test_sentence_opening_names_match_a_scan_of_the_body(body: str) -> None:
    expected = [m.span() + m.span(1) + m.span(2) for m in quotes._UNLINKED_RE.finditer(body)]
    assert [m.span() + m.span(1) + m.span(2) for m in quotes._sentence_openings(body)] == expected


def test_a_name_opening_a_sentence_after_a_closing_mark_is_found() -> None:
    body = "“We won.” Ada Okoye walked home.\nBut Tova Lind stayed."
    assert [m.group(1) for m in quotes._sentence_openings(body)] == ["Ada Okoye", "Tova Lind"]
