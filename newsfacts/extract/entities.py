"""Entity mentions — countries, organisations, people, places — and in-article coreference.

Entry points (pipeline.py): `load_entity_lexicon(seeds_dir)` once, then
`find_mentions(article, sentences, lexicon) -> list[EntityMention]` per article, sorted by position.

What `find_mentions` finds, and the `method` it records:
  * countries by name (`gazetteer`), alias ("Türkiye", "U.S.": `alias`), demonym ("Latvian": `demonym`),
    seat or capital acting as the country ("the Kremlin said", "Riga proposed": `metonym`);
    a capital used as a place ("in Kyiv") is a `location` with key "place:kyiv" (`gazetteer`);
  * organisations by name or alias (EU, NATO, "North Atlantic Alliance");
  * seeded people by full name or alias (`gazetteer`/`alias`), transliteration variants folded by the
    narrow rules of `names.translit_key` (`alias`), surname alone (`surname`) when the person was
    introduced earlier in the article or the seeds mark the surname as unambiguous;
  * people absent from the seeds (`pattern`, key "person:<folded name>") when a capitalised name follows
    a title or role ("Defence Minister Jane Doe", "Prime Minister of X, Y Z", "Mr. Doe"), stands in
    apposition to a role ("Jane Doe, the minister of …"), comes before a speech verb ("Jane Doe said"),
    opens with a known given name, or has its surname quoted alone later ("… Doe said"); institution
    words, title nouns and acronyms are cut off the front ("Federal Security Service Jane Doe");
  * role phrases resolved to a person (`role`): "the President of Latvia", "Latvian President",
    "his Latvian counterpart", "the Head of State", "the Minister" → the person holding that role in
    this article, else the holder in seeds/person_roles.csv at the article's date;
  * pronouns he/him/his/she/her (`pronoun`) → the most salient person of the right gender before them:
    nearest in the sentence, else the subject of a recent sentence (resolved pronouns count, possessives
    do not), skipping people named inside quotation marks when the pronoun is outside them.

Seeds read: countries, organizations, people, person_roles, roles (role phrases → role codes),
places (cities and regions), given_names (gender of common first names, for he/she), the quote
extractor's cue_verbs and person_cue_verbs (verbs after a name that make it a person's). Gender of
an unseeded person comes from a title (Mr/Ms) or the given name.

Where a rule lives — construct → `_Finder` method → tests (tests/extract/test_entities.py, by prefix):
  * seeded names, aliases, demonyms, capitals, metonyms → `pass_gazetteer`
    → test_country_name_alias_and_demonym, test_kremlin_stands_for_russia, test_capital_as_actor_…
  * a lone seeded surname ("Doe said") → `surname_ok`, `context_agrees`
    → test_lone_surname_that_is_a_common_word_…, test_seeded_surname_after_another_…
  * role phrases ("the President of X", "his counterpart") → `pass_roles`, `bind_roles`,
    `resolve_role`, `resolve_counterpart` → test_role_phrase_…, test_counterpart_…
  * unseeded names after titles, before speech verbs → `pass_names`, `name_reading`, `person_cue`
    → test_unseeded_person_…
  * name runs with particles, initials, hyphenated given names ("Min-jun") → `name_run_end`
    → test_hyphenated_korean_given_name_…
  * "Doe" after "Jane Doe", "Park" after "Park Min-jun" → `introduce`, `reconcile_surnames`
    → test_lone_seeded_surname_goes_to_the_person_…
  * "the ministry", "the Commission" → their body → `pass_institutions`, `generic_body`
    → test_state_institution_…, test_bare_commission_…
  * he / she / his / her → `pass_pronouns`, `_salient_before` → test_pronoun_…

A person's country or organisation read from the words beside the name ("Ruritanian Defence
Minister X") is affiliations.py's job, not this module's.

Helpers for the quote and event extractors:
  * `fold_name(s)`, `person_key(name)` (re-exported from `names`);
  * `resolve_person_at(mentions, sentences, char_pos)` → the person mention that a pronoun or role
    phrase at char_pos refers to (the mention covering char_pos if it is a person, else the most
    salient person before it), or None;
  * `mentions_in(mentions, start, end)` → the mentions lying inside [start, end);
  * lexicon look-ups: `lexicon.canonical_name(key)`, `lexicon.key_for_name(name)` (country, organisation
    or seeded person by any name or alias), `lexicon.country_for_capital(name)`,
    `lexicon.country_for_demonym(word)`, `lexicon.parent_org(key)` (European Commission → EU),
    `lexicon.person_country(key)`, `lexicon.role_holders(role, where, on_date)`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate, compress, repeat
from operator import itemgetter
from pathlib import Path

from newsfacts.extract.names import fold_name, person_key, place_key, translit_key, translit_word
from newsfacts.extract.records import Article, EntityMention
from newsfacts.extract.seeds import read_seed, split_list
from newsfacts.extract.text import Sentence

__all__ = [
    "EntityLexicon",
    "find_mentions",
    "fold_name",
    "load_entity_lexicon",
    "mentions_in",
    "person_key",
    "resolve_person_at",
]

# Countries whose names reach English through Cyrillic transliteration: only their people get the
# transliteration-variant matching of names.translit_key.
# Words for the day an attribution names between a name and its verb ("Jane Doe on Monday said").
_DAY_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"yesterday", "today", "tonight", "earlier", "later", "also"}
)
_CYRILLIC_COUNTRIES = frozenset({"UKR", "RUS", "BLR", "KAZ", "KGZ", "TJK", "MNG", "BGR", "SRB", "MKD", "SUN"})


def _words(text: str) -> frozenset[str]:
    """Return the white-space separated words of text as a set (for closed word classes)."""
    return frozenset(text.split())


# Grammar words of the name patterns (closed classes, not reference data).
_HONORIFICS = _words("mr mrs ms miss dr sir dame lord lady madam madame mme monsieur herr")
_PARTICLES = _words("von van der den de da di del della dos das du le la al el bin ibn ben ter")
_PLACE_PREPOSITIONS = _words(
    "in to from at near into via outside inside around towards toward visited visit visiting visits "
    "arrived arrive arriving reached across through throughout of over hosted between within"
)
_PLACE_NOUNS = _words(
    "region oblast city residents mayor airport district suburbs outskirts metro time hospital streets "
    "street province area authorities regional marathon"
)
_SUBJECT_OPENERS = _words("and but that while when as then so yet meanwhile however")
# Capitalised words that open a place name: "County Kerry", "Lake Geneva", "Mount Kenya", "Fort Worth"
# — the name after one is no person's, even when it is a seeded surname.
_PLACE_NAME_HEADS = _words(
    "county lake mount mt port fort cape river bay isle island glen lough loch camp village point gulf "
    "sea strait valley"
)
# A qualifier that turns a country's short name into a region's: "Latin America", "North America".
_REGION_QUALIFIERS = _words("latin north south central")
# Words before a generic institution name that do not make it part of a longer name ("The Commission").
_GENERIC_OPENERS = _words("the a an this that its their our his her your my")
_NOT_NAME_WORDS = _words(
    """the a an in on at of for to from by with and or but if as this that these those there here it its
    he she they we i you his her their our my your monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october november december
    today yesterday tomorrow also however meanwhile after before during since until while when where
    what who why how according following despite thanks earlier later then now said says will would
    president minister prime chancellor secretary general ambassador mr mrs ms dr sir state government
    ministry office council parliament army forces armed national federal republic kingdom union
    european united international foreign defence defense affairs security committee agency
    department news press photo video read more updated north south east west central new great
    all some many most no not one two three first second last next every each both other another
    ukrainian russian american british head chief deputy separately thank thanks therefore yes day
    economy adviser advisor vice acting former presidential dear ladies gentlemen colleagues friends
    good please let glory extraordinary article thus academy supreme commander utilities environment
    healthcare plenipotentiary ambassador unlike hence""",
)
# Heads of phrases that name a state institution speaking for its country ("Foreign Ministry", "side").
_INSTITUTION_HEADS = _words(
    """government ministry department office embassy consulate cabinet administration authorities side
    delegation military army navy forces troops officials presidency mission parliament senate congress
    duma rada kremlin media state"""
)
# Words of institution and office names: a capitalised run ending in one is not a person's name.
_INSTITUTION_WORDS = _words(
    """service services summit envoy speaker council committee agency ministry forces force guard office
    department bank fund party union university institute centre center group company corporation
    administration commission court assembly parliament directorate development affairs security
    intelligence economy finance finances transport trade industry energy health defence defense justice
    education culture district region oblast staff navy army emergency emergencies customs border
    communications protection policy relations forum conference agreement treaty programme program
    plan project initiative day week award prize order medal cup games airport station plant street
    square avenue palace hall house church cathedral monastery museum theatre school hospital media
    news television radio times post journal press foundation association federation league club
    team railways airlines holding government cabinet duma rada senate congress headquarters
    operation mission bureau chamber board authority inspectorate prosecutor's directorate
    agriculture infrastructure digital transformation affairs reintegration veterans city county
    province state island islands valley river lake mountain park centre hotel mall bloc garden"""
)
# Nouns that stand right before a name and make it a person's ("party leader Jane Doe").
_PERSON_NOUNS = _words(
    """executive director official expert spokesman spokeswoman spokesperson analyst professor leader
    chief head mother father wife husband son daughter brother sister lawyer attorney adviser advisor
    aide researcher scientist economist journalist reporter correspondent editor commentator activist
    candidate lawmaker legislator senator congressman congresswoman representative mp mep deputy
    governor mayor commander general colonel captain officer ambassador envoy diplomat chairman
    chairwoman president premier minister secretary founder ceo manager coach politician resident
    witness doctor nurse judge prosecutor bishop patriarch commissioner assistant strategist arms
    images channel"""
)
_PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
_COUNTERPART_SOURCE = frozenset({"from", "of"})
# Words that open a new clause between a subject and a later pronoun ("Doe said that he…").
_CLAUSE_OPENERS = _words("that who whom which and but or when while because as if after before")
_DETERMINERS = frozenset({"the", "his", "her", "their", "its", "our", "your", "my", "this"})
_PREPOSITIONS = _words(
    "with to from by of for before after about between among against toward towards at on in"
)
# Words in front of a role that make it another office ("Deputy Head", "former President").
_ROLE_MODIFIERS = _words("deputy vice acting former ex then first late outgoing incoming interim honorary")
# Roles that a bare "the President" may resolve through the article's main country.
_NATIONAL_ROLES = frozenset(
    {"president", "prime_minister", "head_of_state", "head_of_government", "chancellor"}
)

# A Korean given name written with a hyphen, family name first: "Park Min-jun", "Kim Dae-ho".
_SURNAME_FIRST = re.compile(r"^[A-Z][a-z]{1,4} [A-Z][a-z]{1,5}-[a-z]{2,4}$")
# Hyphen suffixes that make an adjective of a name ("Kyiv-born", "Biden-led"), not a given name.
_HYPHEN_SUFFIXES = frozenset(
    {"led", "run", "born", "based", "made", "era", "wide", "like", "free", "held", "type", "long", "only"}
    | {"old", "style", "up", "in", "on", "off", "out", "day"}
)


def _misspelt_title(word: str, titles: frozenset[str]) -> bool:
    """Return True when `word` is one slip (a letter dropped, added, changed or swapped) away from a
    title of six letters or more ("Ministr", "Presdient"): a typo glued to a title is no given name."""
    if len(word) < 5 or word in titles:
        return False
    for title in titles:
        if len(title) < 6 or title[0] != word[0] or abs(len(title) - len(word)) > 1:
            continue
        if _one_slip(word, title):
            return True
    return False


def _one_slip(a: str, b: str) -> bool:
    """Return True when a and b differ by exactly one edit or one swap of neighbours."""
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return True
        x, y = [*diff, 0, 0][:2]
        return len(diff) == 2 and y == x + 1 and a[x] == b[y] and a[y] == b[x]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    k = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[k:] == long_[k + 1 :]


def _hyphenated_given_name(before: str, after: str, body: str, end: int) -> bool:
    """Return True when `before`-`after` (joined by a hyphen, ending at body offset `end`) reads as
    one hyphenated given name: a short capitalised syllable, then a short lower-case one."""
    return (
        2 <= len(before) <= 5
        and before[0].isupper()
        and before[1:].islower()
        and 2 <= len(after) <= 4
        and after.islower()
        and after not in _HYPHEN_SUFFIXES
        and not (end < len(body) and (body[end].isalnum() or body[end] == "-"))
    )


_TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’][^\W_]+)*")
_SPLIT_RE = re.compile("(" + _TOKEN_RE.pattern + ")")
_POSSESSIVE = ("'s", "’s", "'S", "’S")
_LINE_RE = re.compile(r"[^\n]+")
_QUOTE_MARK_RE = re.compile(r"[\"“”«»]")

_CONFIDENCE = {
    "gazetteer": 0.95,
    "alias": 0.9,
    "demonym": 0.8,
    "metonym": 0.85,
    "surname": 0.85,
    "pattern": 0.7,
    "role": 0.75,
    "pronoun": 0.6,
}
# The type of a placeholder mention that keeps tokens from other passes and is never emitted.
_HIDDEN = "hidden"
_PRIORITY = {"country": 4, "organization": 4, "person": 3, "capital": 2, "location": 2, "demonym": 1}


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer reading of a phrase."""

    key: str
    entity_type: str  # person | country | organization | location | capital
    canonical: str
    method: str
    case: tuple[int, ...]  # per token: 0 any case, 1 initial capital, 2 all capitals
    priority: int
    needs_the: bool = False  # the seed wrote "the X": X counts only after "the"


