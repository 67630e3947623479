"""Pledges: a donor commits, offers or delivers something to a recipient.

Per sentence: a pledge trigger (seeds/pledge_triggers.csv: "will provide", "pledged", "decided to
help", "proposed to", "ready to", "handed over"…) gives the status; vetoes keep out sanctions,
"pledged to work together", memoranda, investments and requests. The donor is the party named
before the trigger (a person stands for their country, a capital or "the Kremlin" for its country);
the recipient is a party named after it, else the article's home party. The category comes from the
item words after the trigger (training, military, humanitarian, financial; money alone means
financial, nothing known means other); amounts, quantities, shares of GDP and the period are read
from the same sentence. A modal with a condition ("may … if …") makes a pledge conditional.
Sentences repeating the same donor, recipient and category are merged into one pledge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfacts.extract import amounts
from newsfacts.extract.records import PledgeMention

if TYPE_CHECKING:
    from newsfacts.extract.events import ArticleContext, Party, Trigger
    from newsfacts.extract.text import Sentence

_CATEGORY_ORDER = ("training", "military", "humanitarian", "financial")
_PERIOD_RE = re.compile(
    r"\b(?:(?:in|for|during|over|through|throughout)\s+(?:the\s+(?:years?|period)\s+)?"
    r"(?P<range>(?:19|20)\d\d\s*[-–—/]\s*(?:19|20)?\d\d)"
    r"|(?:in|for|during)\s+(?P<year>(?:19|20)\d\d)(?![-–/]\d)"
    r"|(?P<until>(?:by|until|till|through)\s+(?:the\s+end\s+of\s+)?(?:(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)(?:\s+\d{1,2})?(?:,?\s+(?:19|20)\d\d)?|(?:19|20)\d\d)))",
    re.IGNORECASE,
)
# The clause of a trigger: up to the next sentence-internal break that starts a new statement.
_CLAUSE_END = re.compile(r";|\. |, (?:and|but|while|whereas) (?=[A-Z]|the |he |she |it |they )")
_MODAL_NEAR = re.compile(r"\b(?:may|might|could)\b[^.;]{0,40}$", re.IGNORECASE)


@dataclass
class _Draft:
    """A pledge being assembled; merged with later sentences on (donor, recipient, category)."""

    mention: PledgeMention


def _hits(
    sentence: Sentence, triggers: tuple[Trigger, ...], kind: str
) -> list[tuple[re.Match[str], Trigger]]:
    """Return the matches of the triggers of one kind in a sentence, left to right."""
    found = [(m, t) for t in triggers if t.kind == kind for m in t.pattern.finditer(sentence.text)]
    return sorted(found, key=lambda h: h[0].start())


def _clause_end(text: str, start: int) -> int:
    """Return where the clause that starts at `start` ends (a semicolon, a new sentence or statement)."""
    m = _CLAUSE_END.search(text, start)
    return m.start() if m else len(text)


def _donor(parties: list[Party], trigger_at: int, text_start: int, text: str) -> Party | None:
    """Return the donor: the party named closest before the trigger, else the one after 'by'."""
    before = [p for p in parties if p.start < trigger_at]
    if before:
        # A demonym right before a noun ("Ukrainian recruits") names the recipient, not the donor,
        # unless it qualifies the subject person ("the Latvian minister").
        named = [p for p in before if p.via != "demonym" or p.person_key]
        pick = (named or before)[-1]
        return pick
    for p in parties:
        if p.start > trigger_at and re.search(
            r"\bby\s+(?:the\s+)?$", text[max(0, p.start - text_start - 8) : p.start - text_start]
        ):
            return p
    return None


def _recipient(
    parties: list[Party], donor: str, trigger_at: int, clause_end: int, ctx: ArticleContext
) -> str | None:
    """Return the recipient: a party named after the trigger in its clause, else the party the
    article is most about other than the donor."""
    after = [p for p in parties if trigger_at <= p.start < clause_end and p.key != donor]
    if after:
        return after[0].key
    return ctx.implicit_other(donor)


def _category(
    text: str, at: int, end: int, triggers: tuple[Trigger, ...], money: bool, trigger: Trigger
) -> str:
    """Return the category of the item a trigger introduces: the first category word after it."""
    if "train" in trigger.pattern.pattern and re.search(r"\btrain\b", text[at : at + 40], re.IGNORECASE):
        return "training"
    found: list[tuple[int, int, str]] = []
    for t in triggers:
        if t.kind != "category":
            continue
        for m in t.pattern.finditer(text, at, end):
            found.append((m.start(), _CATEGORY_ORDER.index(t.category), t.category))
    if found:
        return min(found)[2]
    for t in triggers:
        if t.kind == "category" and t.pattern.search(text, max(0, at - 60), at):
            return t.category
    return "financial" if money else "other"


def _period(text: str) -> str | None:
    """Return the period a sentence gives its pledge ("2024", "2024–2027", "by the end of August")."""
    m = _PERIOD_RE.search(text)
    if not m:
        return None
    if m.group("range"):
        return re.sub(r"\s*[-–—/]\s*", "–", m.group("range"))
    return m.group("year") or m.group("until")


def _status(
    sentence: Sentence, trigger_match: re.Match[str], trigger: Trigger, ctx: ArticleContext, clause_end: int
) -> str:
    """Return the pledge status: the trigger's, made conditional by a modal plus a condition."""
    text = sentence.text
    if trigger.status in ("proposal", "delivered"):
        return trigger.status
    conditions = _hits(sentence, ctx.lexicon.pledge_triggers, "condition")
    strong = [m for m, t in conditions if m.group().lower() not in ("may", "might", "could", "if")]
    has_if = any(m.group().lower() == "if" and m.start() > trigger_match.start() for m, _ in conditions)
    modal = _MODAL_NEAR.search(text[: trigger_match.start()]) or re.match(
        r"\s*(?:may|might|could)\b", text[trigger_match.start() :], re.IGNORECASE
    )
    if strong or (modal and has_if) or (has_if and trigger_match.start() < clause_end):
        return "conditional"
    return trigger.status or "firm"


