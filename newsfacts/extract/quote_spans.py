"""Quotation-mark spans: where quoted words start and end in a body, across paragraphs.

Pure functions over the body string; no lexicon needed. Straight quotes are paired by context
(a mark after a space and before a word opens, one after a word closes) because news text glues
them to neighbouring words ('as"threatening"') as often as it spaces them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "“«„"
CLOSERS = "”»"
STRAIGHT = '"'
_PARA_RE = re.compile(r"[^\n]+")
# Two apostrophes stand in for a closing double mark in some copy ("…creators,’’ says").
_DOUBLE_APOSTROPHES = ("’’", "''")
_MARK_RE = re.compile("[" + re.escape(OPENERS + CLOSERS + STRAIGHT) + "]|’’|''")


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """One quotation: marks at open_pos/close_pos, words in [start, end)."""

    open_pos: int
    close_pos: int  # position of the closing mark, or the paragraph end when the quote was never closed
    start: int
    end: int
    closed: bool  # False when the paragraph ended before a closing mark and no continuation followed
    paragraphs: int  # how many paragraphs the quotation runs over


def paragraphs(body: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of the non-blank lines of body, trimmed of outer spaces."""
    out: list[tuple[int, int]] = []
    for m in _PARA_RE.finditer(body):
        text = m.group()
        if not text.strip():
            continue
        start = m.start() + len(text) - len(text.lstrip())
        end = m.end() - (len(text) - len(text.rstrip()))
        out.append((start, end))
    return out


def _straight_role(body: str, pos: int, is_open: bool) -> str:
    """Return 'open' or 'close' for a straight double quote at pos, from its neighbours."""
    before = body[pos - 1] if pos > 0 else " "
    after = body[pos + 1] if pos + 1 < len(body) else " "
    space_before = before.isspace() or before in "([{—–-:"
    space_after = after.isspace() or after in ".,;:!?)]}"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    # Glued on both sides or spaced on both: alternate, as the writer most likely did.
    return "close" if is_open else "open"


def _words_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    """Return [start, end) narrowed to the quoted words: no outer spaces, no trailing comma."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",;:"):
        end -= 1
    return start, end


def _starts_with_opener(body: str, para: tuple[int, int]) -> bool:
    """Return True when the paragraph starts with an opening quotation mark."""
    first = body[para[0]] if para[0] < para[1] else ""
    return first in OPENERS or first == STRAIGHT


def find_marked_spans(body: str) -> list[MarkedSpan]:
    """Return every quotation in body, in order; multi-paragraph quotations come back as one span.

    A paragraph that opens a quotation and never closes it continues into the next paragraph when
    that one starts with an opening mark (the usual newspaper convention); otherwise the
    quotation ends with its paragraph and is flagged closed=False.
    """
    paras = paragraphs(body)
    spans: list[MarkedSpan] = []
    open_pos = -1
    first_para = 0
    for p_index, (p_start, p_end) in enumerate(paras):
        continuing = open_pos >= 0
        for mark in _MARK_RE.finditer(body, p_start, p_end):
            pos = mark.start()
            ch = body[pos]
            if mark.group() in _DOUBLE_APOSTROPHES:
                if open_pos < 0:
                    continue
                ch = CLOSERS[0]
            if continuing and pos == p_start:
                continue  # the repeated opening mark of a continued quotation
            role = (
                _straight_role(body, pos, open_pos >= 0)
                if ch == STRAIGHT
                else ("open" if ch in OPENERS else "close")
            )
            if role == "open" and open_pos < 0:
                open_pos, first_para = pos, p_index
            elif role == "close" and open_pos >= 0:
                start, end = _words_bounds(body, open_pos + 1, pos)
                if end > start:
                    # close_pos is the mark's last character, so two apostrophes close as one mark.
                    spans.append(
                        MarkedSpan(open_pos, mark.end() - 1, start, end, True, p_index - first_para + 1)
                    )
                open_pos = -1
        if open_pos >= 0:
            nxt = paras[p_index + 1] if p_index + 1 < len(paras) else None
            if nxt is not None and _starts_with_opener(body, nxt):
                continue
            start, end = _words_bounds(body, open_pos + 1, p_end)
            if end > start:
                spans.append(MarkedSpan(open_pos, p_end, start, end, False, p_index - first_para + 1))
            open_pos = -1
    return spans
