"""Pledges: a donor commits, offers or delivers something to a recipient.

Per sentence: a pledge trigger (seeds/pledge_triggers.csv: "will provide", "pledged", "is sending",
"extended a line of credit", "lifted a hold on", "$X million in aid", "proposed to", "ready to",
"handed over"…) gives the status; vetoes keep out sanctions, cuts, requests, debt deals, stalled
bills, "pledged to work together", memoranda and investments. The donor is the party named before
the trigger (a person stands for their country, a capital or "the Kremlin" for its country), but not
one in an object or partner position ("$200 million for X", "together with X"); "Kishida announced
that Japan…" takes the clause's own subject; a demonym on the aid noun ("the Danish loan
package") gives it. Trigger modes turn the reading: `receive` ("Ghana will receive
doses from Germany"), `subject` (headline "Canada to send…", "Japan pledges…" right after the donor)
and `signed` (an organisation signing a loan or grant with a country lends it). An unattributed
item comes from the article's last giver, the "X … to Y" just before, else the article's other
side. The recipient is the party named after the trigger (outside a condition), else the article's
other side; an implicit side must be in view (named in the sentence or the four before).
The category comes from the item words after the trigger (training,
military, humanitarian, financial, other), else a cue in the sentence (a defence ministry), else
money means financial; listed items of other categories and trainers beside equipment are pledges
of their own. Amounts, quantities, shares of GDP and the period come from the same sentence; a bare
"$" in the donor's own story is its dollar (currencies.bare_dollar_of). A modal with a condition
("may … if …") makes a pledge conditional. Sentences repeating the same donor, recipient, category
and status are merged into one pledge (a sum stated more than three sentences after an item without
one stays a pledge of its own).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfacts.extract import amounts
from newsfacts.extract.context import ArticleContext, Party, Trigger, lower
from newsfacts.extract.records import PledgeMention

if TYPE_CHECKING:
    from newsfacts.extract.text import Sentence

_CATEGORY_ORDER = ("training", "military", "humanitarian", "financial", "other")
_PERIOD_RE = re.compile(
    r"\b(?:(?:in|for|during|over|through|throughout)\s+(?:the\s+(?:years?|period)\s+)?"
    r"(?P<range>(?:19|20)\d\d\s*[-–—/]\s*(?:19|20)?\d\d)"
    r"|(?:in|for|during)\s+(?P<year>(?:19|20)\d\d)(?![-–/]\d)"
    r"|(?P<until>(?:by|until|till|through)\s+(?:the\s+end\s+of\s+)?(?:(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)(?:\s+\d{1,2})?(?:,?\s+(?:19|20)\d\d)?|(?:19|20)\d\d)))",
    re.IGNORECASE,
)
# The clause of a trigger: up to the next sentence-internal break that starts a new statement.
# A ". " inside a sentence after a capital or a title is an abbreviation ("U.S. weapons", "Mr. Li").
_CLAUSE_END = re.compile(
    r";|(?<![A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)\. "
    r"|, and |, (?:but|while|whereas) (?=[A-Z]|the |he |she |it |they )| [–—] "
)
_MODAL_NEAR = re.compile(r"\b(?:may|might|could)\b[^.;]{0,40}$", re.IGNORECASE)
_MODAL_AT = re.compile(r"\s*(?:may|might|could)\b", re.IGNORECASE)
_OF_OUR_STATE = re.compile(r"\bof our (?:state|country)\b")
_TRAIN = re.compile(r"\btrain\b", re.IGNORECASE)
_RANGE_DASH = re.compile(r"\s*[-–—/]\s*")
_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|that)\b")


@dataclass
class _Draft:
    """A pledge being assembled; merged with later sentences on (donor, recipient, category)."""

    mention: PledgeMention



def _hits(sentence: Sentence, ctx: ArticleContext, kind: str) -> list[tuple[re.Match[str], Trigger]]:
    """Return the matches of the pledge triggers of one kind in a sentence, left to right."""
    found = ctx.trigger_hits(sentence, "pledge", kind)
    return sorted(found, key=lambda h: h[0].start()) if len(found) > 1 else list(found)


def _clause_end(text: str, start: int) -> int:
    """Return where the clause that starts at `start` ends (a semicolon, a new sentence or statement)."""
    m = _CLAUSE_END.search(text, start)
    return m.start() if m else len(text)


_THANKS = re.compile(r"^(?:thank|grateful|gratitude)", re.IGNORECASE)
# A person followed by one of these is the one speaking or thanking, not the one giving.
_SPEAKER_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\W+){0,2}?(?:noted|said|says|stressed|emphasi[sz]ed|thanked|expressed|praised|"
    r"appreciated|welcomed|informed|told|added|called|announced that|stated|underlined|underscored)\b",
    re.IGNORECASE,
)
_AGENT_BEFORE = re.compile(
    r"\b(?:(?:provided|allocated|given|delivered|supplied|funded|financed|granted|sent|donated|transferred|"
    r"announced|pledged|promised|offered|undertaken)\s+by|"
    r"(?:package|aid|assistance|support|help|weapons|supplies|funding|loan|grant)s? from)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_AID_HEAD = re.compile(r"(?:grant|loan|deposit|aid|assistance|package|credit|tranche|donation|line of)")
_ADJECTIVES = re.compile(r"(?:\s+[\w-]+){0,2}?\s+|\s+")
_OBJECT_BEFORE = re.compile(
    r"(?:\b(?:to|for|against|into)\s+(?:the\s+)?|\b(?:with|alongside)\b[^,;.]{0,50})$", re.IGNORECASE
)
_THAT_SUBJECT = re.compile(r"\s+that\s+(?:the\s+)?", re.IGNORECASE)
_NOT_RECIPIENT_BEFORE = re.compile(r"\b(?:against|by|from|of|with|at|in)\s+(?:the\s+)?$", re.IGNORECASE)
# Without one of these an "other" pledge is talk ("proposed to launch a dialogue"), not aid.
_AID_NOUN = re.compile(
    r"\b(?:assistance|aid|equipment|supplies|supply|donations?|gas|electricity|fuel|"
    r"vehicles|engines|goods|grain|generators|reconstruction|rebuild\w*|patronage|fertili[sz]ers?|seeds|ships|vessels)\b",
    re.IGNORECASE,
)
_OUR_SIDE = re.compile(
    r"\bour (?:state|country|army|defenders|people|soldiers|military)\b|\bus\b", re.IGNORECASE
)
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+as well as)\s+(?:the\s+)?")
# "A, B and C (have also) pledged", "A, B and C were among the countries to make pledges".
_LIST_GAP_TO_TRIGGER = re.compile(
    r"\s*(?:(?:have|has|had|also|jointly|together)\s+)*"
    r"(?:(?:were|are|was) (?:also )?among (?:the )?(?:\w+ ){0,2}?"
    r"(?:countries|donors|nations|states|allies|members) (?:to|that|which|who)\s+)?"
)
_PACKAGE = re.compile(r"\b(?:package|tranche|programme|program)\b", re.IGNORECASE)
_NEW_DECISION = re.compile(
    r"\b(?:decision|decided|new|additional|will|announced|to allocate)\b", re.IGNORECASE
)
_AND_GERUND = re.compile(r"\band (?:\w+ )?(?:\w+ing)\b")
_WE = re.compile(r"\b(?:we|our)\b", re.IGNORECASE)
_FIRST_PERSON_DONOR = re.compile(
    r"\b(?:our (?:state|country|side|government)|we)\b[^.;]{0,60}$", re.IGNORECASE
)
_PEOPLE_AFTER = re.compile(
    r"^\s+(?:\w+\s+)?(?:recruits|citizens|people|refugees|children|army|armed forces|forces|military|"
    r"soldiers|defenders|servicemen|troops|side|government|IDPs|population|families|partners|hospitals|"
    r"cities|regions|navy|air force|army|coast guard|authorities|ministry|police|victims|economy)\b",
    re.IGNORECASE,
)


def _donor(
    parties: list[Party],
    trigger: re.Match[str],
    sentence: Sentence,
    end: int,
    ctx: ArticleContext,
    begin: int = 0,
) -> str | None:
    """Return the donor of the pledge a trigger introduces.

    "thanked Austria for…": the party thanked. "…package from the United States", "provided by
    X": the agent after the trigger. Else the party named closest before the trigger, unless that
    is a person speaking or thanking ("Zelenskyy noted that the decision to allocate…"): then the
    article's main counterpart. "our state is ready to…" is the home side.
    """
    at, text, base = sentence.start + trigger.start(), sentence.text, sentence.start
    # "Kishida announced that Japan would increase loans": the clause's own subject gives.
    that = _THAT_SUBJECT.match(text, trigger.end())
    if that:
        subject = next((p for p in parties if p.start == base + that.end() and not p.person_key), None)
        if subject is not None:
            return subject.key
    # "a Danish grant of $150 million", "the Saudi deposit": a demonym on the aid noun gives it.
    if _AID_HEAD.match(trigger.group()):
        for p in parties:
            between = text[p.end - base : trigger.start()]
            if p.end <= at and p.via == "demonym" and _ADJECTIVES.fullmatch(between):
                return p.key
    for p in parties:
        if at < p.start < base + end and _AGENT_BEFORE.search(
            text[max(0, p.start - base - 40) : p.start - base]
        ):
            return p.key
    if _THANKS.match(trigger.group()) or " of " in trigger.group():
        # "thanked Austria for…", "the readiness of Slovakia to…": the party inside the phrase.
        inside = [p for p in parties if at <= p.start < sentence.start + trigger.end()]
        if inside:
            return inside[0].key
        # "the readiness of our state to…": the release's own side.
        return ctx.home if _OF_OUR_STATE.search(trigger.group()) else None
    before = [
        p
        for p in parties
        if base + begin <= p.start < at
        and (p.via != "demonym" or p.person_key)
        # "$200 million for Ukraine, with…", "together with the EU, Germany…": an object or a
        # partner named before the trigger is not its subject.
        and not (
            _OBJECT_BEFORE.search(text[max(0, p.start - base - 60) : p.start - base])
            and not text.startswith(("'s", "’s"), p.end - base)  # "grateful for Slovakia's willingness"
        )
    ]
    if before:
        pick = before[-1]
        if pick.person_key and _SPEAKER_AFTER.match(text[pick.end - base : pick.end - base + 40]):
            # 'Kishida said: "We will provide…"': the speaker's "we" gives; "X noted that the
            # decision to allocate…": the speaker is not the donor.
            if _WE.search(text, pick.end - base, trigger.start()):
                return pick.key
            return None
        return pick.key
    if _FIRST_PERSON_DONOR.search(text[: trigger.start()]):
        # '"We will send aid," said X': the speaker named after the quote, else the release's side.
        speaker = next((p for p in parties if p.person_key and p.start > at and p.via == "person"), None)
        return speaker.key if speaker is not None else ctx.home
    return None


def _recipient(
    parties: list[Party],
    donor: str,
    trigger: re.Match[str],
    sentence: Sentence,
    end: int,
    ctx: ArticleContext,
    implicit: bool = True,
) -> str | None:
    """Return the recipient: the first party named after the trigger in its clause ("to Ukraine",
    "Ukrainian recruits"), else the country the article is most about other than the donor."""
    base, text = sentence.start, sentence.text
    # "could deliver interceptors to Kyiv if the United States…": a condition names no recipient.
    cond = _CONDITION_CLAUSE.search(text, trigger.end(), end)
    end = cond.start() if cond else end
    for p in parties:
        # "thanked Germany and France for…": the parties thanked are donors, not recipients.
        first = trigger.end() if _THANKS.match(trigger.group()) else trigger.start()
        if not (base + first <= p.start < base + end) or p.key == donor:
            continue
        if _NOT_RECIPIENT_BEFORE.search(text[max(0, p.start - base - 10) : p.start - base]):
            continue  # "aggression against X", "provided by X", "the situation of X"
        if p.via == "demonym" and not _PEOPLE_AFTER.match(text[p.end - base :]):
            continue  # "the Russian aggression": an adjective, not a recipient
        return p.key
    if not implicit:
        return None
    other = ctx.implicit_other(donor)
    # The implicit other side must be in view: named in this sentence or one of the four before.
    return other if other is not None and _in_view(ctx, sentence, other) else None


def _in_view(ctx: ArticleContext, sentence: Sentence, party: str, back: int = 4) -> bool:
    """Return True when the party (or one of its people) is named in the sentence or the `back` before."""
    return any(
        ctx.normalise_party(m.entity_key) == party
        or (m.entity_type == "person" and ctx.person_party(m.entity_key) == party)
        for i in range(max(0, sentence.index - back), sentence.index + 1)
        for m in ctx.mentions_by_sentence.get(i, [])
    )


def _category(
    text: str, at: int, end: int, triggers: tuple[Trigger, ...], money: bool, trigger: Trigger
) -> str:
    """Return the category of the item a trigger introduces: the first category word after it."""
    if "train" in trigger.pattern.pattern and _TRAIN.search(text[at : at + 40]):
        return "training"
    found: list[tuple[int, int, str]] = []
    low = lower(text)
    for t in triggers:
        if t.kind != "category":
            continue
        for m in t.finditer(low, at, end, lowered=True):
            found.append((m.start(), _CATEGORY_ORDER.index(t.category), t.category))
    if found:
        return min(found)[2]
    for t in triggers:
        if t.kind == "category" and t.search(low, max(0, at - 60), at, lowered=True):
            return t.category
    # "Defence Minister X announced a new €1.3 billion package": no item word, but who gives says
    # what kind of package it is.
    for t in triggers:
        if t.kind == "cue" and t.search(low, lowered=True):
            return t.category
    return "financial" if money else "other"


def _period(text: str) -> str | None:
    """Return the period a sentence gives its pledge ("2024", "2024–2027", "by the end of August")."""
    m = _PERIOD_RE.search(text)
    if not m:
        return None
    if m.group("range"):
        return _RANGE_DASH.sub("–", m.group("range"))
    return m.group("year") or m.group("until")


def _status(
    sentence: Sentence, trigger_match: re.Match[str], trigger: Trigger, ctx: ArticleContext, clause_end: int
) -> str:
    """Return the pledge status: the trigger's, made conditional by a modal plus a condition."""
    text = sentence.text
    # Only the object of the thanks counts, not a relative clause after it ("…, which will help").
    thanked_for = _RELATIVE_CLAUSE.split(text[trigger_match.end() : clause_end])[0]
    if _THANKS.match(trigger_match.group()) and _NEW_DECISION.search(
        trigger_match.group() + " " + thanked_for
    ):
        return "firm"  # "thanked X for the decision to allocate…": thanks for a commitment, not a delivery
    if trigger.status in ("proposal", "delivered"):
        return trigger.status
    if _EXPECTED_BEFORE.search(text, max(0, trigger_match.start() - 40), trigger_match.start()):
        return "proposal"  # "India is also expected to extend a credit facility": not yet committed
    if trigger.mode == "receive" and trigger_match.group().startswith("received"):
        return "delivered"  # "Pakistan received the deposit"
    conditions = _hits(sentence, ctx, "condition")
    strong = [m for m, t in conditions if m.group().lower() not in ("may", "might", "could", "if")]
    has_if = any(m.group().lower() == "if" and m.start() > trigger_match.start() for m, _ in conditions)
    modal = _MODAL_NEAR.search(text[: trigger_match.start()]) or _MODAL_AT.match(text, trigger_match.start())
    if strong or (modal and has_if) or (has_if and trigger_match.start() < clause_end):
        return "conditional"
    return trigger.status or "firm"


