"""Literal prefilters for regular expressions: skip a regex search when it cannot match.

`required_literals(pattern)` reads a pattern with the standard library's own regex parser and returns
a set of literal strings at least one of which every match must contain (or None when no useful set
can be proven). `Prefilter.of(literals)` packs them for a fast test, and a caller writes

    if may_match(prefilter, text):
        ... pattern.search(text) ...

Most sentences of a news article hold no meeting or pledge trigger at all, and proving it with the
literals is cheaper than a regex scan that tries every alternative at every position: `in` tests
(C string search) for a handful of literals, one trie-shaped regex for many (one branch per next
character, so a position costs a walk down the trie rather than a try of every literal; about three
times faster than the trigger alternation it guards).

The prefilter never changes a result — it only proves that a search would have found nothing — so
it is safe for any pattern; the analysis is conservative (what it does not understand — classes,
categories, case-insensitive flags — gives no literal).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

try:  # the parser's module name since Python 3.11; older versions call it sre_parse
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

# A literal set grows by cross products ("(?:a|an) (?:talk|meeting)"): past this size the run is split.
_MAX_SET = 64
# Shorter literals than this select too little to be worth testing.
_MIN_LENGTH = 2
# Up to this many literals, `in` tests beat a regex call.
_MAX_IN_TESTS = 3
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}


def _exact_item(op: object, av: object) -> set[str] | None:
    """Return every string one parsed item can match when that set is finite and small, else None."""
    if op is _c.LITERAL:
        return {chr(av)}  # type: ignore[arg-type]
    if op in _ZERO_WIDTH:
        return {""}  # \b, ^, look-arounds consume nothing
    if op is _c.IN:
        items = list(av)  # type: ignore[call-overload]
        if items and all(o is _c.LITERAL for o, _ in items):
            return {chr(a) for _, a in items}
        return None
    if op is _c.SUBPATTERN:
        _, add_flags, _, sub = av  # type: ignore[misc]
        return None if add_flags & re.IGNORECASE else _exact_seq(sub)
    if op is _c.BRANCH:
        out: set[str] = set()
        for sub in av[1]:  # type: ignore[index]
            alt = _exact_seq(sub)
            if alt is None:
                return None
            out |= alt
        return out if len(out) <= _MAX_SET else None
    if op in _REPEATS:
        lo, hi, sub = av  # type: ignore[misc]
        inner = _exact_seq(sub)
        if inner is None:
            return None
        if (lo, hi) == (1, 1):
            return inner
        if (lo, hi) == (0, 1):
            return inner | {""}
    return None


def _exact_seq(items: Iterable[tuple[object, object]]) -> set[str] | None:
    """Return every string a parsed sequence can match when that set is finite and small, else None."""
    out = {""}
    for op, av in items:
        part = _exact_item(op, av)
        if part is None:
            return None
        out = {a + b for a in out for b in part}
        if len(out) > _MAX_SET:
            return None
    return out


def _required_item(op: object, av: object) -> set[str] | None:
    """Return literals one of which every match of a (non-finite) parsed item contains, or None."""
    if op is _c.SUBPATTERN:
        _, add_flags, _, sub = av  # type: ignore[misc]
        return None if add_flags & re.IGNORECASE else _required_seq(sub)
    if op is _c.BRANCH:
        out: set[str] = set()
        for sub in av[1]:  # type: ignore[index]
            alt = _required_seq(sub)
            if alt is None:
                return None
            out |= alt
        return out
    if op in _REPEATS:
        lo, _, sub = av  # type: ignore[misc]
        return _required_seq(sub) if lo >= 1 else None
    return None


def _minimal(literals: set[str]) -> set[str]:
    """Return the literals without those containing a shorter one ("meeting" covers "bilateral
    meeting": a text holding the longer holds the shorter), so fewer tests say the same."""
    out: set[str] = set()
    for lit in sorted(literals, key=len):
        if not any(kept in lit for kept in out):
            out.add(lit)
    return out


def _score(candidate: set[str]) -> tuple[int, int]:
    """Return how selective a literal set is: its shortest literal, then fewer literals."""
    return (min(map(len, candidate)) if candidate else 0, -len(candidate))


def _required_seq(items: Iterable[tuple[object, object]]) -> set[str] | None:
    """Return literals one of which every match of a parsed sequence contains, or None.

    Consecutive finite items are joined into one run of literal strings (a match contains one of
    them); an item that is not finite may still demand literals of its own. The most selective
    candidate wins.
    """
    candidates: list[set[str]] = []
    run = {""}
    for op, av in items:
        part = _exact_item(op, av)
        if part is not None:
            joined = {a + b for a in run for b in part}
            if len(joined) <= _MAX_SET:
                run = joined
            else:
                candidates.append(run)
                run = part
            continue
        candidates.append(run)
        run = {""}
        inner = _required_item(op, av)
        if inner is not None:
            candidates.append(inner)
    candidates.append(run)
    best = max(map(_minimal, candidates), key=_score)
    return best if _score(best)[0] >= _MIN_LENGTH else None


def required_literals(pattern: str) -> frozenset[str] | None:
    """Return literal strings one of which every match of the regex `pattern` contains, or None when
    none can be proven (then the regex must always run). Matching is case-sensitive: the literals are
    as the pattern writes them."""
    try:
        parsed = _sre_parse.parse(pattern)
    except (re.error, RecursionError):
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    found = _required_seq(list(parsed))
    return frozenset(found) if found else None


def any_required(patterns: Iterable[str]) -> frozenset[str] | None:
    """Return the literals for an alternation of patterns (a match of any one contains one of them),
    or None when one of the patterns has no literal."""
    out: set[str] = set()
    for pattern in patterns:
        found = required_literals(pattern)
        if found is None:
            return None
        out |= found
    return frozenset(_minimal(out))


def trie_source(literals: Iterable[str]) -> str:
    """Return a regex source matching any of the literals, shaped as a trie (shared prefixes once).

    At one position it matches the longest literal that fits there, then shorter ones on
    backtracking — what an alternation of the literals sorted longest first matches, much faster.
    """
    trie: dict[str, dict] = {}
    for lit in literals:
        node = trie
        for ch in lit:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        # A literal ending here already matched: what follows is optional.
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@dataclass(frozen=True, slots=True)
class Prefilter:
    """A compiled literal test: `found_in(text)` is False only when no literal occurs in text."""

    literals: frozenset[str]
    regex: re.Pattern[str] | None = None  # the trie regex, for more than a handful of literals

    @classmethod
    def of(cls, literals: frozenset[str] | None) -> Prefilter | None:
        """Return the prefilter for a literal set, or None (no set: the regex must always run)."""
        if not literals:
            return None
        regex = re.compile(trie_source(literals)) if len(literals) > _MAX_IN_TESTS else None
        return cls(frozenset(literals), regex)

    def found_in(self, text: str) -> bool:
        """Return True when text contains one of the literals."""
        if self.regex is not None:
            return self.regex.search(text) is not None
        return any(k in text for k in self.literals)


def may_match(prefilter: Prefilter | None, text: str) -> bool:
    """Return False only when the prefilter proves the guarded regex cannot match text."""
    return prefilter is None or prefilter.found_in(text)
