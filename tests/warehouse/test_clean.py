"""Body cleaning (newsfacts/clean.py): chrome out, story in, text normalised. No dbt here."""

from __future__ import annotations

import json
import unicodedata
from datetime import date

import duckdb
import pytest

from newsfacts import clean
from newsfacts.dbt_udfs import register_udfs
from newsfacts.extract.names import person_key
from newsfacts.paths import SHARED_DIR

STORY = [
    "The harbour authority opened a second ferry line on Tuesday.",
    "Officials said the line would carry up to 400 passengers a day.",
    "Local traders welcomed the decision, noting that winter traffic had doubled.",
]


def _page(*lines: str) -> str:
    return "\n\n".join(lines)


def test_chrome_lines_go_and_every_story_sentence_stays() -> None:
    body = _page(
        STORY[0],
        "Photo: City press office",
        "Read also:",
        "Storm closes the northern pass",
        "Mayor opens new library wing",
        STORY[1],
        "Advertisement",
        "Share this article",
        "Facebook | X | Telegram | Copy link",
        "Subscribe to our newsletter for daily updates",
        STORY[2],
        "By continuing to use this site you consent to the use of cookies.",
        "You might prefer the English version of our website. Would you like to switch?",
    )
    cleaned = clean.clean_body(body)
    assert cleaned.split("\n\n") == STORY


def test_a_long_paragraph_mentioning_cookies_is_story_not_a_banner() -> None:
    paragraph = (
        "Regulators fined the retailer after finding that its website set tracking cookies without "
        "consent, a practice the agency said affected millions of visitors over three years and which "
        "the company has now agreed to stop under a settlement reached after months of negotiation."
    )
    assert clean.clean_body(_page(STORY[0], paragraph)) == _page(STORY[0], paragraph)


def test_a_story_line_starting_with_related_words_stays() -> None:
    line = "Related talks will continue in Vilnius next week, the ministry said."
    assert clean.clean_body(_page(line, STORY[0])) == _page(line, STORY[0])


def test_seed_shape_header_and_repeated_title_are_dropped() -> None:
    header = ["Ferry line opens", "Category", "Transport", "Publication date", "2024-05-07", ""]
    body = "\n".join([*header, "Ferry line opens", ""]) + _page(*STORY)
    assert clean.clean_body(body) == _page(*STORY)
    assert clean.header_date(body) == "2024-05-07"


def test_a_lead_sentence_taken_for_the_title_stays_in_the_body() -> None:
    body = _page(*STORY)
    assert clean.clean_body(body, title=STORY[0]) == body
    assert clean.clean_body(_page("Ferry line opens", *STORY), title="Ferry line opens") == body


def test_mojibake_nfc_and_whitespace_are_normalised() -> None:
    broken = "The cafÃ© reopened.\u00a0\u00a0It   serves e\u0301clairs.\n\n\n\nSecond  paragraph.  "
    cleaned = clean.clean_body(broken)
    assert cleaned == "The café reopened. It serves éclairs.\n\nSecond paragraph."
    assert unicodedata.is_normalized("NFC", cleaned)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-03-05", date(2024, 3, 5)),
        ("05.03.2024", date(2024, 3, 5)),
        ("March 5, 2024", date(2024, 3, 5)),
        ("5 March 2024", date(2024, 3, 5)),
        ("2024-03-05T14:30:00+02:00", date(2024, 3, 5)),
        ("Tue, 05 Mar 2024 10:00:00 +0000", date(2024, 3, 5)),
        ("", None),
        ("yesterday", None),
        (None, None),
    ],
)
def test_parse_date(raw: str | None, expected: date | None) -> None:
    assert clean.parse_date(raw) == expected


def test_language_detection() -> None:
    assert clean.detect_language(" ".join(STORY)) == "en"
    assert clean.detect_language("   ") is None


def test_near_duplicates_share_a_band_and_unrelated_texts_do_not() -> None:
    original = " ".join(STORY) + " The port expects the new line to run until the end of October."
    reprint = original.replace("Tuesday", "Wednesday") + " Tickets go on sale online."
    other = "A new study of alpine glaciers finds the ice retreating faster than any model predicted."
    bands = set(clean.minhash_bands(original))
    assert len(bands) == clean.MINHASH_BANDS
    assert bands & set(clean.minhash_bands(reprint))
    assert not bands & set(clean.minhash_bands(other))
    assert clean.minhash_bands("") == []