@dataclass(frozen=True, slots=True)
class RoleEntry:
    role: str
    matches: frozenset[str]  # person_roles codes this phrase can refer to; empty = any role


@dataclass(frozen=True, slots=True)
class PersonInfo:
    key: str
    canonical: str
    country: str
    gender: str  # m | f | ''


@dataclass(frozen=True, slots=True)
class RoleSpell:
    person_key: str
    role: str
    where: str  # ISO3, org_id or place key
    valid_from: str
    valid_to: str  # '' = still in office


@dataclass(frozen=True)
class EntityLexicon:
    """Compiled look-up tables, built once from seeds/ by `load_entity_lexicon`."""

    phrases: dict[tuple[str, ...], tuple[Entry, ...]] = field(default_factory=dict)
    first_tokens: frozenset[str] = frozenset()
    lengths: dict[str, tuple[int, ...]] = field(
        default_factory=dict
    )  # first token -> phrase lengths, longest first
    roles: dict[tuple[str, ...], RoleEntry] = field(default_factory=dict)
    role_first: frozenset[str] = frozenset()
    role_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    people: dict[str, PersonInfo] = field(default_factory=dict)
    spells_by_person: dict[str, tuple[RoleSpell, ...]] = field(default_factory=dict)
    spells_by_role: dict[str, tuple[RoleSpell, ...]] = field(default_factory=dict)
    translit_people: dict[str, tuple[str, ...]] = field(default_factory=dict)  # translit key -> person keys
    by_surname: dict[str, tuple[str, ...]] = field(default_factory=dict)  # folded last name -> person keys
    given_names: dict[str, str] = field(default_factory=dict)  # folded given name -> m | f
    names: dict[str, str] = field(default_factory=dict)  # key -> canonical name
    key_by_name: dict[str, str] = field(default_factory=dict)  # folded name/alias -> key
    capitals: dict[str, str] = field(default_factory=dict)  # folded capital -> ISO3
    demonyms: dict[str, str] = field(default_factory=dict)  # folded demonym -> ISO3
    plural_demonyms: frozenset[str] = frozenset()  # folded "ukrainians": a people, not the state
    parents: dict[str, str] = field(default_factory=dict)  # org_id -> member_of
    speech_verbs: frozenset[str] = frozenset()  # cue_verbs forms + person_cue_verbs
    company_suffixes: frozenset[str] = frozenset()  # folded "inc", "corp", "co": a name ending so is a firm

    def canonical_name(self, key: str) -> str | None:
        """Return the canonical name of an entity key (country, organisation, person, place), or None."""
        if key in self.names:
            return self.names[key]
        if key.startswith(("person:", "place:")):
            return key.split(":", 1)[1].title()
        return None

    def key_for_name(self, name: str) -> str | None:
        """Return the key of the country, organisation or seeded person with this name or alias, or None."""
        return self.key_by_name.get(fold_name(name))

    def country_for_capital(self, name: str) -> str | None:
        """Return the ISO3 code of the country whose capital (or seat) this is, or None."""
        return self.capitals.get(fold_name(name))

    def country_for_demonym(self, word: str) -> str | None:
        """Return the ISO3 code of the country this demonym names ("Latvian" → LVA), or None."""
        return self.demonyms.get(fold_name(word))

    def parent_org(self, key: str) -> str | None:
        """Return the organisation key is a body of (European Commission → EU), or None."""
        return self.parents.get(key)

    def person_country(self, key: str) -> str | None:
        """Return the ISO3 country of a seeded person, or None."""
        info = self.people.get(key)
        return info.country if info else None

    def role_holders(
        self, role: str, where: str | None, on_date: str | None, *, any_date: bool = False
    ) -> list[str]:
        """Return the person keys holding role (a person_roles code) in where on on_date (None = today;
        any_date=True: whoever ever held it)."""
        out: list[str] = []
        for spell in self.spells_by_role.get(role, ()):
            if where is not None and spell.where != where:
                continue
            if any_date or _in_office(spell, on_date):
                out.append(spell.person_key)
        return out


def _in_office(spell: RoleSpell, on_date: str | None) -> bool:
    """Return True when the spell covers on_date; with no date, when it is still open."""
    if on_date is None:
        return not spell.valid_to
    return (not spell.valid_from or spell.valid_from <= on_date) and (
        not spell.valid_to or on_date < spell.valid_to
    )


# --------------------------------------------------------------------------------------------------
# Building the lexicon


def _tokens_of(phrase: str) -> list[str]:
    """Return the surface tokens of a phrase, as the article tokenizer would cut them."""
    return [m.group() for m in _TOKEN_RE.finditer(phrase)]


def _case_of(token: str) -> int:
    """Return the case class a seed token demands: 0 any, 1 initial capital, 2 all capitals."""
    letters = [c for c in token if c.isalpha()]
    if not letters or token[0].islower():
        return 0
    if len(letters) >= 2 and all(c.isupper() for c in letters) and len(letters) <= 3:
        return 2
    return 1


def _text_case(token: str) -> int:
    """Return the case class of a text token: 0 lower, 1 initial capital, 2 all capitals."""
    if not token[0].isupper():
        return 0
    letters = [c for c in token if c.isalpha()]
    return 2 if len(letters) >= 2 and all(c.isupper() for c in letters) else 1


def _add_phrase(
    table: dict[tuple[str, ...], list[Entry]],
    phrase: str,
    key: str,
    entity_type: str,
    canonical: str,
    method: str,
) -> None:
    """Add one phrase reading to the gazetteer table (no duplicates of the same key)."""
    # Cut "'s" off seed tokens as the article tokenizer does ("People's Republic of China").
    toks = [t[:-2] if t.endswith(_POSSESSIVE) and len(t) > 2 else t for t in _tokens_of(phrase)]
    needs_the = len(toks) > 1 and toks[0].casefold() == "the"
    if needs_the:
        # "the Kremlin", "the Union": match the noun, and demand the article before it in the text, so
        # a longer name starting at the noun ("the African Union Commission") still wins.
        toks = toks[1:]
    if not toks:
        return
    folded = tuple(fold_name(t) for t in toks)
    if any(not f for f in folded):
        return
    entry = Entry(
        key,
        entity_type,
        canonical,
        method,
        tuple(_case_of(t) for t in toks),
        _PRIORITY[entity_type],
        needs_the,
    )
    bucket = table.setdefault(folded, [])
    same = [e for e in bucket if e.key == key and e.entity_type == entity_type]
    if not same:
        bucket.append(entry)
        return
    # Two spellings of one name that fold alike ("Kim Jong Un", "Kim Jong-un"): accept the laxer case
    # per token, and no article unless both forms demand it.
    old = same[0]
    merged = Entry(
        old.key,
        old.entity_type,
        old.canonical,
        old.method,
        tuple(min(a, b) for a, b in zip(old.case, entry.case, strict=True)),
        old.priority,
        old.needs_the and needs_the,
    )
    bucket[bucket.index(old)] = merged


