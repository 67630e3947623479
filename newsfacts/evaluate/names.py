"""Name folding and name matching, exactly as ../shared/gold/FORMAT.md defines them.

Countries and organisations compare on a code (ISO 3166-1 alpha-3, or the `org_id` of
seeds/organizations.csv) looked up from every name the seeds know. Without seeds the index is empty
and names still compare after folding, so the scorer degrades instead of failing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from newsfacts.extract.seeds import read_seed, split_list

# Letters NFKD does not decompose into base + mark; folding them keeps "Łukasz" = "Lukasz".
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i"})
# Apostrophes and dots vanish ("U.S." = "US", "O'Neill" = "ONeill"); other punctuation separates words.
_VANISHING = re.compile(r"[.'’‘`ʼ]")
_NON_WORD = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")
_ISO3 = re.compile(r"^[A-Z]{3}$")

# Words that make a name an institution of the country/organisation it contains ("Indian Ministry of
# Defence", "US Department of State") rather than a person who happens to share a country's name.
INSTITUTION_WORDS = frozenset(
    {
        "ministry",
        "department",
        "office",
        "government",
        "administration",
        "embassy",
        "council",
        "commission",
        "parliament",
        "cabinet",
        "agency",
        "service",
        "services",
        "forces",
        "army",
        "navy",
        "military",
        "police",
        "presidency",
        "court",
        "senate",
        "congress",
        "secretariat",
        "mission",
        "delegation",
        "command",
        "house",
        "kremlin",
        "headquarters",
        "authorities",
        "authority",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "press",
    }
)
# Honorifics and office titles written before a name in a gold speaker ("Mr. Obama", "President Obama",
# "Sen. David Perdue"): they are not given names, so they never contradict one. Scoring rule, not a lexicon.
TITLE_WORDS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "sen",
        "senator",
        "rep",
        "gov",
        "governor",
        "president",
        "vice",
        "prime",
        "minister",
        "chancellor",
        "secretary",
        "general",
        "king",
        "queen",
        "prince",
        "princess",
        "mayor",
        "premier",
        "ambassador",
        "speaker",
        "chairman",
        "chairwoman",
        "chair",
        "foreign",
        "defence",
        "defense",
        "former",
        "nominee",
        "candidate",
        "sheikh",
        "emir",
        "pope",
        "judge",
        "justice",
        "attorney",
        "commissioner",
        "col",
        "gen",
        "lt",
        "capt",
    }
)
_PARENTHETICAL = re.compile(r"\([^)]*\)")
_POSSESSIVE = re.compile(r"['’]s\b")
# Read as "the" so "the Kremlin" and "Kremlin" fold alike.
_LEADING_ARTICLE = "the "


def fold(name: str | None) -> str:
    """Return name folded for comparison: NFKD, marks dropped, casefolded, punctuation and spaces squeezed."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _VANISHING.sub("", text.casefold())
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def _strip_article(folded: str) -> str:
    """Return folded without a leading 'the '."""
    return folded[len(_LEADING_ARTICLE) :] if folded.startswith(_LEADING_ARTICLE) else folded


@dataclass(frozen=True)
class NameIndex:
    """Folded country/organisation names → code, and the subset that are metonyms of a government."""

    codes: dict[str, str] = field(default_factory=dict)
    metonyms: dict[str, str] = field(default_factory=dict)
    parents: dict[str, str] = field(default_factory=dict)  # org code → the organisation it belongs to

    def owner(self, code: str) -> str:
        """Return the top organisation a code belongs to (the European Commission → the EU), else code."""
        seen = {code}
        while code in self.parents and self.parents[code] not in seen:
            code = self.parents[code]
            seen.add(code)
        return code

    def code(self, name: str | None) -> str | None:
        """Return the ISO3/org code the whole name denotes, or None."""
        if not name:
            return None
        if _ISO3.match(name.strip()) and fold(name) in self.codes:
            return self.codes[fold(name)]
        folded = _strip_article(fold(name))
        return self.codes.get(folded)

    def kind(self, name: str | None) -> tuple[str, str | None]:
        """Return ('entity', code), ('institution', code) or ('person', None) for a speaker or party name."""
        code = self.code(name)
        if code:
            return "entity", code
        folded = _strip_article(fold(name))
        if folded in self.metonyms:
            return "institution", self.metonyms[folded]
        tokens = folded.split()
        if not any(tok in INSTITUTION_WORDS for tok in tokens):
            return "person", None
        # Longest country/organisation n-gram inside the name decides whose institution it is.
        for size in range(min(len(tokens), 6), 0, -1):
            for start in range(len(tokens) - size + 1):
                gram = " ".join(tokens[start : start + size])
                hit = self.codes.get(gram) or self.metonyms.get(gram)
                if hit:
                    return "institution", hit
        return "person", None


# Seed columns whose cells are names of the row's entity (possibly '|'-separated lists).
_NAME_COLUMN = re.compile(r"name|alias|demonym|short|official|label|variant|abbrev|acronym")
_METONYM_COLUMN = re.compile(r"metonym|capital|seat")
_CODE_COLUMNS = (
    "iso3",
    "iso_alpha3",
    "alpha3",
    "iso_a3",
    "country_iso3",
    "org_id",
    "entity_id",
    "code",
    "id",
)


