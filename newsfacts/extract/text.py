"""Paragraphs and sentences with exact character offsets into the cleaned body.

`split_paragraphs(body)` returns the paragraph spans; `split_sentences(body)` returns `Sentence`s whose
`text == body[start:end]`. Rules, in order:

* a line break ends a paragraph, and a paragraph break always ends a sentence — except a hard-wrapped
  line (the next line starts in lower case and this one has no closing punctuation), which continues;
* a sentence ends after `.`, `!`, `?`, `…` or `...` (plus any closing quotes/brackets) followed by white
  space and then something that can start a sentence (not a lower-case letter);
* not after a title or a short abbreviation (Mr., Dr., Gen., Jan., No., e.g.), an initial (J. Smith) or a
  dotted acronym (U.S., U.N.) unless what follows is a word that starts sentences ("The", "He", …);
* decimals (1.5) and dotted acronyms never split, because a split needs white space after the mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    paragraph_index: int
    start: int  # offset of the first character in the body
    end: int  # offset one past the last character
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int


def _words(text: str) -> frozenset[str]:
    """Return the white-space separated words of text as a set (for closed word classes)."""
    return frozenset(text.split())


# Abbreviations after which a full stop does not end a sentence (folded, without the dot).
_TITLE_ABBREVIATIONS = _words(
    "mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr brig rev hon sen rep gov pres sr jr st mt "
    "ft messrs mme mlle"
)
_OTHER_ABBREVIATIONS = _words(
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc approx est dept univ inc ltd co "
    "corp fig vol art para pp p ed eds cf al e.g i.e a.m p.m"
)
# Abbreviations that may also close a sentence: "... in the U.S. The talks ..."
_CAN_END_SENTENCE = _words("etc inc ltd co corp jr sr")
# Words that begin a new sentence after an abbreviation that can end one.
_SENTENCE_STARTERS = _words(
    "the this that these those he she it they we i you his her its their our but and in on at a an "
    "after before during however meanwhile according there"
)

_BOUNDARY_RE = re.compile(r"(?:\.{3}|…|[.!?])+[\"'”’»)\]]*(?=\s)")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z](?:\.[A-Za-z])*\.?|[^\W\d_]+)$")
_NEXT_WORD_RE = re.compile(r"\s*[\"'“‘«(\[]*([^\W_]+)")
_LINE_RE = re.compile(r"[^\n]+")


def split_paragraphs(body: str) -> list[Paragraph]:
    """Return the paragraphs of body (non-empty line runs; hard-wrapped lines joined) with offsets."""
    spans: list[tuple[int, int]] = []
    for m in _LINE_RE.finditer(body):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        end = m.start() + len(line.rstrip())
        if spans and _continues(body, spans[-1], start):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return [Paragraph(i, s, e) for i, (s, e) in enumerate(spans)]


def _continues(body: str, previous: tuple[int, int], start: int) -> bool:
    """Return True when the line at start continues the previous one (a hard wrap, not a paragraph)."""
    gap = body[previous[1] : start]
    if gap.count("\n") != 1:
        return False  # a blank line is always a paragraph break
    last = body[previous[1] - 1]
    first = body[start]
    return first.islower() and last not in '.!?:;"”’)…' and previous[1] - previous[0] > 40


def _is_boundary(para: str, mark_start: int, mark_end: int) -> bool:
    """Return True when the terminal punctuation para[mark_start:mark_end] ends a sentence."""
    nxt = _NEXT_WORD_RE.match(para, mark_end)
    if nxt is None:
        return True
    next_word = nxt.group(1)
    if next_word[0].islower():
        return False
    if para[mark_start] != "." or para[mark_start : mark_start + 3] == "...":
        return True
    # Look only at a short window: searching a `$`-anchored pattern from 0 is quadratic on long paragraphs.
    before = _WORD_BEFORE_RE.search(para, max(0, mark_start - 24), mark_start)
    if before is None:
        return True
    word = before.group(1)
    folded = word.lower().rstrip(".")
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Smith"
    if folded in _TITLE_ABBREVIATIONS:
        return False
    if "." in word or folded in _CAN_END_SENTENCE:
        # A dotted acronym (U.S.) or "etc." ends the sentence only when a sentence-starting word follows.
        return next_word.lower() in _SENTENCE_STARTERS
    return folded not in _OTHER_ABBREVIATIONS


def _sentence_spans(para: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences inside one paragraph's text."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY_RE.finditer(para):
        if _is_boundary(para, m.start(), m.end()):
            spans.append((start, m.end()))
            start = m.end()
    spans.append((start, len(para)))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        chunk = para[s:e]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if e - trail > s + lead:
            out.append((s + lead, e - trail))
    return out


def split_sentences(body: str) -> list[Sentence]:
    """Return the sentences of body, in order, with exact offsets (text == body[start:end])."""
    out: list[Sentence] = []
    for para in split_paragraphs(body):
        text = body[para.start : para.end]
        for s, e in _sentence_spans(text):
            start, end = para.start + s, para.start + e
            out.append(Sentence(len(out), para.index, start, end, body[start:end]))
    return out