def _demonym_plurals(demonym: str) -> tuple[str, ...]:
    """Return the plural a demonym forms as a noun for its people ("Ukrainian" → "Ukrainians",
    "Israeli" → "Israelis"); none for those without an -s plural ("French", "Swiss", "Chinese")."""
    if " " in demonym or not demonym[-1:].isalpha():
        return ()
    return (demonym + "s",) if demonym.endswith(("an", "i")) else ()


def _by_surname(people: dict[str, PersonInfo]) -> dict[str, tuple[str, ...]]:
    """Return folded last name -> the seeded people who carry it."""
    out: dict[str, list[str]] = {}
    for info in people.values():
        words = fold_name(info.canonical).split()
        if words:
            out.setdefault(words[-1], []).append(info.key)
    return {k: tuple(v) for k, v in out.items()}


def _lengths_by_first(table: dict[tuple[str, ...], object]) -> dict[str, tuple[int, ...]]:
    """Return, for each first token of the table's phrases, the phrase lengths to try, longest first."""
    out: dict[str, set[int]] = {}
    for phrase in table:
        out.setdefault(phrase[0], set()).add(len(phrase))
    return {k: tuple(sorted(v, reverse=True)) for k, v in out.items()}


def load_entity_lexicon(seeds_dir: Path | None = None) -> EntityLexicon:
    """Return the entity lexicon compiled from seeds/ (or seeds_dir): gazetteers, roles, people."""
    table: dict[tuple[str, ...], list[Entry]] = {}
    names: dict[str, str] = {}
    key_by_name: dict[str, str] = {}
    capitals: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    plurals: set[str] = set()
    parents: dict[str, str] = {}

    for row in read_seed("countries", seeds_dir):
        iso3, name = row["iso3"], row["name"]
        names[iso3] = name
        for i, phrase in enumerate([name, row.get("official_name", ""), *split_list(row.get("aliases", ""))]):
            if phrase:
                _add_phrase(table, phrase, iso3, "country", name, "gazetteer" if i == 0 else "alias")
                key_by_name.setdefault(fold_name(phrase), iso3)
        key_by_name.setdefault(iso3.casefold(), iso3)
        for demonym in split_list(row.get("demonyms", "")):
            for form in (demonym, *_demonym_plurals(demonym)):
                _add_phrase(table, form, iso3, "demonym", name, "demonym")
                demonyms.setdefault(fold_name(form), iso3)
                if form != demonym:
                    plurals.add(fold_name(form))
        capital = row.get("capital", "")
        for phrase in [capital, *split_list(row.get("capital_aliases", ""))]:
            if phrase:
                _add_phrase(table, phrase, iso3, "capital", capital, "capital")
                capitals.setdefault(fold_name(phrase), iso3)
        for phrase in split_list(row.get("metonyms", "")):
            _add_phrase(table, phrase, iso3, "country", name, "metonym")
            capitals.setdefault(fold_name(phrase), iso3)
            key_by_name.setdefault(fold_name(phrase), iso3)

    for row in read_seed("organizations", seeds_dir):
        org_id, name = row["org_id"], row["name"]
        names[org_id] = name
        if row.get("member_of"):
            parents[org_id] = row["member_of"]
        for i, phrase in enumerate([name, *split_list(row.get("aliases", ""))]):
            _add_phrase(table, phrase, org_id, "organization", name, "gazetteer" if i == 0 else "alias")
            key_by_name.setdefault(fold_name(phrase), org_id)

    for row in read_seed("places", seeds_dir):
        name = row["name"]
        for phrase in [name, *split_list(row.get("aliases", ""))]:
            _add_phrase(table, phrase, place_key(name), "location", name, "gazetteer")

    people: dict[str, PersonInfo] = {}
    translit: dict[str, list[str]] = {}
    for row in read_seed("people", seeds_dir):
        pid, name = row["person_id"], row["canonical_name"]
        if not pid or not name:
            continue
        people[pid] = PersonInfo(pid, name, row.get("country_iso3", ""), row.get("gender", ""))
        names[pid] = name
        aliases = split_list(row.get("aliases", ""))
        for i, phrase in enumerate([name, *aliases]):
            single = len(_tokens_of(phrase)) == 1
            _add_phrase(
                table,
                phrase,
                pid,
                "person",
                name,
                "gazetteer" if i == 0 else ("alias" if not single else "surname"),
            )
            key_by_name.setdefault(fold_name(phrase), pid)
        if row.get("surname"):
            _add_phrase(table, row["surname"], pid, "person", name, "surname")
        if people[pid].country in _CYRILLIC_COUNTRIES:
            for phrase in [name, *aliases]:
                for variant in {translit_key(phrase), translit_word(fold_name(phrase).split()[-1])}:
                    bucket = translit.setdefault(variant, [])
                    if pid not in bucket:
                        bucket.append(pid)

    spells: list[RoleSpell] = [
        RoleSpell(
            r["person_id"],
            r["role"],
            r.get("org_or_country", ""),
            r.get("valid_from", ""),
            r.get("valid_to", ""),
        )
        for r in read_seed("person_roles", seeds_dir)
        if r.get("person_id") in people
    ]
    by_person: dict[str, list[RoleSpell]] = {}
    by_role: dict[str, list[RoleSpell]] = {}
    for spell in spells:
        by_person.setdefault(spell.person_key, []).append(spell)
        by_role.setdefault(spell.role, []).append(spell)

    roles: dict[tuple[str, ...], RoleEntry] = {}
    for row in read_seed("roles", seeds_dir):
        folded = tuple(fold_name(t) for t in _tokens_of(row["phrase"]))
        matches = (
            frozenset() if row.get("matches", "") == "any" else frozenset(split_list(row.get("matches", "")))
        )
        if folded:
            roles.setdefault(folded, RoleEntry(row["role"], matches))

    # A verb right after a name makes it a person: the quote extractor's cues, plus a few verbs of
    # belief and intent that are no quote cues (seeds/person_cue_verbs.csv).
    speech = {row["form"].casefold() for row in read_seed("person_cue_verbs", seeds_dir) if row.get("form")}
    for row in read_seed("cue_verbs", seeds_dir):
        for form in split_list(row.get("forms", "")) or [row.get("lemma", "")]:
            if form and " " not in form:
                speech.add(form.casefold())

    frozen = {k: tuple(sorted(v, key=lambda e: -e.priority)) for k, v in table.items()}
    return EntityLexicon(
        phrases=frozen,
        first_tokens=frozenset(k[0] for k in frozen),
        lengths=_lengths_by_first(frozen),
        roles=roles,
        role_first=frozenset(k[0] for k in roles),
        role_lengths=_lengths_by_first(roles),
        people=people,
        spells_by_person={k: tuple(v) for k, v in by_person.items()},
        spells_by_role={k: tuple(v) for k, v in by_role.items()},
        translit_people={k: tuple(v) for k, v in translit.items()},
        by_surname=_by_surname(people),
        given_names={
            fold_name(r["given_name"]): r["gender"]
            for r in read_seed("given_names", seeds_dir)
            if r.get("gender") in {"m", "f"}
        },
        names=names,
        key_by_name=key_by_name,
        capitals=capitals,
        demonyms=demonyms,
        plural_demonyms=frozenset(plurals),
        parents=parents,
        speech_verbs=frozenset(speech),
        # The quote extractor's company suffixes (seeds/quote_speaker_terms.csv, kind company_suffix).
        company_suffixes=frozenset(
            fold_name(r["term"])
            for r in read_seed("quote_speaker_terms", seeds_dir)
            if "company_suffix" in split_list(r.get("kinds", ""))
        ),
    )


# --------------------------------------------------------------------------------------------------
# Tokens


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    fold: str
    case: int
    sent: int
    possessive: bool


class _Toks:
    """The word tokens of one article, stored column-wise (built with C-level operations, because a
    Python loop over every token is what makes extraction slow); `toks[k]` builds a `_Tok` on demand."""

    __slots__ = ("_cache", "cap", "end", "fold", "n", "poss", "sent", "start", "text")

    def __init__(self, body: str, sentences: list[Sentence]) -> None:
        parts = _SPLIT_RE.split(body)  # gap, token, gap, token, ..., gap
        offsets = list(accumulate(map(len, parts), initial=0))
        texts = parts[1::2]
        n = len(texts)
        starts = offsets[1::2][:n]
        ends = offsets[2::2][:n]
        poss = [False] * n
        for k in list(compress(range(n), map(str.endswith, texts, repeat(_POSSESSIVE)))):
            if len(texts[k]) > 2:
                texts[k] = texts[k][:-2]
                ends[k] -= 2
                poss[k] = True
        sent_starts = [s.start for s in sentences][1:]
        self.n = n
        self.text = texts
        self.start = starts
        self.end = ends
        self.poss = poss
        self.fold = list(map(fold_name, texts))
        self.sent = list(map(bisect.bisect_right, repeat(sent_starts, n), starts))
        self.cap = list(map(str.isupper, map(itemgetter(0), texts)))
        self._cache: dict[int, _Tok] = {}

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, k: int) -> _Tok:
        tok = self._cache.get(k)
        if tok is None:
            if k < 0:
                return self[k + self.n]
            text = self.text[k]
            tok = _Tok(
                self.start[k], self.end[k], text, self.fold[k], _text_case(text), self.sent[k], self.poss[k]
            )
            self._cache[k] = tok
        return tok

    def case_at(self, k: int) -> int:
        """Return the case class of token k (0 lower, 1 initial capital, 2 all capitals)."""
        return _text_case(self.text[k]) if self.cap[k] else 0

    def where(self, flags: Iterable[object]) -> list[int]:
        """Return the token indices whose flag is truthy."""
        return list(compress(range(self.n), flags))


