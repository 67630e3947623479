"""What the meeting and pledge extractors share: their lexicon and the per-article context.

meetings.py and pledges.py each read an `ArticleContext` and import this module; it imports
neither, so the fact kinds stay one module each with no import circle.

The lexicon is read once from seeds/ (trigger phrases, currencies, countries, organisations, people
and their offices) and compiled. `ArticleContext` holds what both extractors need to know about one
article: who the parties in each sentence are (people stand for the country or organisation they
served at the article's date, capitals and metonyms for their country), the article's home party
(the one most of it is about — the implicit other side of "I spoke with…" and the implicit
recipient of aid), and the reference date for resolving "on Tuesday" or "December 12".

Entity mentions come from newsfacts.extract.entities; when that returns none (its stub), a small
gazetteer over the same seeds stands in, so these extractors can be measured on their own.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsfacts.extract import affiliations, dates
from newsfacts.extract.amounts import CurrencyLexicon, load_currency_lexicon
from newsfacts.extract.prefilter import Prefilter, any_required, may_match, required_literals, trie_source
from newsfacts.extract.records import Article, EntityMention
from newsfacts.extract.seeds import read_seed, split_list
from newsfacts.extract.text import Sentence

# ASCII-only lower-casing keeps every offset (str.lower can change a string's length), and matching
# lower-cased text with case-sensitive patterns is three to four times faster than re.IGNORECASE.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ISO3_RE = re.compile(r"[A-Z]{3}")
_WITH_RE = re.compile(r"\bwith\b", re.IGNORECASE)
# The noun right after a country name, past an optional possessive and one modifier ("US bank",
# "Japan's biggest carmaker", "the Dutch club").
_COMPANY_AFTER = re.compile(r"(?:'s|’s)?\s+(?:[a-z][\w-]*\s+)?(?P<noun>[a-z][\w-]*)\b")


def lower(text: str) -> str:
    """Return text with ASCII capitals lower-cased (same length, same offsets)."""
    return text.translate(_ASCII_LOWER)


def lower_pattern(pattern: str) -> str:
    """Return a regex source with its literal ASCII capitals lower-cased (escapes such as \\S kept)."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
        else:
            out.append(lower(pattern[i]))
            i += 1
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Trigger:
    """One compiled trigger row of seeds/meeting_triggers.csv or seeds/pledge_triggers.csv.

    The pattern matches case-insensitively: it is compiled lower-cased and run on lower-cased text.
    """

    pattern: re.Pattern[str]
    kind: str
    mode: str = ""
    status: str = ""
    category: str = ""
    confidence: float = 0.5
    topic: str = ""
    # Words one of which every match contains (newsfacts.extract.prefilter); None: always search.
    literals: Prefilter | None = None

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None, *, lowered: bool = False
    ) -> list[re.Match[str]]:
        """Return the matches in text[pos:endpos] (group() is lower-cased; offsets are text's).
        lowered=True says text is already lower-cased."""
        low = text if lowered else lower(text)
        if not may_match(self.literals, low):
            return []
        return list(self.pattern.finditer(low, pos, len(text) if endpos is None else endpos))

    def search(
        self, text: str, pos: int = 0, endpos: int | None = None, *, lowered: bool = False
    ) -> re.Match[str] | None:
        """Return the first match in text[pos:endpos], or None."""
        low = text if lowered else lower(text)
        if not may_match(self.literals, low):
            return None
        return self.pattern.search(low, pos, len(text) if endpos is None else endpos)


@dataclass(frozen=True, slots=True)
class Role:
    """An office a person held: the party it stands for and its validity window."""

    party: str
    valid_from: str
    valid_to: str
    is_org: bool


