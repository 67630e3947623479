"""Scoring predicted facts against a gold set by the rules of ../shared/gold/FORMAT.md.

Facts are plain dicts in the FORMAT.md layout (`article`, `table`, then the table's fields). Inside
each article, predictions and gold facts of a table are matched one-to-one, greedily, best pair first:
a pair that meets the match criterion is ranked by how much the prediction agrees with the gold
fact's stated values (meeting: date, place, participants, mode; pledge: amount, status, quantity,
what; quote: text), and only a tie goes to a core gold fact before an optional one — so a prediction
of a background meeting pairs with that background meeting (as ../shared/tools/score.py does).
A gold fact with an optional flag (ambiguous, background, generic, component_of, truncated) counts
neither way: matching it is not a hit and not a false positive; missing it is not a miss.

Run: python -m newsfacts.evaluate.scoring GOLD_FACTS.jsonl PRED_FACTS.jsonl [--articles A.jsonl] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsfacts.evaluate.names import NameIndex, fold, load_name_index, party_key, person_match, speaker_match

Fact = dict[str, Any]
TABLES = ("meeting", "pledge", "quote")
OPTIONAL_FLAGS = ("ambiguous", "background", "generic", "component_of", "truncated")
QUOTE_OVERLAP_MIN = 0.5
AMOUNT_TOLERANCE = 0.01
# Quotation marks and punctuation trimmed from both ends before the exact-match test.
_TRIM = " \t\n\"'“”‘’„‟«»‹›`.,;:!?-–—…()[]"
_WORD = re.compile(r"\w+")


# ---------------------------------------------------------------- counts and report records


@dataclass
class Counts:
    """Hits, false positives and misses of one table (over a set or one article)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    optional_matched: int = 0  # predictions that matched an optional gold fact (neither tp nor fp)

    @property
    def precision(self) -> float | None:
        """Return tp / (tp + fp), or None when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """Return tp / (tp + fn), or None when the gold has nothing required."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """Return the harmonic mean of precision and recall (None when both are undefined)."""
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        p, r = p or 0.0, r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        """Add other's counts into these."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.optional_matched += other.optional_matched

    def to_dict(self) -> dict[str, Any]:
        """Return the counts and the three scores as a JSON-ready dict."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "optional_matched": self.optional_matched,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
        }


@dataclass
class Accuracy:
    """Correct / total for one attribute over matched facts."""

    correct: float = 0.0
    total: int = 0

    @property
    def value(self) -> float | None:
        """Return correct / total, or None when nothing was scored."""
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        """Return the accuracy as a JSON-ready dict."""
        return {"correct": round(self.correct, 3), "total": self.total, "accuracy": _round(self.value)}


@dataclass
class TableScore:
    """Everything measured on one table: counts, attribute accuracies, per-article counts, errors."""

    table: str
    counts: Counts = field(default_factory=Counts)
    attributes: dict[str, Accuracy] = field(default_factory=dict)
    per_article: dict[str, Counts] = field(default_factory=dict)
    false_positives: list[Fact] = field(default_factory=list)
    false_negatives: list[Fact] = field(default_factory=list)
    exact_matches: int = 0  # quotes only: matched predictions that are also exact
    unresolved_gold_speakers: int = 0  # quotes only: matches whose gold speaker is a bare pronoun

    def to_dict(self, with_errors: bool = False, per_article: bool = True) -> dict[str, Any]:
        """Return the table's score as a JSON-ready dict (per-article counts unless per_article=False)."""
        out: dict[str, Any] = {
            **self.counts.to_dict(),
            "attributes": {name: acc.to_dict() for name, acc in self.attributes.items()},
        }
        if per_article:
            out["per_article"] = {a: c.to_dict() for a, c in sorted(self.per_article.items())}
        if self.table == "quote":
            out["exact_matches"] = self.exact_matches
            out["unresolved_gold_speakers"] = self.unresolved_gold_speakers
        if with_errors:
            out["false_positives"] = self.false_positives
            out["false_negatives"] = self.false_negatives
        return out