def _tokenize(body: str, sentences: list[Sentence]) -> _Toks:
    """Return the word tokens of body with their sentence index; "'s" is cut off and flagged."""
    return _Toks(body, sentences)


# --------------------------------------------------------------------------------------------------
# Mentions in progress


@dataclass(slots=True)
class _Mention:
    i: int  # first token
    j: int  # one past the last token
    key: str
    entity_type: str
    canonical: str
    method: str
    confidence: float
    gender: str = ""
    role: str = ""  # role bound to this person in the article
    where: str = ""


def _gazetteer(toks: _Toks, lexicon: EntityLexicon) -> list[tuple[int, int, tuple[Entry, ...]]]:
    """Return the longest gazetteer matches as (first token, end token, readings), left to right."""
    found: list[tuple[int, int, tuple[Entry, ...]]] = []
    n = len(toks)
    phrases, lengths = lexicon.phrases, lexicon.lengths
    folds, sents, texts = toks.fold, toks.sent, toks.text
    done = 0  # tokens before this index are inside an earlier match
    for i in toks.where(map(lexicon.first_tokens.__contains__, folds)):
        if i < done:
            continue
        sent = sents[i]
        for length in lengths[folds[i]]:
            j = i + length
            if j > n or sents[j - 1] != sent:
                continue
            entries = phrases.get(tuple(folds[i:j]))
            if not entries:
                continue
            after_the = i > 0 and folds[i - 1] == "the" and sents[i - 1] == sent
            span = texts[i:j]
            ok = tuple(e for e in entries if (after_the or not e.needs_the) and _case_ok(e.case, span))
            if ok:
                found.append((i, j, ok))
                done = j
                break
    return found


def _case_ok(required: tuple[int, ...], span: list[str]) -> bool:
    """Return True when every text token is at least as capitalised as the seed demands."""
    for need, text in zip(required, span, strict=True):
        if need and (_text_case(text) < need if need == 1 else _text_case(text) != 2):
            return False
    return True


def find_mentions(article: Article, sentences: list[Sentence], lexicon: EntityLexicon) -> list[EntityMention]:
    """Return every entity mention in the article body, resolved and sorted by position."""
    body = article.body
    if not sentences or not body:
        return []
    toks = _tokenize(body, sentences)
    finder = _Finder(body, toks, sentences, lexicon, article.published_on or _year_of(body))
    finder.date_inferred = article.published_on is None
    return finder.run()


_YEAR_RE = re.compile(r"\b(19[9][0-9]|20[0-2][0-9])\b")


def _year_of(body: str) -> str | None:
    """Return a stand-in date (mid-year of the latest year the text names, 1990-2029) for an article
    without a publication date, so office holders are looked up in the right period; None if none."""
    years = [int(y) for y in _YEAR_RE.findall(body)]
    return f"{max(years)}-06-30" if years else None


# --------------------------------------------------------------------------------------------------
# The per-article finder