def _from_sentence(sentence: Sentence, ctx: ArticleContext) -> list[PledgeMention]:
    """Return the pledges one sentence reports."""
    triggers = ctx.lexicon.pledge_triggers
    hits = _hits(sentence, triggers, "trigger")
    if not hits:
        return []
    vetoes = _hits(sentence, triggers, "not_pledge")
    parties = ctx.parties_in(sentence)
    money = amounts.find_money(sentence.text, ctx.lexicon.currencies) if ctx.lexicon.currencies else []
    out: list[PledgeMention] = []
    used_until = -1
    for m, trigger in hits:
        if m.start() < used_until:
            continue  # one pledge per clause: a second trigger in it adds nothing
        end = _clause_end(sentence.text, m.end())
        if any(v.start() < end and v.end() > m.start() - 60 for v, _ in vetoes):
            continue
        at = sentence.start + m.start()
        donor = _donor(parties, at, sentence.start, ctx.article.body)
        if donor is None:
            continue
        recipient = _recipient(parties, donor.key, at, sentence.start + end, ctx)
        if recipient is None or recipient == donor.key:
            continue
        in_clause = [x for x in money if m.start() - 80 <= x.start < end]
        cash = in_clause[0] if in_clause else None
        category = _category(sentence.text, m.start(), end, triggers, cash is not None, trigger)
        quantities = [q for q in amounts.find_quantities(sentence.text[m.end() : end]) if q.value is not None]
        qty = quantities[0] if quantities else None
        shares = amounts.find_shares(sentence.text)
        description = sentence.text[m.start() : end].strip(" ,.")
        if shares:
            description += f" ({shares[0].surface})"
        out.append(
            PledgeMention(
                donor_key=donor.key,
                donor_name=ctx.party_name(donor.key),
                recipient_key=recipient,
                recipient_name=ctx.party_name(recipient),
                category=category,
                description=description[:200],
                quantity=qty.value if qty else None,
                item=qty.item if qty else None,
                amount=cash.amount if cash else None,
                currency=cash.currency if cash else None,
                period=_period(sentence.text),
                status=_status(sentence, m, trigger, ctx, end),
                announced_on=ctx.article.published_on,
                sentence_index=sentence.index,
                char_start=sentence.start,
                char_end=sentence.end,
                evidence=sentence.text,
                confidence=0.6,
            )
        )
        used_until = end
    return out


def _merge(found: list[PledgeMention]) -> list[PledgeMention]:
    """Return one pledge per donor, recipient and category (different amounts stay apart)."""
    out: list[PledgeMention] = []
    for p in found:
        twin = next(
            (
                q
                for q in out
                if (q.donor_key, q.recipient_key, q.category) == (p.donor_key, p.recipient_key, p.category)
                and (q.amount is None or p.amount is None or (q.amount, q.currency) == (p.amount, p.currency))
            ),
            None,
        )
        if twin is None:
            out.append(p)
            continue
        twin.amount = twin.amount if twin.amount is not None else p.amount
        twin.currency = twin.currency or p.currency
        twin.quantity = twin.quantity if twin.quantity is not None else p.quantity
        twin.item = twin.item or p.item
        twin.period = twin.period or p.period
    return out


def extract(ctx: ArticleContext) -> list[PledgeMention]:
    """Return the pledges of one article."""
    found: list[PledgeMention] = []
    for s in ctx.sentences:
        found.extend(_from_sentence(s, ctx))
    return _merge(found)