def _from_sentence(
    sentence: Sentence, ctx: ArticleContext, prior: list[PledgeMention] | None = None
) -> list[PledgeMention]:
    """Return the pledges one sentence reports (prior: the article's pledges before it)."""
    triggers = ctx.lexicon.pledge_triggers
    hits = _hits(sentence, ctx, "trigger")
    if not hits:
        return []
    if _hits(sentence, ctx, "not_pledge_sentence"):
        return []  # a company's or a market's sentence ("Acme Inc said its unit received…"): no state gives
    vetoes = _hits(sentence, ctx, "not_pledge")
    parties = ctx.parties_in(sentence)
    money = amounts.find_money(sentence.text, ctx.lexicon.currencies) if ctx.lexicon.currencies else []
    out: list[PledgeMention] = []
    used_until = -1
    last_donor: str | None = None
    breaks = [0] + [b.end() for b in _CLAUSE_END.finditer(sentence.text)]

    def clause_start(pos: int) -> int:
        return max(b for b in breaks if b <= pos)

    for m, trigger in hits:
        if m.start() < used_until:
            continue  # one pledge per clause: a second trigger in it adds nothing
        end = _clause_end(sentence.text, m.end())
        if any(v.start() < end and v.end() > m.start() - 60 for v, _ in vetoes):
            continue
        if trigger.mode == "subject" and not _names_subject(parties, sentence, m):
            continue  # "to send" heads a pledge only right after its donor ("Canada to send Ukraine…")
        if trigger.mode == "signed":
            # "The AfDB and Ethiopia signed a $40 million grant": the organisation lends or grants; two
            # countries signing leave the direction open, so no pledge.
            pair = _signed(parties, ctx)
            if pair is not None:
                mention = _mention(sentence, ctx, m, trigger, end, pair[0], pair[1], money, triggers)
                if mention is not None:
                    out.append(mention)
            used_until = end
            continue
        if trigger.mode == "receive":
            # "Ghana will receive 760,000 doses from Germany": the giver follows "from", the subject gets.
            pair = _received(parties, sentence, m, end)
            if pair is None:
                continue
            mention = _mention(sentence, ctx, m, trigger, end, pair[0], pair[1], money, triggers)
            if mention is not None:
                out.append(mention)
            used_until = end
            continue
        donor = _donor(parties, m, sentence, end, ctx, clause_start(m.start()) if last_donor else 0)
        if (
            donor is None
            and last_donor
            and not _has_party_between(parties, sentence, clause_start(m.start()), m)
        ):
            donor = last_donor  # "…has provided X, and intends to support Y": the same subject
        if (
            donor is None
            and trigger.status in ("firm", "delivered")
            and _category(sentence.text, m.start(), end, triggers, bool(money), trigger) != "other"
        ):
            # "There is also a new package of humanitarian support for Ukraine", "Ottawa will be
            # donating 200 vehicles" (a capital the entity step missed): an unattributed item comes
            # from the article's counterpart.
            named_after = _recipient(parties, "", m, sentence, end, ctx, implicit=False)
            if named_after is None:
                # "This year's loan package comprises…": no party here; the giver of the article's
                # last pledge, else of the last "X … to Y" of the sentences before, gives it.
                donor = prior[-1].donor_key if prior else _giver_before(ctx, sentence)
            if donor is None:
                donor = ctx.implicit_other(named_after or ctx.home, countries_first=False)
                donor = donor if donor is not None and _in_view(ctx, sentence, donor) else None
        if donor is None:
            continue
        # "We will send…" in a release: its own side acting; only a named recipient makes it a pledge.
        first_person = (
            donor == ctx.home
            and not any(p.start < sentence.start + m.start() or p.person_key for p in parties)
            and bool(_FIRST_PERSON_DONOR.search(sentence.text[: m.start()]))
        )
        recipient = _recipient(parties, donor, m, sentence, end, ctx, implicit=not first_person)
        if recipient is None or recipient == donor:
            continue
        mention = _mention(sentence, ctx, m, trigger, end, donor, recipient, money, triggers)
        if mention is None:
            continue  # "thanked X for the support", "proposed to launch a dialogue": no item
        out.append(mention)
        # "ready to continue providing weapons … and organizing military training": a second item
        # of another category in the same clause is a pledge of its own.
        for g in _AND_GERUND.finditer(sentence.text, m.end(), end):
            second = _category(sentence.text, g.start(), end, triggers, False, trigger)
            if second not in ("other", out[-1].category) and out[-1].donor_key == donor:
                twin = dataclasses.replace(out[-1], category=second, amount=None, currency=None)
                twin.description = sentence.text[g.start() : end].strip(" ,.")[:200]
                out.append(twin)
                break
        # "radar systems and $50 million in budget support": a listed item of another category is a
        # pledge of its own.
        first = out[-1]
        for category, at in _listed_categories(sentence.text, m.end(), end, triggers, first.category):
            cash = next((x for x in money if x.start >= at and x.start < end), None)
            if cash is not None and first.amount == cash.amount:
                first.amount = first.currency = None  # the sum is the later item's, not the first's
            twin = dataclasses.replace(
                out[-1],
                category=category,
                amount=cash.amount if cash else None,
                currency=_currency(cash, donor, ctx) if cash else None,
            )
            out.append(twin)
        # "will send vehicles to Ukraine and 70 personnel to train its troops": training is an item
        # of its own beside the equipment.
        if (
            out[-1].category not in ("training", "other")
            and _TRAINING_ITEM.search(sentence.text, m.end(), end)
            and not any(p.category == "training" and p.donor_key == donor for p in out)
        ):
            out.append(dataclasses.replace(out[-1], category="training", amount=None, currency=None))
        # "China, Iran and Russia have pledged funds": each donor of the list pledges.
        for co in _co_donors(parties, sentence, donor, m):
            if co != recipient:
                out.append(dataclasses.replace(out[-1], donor_key=co, donor_name=ctx.party_name(co)))
        # "aid to Syria and Turkey": each recipient of the list receives.
        for co in _co_recipients(parties, sentence, recipient, m, end):
            if co != donor:
                out.append(dataclasses.replace(out[-1], recipient_key=co, recipient_name=ctx.party_name(co)))
        used_until = end
        last_donor = donor
    return out


