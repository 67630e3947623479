"""A tiny warehouse built with plain SQL, shaped like the dbt layers, for the quality suites' tests.

The articles are sentences written for these tests. `build_clean` makes a warehouse every suite
should pass; `break_on_purpose` damages a copy the way real bugs would.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import duckdb

from newsfacts.paths import PROJECT_ROOT


@dataclass(frozen=True)
class CheckedWarehouse:
    """A warehouse file, the Data Docs directory and what `newsfacts check` said about it."""

    db: Path
    docs_dir: Path
    exit_code: int
    stdout: str


BODIES = {
    "a": (
        "The foreign minister of Latvia met her Ukrainian counterpart in Riga on Monday.\n"
        "\u201cWe will keep helping until the end,\u201d the minister told reporters.\n"
        "Germany pledged 20 million euros for demining equipment."
    ),
    "b": (
        "Ukraine's defence minister spoke with the NATO secretary general by phone.\n"
        "The alliance would send more air defence systems, he said after the call."
    ),
}


def article_id(body: str) -> str:
    """Return the loader's content hash of a body (first 32 hex chars of its sha256)."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


def _span(body: str, text: str) -> tuple[int, int]:
    """Return the [start, end) offsets of `text` inside `body` (it must occur)."""
    start = body.index(text)
    return start, start + len(text)


def build_clean(path: Path) -> Path:
    """Create a warehouse at `path` whose every layer satisfies the quality suites; return the path."""
    ids = {k: article_id(v) for k, v in BODIES.items()}
    a, b = BODIES["a"], BODIES["b"]
    q1 = _span(a, "We will keep helping until the end,")
    q2 = _span(b, "The alliance would send more air defence systems")
    p1 = _span(a, "Germany pledged 20 million euros for demining equipment.")
    m1 = _span(a, "The foreign minister of Latvia met her Ukrainian counterpart in Riga on Monday.")
    m2 = _span(b, "Ukraine's defence minister spoke with the NATO secretary general by phone.")
    men = [
        (ids["a"], "LVA", *_span(a, "Latvia")),
        (ids["a"], "DEU", *_span(a, "Germany")),
        (ids["b"], "NATO", 0, 7),
    ]
    con = duckdb.connect(str(path))
    try:
        con.execute((PROJECT_ROOT / "loaders" / "raw_schema.sql").read_text(encoding="utf-8"))
        con.execute(
            "insert into raw.load_batches (batch_id, source_name, paths, started_at, finished_at, status,"
            " n_read, n_new) values ('b1', 'test', ['x'], timestamp '2026-01-01 10:00',"
            " timestamp '2026-01-01 10:01', 'succeeded', 2, 2)"
        )
        for key, body in BODIES.items():
            con.execute(
                "insert into raw.articles (article_id, external_id, title, published_at_raw, published_at,"
                " body, source_kind, source_path, batch_id, loaded_at) values (?, ?, ?, '2026-01-05',"
                " timestamp '2026-01-05', ?, 'text', ?, 'b1', timestamp '2026-01-01 10:01')",
                [ids[key], key, f"Story {key}", body, f"in/{key}.txt"],
            )
        con.execute("create schema staging; create schema intermediate; create schema marts")
        con.execute(
            "create table staging.stg_raw__articles as select article_id, title, published_at,"
            " cast(published_at as date) as published_on, body as body_clean, length(body) as body_chars,"
            " 'en' as language, ['x1', 'x2'] as minhash_bands, loaded_at from raw.articles"
        )
        con.execute(
            "create view staging.stg_raw__load_batches as select *, "
            " date_diff('millisecond', started_at, finished_at) / 1000.0 as duration_s from raw.load_batches"
        )
        con.execute("create view staging.stg_raw__rejected_records as select * from raw.rejected_records")
        con.execute(
            "create table intermediate.int_article_facts_extracted as select article_id,"
            " '0.1' as extractor_version, '[]' as quotes from staging.stg_raw__articles"
        )
        con.execute(
            "create table marts.articles as select article_id, title, published_on, language, body_clean,"
            " body_chars, article_id as duplicate_group_id, 1 as duplicate_group_size, false as is_duplicate,"
            " '0.1' as extractor_version, 2 as n_mentions, 1 as n_quotes, 1 as n_meetings, 0 as n_pledges"
            " from staging.stg_raw__articles"
        )
        con.execute(
            "create table marts.entities (entity_id varchar, entity_type varchar, canonical_name varchar,"
            " iso3 varchar, wikidata_id varchar, aliases varchar[], is_seeded boolean default true)"
        )
        con.execute(
            "insert into marts.entities (entity_id, entity_type, canonical_name, iso3, wikidata_id, aliases)"
            " values"
            " ('LVA', 'country', 'Latvia', 'LVA', 'Q211', ['Latvia']),"
            " ('UKR', 'country', 'Ukraine', 'UKR', 'Q212', ['Ukraine']),"
            " ('DEU', 'country', 'Germany', 'DEU', 'Q183', ['Germany']),"
            " ('NATO', 'organization', 'NATO', null, 'Q7184', ['the alliance']),"
            " ('person:jane doe', 'person', 'Jane Doe', null, null, [])"
        )
        con.execute(
            "create table marts.person_roles as select 'r1' as person_role_id,"
            " 'person:jane doe' as person_id,"
            " 'Jane Doe' as person_name, 'foreign minister' as role, 'LVA' as office_of_id,"
            " date '2024-01-01' as valid_from, cast(null as date) as valid_to"
        )
        con.execute(
            "create table marts.entity_mentions (mention_id varchar, article_id varchar, entity_id varchar,"
            " entity_type varchar, surface varchar, method varchar, sentence_index integer,"
            " char_start integer, char_end integer, confidence double)"
        )
        con.executemany(
            "insert into marts.entity_mentions select ?, ?, ?, entity_type, ?, 'gazetteer', 0, ?, ?, 0.9"
            " from marts.entities where entity_id = ?",
            [(f"em{i}", art, ent, "x", start, end, ent) for i, (art, ent, start, end) in enumerate(men)],
        )
        con.execute(
            "create table marts.bilateral_meetings (meeting_id varchar, meeting_date date,"
            " date_precision varchar, date_basis varchar, party_a_id varchar, party_a_name varchar,"
            " party_b_id varchar, party_b_name varchar, participants varchar[], location varchar,"
            " mode varchar, topics varchar[], n_articles integer, first_reported_at timestamp,"
            " evidence varchar, confidence double)"
        )
        con.execute(
            "insert into marts.bilateral_meetings values"
            " ('mt1', date '2026-01-05', 'day', 'relative', 'LVA', 'Latvia', 'UKR', 'Ukraine', ['Jane Doe'],"
            "  'Riga', 'in_person', ['aid'], 1, timestamp '2026-01-05', ?, 0.8),"
            " ('mt2', null, 'unknown', 'unknown', 'NATO', 'NATO', 'UKR', 'Ukraine', [], null,"
            "  'call', [], 1, timestamp '2026-01-05', ?, 0.7)",
            [a[m1[0] : m1[1]], b[m2[0] : m2[1]]],
        )
        con.execute(
            "create table marts.meeting_articles as select * from (values ('mt1', ?, ?, ?, ?, 0.8),"
            " ('mt2', ?, ?, ?, ?, 0.7))"
            " as t(meeting_id, article_id, evidence, char_start, char_end, confidence)",
            [ids["a"], a[m1[0] : m1[1]], *m1, ids["b"], b[m2[0] : m2[1]], *m2],
        )
        con.execute(
            "create table marts.pledges (pledge_id varchar, article_id varchar, donor_id varchar,"
            " donor_name varchar, recipient_id varchar, recipient_name varchar, category varchar,"
            " description varchar, quantity double, item varchar, amount double, currency varchar,"
            " amount_eur double, fx_units_per_eur double, period varchar, status varchar, announced_on date,"
            " evidence varchar,"
            " sentence_index integer, char_start integer, char_end integer, confidence double)"
        )
        con.execute(
            "insert into marts.pledges values ('pl1', ?, 'DEU', 'Germany', 'UKR', 'Ukraine', 'military',"
            " 'demining equipment', null, 'demining equipment', 20000000, 'EUR', 20000000, 1.0, null, 'firm',"
            " date '2026-01-05', ?, 2, ?, ?, 0.8)",
            [ids["a"], a[p1[0] : p1[1]], *p1],
        )
        con.execute(
            "create table marts.quotes (quote_id varchar, article_id varchar, speaker_id varchar,"
            " speaker_name varchar, quote_text varchar, evidence varchar, kind varchar, cue varchar,"
            " has_quote_marks boolean,"
            " sentence_index integer, char_start integer, char_end integer, confidence double)"
        )
        con.executemany(
            "insert into marts.quotes values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 0.7)",
            [
                (
                    "q1",
                    ids["a"],
                    "person:jane doe",
                    "Jane Doe",
                    a[q1[0] : q1[1]],
                    a[q1[0] : q1[1]],
                    "direct",
                    "told",
                    True,
                    *q1,
                ),
                (
                    "q2",
                    ids["b"],
                    None,
                    None,
                    b[q2[0] : q2[1]],
                    b[q2[0] : q2[1]],
                    "indirect",
                    "said",
                    False,
                    *q2,
                ),
                (
                    "q3",
                    ids["b"],
                    "UKR",
                    "Ukraine",
                    b[q2[0] : q2[1]],
                    b[q2[0] : q2[1]],
                    "indirect",
                    "said",
                    False,
                    *q2,
                ),
            ],
        )
    finally:
        con.close()
    return path