@dataclass(frozen=True)
class EventLexicon:
    """Everything the meeting and pledge extractors read from seeds/, compiled once."""

    meeting_triggers: tuple[Trigger, ...] = ()
    pledge_triggers: tuple[Trigger, ...] = ()
    # One alternation per (table, kind): most sentences match none, and one search says so; most
    # sentences do not even hold one of the alternation's literal words, and `in` tests say so faster.
    any_trigger: dict[tuple[str, str], re.Pattern[str]] = field(default_factory=dict)
    any_literals: dict[tuple[str, str], Prefilter | None] = field(default_factory=dict)
    currencies: CurrencyLexicon | None = None
    party_names: dict[str, str] = field(default_factory=dict)  # ISO3 / org_id -> canonical name
    org_parent: dict[str, str] = field(default_factory=dict)  # EC -> EU: institutions act for their body
    org_ids: frozenset[str] = frozenset()
    person_country: dict[str, str] = field(default_factory=dict)  # person_id -> ISO3
    person_roles: dict[str, tuple[Role, ...]] = field(default_factory=dict)
    person_names: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded surface -> (city, ISO3)
    demonyms: dict[str, str] = field(default_factory=dict)  # folded demonym -> ISO3
    office_words: frozenset[str] = frozenset()  # words that state an office beside a name
    company_nouns: frozenset[str] = frozenset()  # "bank", "carmaker": a country before one is no party
    place_countries: dict[str, str] = field(default_factory=dict)  # city name (canonical) -> ISO3
    # Fallback gazetteer (used only when the entity extractor returns no mentions).
    gazetteer: re.Pattern[str] | None = None
    gazetteer_entries: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)