def _mention(
    sentence: Sentence,
    ctx: ArticleContext,
    m: re.Match[str],
    trigger: Trigger,
    end: int,
    donor: str,
    recipient: str,
    money: list[amounts.Money],
    triggers: tuple[Trigger, ...],
) -> PledgeMention | None:
    """Return the pledge a trigger makes between donor and recipient, or None when it names no item."""
    clause = sentence.text[m.start() : end]
    # The amount closest after the trigger in its clause, else the closest one before it.
    after_trigger = [x for x in money if m.start() <= x.start < end]
    before_trigger = [x for x in money if m.start() - 80 <= x.start < m.start()]
    cash = after_trigger[0] if after_trigger else (before_trigger[-1] if before_trigger else None)
    category = _category(sentence.text, m.start(), end, triggers, cash is not None, trigger)
    if category == "other" and not _AID_NOUN.search(clause):
        return None
    # Counted items, not the "2 billion pounds" of an amount.
    quantities = [
        q
        for q in amounts.find_quantities(sentence.text[m.end() : end])
        if q.value is not None
        and not any(x.start < m.end() + q.end and m.end() + q.start < x.end for x in money)
    ]
    qty = quantities[0] if quantities else None
    shares = amounts.find_shares(sentence.text)
    description = clause.strip(" ,.")
    if shares:
        description += f" ({shares[0].surface})"
    return PledgeMention(
        donor_key=donor,
        donor_name=ctx.party_name(donor),
        recipient_key=recipient,
        recipient_name=ctx.party_name(recipient),
        category=category,
        description=description[:200],
        quantity=qty.value if qty else None,
        item=qty.item if qty else None,
        amount=cash.amount if cash else None,
        currency=_currency(cash, donor, ctx) if cash else None,
        period=_period(sentence.text),
        status=_status(sentence, m, trigger, ctx, end),
        announced_on=ctx.article.published_on,
        sentence_index=sentence.index,
        char_start=sentence.start,
        char_end=sentence.end,
        evidence=sentence.text,
        confidence=0.6,
    )