def break_on_purpose(path: Path) -> Path:
    """Damage a warehouse's marts the ways the suites must catch; return the path.

    Works on any warehouse with at least one pledge, meeting, quote and mention (the tiny one
    above, or a real build of the sample corpus).
    """
    first = "(select min({key}) from marts.{table})"
    con = duckdb.connect(str(path))
    try:
        # A currency no seed knows (XXX is ISO 4217's "no currency").
        con.execute(
            "update marts.pledges set currency = 'XXX'"
            f" where pledge_id = {first.format(key='pledge_id', table='pledges')}"
        )
        # A "bilateral" meeting of a party with itself.
        con.execute(
            "update marts.bilateral_meetings set party_b_id = party_a_id"
            f" where meeting_id = {first.format(key='meeting_id', table='bilateral_meetings')}"
        )
        # A quote span that ends before it starts.
        con.execute(
            "update marts.quotes set char_start = char_end + 5"
            f" where quote_id = {first.format(key='quote_id', table='quotes')}"
        )
        # Most quotes without a resolved speaker: over the distribution threshold.
        con.execute(
            "update marts.quotes set speaker_id = null where quote_id in (select quote_id from marts.quotes"
            " order by quote_id limit (select cast(ceil(count(*) * 0.6) as integer) from marts.quotes))"
        )
        # A contract column dropped from a mart.
        con.execute("alter table marts.quotes drop column cue")
        # A mention whose span runs past the end of its article.
        con.execute(
            "update marts.entity_mentions set char_end = char_end + 100000"
            f" where mention_id = {first.format(key='mention_id', table='entity_mentions')}"
        )
    finally:
        con.close()
    return path