@dataclass
class Report:
    """Scores of every table on one gold set."""

    tables: dict[str, TableScore]
    n_articles: int

    def to_dict(self, with_errors: bool = False, per_article: bool = True) -> dict[str, Any]:
        """Return the report as a JSON-ready dict."""
        return {
            "n_articles": self.n_articles,
            "tables": {t: s.to_dict(with_errors, per_article) for t, s in self.tables.items()},
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


# ---------------------------------------------------------------- per-table rules


def is_optional(fact: Fact) -> bool:
    """Return True when the gold fact carries a flag that makes it optional."""
    return any(fact.get(flag) for flag in OPTIONAL_FLAGS)


def tokens(text: str | None) -> list[str]:
    """Return the folded word tokens of text."""
    return _WORD.findall(fold(text)) if text else []


def gold_quote_text(fact: Fact, article_text: str | None) -> str:
    """Return the gold quote: `text`, else the article span from text_start to the end of text_end."""
    if fact.get("text"):
        return str(fact["text"])
    start, end = fact.get("text_start") or "", fact.get("text_end") or ""
    if article_text and start:
        i = article_text.find(start)
        if i >= 0:
            j = article_text.find(end, i) if end else -1
            if j >= 0:
                return article_text[i : j + len(end)]
    return f"{start} {end}".strip()


def pred_quote_text(fact: Fact) -> str:
    """Return a predicted quote's text (`text`, else text_start + text_end)."""
    if fact.get("text"):
        return str(fact["text"])
    return f"{fact.get('text_start') or ''} {fact.get('text_end') or ''}".strip()


def quote_overlap(gold_text: str, pred_text: str) -> float:
    """Return shared tokens / gold tokens (multiset), the FORMAT.md overlap."""
    gold_tokens = Counter(tokens(gold_text))
    if not gold_tokens:
        return 0.0
    shared = gold_tokens & Counter(tokens(pred_text))
    return sum(shared.values()) / sum(gold_tokens.values())


def _trimmed(text: str) -> str:
    return " ".join(text.split()).strip(_TRIM).casefold()


def quote_exact(gold: Fact, pred_text: str) -> bool:
    """Return True when the prediction starts with text_start and ends with text_end, marks trimmed."""
    start, end = _trimmed(gold.get("text_start") or ""), _trimmed(gold.get("text_end") or "")
    text = _trimmed(pred_text)
    return bool(start and end and text.startswith(start) and text.endswith(end))


def gold_speakers(fact: Fact) -> list[str]:
    """Return every speaker a gold quote accepts: speaker, joint members, resolved, reported, alternatives."""
    names: list[str] = []
    speaker = fact.get("speaker")
    if speaker:
        names.append(speaker)
        if ";" in speaker:  # joint speakers "A; B"
            names.extend(s.strip() for s in speaker.split(";") if s.strip())
        if " and " in speaker:  # joint speakers "A and B" (a name never holds "and", see names.py)
            names.extend(s.strip() for s in speaker.split(" and ") if s.strip())
        if "," in speaker:  # an apposition: "one of the attorneys, Jan Roe," names Jan Roe
            names.extend(s.strip() for s in speaker.split(",") if s.strip())
    for key in ("speaker_resolved", "reported_speaker"):
        if fact.get(key):
            names.append(fact[key])
    for key in ("speaker_alternatives", "speakers"):
        value = fact.get(key)
        if isinstance(value, list):
            names.extend(str(v) for v in value if v)
        elif isinstance(value, str) and value:
            names.append(value)
    return names


def speaker_unresolved(fact: Fact) -> bool:
    """Return True when the gold speaker is a bare pronoun the annotators left unresolved ("he", "they").

    Such a gold speaker cannot be compared with a system that resolves pronouns, as it must; the
    quote then matches on its text alone (counted in the report as `unresolved_gold_speakers`).
    """
    if fact.get("speaker_is_pronoun"):
        return True
    return bool(fact.get("surface_is_pronoun")) and fold(fact.get("surface")) == fold(fact.get("speaker"))


def dice(a: str | None, b: str | None) -> float:
    """Return the token agreement 2·shared / (|a| + |b|) of two texts (multisets; 0 when both empty)."""
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    total = sum(ta.values()) + sum(tb.values())
    return 2 * sum((ta & tb).values()) / total if total else 0.0


# A pair score: (agreement with the gold fact's stated values, tie-breakers…). Agreement ranks the
# candidate pairs first; only on equal agreement does a core gold fact go before an optional one.
PairScore = tuple[float, ...]


def quote_pair(gold: Fact, pred: Fact, index: NameIndex, article_text: str | None) -> PairScore | None:
    """Return the pair score of a quote pair (None when they do not match): text agreement first."""
    if not speaker_unresolved(gold) and not any(
        speaker_match(g, pred.get("speaker"), index) for g in gold_speakers(gold)
    ):
        return None
    text = pred_quote_text(pred)
    gold_text = gold_quote_text(gold, article_text)
    exact = quote_exact(gold, text)
    overlap = quote_overlap(gold_text, text)
    if not exact and overlap < QUOTE_OVERLAP_MIN:
        return None
    # Dice, not the one-sided overlap, measures agreement: a prediction spanning two gold quotes
    # covers both fully but agrees more with the longer one it is mostly made of.
    return (dice(gold_text, text), overlap, float(exact), dice(gold.get("evidence"), pred.get("evidence")))


def _pair(parties: Iterable[str | None], index: NameIndex) -> frozenset[str]:
    return frozenset(party_key(p, index) for p in parties)


def participants_found(gold_people: Iterable[str], predicted: Iterable[str] | None) -> int:
    """Return how many gold participants a predicted participant matches, each prediction used once."""
    left = list(predicted or [])
    found = 0
    for person in gold_people:
        hit = next((i for i, q in enumerate(left) if person_match(person, q)), None)
        if hit is not None:
            left.pop(hit)
            found += 1
    return found


def meeting_pair(gold: Fact, pred: Fact, index: NameIndex, _text: str | None) -> PairScore | None:
    """Return the pair score of a meeting pair (None unless the unordered parties match).

    Agreement: same date 1, same place 1, the share of gold participants found, same mode 0.5 —
    only values the gold states count, so an undated prediction does not prefer an undated gold fact.
    """
    g_parties, p_parties = gold.get("parties") or [], pred.get("parties") or []
    if len(g_parties) != 2 or len(p_parties) != 2 or _pair(g_parties, index) != _pair(p_parties, index):
        return None
    agreement = 0.0
    if gold.get("date") and str(gold["date"])[:10] == str(pred.get("date") or "")[:10]:
        agreement += 1.0
    if gold.get("location") and party_key(gold["location"], index) == party_key(pred.get("location"), index):
        agreement += 1.0
    people = gold.get("participants") or []
    if people:
        agreement += participants_found(people, pred.get("participants")) / len(people)
    if gold.get("mode") and gold.get("mode") == pred.get("mode"):
        agreement += 0.5
    return (agreement, dice(gold.get("evidence"), pred.get("evidence")))


def amount_correct(gold: Fact, pred: Fact) -> bool:
    """Return True when the predicted amount is in the gold currency and within 1% of the gold amount."""
    g, p = gold.get("amount"), pred.get("amount")
    if g is None or p is None or (gold.get("currency") or "").upper() != (pred.get("currency") or "").upper():
        return False
    return abs(float(p) - float(g)) <= AMOUNT_TOLERANCE * abs(float(g))


def pledge_pair(gold: Fact, pred: Fact, index: NameIndex, _text: str | None) -> PairScore | None:
    """Return the pair score of a pledge pair (None unless donor, recipient and category match).

    Agreement: right amount 1, same status 1, same quantity 1, plus the token agreement of `what`.
    """
    if party_key(gold.get("donor"), index) != party_key(pred.get("donor"), index):
        return None
    if party_key(gold.get("recipient"), index) != party_key(pred.get("recipient"), index):
        return None
    if (gold.get("category") or "") != (pred.get("category") or ""):
        return None
    agreement = 0.0
    if gold.get("amount") is not None and amount_correct(gold, pred):
        agreement += 1.0
    if gold.get("status") and gold.get("status") == pred.get("status"):
        agreement += 1.0
    quantity, predicted = gold.get("quantity"), pred.get("quantity")
    if quantity is not None and predicted is not None and float(quantity) == float(predicted):
        agreement += 1.0
    agreement += dice(gold.get("what"), pred.get("what"))
    return (agreement, dice(gold.get("evidence"), pred.get("evidence")))


PairScorer = Callable[[Fact, Fact, NameIndex, "str | None"], "PairScore | None"]
PAIR_SCORERS: dict[str, PairScorer] = {"quote": quote_pair, "meeting": meeting_pair, "pledge": pledge_pair}


# ---------------------------------------------------------------- diagnostics


def explain_miss(
    table: str,
    gold: Fact,
    preds: list[Fact],
    index: NameIndex,
    text: str | None,
    taken: set[int] | None = None,
) -> str | None:
    """Return why the closest prediction in the article did not match a missed gold fact, or None."""
    if not preds:
        return None
    taken = taken or set()
    if table == "quote":
        gold_text = gold_quote_text(gold, text)
        best_i = max(range(len(preds)), key=lambda i: quote_overlap(gold_text, pred_quote_text(preds[i])))
        best = preds[best_i]
        overlap = quote_overlap(gold_text, pred_quote_text(best))
        if overlap == 0:
            return None
        speaker_ok = speaker_unresolved(gold) or any(
            speaker_match(g, best.get("speaker"), index) for g in gold_speakers(gold)
        )
        if overlap < QUOTE_OVERLAP_MIN:
            why = "text overlap below 0.5" + ("" if speaker_ok else f" and speaker {best.get('speaker')!r}")
        elif not speaker_ok:
            why = f"speaker {best.get('speaker')!r}"
        else:
            why = "it matched another gold quote" if best_i in taken else "not matched"
        return f"nearest prediction: overlap {overlap:.2f}, {why}"
    if table == "meeting":
        gold_keys = _pair(gold.get("parties") or [], index)
        near = [p for p in preds if gold_keys & _pair(p.get("parties") or [], index)]
        return f"nearest prediction: parties {near[0].get('parties')}" if near else None
    donor = party_key(gold.get("donor"), index)
    near = [p for p in preds if party_key(p.get("donor"), index) == donor]
    if not near:
        return None
    p = near[0]
    return f"nearest prediction: {p.get('donor')} → {p.get('recipient')} [{p.get('category')}]"


# ---------------------------------------------------------------- matching


def match_article(
    gold: list[Fact], pred: list[Fact], scorer: PairScorer, index: NameIndex, article_text: str | None
) -> list[tuple[int, int]]:
    """Return one-to-one (gold index, pred index) matches, greedily best first.

    Best = most agreement with the gold fact's stated values; on a tie a core gold fact goes before
    an optional one, then the scorer's tie-breakers, then document order (reproducible results).
    """
    candidates: list[tuple[tuple[float, ...], int, int]] = []
    for gi, g in enumerate(gold):
        core = 0.0 if is_optional(g) else 1.0
        for pi, p in enumerate(pred):
            pair_score = scorer(g, p, index, article_text)
            if pair_score is not None:
                agreement, *tie_breakers = pair_score
                candidates.append(((-agreement, -core, *(-t for t in tie_breakers)), gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _rank, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def _attributes(table: str, pairs: list[tuple[Fact, Fact]], index: NameIndex) -> dict[str, Accuracy]:
    """Return the attribute accuracies of one table over its matched pairs."""
    acc: dict[str, Accuracy] = {}

    def score(name: str, ok: float) -> None:
        a = acc.setdefault(name, Accuracy())
        a.correct += ok
        a.total += 1

    for g, p in pairs:
        if table == "quote":
            if g.get("kind"):
                score("kind", float(g.get("kind") == p.get("kind")))
        elif table == "meeting":
            if g.get("date"):
                score("date", float(g["date"] == p.get("date")))
            if g.get("location"):
                same_place = party_key(g["location"], index) == party_key(p.get("location"), index)
                score("location", float(same_place))
            if g.get("mode") and g.get("mode") != "unknown":
                score("mode", float(g["mode"] == p.get("mode")))
            people = g.get("participants") or []
            if people:  # recall of the gold participants, each predicted one used once
                a = acc.setdefault("participants", Accuracy())
                a.correct += participants_found(people, p.get("participants"))
                a.total += len(people)
        elif table == "pledge":
            if g.get("amount") is not None:
                score("amount", float(amount_correct(g, p)))
            if g.get("status"):
                score("status", float(g["status"] == p.get("status")))
    return acc


def _by_article(facts: Iterable[Fact], table: str) -> dict[str, list[Fact]]:
    out: dict[str, list[Fact]] = {}
    for f in facts:
        if f.get("table") == table:
            out.setdefault(str(f.get("article")), []).append(f)
    return out


def score_table(
    table: str,
    gold: list[Fact],
    pred: list[Fact],
    index: NameIndex,
    articles: dict[str, str] | None = None,
    article_ids: Iterable[str] | None = None,
) -> TableScore:
    """Return the score of one table: counts, attribute accuracies, per-article counts and the errors."""
    result = TableScore(table)
    gold_by, pred_by = _by_article(gold, table), _by_article(pred, table)
    ids = sorted(set(article_ids or []) | set(gold_by) | set(pred_by))
    matched: list[tuple[Fact, Fact]] = []
    for article in ids:
        g_facts, p_facts = gold_by.get(article, []), pred_by.get(article, [])
        text = (articles or {}).get(article)
        pairs = match_article(g_facts, p_facts, PAIR_SCORERS[table], index, text)
        counts = Counts()
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        for gi, pi in pairs:
            if is_optional(g_facts[gi]):
                counts.optional_matched += 1
            else:
                counts.tp += 1
            if table == "quote" and quote_exact(g_facts[gi], pred_quote_text(p_facts[pi])):
                result.exact_matches += 1
            if table == "quote" and speaker_unresolved(g_facts[gi]):
                result.unresolved_gold_speakers += 1
            matched.append((g_facts[gi], p_facts[pi]))
        for gi, g in enumerate(g_facts):
            if gi not in matched_g and not is_optional(g):
                counts.fn += 1
                result.false_negatives.append(
                    {**g, "_nearest": explain_miss(table, g, p_facts, index, text, matched_p)}
                )
        for pi, p in enumerate(p_facts):
            if pi not in matched_p:
                counts.fp += 1
                result.false_positives.append(p)
        result.per_article[article] = counts
        result.counts.add(counts)
    result.attributes = _attributes(table, matched, index)
    return result


def score(
    gold: list[Fact],
    pred: list[Fact],
    *,
    articles: dict[str, str] | None = None,
    index: NameIndex | None = None,
    tables: Iterable[str] = TABLES,
) -> Report:
    """Return the scores of pred against gold for every table (articles: id → text, for span-only quotes)."""
    index = index if index is not None else load_name_index()
    article_ids = set(articles or {}) | {str(f.get("article")) for f in gold}
    # Only tables the gold set annotates are scored: a quote-only set says nothing about meetings.
    present = {f.get("table") for f in gold}
    scored = {t: score_table(t, gold, pred, index, articles, article_ids) for t in tables if t in present}
    return Report(tables=scored, n_articles=len(article_ids))


# ---------------------------------------------------------------- I/O and rendering


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Return the JSON objects of a JSON Lines file (blank lines skipped)."""
    with Path(path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def article_texts(path: str | Path) -> dict[str, str]:
    """Return id → text of a FORMAT.md articles.jsonl."""
    return {str(a["id"]): a.get("text") or "" for a in read_jsonl(path)}


def _fmt(x: float | None) -> str:
    return "   –  " if x is None else f"{x:6.3f}"


def miss_reasons(table_score: TableScore) -> Counter[str]:
    """Return the misses of a table counted by why their nearest prediction did not match."""
    reasons: Counter[str] = Counter()
    for fact in table_score.false_negatives:
        note = fact.get("_nearest") or "no prediction near"
        why = note.split(", ", 1)[-1] if table_score.table == "quote" else note
        if why.startswith("speaker"):
            why = "speaker wrong (text matched)"
        elif why.startswith("text overlap"):
            why = "text overlap < 0.5"
        elif table_score.table != "quote":
            why = "a prediction shares a party" if why.startswith("nearest") else why
        reasons[why] += 1
    return reasons


def render(report: Report, per_article: bool = False, title: str | None = None, reasons: bool = True) -> str:
    """Return the report as a plain-text table, the misses counted by reason unless reasons=False,
    and per-article lines when asked."""
    lines = [title] if title else []
    header = f"{'table':<8} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5} {'opt':>5}"
    lines.append(header + "  attributes")
    for table, s in report.tables.items():
        c = s.counts
        attrs = [f"{n}={_fmt(a.value).strip()} ({a.correct:g}/{a.total})" for n, a in s.attributes.items()]
        if table == "quote":
            attrs.append(f"exact={s.exact_matches}, pronoun-gold-speaker={s.unresolved_gold_speakers}")
        lines.append(
            f"{table:<8} {_fmt(c.precision)} {_fmt(c.recall)} {_fmt(c.f1)} "
            f"{c.tp:>5} {c.fp:>5} {c.fn:>5} {c.optional_matched:>5}  {', '.join(attrs)}"
        )
    for table, s in report.tables.items():
        counted = miss_reasons(s) if reasons else Counter()
        if counted:
            lines.append(f"  {table} misses: " + ", ".join(f"{n} {why}" for why, n in counted.most_common()))
    if per_article:
        for table, s in report.tables.items():
            lines.append(f"\n{table} per article:  tp  fp  fn  F1")
            for article, c in sorted(s.per_article.items()):
                if c.tp or c.fp or c.fn:
                    lines.append(f"  {article:<40} {c.tp:>3} {c.fp:>3} {c.fn:>3} {_fmt(c.f1)}")
    return "\n".join(lines)


def render_delta(baseline: dict[str, Any], report: Report, articles: bool = True, label: str = "") -> str:
    """Return how report differs from a baseline (an earlier `--json` report): F1 and changed articles.

    articles=False leaves out the per-article lines (for a half whose errors are not read).
    """
    lines = [f"change against the baseline{label}:"]
    for table, s in report.tables.items():
        old = baseline.get("tables", {}).get(table)
        if not old:
            lines.append(f"  {table}: not in the baseline")
            continue
        new = s.to_dict()
        f1_old, f1_new = old.get("f1"), new.get("f1")
        delta = "" if f1_old is None or f1_new is None else f" ({f1_new - f1_old:+.3f})"
        lines.append(
            f"  {table}: F1 {_fmt(f1_old).strip()} → {_fmt(f1_new).strip()}{delta}; "
            f"tp {old['tp']}→{new['tp']}, fp {old['fp']}→{new['fp']}, fn {old['fn']}→{new['fn']}"
        )
        old_articles = old.get("per_article", {})
        for article, counts in sorted(new["per_article"].items()) if articles else ():
            before = old_articles.get(article, {"tp": 0, "fp": 0, "fn": 0})
            if any(before.get(k) != counts[k] for k in ("tp", "fp", "fn")):
                moves = ", ".join(f"{k} {before.get(k)}→{counts[k]}" for k in ("tp", "fp", "fn"))
                lines.append(f"    {article}: {moves}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Score a predicted facts file against a gold facts file and print the result."""
    parser = argparse.ArgumentParser(prog="python -m newsfacts.evaluate.scoring", description=__doc__)
    parser.add_argument("gold", help="gold facts.jsonl")
    parser.add_argument("pred", help="predicted facts.jsonl (FORMAT.md layout)")
    parser.add_argument(
        "--articles", help="articles.jsonl, needed for gold quotes given only by text_start/text_end"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--per-article", action="store_true", help="also print per-article counts")
    parser.add_argument("--baseline", help="a --json report of an earlier run: print what changed")
    args = parser.parse_args(argv)
    texts = article_texts(args.articles) if args.articles else None
    report = score(read_jsonl(args.gold), read_jsonl(args.pred), articles=texts)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render(report, per_article=args.per_article))
        if args.baseline:
            print(render_delta(json.loads(Path(args.baseline).read_text(encoding="utf-8")), report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