_LIST_JOIN = re.compile(r"(?:,|\band\b|\bas well as\b|\bplus\b)")
_PURPOSE = re.compile(
    r"\b(?:for|to (?:help|buy|purchase|import|fund|finance|support|pay)|so that|in order to)\b"
)


def _listed_categories(
    text: str, start: int, end: int, triggers: tuple[Trigger, ...], first: str
) -> list[tuple[str, int]]:
    """Return (category, where its list entry starts) of the items after the first one in a clause.

    "will provide radars and $50 million in budget support" → [("financial", …)]: each later category
    word joined to the list by "and" or a comma names an item of its own (one per new category).
    """
    low = lower(text)
    hits = sorted(
        (m.start(), m.end(), t.category)
        for t in triggers
        if t.kind == "category"
        for m in t.finditer(low, start, end, lowered=True)
    )
    out: list[tuple[str, int]] = []
    seen = {first}
    # "a credit line for importing food and medicines": what the money buys is no item of its own.
    purpose = _PURPOSE.search(text, hits[0][1], end) if hits else None
    stop = purpose.start() if purpose else end
    for (_, prev_end, _), (at, _, category) in itertools.pairwise(hits):
        if at >= stop:
            break
        if category in seen or category == "training" or not _LIST_JOIN.search(text, prev_end, at):
            continue
        seen.add(category)
        out.append((category, prev_end))
    return out[:2]