def _row_code(row: dict[str, str]) -> str | None:
    """Return the code a seed row stands for (ISO3 or org id), or None."""
    for column in _CODE_COLUMNS:
        if row.get(column):
            return row[column]
    return None


def _cells(row: dict[str, str], pattern: re.Pattern[str], unless: re.Pattern[str] | None = None) -> list[str]:
    """Return every name in the row's columns whose header matches pattern (and not unless)."""
    names: list[str] = []
    for column, cell in row.items():
        if not column or not cell or (unless and unless.search(column.lower())):
            continue
        if pattern.search(column.lower()):
            names.extend(split_list(cell, "|"))
    return names


def load_name_index(seeds_dir: Path | None = None) -> NameIndex:
    """Return the name index built from seeds/countries.csv and seeds/organizations.csv (empty if absent)."""
    codes: dict[str, str] = {}
    metonyms: dict[str, str] = {}
    parents: dict[str, str] = {}
    for seed in ("countries", "organizations"):
        for row in read_seed(seed, seeds_dir):
            code = _row_code(row)
            if not code:
                continue
            if row.get("member_of"):
                parents[code] = split_list(row["member_of"], "|")[0]
            for name in _cells(row, _METONYM_COLUMN):
                metonyms.setdefault(_strip_article(fold(name)), code)
            for name in [code, *_cells(row, _NAME_COLUMN, unless=_METONYM_COLUMN)]:
                codes.setdefault(_strip_article(fold(name)), code)
    for row in read_seed("metonyms", seeds_dir):
        code = _row_code(row) or row.get("entity_key") or row.get("country_iso3")
        name = row.get("metonym") or row.get("surface") or row.get("name")
        if code and name:
            metonyms.setdefault(_strip_article(fold(name)), code)
    return NameIndex(codes=codes, metonyms=metonyms, parents=parents)


def _given_compatible(a: list[str], b: list[str]) -> bool:
    """Return True when no given name in a contradicts one in b (initials match their full name)."""
    if not a or not b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)

    def same(x: str, y: str) -> bool:
        return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))

    return all(any(same(x, y) for y in longer) for x in shorter)


def person_tokens(name: str | None) -> list[str]:
    """Return a person name's folded tokens, without parentheticals, appositions, 's and titles."""
    if not name:
        return []
    core = _PARENTHETICAL.sub(" ", name).split(",")[0]
    tokens = fold(_POSSESSIVE.sub("", core)).split()
    # Keep the surname even when it is also a title word ("Mr. King").
    return [t for t in tokens[:-1] if t not in TITLE_WORDS] + tokens[-1:]


def person_match(gold: str | None, pred: str | None) -> bool:
    """Return True when two person names match: folded equal, or same surname, no given name contradicting."""
    if fold(gold) and fold(gold) == fold(pred):
        return True
    g_tokens, p_tokens = person_tokens(gold), person_tokens(pred)
    if not g_tokens or not p_tokens:
        return False
    # A lone name may be a family name written first ("Hua" for Hua Chunying, "Xi" for Xi Jinping).
    if len(p_tokens) == 1 and len(g_tokens) > 1 and p_tokens[0] == g_tokens[0]:
        return True
    if len(g_tokens) == 1 and len(p_tokens) > 1 and g_tokens[0] == p_tokens[0]:
        return True
    if g_tokens[-1] != p_tokens[-1]:
        return False
    return _given_compatible(g_tokens[:-1], p_tokens[:-1]) and not _tail_of_a_longer_name(gold, pred)


# A word that joins an organisation's name to its last words ("Institute for Harbour Research",
# "Party of Working People"); right before a person's given name it never stands.
_JOINING_WORDS = frozenset({"of", "for", "and", "on", "in"})


def _tail_of_a_longer_name(a: str | None, b: str | None) -> bool:
    """Return True when one name is the other's last words right after a joining word.

    "Harbour Research" is then the tail of "Institute for Harbour Research", not a person sharing
    a surname; "Jan Roe" after "Minister of Health" is not (the word before it is no joining word).
    """
    ta = fold(_PARENTHETICAL.sub(" ", a or "")).split()
    tb = fold(_PARENTHETICAL.sub(" ", b or "")).split()
    short, long = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    k = len(short)
    return 0 < k < len(long) and long[-k:] == short and long[-k - 1] in _JOINING_WORDS


def party_key(name: str | None, index: NameIndex) -> str:
    """Return the key a meeting party or pledge donor compares on: its code, else its folded name."""
    return index.code(name) or _strip_article(fold(name))


def speaker_match(gold: str | None, pred: str | None, index: NameIndex) -> bool:
    """Return True when a predicted speaker matches a gold speaker (person, institution or country)."""
    if not gold or not pred:
        return False
    if _strip_article(fold(gold)) == _strip_article(fold(pred)):
        return True
    g_kind, g_code = index.kind(gold)
    p_kind, p_code = index.kind(pred)
    if g_kind != "person" or p_kind != "person":
        # An institution matches an institution of the same country/organisation, or the country itself,
        # never a person.
        if g_kind == "person" or p_kind == "person" or not g_code or not p_code:
            return False
        return index.owner(g_code) == index.owner(p_code)
    return person_match(gold, pred)