def fold(text: str) -> str:
    """Return text folded for lookups: NFKD, combining marks dropped, case folded, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().replace("’", "'").split())


def _triggers(rows: list[dict[str, str]]) -> tuple[Trigger, ...]:
    """Return compiled triggers (case-insensitive) from trigger seed rows."""
    out = []
    for row in rows:
        source = lower_pattern(row["pattern"])
        out.append(
            Trigger(
                pattern=re.compile(source),
                kind=row["kind"],
                mode=row.get("mode", ""),
                status=row.get("status", ""),
                category=row.get("category", ""),
                confidence=float(row.get("confidence") or 0.5),
                topic=row.get("topic", ""),
                literals=Prefilter.of(required_literals(source)),
            )
        )
    return tuple(out)


def load_event_lexicon(seeds_dir: Path | None = None) -> EventLexicon:
    """Return the event lexicon compiled from seeds/ (or seeds_dir)."""
    countries = read_seed("countries", seeds_dir)
    orgs = read_seed("organizations", seeds_dir)
    people = read_seed("people", seeds_dir)
    roles = read_seed("person_roles", seeds_dir)

    party_names = {r["iso3"]: r["name"] for r in countries}
    party_names.update({r["org_id"]: r["name"] for r in orgs})
    org_ids = {r["org_id"] for r in orgs}
    # An EU institution or the AU Commission acts for its parent body; UN agencies stay themselves
    # (UNICEF and WHO are donors in their own right).
    org_parent = {
        r["org_id"]: r["member_of"] for r in orgs if r.get("member_of") and r.get("type") != "un_body"
    }

    capitals: dict[str, tuple[str, str]] = {}
    demonyms: dict[str, str] = {}
    entries: dict[str, tuple[str, str, str, str]] = {}  # surface -> (key, type, canonical, method)
    for r in countries:
        iso3 = r["iso3"]
        for surface in [r["name"], r["official_name"], *split_list(r["aliases"])]:
            if surface:
                entries.setdefault(surface, (iso3, "country", r["name"], "gazetteer"))
        for surface in split_list(r["demonyms"]):
            demonyms.setdefault(fold(surface), iso3)
            entries.setdefault(surface, (iso3, "country", r["name"], "demonym"))
        for surface in split_list(r["metonyms"]):
            entries.setdefault(surface, (iso3, "country", r["name"], "metonym"))
        if r["capital"]:
            for surface in [r["capital"], *split_list(r["capital_aliases"])]:
                capitals.setdefault(fold(surface), (r["capital"], iso3))
                entries.setdefault(
                    surface, (f"place:{fold(r['capital'])}", "location", r["capital"], "gazetteer")
                )
    for r in orgs:
        for surface in [r["name"], *split_list(r["aliases"])]:
            entries.setdefault(surface, (r["org_id"], "organization", r["name"], "gazetteer"))
    person_country: dict[str, str] = {}
    person_names: dict[str, str] = {}
    for r in people:
        pid = r["person_id"]
        person_names[pid] = r["canonical_name"]
        if r.get("country_iso3"):
            person_country[pid] = r["country_iso3"]
        for surface in [r["canonical_name"], *split_list(r["aliases"]), r.get("surname", "")]:
            if surface:
                entries.setdefault(surface, (pid, "person", r["canonical_name"], "alias"))
    person_roles: dict[str, list[Role]] = {}
    for r in roles:
        party = r["org_or_country"]
        if party.startswith("place:"):
            continue
        person_roles.setdefault(r["person_id"], []).append(
            Role(party, r.get("valid_from", ""), r.get("valid_to", ""), party in org_ids)
        )
    # Case-sensitive on purpose: "US" the country is not "us" the pronoun. The longest surface wins at
    # a position; a trie-shaped alternation finds it without trying each of ~2,000 names in turn.
    gazetteer = re.compile(r"(?<!\w)(?:" + trie_source(entries) + r")(?!\w)") if entries else None
    meeting_rows = read_seed("meeting_triggers", seeds_dir)
    pledge_rows = read_seed("pledge_triggers", seeds_dir)
    any_trigger: dict[tuple[str, str], re.Pattern[str]] = {}
    any_literals: dict[tuple[str, str], Prefilter | None] = {}
    for table, rows in (("meeting", meeting_rows), ("pledge", pledge_rows)):
        for kind in {r["kind"] for r in rows}:
            sources = [lower_pattern(r["pattern"]) for r in rows if r["kind"] == kind]
            any_trigger[(table, kind)] = re.compile("|".join(f"(?:{p})" for p in sources))
            any_literals[(table, kind)] = Prefilter.of(any_required(sources))
    return EventLexicon(
        meeting_triggers=_triggers(meeting_rows),
        pledge_triggers=_triggers(pledge_rows),
        any_trigger=any_trigger,
        any_literals=any_literals,
        currencies=load_currency_lexicon(seeds_dir),
        party_names=party_names,
        org_parent=org_parent,
        org_ids=frozenset(org_ids),
        person_country=person_country,
        person_roles={k: tuple(v) for k, v in person_roles.items()},
        person_names=person_names,
        capitals=capitals,
        demonyms=demonyms,
        office_words=affiliations.load_office_words(seeds_dir),
        company_nouns=frozenset(r["noun"].lower() for r in read_seed("company_nouns", seeds_dir)),
        place_countries={
            **{r["name"]: r["country_iso3"] for r in read_seed("places", seeds_dir) if r.get("country_iso3")},
            **{city: iso3 for city, iso3 in capitals.values()},
        },
        gazetteer=gazetteer,
        gazetteer_entries=entries,
    )


def fallback_mentions(sentences: list[Sentence], lexicon: EventLexicon) -> list[EntityMention]:
    """Return gazetteer mentions (countries, organisations, capitals, seeded people) sentence by sentence."""
    if lexicon.gazetteer is None:
        return []
    out: list[EntityMention] = []
    for s in sentences:
        for m in lexicon.gazetteer.finditer(s.text):
            key, etype, canonical, method = lexicon.gazetteer_entries[m.group()]
            out.append(
                EntityMention(
                    key,
                    etype,
                    canonical,
                    m.group(),
                    method,
                    s.index,
                    s.start + m.start(),
                    s.start + m.end(),
                    0.8,
                )
            )
    return out


_REGION_BEFORE = re.compile(r"\b(?:Latin|South|North|Central)\s+$")


@dataclass(frozen=True, slots=True)
class Party:
    """A party (country or organisation) named in a sentence, and how: directly or through a person."""

    key: str
    start: int  # offset in the body
    end: int
    person_key: str | None = None
    person_name: str | None = None
    via: str = "name"  # name | person | capital | demonym | metonym


@dataclass
class ArticleContext:
    """What the extractors know about one article: parties per sentence, home party, reference date."""

    article: Article
    sentences: list[Sentence]
    lexicon: EventLexicon
    mentions_by_sentence: dict[int, list[EntityMention]]
    reference: dt.date | None
    reference_inferred: bool
    home: str | None = None
    home_person: tuple[str, str] | None = None  # (person_key, name) most cited for the home party
    ranking: list[str] = field(default_factory=list)  # parties by how much the article is about them
    person_ranking: list[str] = field(default_factory=list)  # parties by how often their people are named
    _party_cache: dict[str, str | None] = field(default_factory=dict)
    mentions_in: list[EntityMention] | None = None  # the list the context was built from (cache key)
    people_by_party: dict[str, Counter[tuple[str, str]]] = field(default_factory=dict)
    text_parties: dict[str, str] = field(default_factory=dict)  # person key -> party the text states
    # Per-sentence work both extractors repeat (a sentence is asked for its triggers up to six times).
    _lowered: dict[tuple[int, int], str] = field(default_factory=dict)
    _hits: dict[tuple[str, str, int, int], list[tuple[re.Match[str], Trigger]]] = field(default_factory=dict)

    _body_lower: str | None = None
    _flagged: dict[tuple[str, str], frozenset[int] | None] = field(default_factory=dict)

    def lowered(self, sentence: Sentence) -> str:
        """Return the sentence's text ASCII-lower-cased (computed once per sentence)."""
        key = (sentence.start, sentence.end)
        low = self._lowered.get(key)
        if low is None:
            if self._body_lower is None:
                self._body_lower = lower(self.article.body)
            body_low = self._body_lower
            # The body is lower-cased once: a slice of it is the sentence lower-cased (same offsets).
            low = self._lowered[key] = (
                body_low[sentence.start : sentence.end]
                if self.article.body[sentence.start : sentence.end] == sentence.text
                else lower(sentence.text)
            )
        return low

    def _maybe_in(self, sentence: Sentence, table: str, kind: str) -> bool:
        """Return False when no literal of the (table, kind) triggers occurs in the sentence.

        One scan of the lower-cased body flags the sentences a literal occurrence overlaps: cheaper
        than a scan per sentence, and a superset of the sentences that contain one.
        """
        key = (table, kind)
        if key not in self._flagged:
            prefilter = self.lexicon.any_literals.get(key)
            if prefilter is None or prefilter.regex is None:
                self._flagged[key] = None
            else:
                if self._body_lower is None:
                    self._body_lower = lower(self.article.body)
                starts = [s.start for s in self.sentences]
                flagged: set[int] = set()
                for m in prefilter.regex.finditer(self._body_lower):
                    first = max(bisect.bisect_right(starts, m.start()) - 1, 0)
                    last = max(bisect.bisect_left(starts, m.end()) - 1, first)
                    flagged.update(self.sentences[i].index for i in range(first, last + 1))
                self._flagged[key] = frozenset(flagged)
        flagged_set = self._flagged[key]
        known = sentence.index < len(self.sentences) and self.sentences[sentence.index] is sentence
        if flagged_set is None or not known:
            return may_match(self.lexicon.any_literals.get(key), self.lowered(sentence))
        return sentence.index in flagged_set

    def trigger_hits(self, sentence: Sentence, table: str, kind: str) -> list[tuple[re.Match[str], Trigger]]:
        """Return the matches in a sentence of the `table` ("meeting"/"pledge") triggers of one kind,
        trigger by trigger in seed order (computed once per sentence; callers must not modify it)."""
        key = (table, kind, sentence.start, sentence.end)
        hits = self._hits.get(key)
        if hits is None:
            hits = []
            low = self.lowered(sentence)
            lexicon = self.lexicon
            quick = lexicon.any_trigger.get((table, kind))
            if self._maybe_in(sentence, table, kind) and (quick is None or quick.search(low)):
                triggers = lexicon.meeting_triggers if table == "meeting" else lexicon.pledge_triggers
                hits = [(m, t) for t in triggers if t.kind == kind for m in t.finditer(low, lowered=True)]
            self._hits[key] = hits
        return hits

    def main_person(self, party: str) -> tuple[str, str] | None:
        """Return (person_key, name) of the person of `party` the article names most, or None."""
        counts = self.people_by_party.get(party)
        return counts.most_common(1)[0][0] if counts else None

    def implicit_other(self, party: str | None, countries_first: bool = True) -> str | None:
        """Return the party the article is most about other than `party` (the implicit other side);
        countries before organisations unless countries_first is False (aid goes to states)."""
        others = [k for k in self.ranking if k != party]
        if countries_first:
            countries = [k for k in others if _ISO3_RE.fullmatch(k) and k not in self.lexicon.org_ids]
            others = countries or others
        return others[0] if others else None

    def party_name(self, key: str) -> str:
        """Return the canonical name of a party key (ISO3 / org_id), the key itself when unknown."""
        return self.lexicon.party_names.get(key, key)

    def normalise_party(self, key: str) -> str:
        """Return the party an entity key acts for (EU institutions act for the EU)."""
        return self.lexicon.org_parent.get(key, key)

    def person_party(self, person_key: str) -> str | None:
        """Return the country or organisation a person represented at the article's date."""
        if person_key not in self._party_cache:
            self._party_cache[person_key] = self._person_party(person_key)
        return self._party_cache[person_key]

    def _person_party(self, person_key: str) -> str | None:
        """Return the party of a person, uncached (see person_party).

        What the article says beside the name ("Ruritanian Defence Minister X") comes first: it is
        the office at the article's date, and it holds for people no seed lists.
        """
        stated = self.text_parties.get(person_key)
        if stated:
            return stated
        when = (self.reference or dt.date.today()).isoformat()
        valid = [
            r
            for r in self.lexicon.person_roles.get(person_key, ())
            if (not r.valid_from or r.valid_from <= when) and (not r.valid_to or when <= r.valid_to)
        ]
        # An office in an organisation (AU chair, UN Secretary-General) outranks citizenship.
        for role in sorted(valid, key=lambda r: not r.is_org):
            return self.normalise_party(role.party)
        return self.lexicon.person_country.get(person_key)

    def affiliations(self, person_key: str) -> set[str]:
        """Return every party a person is tied to (any office at any date, and citizenship)."""
        out = {self.normalise_party(r.party) for r in self.lexicon.person_roles.get(person_key, ())}
        country = self.lexicon.person_country.get(person_key)
        return out | ({country} if country else set())

    def parties_in(self, sentence: Sentence) -> list[Party]:
        """Return the parties a sentence names, in text order (people via the party they represent)."""
        out: list[Party] = []
        for m in self.mentions_by_sentence.get(sentence.index, []):
            if m.entity_type == "person":
                party = self.person_party(m.entity_key)
                if party:
                    out.append(
                        Party(party, m.char_start, m.char_end, m.entity_key, m.canonical_name, "person")
                    )
            elif m.entity_type == "country":
                if _REGION_BEFORE.search(self.article.body[max(0, m.char_start - 9) : m.char_start]):
                    continue  # "Latin America", "South Africa's region"… name a region, not the country
                if self.names_a_company(m):
                    continue  # "US bank Wells Fargo", "the Dutch club": a company or club, not the state
                via = m.method if m.method in ("demonym", "metonym") else "name"
                out.append(Party(m.entity_key, m.char_start, m.char_end, via=via))
            elif m.entity_type == "organization":
                out.append(Party(self.normalise_party(m.entity_key), m.char_start, m.char_end))
            # A capital used as a place ("met in Kyiv") is no party: the entity extractor marks the
            # capitals that act for their country ("Riga proposed") as country metonyms.
        return out

    def names_a_company(self, m: EntityMention) -> bool:
        """Return True when a country mention only qualifies a company, club or team after it
        ("US bank", "Japan's biggest carmaker", "the Dutch club"): seeds/company_nouns.csv."""
        after = _COMPANY_AFTER.match(self.article.body, m.char_end)
        return bool(after) and after.group("noun").lower() in self.lexicon.company_nouns

    def places_in(self, sentence: Sentence) -> list[EntityMention]:
        """Return the location mentions of a sentence."""
        return [m for m in self.mentions_by_sentence.get(sentence.index, []) if m.entity_type == "location"]