def _currency(cash: amounts.Money, donor: str, ctx: ArticleContext) -> str:
    """Return the currency of a pledged sum: a bare "$" in a Canadian story of Canada's aid is CAD.

    The story is the donor's when the donor's people are the ones it names most (beside others'):
    a Ukrainian release quoting Canada's "$ 800 million" keeps US dollars.
    """
    lexicon = ctx.lexicon.currencies
    if (
        cash.currency == "USD"
        and cash.surface.startswith("$")
        and lexicon is not None
        and len(ctx.person_ranking) > 1
        and ctx.person_ranking[0] == donor
    ):
        return lexicon.bare_dollar.get(donor, cash.currency)
    return cash.currency


_EXPECTED_BEFORE = re.compile(
    r"\b(?:is|are|was|were) (?:also |now )?(?:expected|likely|poised|mulling|considering) (?:to )?$"
)
_CONDITION_CLAUSE = re.compile(r"\b(?:if|unless|once|as long as|provided that|on condition)\b")
_TRAINING_ITEM = re.compile(
    r"\bto train\b|\btrainers\b|\binstructors\b|\btraining (?:programme|program|mission|course)s?\b",
    re.IGNORECASE,
)
_TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?$", re.IGNORECASE)


def _giver_before(ctx: ArticleContext, sentence: Sentence, back: int = 3) -> str | None:
    """Return X of the last "X … to Y" (two parties, Y after "to") in the sentences just before."""
    for prev in reversed(ctx.sentences[max(0, sentence.index - back) : sentence.index]):
        parties = [p for p in ctx.parties_in(prev) if p.via != "demonym" or p.person_key]
        base = prev.start
        for i, p in enumerate(parties):
            if _TO_BEFORE.search(prev.text[max(0, p.start - base - 8) : p.start - base]):
                givers = [q.key for q in parties[:i] if q.key != p.key]
                if givers:
                    return givers[-1]
    return None