class _Finder:
    """Holds one article's tokens and mentions while the passes run."""

    def __init__(
        self,
        body: str,
        toks: _Toks,
        sentences: list[Sentence],
        lexicon: EntityLexicon,
        on_date: str | None,
    ) -> None:
        self.body = body
        self.toks = toks
        self.sentences = sentences
        self.lex = lexicon
        self.on_date = on_date
        self.mentions: list[_Mention] = []
        self.covered: list[_Mention | None] = [None] * len(toks)
        self.surnames: dict[str, str] = {}  # folded surname -> person key introduced in this article
        self.introduced: dict[str, str] = {}  # person key -> the full name it was introduced with
        self.gender: dict[str, str] = {}
        self.bound: list[tuple[int, str, str, str]] = []  # (token, role, where, person key) in order
        self._dominant: str | None = None
        self.date_inferred = False  # on_date guessed from the years in the text, not published
        self.speaking: set[str] = set()  # folded capitalised words used alone as a speaker ("Doe said")

    # -- helpers --------------------------------------------------------------------------------
    def gap(self, a: int, b: int) -> str:
        """Return the body text between token a's end and token b's start."""
        return self.body[self.toks.end[a] : self.toks.start[b]]

    def add(self, m: _Mention) -> _Mention:
        """Record a mention, mark its tokens covered and, for a person, remember the name."""
        self.mentions.append(m)
        for k in range(m.i, m.j):
            if self.covered[k] is None:
                self.covered[k] = m
        if m.entity_type == "person":
            self.introduce(m.key, m.canonical)
        return m

    def introduce(self, key: str, canonical: str) -> None:
        self.introduced.setdefault(key, canonical)
        words = fold_name(canonical).split()
        if words:
            self.surnames.setdefault(words[-1], key)
        if _SURNAME_FIRST.match(canonical):
            # "Park Min-jun" is written family name first: "Park said" is him.
            self.surnames.setdefault(words[0], key)
        info = self.lex.people.get(key)
        if info is not None:
            self.gender.setdefault(key, info.gender)

    def same_sentence(self, a: int, b: int) -> bool:
        return 0 <= a < len(self.toks) and 0 <= b < len(self.toks) and self.toks.sent[a] == self.toks.sent[b]

    # -- passes ---------------------------------------------------------------------------------
    def run(self) -> list[EntityMention]:
        self.pass_gazetteer()
        roles = self.pass_roles()
        self.pass_names(roles)
        self.reconcile_surnames()
        self.bind_roles(roles)
        self.pass_institutions()
        self.pass_pronouns()
        return self.emit()

    def pass_gazetteer(self) -> None:
        toks, lex = self.toks, self.lex
        found = _gazetteer(toks, lex)
        by_start = {i: (i, j, entries) for i, j, entries in found}
        for i, j, entries in found:
            entry = entries[0]
            if entry.entity_type == "country" and entry.method == "alias" and self.region_before(i):
                # "Latin America" is a region, not the United States.
                name = self.body[toks.start[i - 1] : toks.end[j - 1]]
                self.add(_Mention(i - 1, j, place_key(name), "location", name, "gazetteer", 0.8))
                continue
            if entry.entity_type == "organization" and self.is_generic(i, j):
                body = self.generic_body(entry, i, j, by_start)
                if body is None:
                    # Part of another body's name ("National Security Council"): no mention, but the
                    # words stay taken, so no person's name is read into them.
                    self.add(_Mention(i, j, "", _HIDDEN, "", "gazetteer", 0.0))
                    continue
                if body != entry.key:
                    self.add(_Mention(i, j, body, "organization", lex.names.get(body, body), "alias", 0.8))
                    continue
            if entry.entity_type == "person":
                entry = self.pick_person(entries)
                if entry is None:
                    continue
                if entry.method == "surname" and not self.surname_ok(i, entry):
                    continue
                self.add(
                    _Mention(
                        i,
                        j,
                        entry.key,
                        "person",
                        entry.canonical,
                        entry.method,
                        _CONFIDENCE[entry.method],
                        gender=self.lex.people[entry.key].gender if entry.key in self.lex.people else "",
                    )
                )
            elif entry.entity_type == "capital":
                if _capital_is_actor_at(self, i, j):
                    self.add(
                        _Mention(
                            i,
                            j,
                            entry.key,
                            "country",
                            lex.names.get(entry.key, entry.canonical),
                            "metonym",
                            _CONFIDENCE["metonym"],
                        )
                    )
                else:
                    self.add(
                        _Mention(
                            i, j, place_key(entry.canonical), "location", entry.canonical, "gazetteer", 0.8
                        )
                    )
            elif entry.entity_type == "demonym":
                self.add(
                    _Mention(i, j, entry.key, "country", entry.canonical, "demonym", _CONFIDENCE["demonym"])
                )
            else:
                self.add(
                    _Mention(
                        i,
                        j,
                        entry.key,
                        entry.entity_type,
                        entry.canonical,
                        entry.method,
                        _CONFIDENCE[entry.method],
                    )
                )

    def pick_person(self, entries: tuple[Entry, ...]) -> Entry | None:
        """Return the person reading of an ambiguous phrase: one introduced here first, else the only one."""
        people = [e for e in entries if e.entity_type == "person"]
        for e in people:
            if e.key in self.gender or e.key in self.surnames.values():
                return e
        if len({e.key for e in people}) == 1:
            return people[0]
        return None

    def region_before(self, i: int) -> bool:
        """Return True when a region qualifier stands right before token i ("Latin America")."""
        k = i - 1
        return (
            k >= 0
            and self.same_sentence(k, i)
            and self.toks.cap[k]
            and self.covered[k] is None
            and self.toks.fold[k] in _REGION_QUALIFIERS
            and self.gap(k, i) == " "
        )

    def is_generic(self, i: int, j: int) -> bool:
        """Return True when tokens [i, j) are institution words only ("Commission", "Security Council"):
        a name many bodies share, which the seeds give to one of them."""
        return all(f in _INSTITUTION_WORDS for f in self.toks.fold[i:j])

    def generic_body(
        self, entry: Entry, i: int, j: int, by_start: dict[int, tuple[int, int, tuple[Entry, ...]]]
    ) -> str | None:
        """Return the organisation a generic institution name at [i, j) stands for, or None when it is
        part of another name or another party's body.

        "Russia's Security Council", "the Russian Security Council", "the Security Council of Ukraine"
        are the bodies of that country; "the Commission of the African Union" is the AU's; "National
        Security Council" is a longer name. A body of an organisation is the seeded organisation that
        belongs to it and ends with the same words (AU → African Union Commission). Otherwise a bare
        "the Commission" is the one the article named in full before it, else the seeds' reading.
        """
        toks, lex = self.toks, self.lex
        owner: str | None = None
        k = i - 1
        if k >= 0 and self.same_sentence(k, i) and self.gap(k, i).strip() in {"", *_POSSESSIVE}:
            left = self.covered[k]
            if left is not None and left.entity_type in {"country", "organization"} and left.j == i:
                owner = left.key  # "Russia's Security Council", "the Russian Security Council"
            elif toks.cap[k] and toks.fold[k] not in _GENERIC_OPENERS:
                return None  # "National Security Council": part of a longer name
        if owner is None and j + 1 < len(toks) and toks.fold[j] == "of" and self.same_sentence(j, i):
            k = j + 1
            if toks.fold[k] == "the" and k + 1 < len(toks):
                k += 1
            after = by_start.get(k)
            if after is not None and after[2][0].entity_type in {"country", "organization", "demonym"}:
                owner = after[2][0].key  # "the Security Council of Ukraine"
            elif toks.cap[k]:
                return None  # "Commission of Inquiry": another body's name
        words = " ".join(toks.fold[i:j])
        if owner is not None:
            if owner == entry.key:
                return entry.key
            bodies = [
                key
                for key, parent in lex.parents.items()
                if parent == owner and fold_name(lex.names.get(key, "")).endswith(words)
            ]
            if len(bodies) == 1:
                return bodies[0]
            return entry.key if lex.parents.get(entry.key) == owner else None
        # A bare "the Commission" after "the African Union Commission": the body already named.
        for m in reversed(self.mentions):
            if (
                m.entity_type == "organization"
                and m.j <= i
                and m.key != entry.key
                and m.j - m.i > j - i
                and fold_name(m.canonical).endswith(words)
            ):
                return m.key
        return entry.key

    def surname_ok(self, i: int, entry: Entry) -> bool:
        """Return True unless a lone surname looks like an ordinary word here ("in May"), or its
        context names someone else: another initial ("R. Doe" is not Jane Doe) or another country
        in front of the title ("Ruritanian Defence Minister Doe")."""
        tok = self.toks[i]
        if tok.case == 0:
            return False
        prev = self.toks[i - 1] if i > 0 and self.toks.sent[i - 1] == tok.sent else None
        if prev is None:
            return True
        if not self.context_agrees(i, entry.key):
            return False
        if prev.fold in {"in", "since", "until", "of", "last", "next", "early", "late"}:
            return False
        if prev.fold in _PLACE_NAME_HEADS:
            return False  # "County Kerry" is not John Kerry
        # "Kevin Haley" is not Nikki Haley: a capitalised word before the surname that is neither a
        # title nor a sentence opener makes it someone else's full name.
        covering = self.covered[i - 1]
        return not (
            prev.case >= 1
            and covering is None
            and prev.fold not in _NOT_NAME_WORDS
            and prev.fold not in _HONORIFICS
            and prev.fold not in self.lex.role_first
            and "," not in self.gap(i - 1, i)
        )

    def context_agrees(self, i: int, person: str) -> bool:
        """Return False when the words before a lone seeded surname at token i contradict the seeded
        person: an initial that is not theirs, or a country (in the title run before the surname)
        that is neither their citizenship nor a country of any office they held."""
        toks = self.toks
        prev = i - 1
        canonical = self.lex.names.get(person, "")
        if len(toks.text[prev]) == 1 and toks.text[prev].isupper() and self.gap(prev, i) == ". ":
            return canonical[:1].upper() == toks.text[prev]
        info = self.lex.people.get(person)
        ties = {info.country} if info and info.country else set()
        ties |= {sp.where for sp in self.lex.spells_by_person.get(person, ())}
        for k in range(i - 1, max(-1, i - 7), -1):
            if toks.sent[k] != toks.sent[i] or "," in self.gap(k, k + 1):
                return True
            covering = self.covered[k]
            if covering is not None and covering.entity_type == "country":
                return not ties or covering.key in ties
            if toks.case_at(k) == 0 and toks.fold[k] not in ("of", "for", "the"):
                return True  # the title run ended: what comes before is another phrase
        return True

    def pass_roles(self) -> list[_RoleHit]:
        """Return the role phrases of the article with the country/organisation they are tied to."""
        toks, lex = self.toks, self.lex
        hits: list[_RoleHit] = []
        n = len(toks)
        done = 0
        for i in toks.where(map(lex.role_first.__contains__, toks.fold)):
            if i < done:
                continue
            tok = toks[i]
            covering = self.covered[i]
            if covering is not None and covering.entity_type == "person":
                continue  # the title is part of a seeded alias ("President Xi")
            found: tuple[int, RoleEntry] | None = None
            for length in lex.role_lengths[tok.fold]:
                if i + length > n or toks.sent[i + length - 1] != tok.sent:
                    continue
                entry = lex.roles.get(tuple(toks.fold[i : i + length]))
                if entry is not None:
                    found = (length, entry)
                    break
            if found is None:
                continue
            length, entry = found
            # Plural forms ("ministers") are different tokens and never reach here; skip lower-case
            # single-word roles that are common nouns unless a determiner points at one person.
            hit = _RoleHit(i, i + length, entry.role, entry.matches, "")
            before = toks.fold[i - 1] if i > 0 and toks.sent[i - 1] == tok.sent else ""
            left = self.covered[i - 1] if i > 0 else None
            if before not in _ROLE_MODIFIERS and left is not None and left.j == i and left.i > 0:
                # "former US President": the modifier stands before the country word
                before = toks.fold[left.i - 1] if toks.sent[left.i - 1] == tok.sent else ""
            if before in _ROLE_MODIFIERS:
                # "Deputy Head of ...", "former President": not the office holder the role names.
                hit.role, hit.matches, hit.modified = f"{before}_{entry.role}", frozenset(), True
            self.attach_where(hit)
            if tok.case == 0 and not self.has_determiner(hit):
                done = i + length
                continue
            hits.append(hit)
            done = hit.j
        return hits

    def has_determiner(self, hit: _RoleHit) -> bool:
        k = hit.i - 1
        while (
            k >= 0
            and self.same_sentence(k, hit.i)
            and self.covered[k] is not None
            and self.covered[k].method == "demonym"
        ):
            k -= 1
        return (
            k >= 0
            and self.same_sentence(k, hit.i)
            and self.toks.fold[k] in {"the", "his", "her", "their", "its"}
        )

    def attach_where(self, hit: _RoleHit) -> None:
        """Set hit.where from a demonym/country/org before the role or "of <country>" after it."""
        toks = self.toks
        k = hit.i - 1
        if k >= 0 and self.same_sentence(k, hit.i):
            m = self.covered[k]
            if m is not None and m.entity_type in {"country", "organization"} and m.j == hit.i:
                hit.where = m.key
                hit.left = m.i
        j = hit.j
        if j + 1 < len(toks) and toks.fold[j] in _COUNTERPART_SOURCE and self.same_sentence(j, hit.i):
            k = j + 1
            if toks.fold[k] == "the" and k + 1 < len(toks):
                k += 1
            m = self.covered[k]
            if m is not None and m.entity_type in {"country", "organization"} and m.i == k:
                if not hit.where or toks.fold[j] == "of":
                    hit.where = m.key
                hit.j = m.j
            elif m is not None and m.entity_type == "location" and m.i == k:
                hit.where = m.key
                hit.j = m.j

    def pass_names(self, roles: list[_RoleHit]) -> None:
        """Add capitalised names that are people: after a role or title, before a speech verb, appositions."""
        toks = self.toks
        role_end = {h.j: h for h in roles}
        role_start = {h.i: h for h in roles}
        role_tokens = {k for h in roles for k in range(h.left if h.left is not None else h.i, h.j)}
        self.speaking = self.speaking_words()
        done = 0
        for i in toks.where(toks.cap):
            if i < done or self.covered[i] is not None or not toks.text[i][0].isalpha():
                continue
            j = self.name_run_end(i)
            # Drop leading words that cannot be part of a name ("Yesterday Jane Doe said").
            a = i
            done = j
            # Institution words end a title before the name ("Federal Security Service Jane Doe"):
            # keep what follows the last of them.
            if toks.fold[j - 1] in self.lex.company_suffixes and j - i >= 2:
                # "General Motors Corp", "Bell and Howell Co": a firm, not a person named "Motors Corp";
                # its words stay taken so no person is read into them.
                self.add(_Mention(i, j, "", _HIDDEN, "", "pattern", 0.0))
                continue
            # "Park Min-jun", and "Park said" once he is introduced: a family name that is a word too.
            kept = self.family_name_first(i, j) or (
                j - i == 1
                and toks.fold[i] in self.surnames
                and j < len(toks)
                and toks.fold[j] in self.lex.speech_verbs
            )
            for k in range(j - 1, a - 1, -1):
                if not kept and self.ends_title(k):
                    a = k + 1
                    break
            while a < j and not kept and (
                toks.fold[a] in _NOT_NAME_WORDS
                or a in role_tokens
                or (j - a >= 3 and _misspelt_title(toks.fold[a], self.lex.role_first))
                or toks.fold[a] in self.lex.speech_verbs
                or toks.fold[a].endswith(("ing", "ly"))
            ):
                a += 1
            if a >= j:
                continue
            if a > i and toks.fold[a - 1] in _PLACE_NAME_HEADS and self.gap(a - 1, a) == " ":
                continue  # "County Kerry", "Lake Como": a place's name, whatever surname it shares
            key = self.name_reading(a, j, role_end, role_start)
            if key is not None:
                pid, canonical, method, conf = key
                gender = self.lex.people[pid].gender if pid in self.lex.people else self.gender.get(pid, "")
                gender = gender or self.honorific_gender(a) or self.lex.given_names.get(toks.fold[a], "")
                self.gender.setdefault(pid, gender)
                self.add(_Mention(a, j, pid, "person", canonical, method, conf, gender=gender))

    def family_name_first(self, a: int, j: int) -> bool:
        """Return True when toks[a:j] is a family name and a hyphenated given name ("Park Min-jun"):
        the family name stays even when it is also an ordinary word ("Park", "Song")."""
        return j - a == 3 and self.gap(a + 1, a + 2) == "-" and bool(
            _SURNAME_FIRST.match(self.body[self.toks.start[a] : self.toks.end[a + 2]])
        )

    def ends_title(self, k: int) -> bool:
        """Return True when token k closes an institution or title rather than being part of a name:
        an institution word ("Service"), a title noun ("Mayor", "CEO") or an all-capitals acronym."""
        fold = self.toks.fold[k]
        if fold in _INSTITUTION_WORDS or fold in _PERSON_NOUNS or (fold,) in self.lex.roles:
            return True
        text = self.toks.text[k]
        return len(text) >= 2 and text.isupper()

    def speaking_words(self) -> set[str]:
        """Return the folded capitalised words that stand alone right before a speech verb ("Doe said")
        or right after one ("said Doe."): the surnames of people the article quotes."""
        toks, verbs = self.toks, self.lex.speech_verbs
        out: set[str] = set()
        for k in toks.where(map(verbs.__contains__, toks.fold)):
            for w in (k - 1, k + 1):
                if (
                    0 <= w < len(toks)
                    and toks.cap[w]
                    and self.same_sentence(w, k)
                    and self.covered[w] is None
                ):
                    beyond = w - 1 if w < k else w + 1
                    if not (0 <= beyond < len(toks) and self.same_sentence(beyond, w) and toks.cap[beyond]):
                        out.add(toks.fold[w])
        return out - _NOT_NAME_WORDS

    def reconcile_surnames(self) -> None:
        """Give a lone seeded surname to the person of this article who carries it: after "Kevin
        Haley" has been introduced, "Haley said" is Kevin Haley, unless Nikki Haley is named too."""
        full: dict[str, tuple[int, str, str, str]] = {}  # surname -> (position, key, canonical, gender)
        named = set()
        for m in sorted(self.mentions, key=lambda m: m.i):
            if (
                m.entity_type != "person"
                or m.j - m.i < 2
                or m.method not in {"gazetteer", "alias", "pattern"}
            ):
                continue
            named.add(m.key)
            full.setdefault(self.toks.fold[m.j - 1], (m.i, m.key, m.canonical, m.gender))
        for m in self.mentions:
            if m.method != "surname" or m.key in named:
                continue
            owner = full.get(self.toks.fold[m.j - 1])
            if owner is not None and owner[1] != m.key:
                _, m.key, m.canonical, m.gender = owner

    def name_run_end(self, i: int) -> int:
        """Return the end of the run of capitalised tokens (with name particles and initials) from i."""
        toks = self.toks
        j = i + 1
        # Seven tokens: a title before the name, and "Faisal bin Farhan al-Saud" or "Karin von der Lohe".
        while j < len(toks) and toks.sent[j] == toks.sent[i] and self.covered[j] is None and j - i < 7:
            gap = self.gap(j - 1, j)
            if gap not in (" ", "-", "\u00a0") and not (gap == ". " and len(toks.text[j - 1]) == 1):
                break
            t = toks[j]
            if gap == "-" and _hyphenated_given_name(toks.text[j - 1], t.text, self.body, t.end):
                j += 1  # "Min-jun", "Dae-ho": the second syllable of a hyphenated given name
                continue
            if t.case >= 1 and t.text[0].isalpha() and t.fold not in _NOT_NAME_WORDS:
                j += 1
            elif t.fold in _PARTICLES:
                # One or two particles ("bin", "von der") only when a capitalised name follows.
                k = j + 1
                if k < len(toks) and toks.fold[k] in _PARTICLES and toks.case_at(k) == 0:
                    k += 1
                named = k < len(toks) and toks.case_at(k) >= 1 and self.covered[k] is None
                if named and toks.sent[k] == toks.sent[i]:
                    j = k
                else:
                    break
            else:
                break
            if toks.poss[j - 1]:
                break
        return j

    def name_reading(
        self, a: int, j: int, role_end: dict[int, _RoleHit], role_start: dict[int, _RoleHit]
    ) -> tuple[str, str, str, float] | None:
        """Return (key, canonical, method, confidence) when toks[a:j] names a person, else None."""
        toks, lex = self.toks, self.lex
        words = toks.fold[a:j]
        full = " ".join(words)
        # Transliteration variants of seeded people (Umyerov → Rustem Umerov).
        tkey = " ".join(translit_word(w) for w in words)
        people = lex.translit_people.get(tkey, ())
        if len(people) == 1 and (j - a >= 2 or toks.text[a][0].isupper()):
            pid = people[0]
            return pid, lex.names[pid], "alias", 0.85
        # A surname (or full name) of someone introduced earlier in the article.
        if (
            words[-1] in self.surnames
            and (j - a == 1 or full == self.canonical_fold(self.surnames[words[-1]]))
            and (a == 0 or self.context_agrees(a, self.surnames[words[-1]]))
        ):
            pid = self.surnames[words[-1]]
            # The name as the article introduced it beats one rebuilt from the key ("Min-jun", not "Minjun").
            return pid, self.introduced.get(pid) or lex.canonical_name(pid) or full, "surname", 0.8
        cue = self.person_cue(a, j, role_end)
        if cue == 0.0 and j - a >= 2 and words[-1] in self.speaking:
            cue = 0.7  # "Jane Doe is new here. ... Doe said": the surname is quoted alone later
        if cue == 0.0 and 2 <= j - a <= 3 and words[0] in lex.given_names:
            cue = 0.65  # a known given name opens the run: "Jane Doe thanked the volunteers"
        if cue == 0.0:
            return None
        if j - a == 1 and cue < 0.75:
            return None  # a lone capitalised word is a person only after a title or role
        if j - a == 1:
            seeded = lex.by_surname.get(words[0], ())
            if len(seeded) == 1 and (a == 0 or self.context_agrees(a, seeded[0])):
                # "Prime Minister Bennett": the one seeded person of that surname
                return seeded[0], lex.names[seeded[0]], "surname", 0.75
        name = self.body[toks.start[a] : toks.end[j - 1]]
        return person_key(name), name, "pattern", cue

    def canonical_fold(self, key: str) -> str:
        return fold_name(self.lex.canonical_name(key) or "")

    def person_cue(self, a: int, j: int, role_end: dict[int, _RoleHit]) -> float:
        """Return the confidence that toks[a:j] is a person name from its context (0.0 = no evidence)."""
        toks, lex = self.toks, self.lex
        n = len(toks)
        prev = a - 1
        if prev >= 0 and self.same_sentence(prev, a):
            pf = toks.fold[prev]
            tight = self.gap(prev, a).strip() == ""
            if pf in _HONORIFICS or a in role_end:
                return 0.8  # "Mr. Doe", "President Jane Doe", "Minister of Defence of X, Jane Doe"
            if tight and ((pf,) in lex.roles or pf in _PERSON_NOUNS):
                return 0.7  # "economic development minister Jane Doe", "thinktank executive Jane Doe"
            if pf == "to" and prev >= 1 and toks.fold[prev - 1] == "according":
                return 0.75
            if a > 0 and toks.fold[a - 1] in _INSTITUTION_WORDS and tight and j - a >= 2:
                return 0.7  # "Minister of Finance Jane Doe" (the run was cut after "Finance")
            if tight and pf in lex.speech_verbs and j - a >= 2:
                return 0.7  # inverted attribution: "..., tweeted Jane Doe."
            covering = self.covered[prev]
            if (
                tight
                and j - a >= 2
                and covering is not None
                and covering.entity_type in ("country", "organization")
                and covering.i >= 2
                and toks.fold[covering.i - 1] in ("to", "in", "of", "for", "at")
                and toks.fold[covering.i - 2] in lex.role_first
            ):
                return 0.75  # "Ambassador to Ruritania Jane Doe"
        if j < n and self.same_sentence(j, a):
            nxt = toks[j]
            gap = self.gap(j - 1, j).strip()
            if gap == "" and nxt.fold in lex.speech_verbs:
                return 0.7
            # "Jane Doe on Monday said", "Jane Doe yesterday told": a day between name and verb.
            k = j + 2 if nxt.fold == "on" else j + 1
            if (
                gap == ""
                and j - a >= 2
                and k < n
                and self.same_sentence(k, a)
                and (toks.fold[k - 1] in _DAY_WORDS if nxt.fold == "on" else nxt.fold in _DAY_WORDS)
                and toks.fold[k] in lex.speech_verbs
            ):
                return 0.7
            if gap == ",":
                if nxt.fold == "who":
                    return 0.7
                k = j
                if toks.fold[k] in {"the", "a", "an", "former", "then"}:
                    k += 1
                while (
                    k < n
                    and self.covered[k] is not None
                    and self.covered[k].entity_type in {"country", "organization"}
                ):
                    k = self.covered[k].j
                if k < n and (toks.fold[k] in lex.role_first or toks.fold[k] in _PERSON_NOUNS):
                    return 0.75
                # An insertion between commas, then the speech verb: "Jane Doe, in remarks to X, said".
                for k in range(j + 1, min(j + 14, n)):
                    if not self.same_sentence(k, a):
                        break
                    if toks.fold[k] in lex.speech_verbs and self.gap(k - 1, k).strip() == ",":
                        return 0.65
                # Apposition between commas: "a Republican, Jane Doe, has ...".
                if j - a >= 2 and prev >= 0 and self.gap(prev, a).strip() == "," and nxt.case == 0:
                    return 0.6
        return 0.0

    def honorific_gender(self, a: int) -> str:
        if a > 0 and self.same_sentence(a - 1, a):
            f = self.toks.fold[a - 1]
            if f in {"mr", "sir", "lord", "monsieur", "herr"}:
                return "m"
            if f in {"mrs", "ms", "miss", "dame", "lady", "madam", "madame", "mme"}:
                return "f"
        return ""

    def bind_roles(self, roles: list[_RoleHit]) -> None:
        """Tie each role phrase to the named person beside it, else resolve it as coreference."""
        toks = self.toks
        by_start: dict[int, _Mention] = {}
        by_end: dict[int, _Mention] = {}
        for m in self.mentions:
            if m.entity_type == "person":
                by_start.setdefault(m.i, m)
                by_end[m.j] = m
        pending: list[_RoleHit] = []
        for hit in roles:
            # Title + name ("President Jane Doe", "Latvian President, Jane Doe"): the name starts where
            # the role ends (a comma between them is allowed).
            person = by_start.get(hit.j)
            if person is not None and "," in self.gap(hit.j - 1, hit.j) and self.after_preposition(hit):
                person = None  # "Before the meeting with the President of X, Jane Doe visited …"
            if person is None:
                # Apposition: "Jane Doe, the Minister of Defence of X" / "Jane Doe, Latvia's President"
                k = hit.left if hit.left is not None else hit.i
                if k - 1 >= 0 and toks.fold[k - 1] in {"the", "a"}:
                    k -= 1
                before = by_end.get(k)
                if (
                    before is not None
                    and self.gap(k - 1, k).strip() == ","
                    and self.same_sentence(k - 1, hit.i)
                ):
                    person = before
            if self.is_vocative(hit) or (
                hit.i > 0 and self.toks.fold[hit.i - 1] in _HONORIFICS and not hit.where
            ):
                # "Mr President, ..." addresses someone: resolve only a role that names its country.
                if hit.where and person is None:
                    pending.append(hit)
                continue
            if person is not None and self.same_sentence(hit.i, person.i):
                if hit.role != "counterpart":
                    where = hit.where or self.lex.person_country(person.key) or ""
                    person.role, person.where = hit.role, where
                    self.bound.append((hit.i, hit.role, where, person.key))
                continue
            pending.append(hit)
        for hit in pending:
            resolved = self.resolve_role(hit)
            if resolved is not None:
                key, conf = resolved
                start = hit.i
                if (
                    start > 0
                    and toks.fold[start - 1] in {"the", "his", "her"}
                    and self.same_sentence(start - 1, start)
                ):
                    start -= 1
                if hit.left is not None:
                    start = min(start, hit.left)
                self.add(
                    _Mention(
                        start,
                        hit.j,
                        key,
                        "person",
                        self.lex.canonical_name(key) or key,
                        "role",
                        conf,
                        gender=self.gender.get(key, ""),
                    )
                )

    def after_preposition(self, hit: _RoleHit) -> bool:
        """Return True when the role phrase is the object of a preposition ("with the President")."""
        k = (hit.left if hit.left is not None else hit.i) - 1
        if k >= 0 and self.toks.fold[k] in _DETERMINERS:
            k -= 1
        return k >= 0 and self.same_sentence(k, hit.i) and self.toks.fold[k] in _PREPOSITIONS

    def is_vocative(self, hit: _RoleHit) -> bool:
        """Return True for a form of address: "Mr President," / "Madam Chairperson of X,"."""
        k = hit.i - 1
        if k < 0 or not self.same_sentence(k, hit.i) or self.toks.fold[k] not in _HONORIFICS:
            return False
        end = self.toks.end[hit.j - 1]
        return self.body[end : end + 1] in {",", "!"}

    def resolve_role(self, hit: _RoleHit) -> tuple[str, float] | None:
        """Return (person key, confidence) for a role phrase standing alone, or None.

        Only a role that points at one person is resolved: with a determiner ("the President", "his
        counterpart"), a country ("Latvian President", "President of Latvia") or a form of address
        ("Mr President"); a bare capitalised title ("when he was President") is not.
        """
        lex = self.lex
        if hit.modified:
            return None
        k = hit.i - 1
        pointed = bool(hit.where) or (
            k >= 0
            and self.same_sentence(k, hit.i)
            and (self.toks.fold[k] in _DETERMINERS or self.toks.fold[k] in _HONORIFICS)
        )
        if not pointed:
            return None
        if hit.role == "counterpart":
            return self.resolve_counterpart(hit)
        accepted = hit.matches | {hit.role}
        if not hit.where and hit.role in _NATIONAL_ROLES:
            # A bare "the President" / "the Head of State" is the home country's: press releases call
            # their own leader so and name the guest's office in full ("the President of France").
            # The release's own leader opens it: the first person named, when they hold that office,
            # whichever country the rest of the text names most.
            lead = self.lead_person()
            if (
                lead is not None
                and lead.i < hit.i
                and self.opens_sentence(lead)
                and self.holds(lead.key, accepted)
            ):
                return lead.key, 0.8
            home = self.dominant_country()
            for pos, role, where, key in reversed(self.bound):
                if pos < hit.i and role in accepted and where == home:
                    return key, 0.8
            holders = (
                {p for r in accepted for p in lex.role_holders(r, home, self.on_date)} if home else set()
            )
            # Then the home holder if the article names them at all; a guest named with the title
            # ("Prime Minister Jane Doe … the Prime Minister") comes next (steps 1-2), and the home
            # holder from the seeds alone last (step 3).
            named = {m.key for m in self.mentions if m.entity_type == "person"}
            if self.date_inferred and home:
                # A guessed date may miss the period: any holder of the office the article names.
                holders |= {
                    p for r in accepted for p in lex.role_holders(r, home, None, any_date=True)
                } & named
            if len(holders) == 1 and holders <= named:
                return holders.pop(), 0.75
        # 1. the holder of that role named earlier in the article
        for pos, role, where, key in reversed(self.bound):
            if pos < hit.i and role in accepted and (not hit.where or hit.where == where):
                return key, 0.8
        # 2. a person of this article who holds the role (seeds, at the article's date)
        seen = [m for m in self.mentions if m.entity_type == "person" and m.i < hit.i]
        for m in reversed(seen):
            for spell in lex.spells_by_person.get(m.key, ()):
                if (
                    spell.role in accepted
                    and (not hit.where or spell.where == hit.where)
                    and (self.on_date is None or self.date_inferred or _in_office(spell, self.on_date))
                ):
                    return m.key, 0.75
        # 3. the holder at the article's date, when the role names its country — or, for a bare
        # "the President"/"the prime minister", the country the article is mostly about.
        where, conf = hit.where, 0.65
        if not where and hit.role in _NATIONAL_ROLES:
            where, conf = self.dominant_country(), 0.6
        if where:
            holders = {p for r in accepted for p in lex.role_holders(r, where, self.on_date)}
            if len(holders) == 1:
                return holders.pop(), conf
        return None

    def lead_person(self) -> _Mention | None:
        """Return the first person the article names (by name, not by pronoun or role), or None."""
        named = [
            m for m in self.mentions if m.entity_type == "person" and m.method not in {"pronoun", "role"}
        ]
        return min(named, key=lambda m: m.i, default=None)

    def opens_sentence(self, m: _Mention) -> bool:
        """Return True when only a title stands before the mention in its sentence ("President of
        Ukraine Jane Doe met…"), or a title after a passive's "by" ("This was stated by President …"):
        the sentence's agent, not someone it speaks to or about."""
        toks = self.toks
        k = m.i - 1
        while k >= 0 and toks.sent[k] == toks.sent[m.i]:
            if not (toks.cap[k] or toks.fold[k] in {"of", "the", "and"}):
                return toks.fold[k] == "by"
            k -= 1
        return True

    def holds(self, key: str, roles: frozenset[str] | set[str]) -> bool:
        """Return True when the seeds say the person holds one of the roles for a country (not an
        organisation: the President of the Commission is no head of state) at the article's date."""
        return any(
            spell.role in roles
            and spell.where in self.lex.names
            and spell.where in self.lex.capitals.values()
            and (self.on_date is None or _in_office(spell, self.on_date))
            for spell in self.lex.spells_by_person.get(key, ())
        )

    def dominant_country(self) -> str:
        """Return the country mentioned most often in the article ('' when none)."""
        if self._dominant is None:
            counts: dict[str, int] = {}
            for m in self.mentions:
                # "Americans are sincere people": a people spoken of, not the side speaking.
                if m.entity_type == "country" and self.toks.fold[m.i] not in self.lex.plural_demonyms:
                    counts[m.key] = counts.get(m.key, 0) + 1
            # The first person named is usually the publisher's own (a press release opens with its
            # head of state): their country gets a head start.
            first = min(
                (m for m in self.mentions if m.entity_type == "person"), key=lambda m: m.i, default=None
            )
            country = self.lex.person_country(first.key) if first is not None else None
            if country:
                counts[country] = counts.get(country, 0) + 3
            self._dominant = max(counts, key=lambda k: counts[k]) if counts else ""
        return self._dominant

    def resolve_counterpart(self, hit: _RoleHit) -> tuple[str, float] | None:
        """Return the person a "counterpart"/"colleague (from X)" phrase points at, or None."""
        if not hit.where:
            return None
        persons = [m for m in self.mentions if m.entity_type == "person"]
        best: tuple[int, str] | None = None
        for m in persons:
            country = self.lex.person_country(m.key) or m.where
            if country == hit.where:
                dist = abs(m.i - hit.i)
                if best is None or dist < best[0]:
                    best = (dist, m.key)
        if best is not None:
            return best[1], 0.7
        return None

    def pass_institutions(self) -> None:
        """Widen a country mention over the institution it names, which speaks for the country:
        "the Turkish Ministry of Foreign Affairs", "Ukraine's Foreign Ministry", "the Russian side",
        "the Office of the President of Turkey", "the Government of Samoa" (method `metonym`)."""
        toks = self.toks
        for m in [m for m in self.mentions if m.entity_type == "country" and m.method != "metonym"]:
            # "<Demonym|Country's> [Foreign] Ministry [of Foreign Affairs]"
            end = self.institution_after(m.j)
            if end > m.j:
                self.widen(m, m.i, end)
                continue
            # "[the] Ministry|Office|Government … of [the] <Country>"
            k = m.i - 1
            if k >= 1 and toks.fold[k] == "the":
                k -= 1
            if k < 0 or toks.fold[k] != "of" or not self.same_sentence(k, m.i):
                continue
            head = None
            for h in range(k - 1, max(k - 8, -1), -1):
                if not self.same_sentence(h, m.i) or (
                    toks.cap[h] is False and toks.fold[h] not in {"of", "the"}
                ):
                    break
                if toks.fold[h] in _INSTITUTION_HEADS and toks.cap[h]:
                    head = h
            if head is not None:
                start = (
                    head - 1
                    if head > 0 and toks.fold[head - 1] == "the" and self.same_sentence(head - 1, head)
                    else head
                )
                self.widen(m, start, m.j)

    def institution_after(self, j: int) -> int:
        """Return the end of an institution phrase starting at token j ("Foreign Ministry", "side"),
        or j when none starts there."""
        toks = self.toks
        k, end = j, j
        while k < len(toks) and self.same_sentence(k, j) and k - j < 7:
            fold = toks.fold[k]
            covering = self.covered[k]
            if covering is not None and covering.entity_type == "person":
                break
            if fold in _INSTITUTION_HEADS:
                k += 1
                end = k
                continue
            if toks.cap[k] and (covering is None or fold in _INSTITUTION_WORDS):
                k += 1
                continue
            if fold in {"of", "for"} and end == k and k + 1 < len(toks) and toks.cap[k + 1]:
                k += 1
                continue
            break
        if end > j:
            # A complement closes the name: "Ministry of Foreign Affairs".
            while (
                end < len(toks)
                and self.same_sentence(end, j)
                and (
                    (toks.fold[end] in {"of", "for"} and end + 1 < len(toks) and toks.cap[end + 1])
                    or (toks.cap[end] and self.covered[end] is None and toks.fold[end - 1] in {"of", "for"})
                    or (toks.cap[end] and self.covered[end] is None and toks.fold[end] in _INSTITUTION_WORDS)
                    or (
                        toks.fold[end] == "and"
                        and end + 1 < len(toks)
                        and toks.fold[end + 1] in _INSTITUTION_WORDS
                    )
                )
            ):
                end += 1
            while end > j and toks.fold[end - 1] in {"of", "for", "and"}:
                end -= 1
        return end

    def widen(self, m: _Mention, start: int, end: int) -> None:
        """Stretch a country mention over [start, end) and drop role mentions swallowed by it."""
        inside = [o for o in self.mentions if o is not m and o.i >= start and o.j <= end]
        for o in inside:
            if o.method == "role" or o.entity_type in {"country", "location"}:
                self.mentions.remove(o)
        m.i, m.j, m.method, m.confidence = start, end, "metonym", _CONFIDENCE["metonym"]
        for k in range(start, end):
            self.covered[k] = m

    def pass_pronouns(self) -> None:
        toks = self.toks
        persons = sorted((m for m in self.mentions if m.entity_type == "person"), key=lambda m: m.i)
        starts = [m.i for m in persons]
        quoted = _quoted_spans(self.body)
        for k in toks.where(map(_PRONOUNS.__contains__, toks.fold)):
            tok = toks[k]
            gender = _PRONOUNS[tok.fold]
            if self.covered[k] is not None:
                continue
            # "his Latvian counterpart" is the counterpart's mention, resolved separately.
            antecedent = _salient_before(persons, starts, k, tok.sent, gender, toks, quoted)
            if (
                antecedent is not None
                and tok.fold == "him"
                and toks.sent[antecedent.i] == tok.sent
                and not toks.poss[antecedent.j - 1]
                and toks.fold[antecedent.i] not in {"his", "her"}
                and self.same_clause(antecedent, k)
            ):
                # "Jane Doe thanked him": an object pronoun is never its own clause's subject (that
                # would be "himself"); the person before the subject is meant. A possessor inside the
                # subject ("his colleagues respect him") may be.
                rest = [m for m in persons if m.key != antecedent.key]
                antecedent = _salient_before(rest, [m.i for m in rest], k, tok.sent, gender, toks, quoted)
            if antecedent is not None:
                m = self.add(
                    _Mention(
                        k,
                        k + 1,
                        antecedent.key,
                        "person",
                        antecedent.canonical,
                        "pronoun",
                        _CONFIDENCE["pronoun"],
                        gender=gender,
                    )
                )
                # A resolved pronoun is itself an antecedent: "He said …, Jane Doe, … . He added …"
                # keeps the chain on its subject rather than jumping to the name in between.
                at = bisect.bisect_left(starts, k)
                starts.insert(at, k)
                persons.insert(at, m)

    def same_clause(self, m: _Mention, k: int) -> bool:
        """Return True when person mention m and token k stand in one short clause: at most three
        words between them and no punctuation or clause opener ("Doe thanked him", not "Doe said
        that …him", "Doe, who met him")."""
        if k - m.j > 3:
            return False
        gap = self.body[self.toks.end[m.j - 1] : self.toks.start[k]]
        if any(ch in gap for ch in ',;:()"“”—–'):
            return False
        return not any(self.toks.fold[t] in _CLAUSE_OPENERS for t in range(m.j, k))

    def emit(self) -> list[EntityMention]:
        toks = self.toks
        out: list[EntityMention] = []
        for m in sorted(self.mentions, key=lambda m: (toks.start[m.i], -toks.end[m.j - 1])):
            if m.entity_type == _HIDDEN:
                continue
            start, end = toks.start[m.i], toks.end[m.j - 1]
            out.append(
                EntityMention(
                    entity_key=m.key,
                    entity_type=m.entity_type,
                    canonical_name=m.canonical,
                    surface=self.body[start:end],
                    method=m.method,
                    sentence_index=toks.sent[m.i],
                    char_start=start,
                    char_end=end,
                    confidence=m.confidence,
                )
            )
        return out