def _home(mentions: list[EntityMention], ctx: ArticleContext) -> tuple[list[str], tuple[str, str] | None]:
    """Return the parties ranked by how much the article is about them, and the top one's most cited person.

    People count twice (a press release names its own head of state again and again); the title
    counts as well through the body's first lines.
    """
    votes: Counter[str] = Counter()
    people: Counter[tuple[str, str, str]] = Counter()
    for m in mentions:
        # A pronoun or role repeats a person already counted; a name counts double.
        weight = 1 if m.method in ("pronoun", "role") else 2
        if m.entity_type == "person":
            party = ctx.person_party(m.entity_key)
            if party:
                votes[party] += weight
                people[(party, m.entity_key, m.canonical_name)] += weight
        elif m.entity_type in ("country", "organization"):
            votes[ctx.normalise_party(m.entity_key)] += 1
    # The headline says whose story it is ("address by President X", "Telephone conversation with Y"
    # is the home side's release): its parties weigh as much as a paragraph.
    if ctx.article.title and ctx.lexicon.gazetteer is not None:
        for m in ctx.lexicon.gazetteer.finditer(ctx.article.title):
            if _WITH_RE.search(ctx.article.title, 0, m.start()):
                continue  # "Telephone conversation with X": X is the counterpart, not the home side
            key, etype, canonical, _ = ctx.lexicon.gazetteer_entries[m.group()]
            party = ctx.person_party(key) if etype == "person" else ctx.normalise_party(key)
            if party and etype in ("person", "country", "organization"):
                votes[party] += 8
                if etype == "person":
                    people[(party, key, canonical)] += 8
    # Every person named in the headline, counterparts included, is someone the story is about.
    if ctx.article.title and ctx.lexicon.gazetteer is not None:
        for m in ctx.lexicon.gazetteer.finditer(ctx.article.title):
            key, etype, canonical, _ = ctx.lexicon.gazetteer_entries[m.group()]
            party = ctx.person_party(key) if etype == "person" else None
            if party:
                ctx.people_by_party.setdefault(party, Counter())[(key, canonical)] += 4
    for (party, key, name), n in people.items():
        ctx.people_by_party.setdefault(party, Counter())[(key, name)] += n
    if not votes:
        return [], None
    ranking = [k for k, _ in votes.most_common()]
    home_people = [(n, k, name) for (p, k, name), n in people.items() if p == ranking[0]]
    top = max(home_people)[1:] if home_people else None
    return ranking, top