def test_udfs_expose_the_same_cleaning_to_sql() -> None:
    con = duckdb.connect()
    register_udfs(con)
    body = _page(STORY[0], "Advertisement", STORY[1])
    row = con.execute(
        "select nf_clean_body(?, null), nf_parse_date('05.03.2024'), nf_language(?), "
        "len(nf_minhash_bands(?))",
        [body, STORY[0], STORY[0]],
    ).fetchone()
    assert row == (clean.clean_body(body), date(2024, 3, 5), "en", clean.MINHASH_BANDS)
    assert con.execute("select nf_clean_body(null, null)").fetchone() == (None,)


def test_sql_person_keys_fold_exactly_like_the_library() -> None:
    # Letters NFKD cannot decompose (ł, ß) and underscores are where a SQL re-implementation drifted.
    con = duckdb.connect()
    register_udfs(con)
    for name in ("Radosław Sikorski", "Straße Müller", "Jean_Luc Dupont", "Andris Sprūds"):
        assert con.execute("select nf_person_key(?)", [name]).fetchone() == (person_key(name),)


SEED = SHARED_DIR / "seed" / "000_69c7be4cf9514e14.txt"
SEED_GOLD = SHARED_DIR / "gold" / "seed" / "facts.jsonl"


@pytest.mark.shared
def test_seed_article_loses_its_chrome_and_keeps_its_story() -> None:
    if not SEED.exists() or not SEED_GOLD.exists():
        pytest.skip("../shared/seed is not beside this checkout")
    raw = SEED.read_text(encoding="utf-8")
    raw_lines = [line.strip() for line in raw.splitlines() if line.strip()]
    cleaned = clean.clean_body(raw)
    kept = cleaned.split("\n")
    # The page's last two lines (cookie banner, language switch) go; the line before them stays.
    assert raw_lines[-1] not in kept and raw_lines[-2] not in kept
    assert kept[-1] == raw_lines[-3]
    # The header block goes: no label lines, and the headline is not repeated in the body.
    assert "Category" not in kept and "Publication date" not in kept
    assert raw_lines[0] not in kept
    # Every story line stays, including the subheading before the last section, as its own paragraph.
    first_story = next(i for i, line in enumerate(raw_lines) if line.startswith("In 2024"))
    for line in raw_lines[first_story:-2]:
        assert line in kept, line
    # Every evidence string and quote boundary of the gold facts is still in the cleaned body.
    for fact in map(json.loads, SEED_GOLD.read_text(encoding="utf-8").splitlines()):
        for key in ("evidence", "text_start", "text_end"):
            if fact.get(key):
                assert fact[key] in cleaned, (fact["fid"], key)


def test_cleaner_version_follows_the_patterns_seed(tmp_path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    original = (clean.SEEDS_DIR / clean.PATTERNS_SEED).read_text(encoding="utf-8")
    (seeds / clean.PATTERNS_SEED).write_text(original, encoding="utf-8")
    same = clean.cleaner_version(str(seeds))
    assert same == clean.cleaner_version()
    (seeds / clean.PATTERNS_SEED).write_text(original + "extra,page_chrome,^x$,drop_line,5,test\n", "utf-8")
    clean.cleaner_version.cache_clear()
    assert clean.cleaner_version(str(seeds)) != same


def test_a_hard_wrapped_wire_story_reads_as_paragraphs() -> None:
    wrapped = (
        "OSLO, March 3 - The Freedonian trade minister said on Tuesday\n"
        "that talks with the Ruritanian delegation had gone well and that\n"
        "a deal on grain would follow within weeks, officials said.\n"
        "    \"We are very close,\" the minister told reporters after the\n"
        "meeting, adding that the two sides would meet again in April.\n"
        "    Officials said the deal could be worth up to 40 mln dlrs a\n"
        "year to farmers in both countries over the next decade.\n"
    )
    body = clean.clean_body(wrapped)
    assert body.split("\n") == [
        "OSLO, March 3 - The Freedonian trade minister said on Tuesday that talks with the Ruritanian "
        "delegation had gone well and that a deal on grain would follow within weeks, officials said.",
        "\"We are very close,\" the minister told reporters after the meeting, adding that the two sides "
        "would meet again in April.",
        "Officials said the deal could be worth up to 40 mln dlrs a year to farmers in both countries over "
        "the next decade.",
    ]


def test_lines_of_free_length_are_left_as_they_are() -> None:
    text = "A short line.\nAnother that is a paragraph of its own and runs on for a while longer.\nEnd."
    assert clean.clean_body(text).split("\n") == text.split("\n")