@dataclass(slots=True)
class _RoleHit:
    i: int
    j: int
    role: str
    matches: frozenset[str]
    where: str
    left: int | None = None  # first token of a country/org/demonym in front of the role
    modified: bool = False  # "deputy", "former", "acting", … in front: never resolved to a holder


def _capital_is_actor_at(finder: _Finder, i: int, j: int) -> bool:
    """Return True when the capital at tokens [i, j) acts as its country rather than naming a place."""
    toks = finder.toks
    if toks.poss[j - 1]:
        return True
    prev = i - 1 if i > 0 and finder.same_sentence(i - 1, i) else None
    if prev is not None and toks.fold[prev] in _PLACE_PREPOSITIONS:
        return False
    # Skip a coordinated group of proper names ("Riga and Kyiv are ..."), then look at what follows.
    k = j
    while (
        k + 1 < len(toks)
        and finder.same_sentence(k, i)
        and toks.fold[k] == "and"
        and toks.case_at(k + 1) >= 1
    ):
        k += 2
        while k < len(toks) and finder.same_sentence(k, i) and toks.case_at(k) >= 1 and k - j < 6:
            k += 1
    if k >= len(toks) or not finder.same_sentence(k, i):
        return False
    nxt = toks[k]
    if finder.gap(k - 1, k).strip():
        return False  # punctuation after the name: a heading, a list, an apposition
    if (
        nxt.case != 0
        or nxt.fold in _PLACE_NOUNS
        or nxt.fold in _PLACE_PREPOSITIONS
        or nxt.fold in {"the", "a", "an"}
    ):
        return False
    if prev is None or toks.fold[prev] in _SUBJECT_OPENERS:
        return True
    return finder.gap(prev, i).strip() == ","


