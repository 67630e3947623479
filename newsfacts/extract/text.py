"""Paragraphs and sentences with character offsets into the cleaned body. (STUB: owner replaces.)"""

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


_SENT_RE = re.compile(r"[^\n.!?]+(?:[.!?]+|$)")


def split_sentences(body: str) -> list[Sentence]:
    """Return the sentences of body with their offsets (naive placeholder)."""
    out: list[Sentence] = []
    for p_index, para in enumerate(re.finditer(r"[^\n]+", body)):
        for m in _SENT_RE.finditer(para.group()):
            s = m.group().strip()
            if not s:
                continue
            start = para.start() + m.start() + (len(m.group()) - len(m.group().lstrip()))
            out.append(Sentence(len(out), p_index, start, start + len(s), s))
    return out