_SUBJECT_GAP = re.compile(r"\s*(?:also\s+|now\s+)?")
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)


def _names_subject(parties: list[Party], sentence: Sentence, trigger: re.Match[str]) -> bool:
    """Return True when a party (not a person's pronoun) ends right before the trigger ("Canada to send")."""
    at = sentence.start + trigger.start()
    return any(
        p.end <= at and _SUBJECT_GAP.fullmatch(sentence.text[p.end - sentence.start : trigger.start()])
        for p in parties
    )


def _signed(parties: list[Party], ctx: ArticleContext) -> tuple[str, str] | None:
    """Return (organisation, country) of a signed loan or grant, or None without exactly that pair."""
    orgs = [p.key for p in parties if p.key in ctx.lexicon.org_ids and not p.person_key]
    countries = [p.key for p in parties if p.key not in ctx.lexicon.org_ids and p.key not in orgs]
    if len(set(orgs)) != 1 or not countries:
        return None
    return orgs[0], countries[0]


def _received(
    parties: list[Party], sentence: Sentence, trigger: re.Match[str], end: int
) -> tuple[str, str] | None:
    """Return (donor, recipient) of "Y received/will receive … from X": X after "from", Y the subject."""
    base, text = sentence.start, sentence.text
    at = base + trigger.start()
    donor = next(
        (
            p.key
            for p in parties
            if at < p.start < base + end and _FROM.search(text[max(0, p.start - base - 12) : p.start - base])
        ),
        None,
    )
    before = [p for p in parties if p.start < at and p.via != "demonym"]
    if donor is None and before:
        # "Egypt will receive the remaining €4 billion of the EU package": the party that owns the item.
        donor = next((p.key for p in parties if at < p.start < base + end and p.key != before[-1].key), None)
    if donor is None or not before or before[-1].key == donor:
        return None
    return donor, before[-1].key