def _salient_before(
    persons: list[_Mention],
    starts: list[int],
    k: int,
    sent: int,
    gender: str,
    toks: _Toks,
    quoted: list[tuple[int, int]],
) -> _Mention | None:
    """Return the person a pronoun at token k refers to: the nearest compatible person earlier in its
    sentence, else the subject (first person mention) of the closest earlier sentence that has one
    (up to three back), else the nearest compatible person up to eight sentences back. A pronoun
    outside quotation marks skips people named inside them ("…," he said: the speaker, not Scholz)."""
    pos = toks.start[k]
    outside = not _inside(quoted, pos)

    def eligible(m: _Mention) -> bool:
        if m.gender and m.gender != gender:
            return False
        return not (outside and _inside(quoted, toks.start[m.i]))

    before = [m for m in persons[: bisect.bisect_left(starts, k)] if eligible(m)]
    if not before:
        return None
    last = before[-1]
    if toks.sent[last.i] == sent:
        return last
    first_in: dict[int, _Mention] = {}
    for m in before:
        # A possessive is rarely the subject: "For his part, Jane Doe stressed …" is about Doe.
        if m.method == "pronoun" and toks.fold[m.i] in {"his", "her", "hers"}:
            continue
        first_in.setdefault(toks.sent[m.i], m)
    for s in range(sent - 1, sent - 4, -1):
        if s in first_in:
            return first_in[s]
    return last if sent - toks.sent[last.i] <= 8 else None


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Return True when pos lies inside one of the sorted, disjoint [start, end) spans."""
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _quoted_spans(body: str) -> list[tuple[int, int]]:
    """Return the sorted spans of text between quotation marks (curly pairs, or straight marks paired
    within a paragraph)."""
    spans: list[tuple[int, int]] = []
    for para in _LINE_RE.finditer(body):
        text, base = para.group(), para.start()
        open_at: int | None = None
        for m in _QUOTE_MARK_RE.finditer(text):
            ch = m.group()
            if ch in "“«" or (ch == '"' and open_at is None):
                open_at = m.end()
            elif open_at is not None:
                spans.append((base + open_at, base + m.start()))
                open_at = None
    return spans


# --------------------------------------------------------------------------------------------------
# Helpers for the quote and event extractors


def mentions_in(mentions: list[EntityMention], start: int, end: int) -> list[EntityMention]:
    """Return the mentions lying wholly inside the character span [start, end)."""
    return [m for m in mentions if m.char_start >= start and m.char_end <= end]


def resolve_person_at(
    mentions: list[EntityMention], sentences: list[Sentence], char_pos: int
) -> EntityMention | None:
    """Return the person mention that a pronoun or role phrase at char_pos refers to, or None.

    The person mention covering char_pos wins (pronoun and role mentions are already resolved); else
    the nearest person mention earlier in the same sentence; else the first person mention (the subject)
    of the closest earlier sentence that has one, at most three sentences back.
    """
    persons = [m for m in mentions if m.entity_type == "person"]
    for m in persons:
        if m.char_start <= char_pos < m.char_end:
            return m
    starts = [s.start for s in sentences]
    sent = max(bisect.bisect_right(starts, char_pos) - 1, 0)
    before = [m for m in persons if m.char_end <= char_pos]
    same = [m for m in before if m.sentence_index == sent]
    if same:
        return same[-1]
    for s in range(sent - 1, max(sent - 4, -1), -1):
        in_s = [m for m in before if m.sentence_index == s]
        if in_s:
            return in_s[0]
    return None