def build_context(
    article: Article, sentences: list[Sentence], mentions: list[EntityMention], lexicon: EventLexicon
) -> ArticleContext:
    """Return the shared per-article context (fallback mentions when the entity extractor gave none)."""
    if not mentions:
        mentions = fallback_mentions(sentences, lexicon)
    by_sentence: dict[int, list[EntityMention]] = {}
    for m in sorted(mentions, key=lambda m: m.char_start):
        by_sentence.setdefault(m.sentence_index, []).append(m)
    reference = dates.parse_iso(article.published_on)
    inferred = False
    if reference is None:
        reference = dates.infer_reference_date(article.body)
        inferred = reference is not None
    ctx = ArticleContext(article, sentences, lexicon, by_sentence, reference, inferred)
    ctx.text_parties = affiliations.text_affiliations(
        article.body, mentions, lexicon.office_words, ctx.normalise_party
    )
    ctx.ranking, ctx.home_person = _home(mentions, ctx)
    named_people: Counter[str] = Counter()
    for m in mentions:
        if m.entity_type == "person" and m.method not in ("pronoun", "role"):
            party = ctx.person_party(m.entity_key)
            if party:
                named_people[party] += 1
    ctx.person_ranking = [k for k, _ in named_people.most_common()]
    ctx.home = ctx.ranking[0] if ctx.ranking else None
    return ctx