def _co_donors(parties: list[Party], sentence: Sentence, donor: str, trigger: re.Match[str]) -> list[str]:
    """Return the parties listed with the donor right before the trigger ("A, B and C pledged")."""
    at = sentence.start + trigger.start()
    before = [p for p in parties if p.start < at and not p.person_key]
    if not before or before[-1].key != donor:
        return []
    out: list[str] = []
    current = before[-1]
    for p in reversed(before[:-1]):
        gap = sentence.text[p.end - sentence.start : current.start - sentence.start]
        if not _LIST_GAP.fullmatch(gap):
            break
        if p.key != donor and p.key not in out:
            out.append(p.key)
        current = p
    if out and not _LIST_GAP_TO_TRIGGER.fullmatch(
        sentence.text[before[-1].end - sentence.start : trigger.start()]
    ):
        return []
    return out


def _co_recipients(
    parties: list[Party], sentence: Sentence, recipient: str, trigger: re.Match[str], end: int
) -> list[str]:
    """Return the parties listed right after the recipient named in the clause ("to Syria and Turkey")."""
    base = sentence.start
    after = [p for p in parties if base + trigger.end() <= p.start < base + end and not p.person_key]
    first = next((i for i, p in enumerate(after) if p.key == recipient), None)
    if first is None:
        return []
    out: list[str] = []
    current = after[first]
    for p in after[first + 1 :]:
        if not _LIST_GAP.fullmatch(sentence.text[current.end - base : p.start - base]):
            break
        if p.key != recipient and p.key not in out:
            out.append(p.key)
        current = p
    return out


def _has_party_between(parties: list[Party], sentence: Sentence, start: int, trigger: re.Match[str]) -> bool:
    """Return True when a party is named between a clause start and its trigger (the clause's subject)."""
    return any(sentence.start + start <= p.start < sentence.start + trigger.start() for p in parties)


def _merge(found: list[PledgeMention]) -> list[PledgeMention]:
    """Return one pledge per donor, recipient and category (different amounts stay apart)."""
    out: list[PledgeMention] = []
    for p in found:
        twin = next(
            (
                q
                for q in out
                if (q.donor_key, q.recipient_key, q.category) == (p.donor_key, p.recipient_key, p.category)
                and (
                    (q.amount, q.currency) == (p.amount, p.currency)
                    # A sum stated later fills an item without one only nearby: "will send vehicles"
                    # and, paragraphs on, "$185.6 million in defence assistance" are two pledges.
                    or ((q.amount is None or p.amount is None) and p.sentence_index - q.sentence_index <= 3)
                )
                and q.status == p.status  # "intends to…" and "announced a payment" are two pledges
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
        found.extend(_from_sentence(s, ctx, found))
    return [_direction_read(p, ctx) for p in _merge(found) if _gives_something(p, ctx)]


# "a credit facility for South Korea", "aid to Peru": the party an aid noun is for receives it.
_AID_FOR = re.compile(
    r"\b(?:aid|assistance|loans?|credits?|credit facility|credit line|package|grants?|funding)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:for|to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _direction_read(pledge: PledgeMention, ctx: ArticleContext) -> PledgeMention:
    """Return the pledge with donor and recipient swapped when the text names the donor as the one
    the aid is for ("South Korea signed with Japan for a credit facility, part of an aid package for
    South Korea's plan"): the subject who signs or asks is often the borrower."""
    sentence = ctx.sentences[pledge.sentence_index]
    parties = ctx.parties_in(sentence)
    if not any(p.key == pledge.recipient_key for p in parties):
        return pledge
    for p in parties:
        lead = ctx.article.body[max(0, p.start - 40) : p.start]
        if p.key == pledge.donor_key and _AID_FOR.search(lead):
            return dataclasses.replace(
                pledge,
                donor_key=pledge.recipient_key,
                donor_name=pledge.recipient_name,
                recipient_key=pledge.donor_key,
                recipient_name=pledge.donor_name,
            )
    return pledge


# What a pledge gives, named in its sentence: a sum, a count of items, an item word of a category
# (seeds/pledge_triggers.csv, kind category) or one of these aid nouns.
_AID_WORDS = re.compile(
    r"\b(?:aid|assistance|grants?|loans?|credits?|package|donat\w+|relief|support|funds?|funding|financ\w+|"
    r"deposit|tranche|contribution|subsid\w+)\b",
    re.IGNORECASE,
)


def _gives_something(pledge: PledgeMention, ctx: ArticleContext) -> bool:
    """Return True when the pledge's sentence names one of its sides (here or just before) and says
    what is given ("Is X ready to supply this?", "the reform would give the markets an organisation"
    give nothing)."""
    sentence = ctx.sentences[pledge.sentence_index]
    # Neither side named in the sentence or the one before: both were guessed from the article.
    nearby = ctx.sentences[max(0, pledge.sentence_index - 1) : pledge.sentence_index + 1]
    named = {p.key for s in nearby for p in ctx.parties_in(s)}
    if pledge.donor_key not in named and pledge.recipient_key not in named:
        return False
    if pledge.amount is not None or pledge.quantity is not None or pledge.item:
        return True
    return bool(_AID_WORDS.search(sentence.text) or _hits(sentence, ctx, "category"))
