"""The raw layer's rules: idempotent loads, versions, duplicates, batch rows, isolated bad records."""

from __future__ import annotations

import json

from loaders import load_paths
from loaders.records import article_id


def _jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def test_article_id_is_hash_of_normalised_body():
    assert article_id("Latvia  and\nUkraine met.") == article_id(" Latvia and Ukraine met. ")
    assert article_id("Cafe\u0301 talks") == article_id("Café talks")  # NFC
    assert article_id("Latvia and Ukraine met.") != article_id("Latvia and Ukraine meet.")
    assert len(article_id("x")) == 32


def test_second_identical_load_adds_nothing(write, db, query):
    path = write("a.jsonl", _jsonl([{"id": "1", "text": "Chile sent medical supplies."}]) + "{broken\n")
    first = load_paths([path], db=db, progress=False)
    second = load_paths([path], db=db, progress=False)
    assert (first.new, first.rejected) == (1, 1)
    assert (second.new, second.duplicate, second.updated, second.rejected) == (0, 1, 0, 1)
    assert query("select count(*) from raw.articles") == [(1,)]
    assert query("select count(*) from raw.rejected_records") == [(1,)]  # keyed by hash: not duplicated
    batches = query(
        "select status, n_read, n_new, n_duplicate, n_rejected from raw.load_batches order by started_at"
    )
    assert batches == [("succeeded", 2, 1, 0, 1), ("succeeded", 2, 0, 1, 1)]


def test_changed_body_for_known_id_is_a_new_version(write, db, query):
    load_paths(
        [write("v1.jsonl", _jsonl([{"id": "k", "text": "Peru and Brazil met."}]))], db=db, progress=False
    )
    summary = load_paths(
        [write("v2.jsonl", _jsonl([{"id": "k", "text": "Peru and Brazil met in Lima on Monday."}]))],
        db=db,
        progress=False,
    )
    assert (summary.new, summary.updated) == (0, 1)
    rows = query("select article_id, version_of from raw.articles order by record_seq, loaded_at")
    old = article_id("Peru and Brazil met.")
    assert {r[0]: r[1] for r in rows} == {
        old: None,
        article_id("Peru and Brazil met in Lima on Monday."): old,
    }


def test_same_url_changed_body_versions_and_chain_follows_latest(write, db, query):
    records = [
        {"url": "https://x.example/s", "text": "Draft one."},
        {"url": "https://x.example/s", "text": "Draft two."},
        {"url": "https://x.example/s", "text": "Draft three."},
    ]
    summary = load_paths([write("u.jsonl", _jsonl(records))], db=db, progress=False)
    assert (summary.new, summary.updated) == (1, 2)
    chain = dict(query("select body, version_of from raw.articles"))
    assert chain["Draft two."] == article_id("Draft one.")
    assert chain["Draft three."] == article_id("Draft two.")


def test_external_ids_are_scoped_by_source(write, db, query):
    load_paths(
        [write("s1.jsonl", _jsonl([{"id": "1", "text": "Alpha text."}]))], db=db, source="one", progress=False
    )
    summary = load_paths(
        [write("s2.jsonl", _jsonl([{"id": "1", "text": "Beta text."}]))], db=db, source="two", progress=False
    )
    assert (summary.new, summary.updated) == (1, 0)


def test_duplicates_inside_one_file(write, db, query):
    records = [{"id": str(i), "text": "Austria sent generators to Odesa."} for i in range(3)]
    summary = load_paths([write("dups.jsonl", _jsonl(records))], db=db, progress=False)
    assert (summary.read, summary.new, summary.duplicate) == (3, 1, 2)
    assert query("select count(*) from raw.articles") == [(1,)]


def test_one_bad_record_never_stops_the_others(write, db, query):
    text = (
        _jsonl([{"id": "1", "text": "First good article."}])
        + '{"id": "2", "text": "truncated\n'
        + _jsonl(
            [{"id": "3", "text": ""}, {"id": "4", "title": "no body"}, {"id": "5", "text": "Last good one."}]
        )
        + "[1, 2]\n"
    )
    summary = load_paths([write("mixed.jsonl", text)], db=db, progress=False)
    assert (summary.new, summary.rejected) == (2, 4)
    assert sorted(r[0] for r in query("select external_id from raw.articles")) == ["1", "5"]
    reasons = dict(query("select record_locator, reason from raw.rejected_records"))
    assert reasons["line 2"].startswith("invalid JSON")
    assert "no text" in reasons["line 3"] and "no text" in reasons["line 4"]
    assert "expected a JSON object" in reasons["line 6"]
    originals = query("select original_bytes from raw.rejected_records where record_locator = 'line 2'")
    assert originals[0][0] == b'{"id": "2", "text": "truncated'


def test_batch_row_counts_and_timestamps(write, db, query):
    summary = load_paths(
        [write("b.jsonl", _jsonl([{"text": "One."}, {"text": "Two."}, {"text": "One."}]))],
        db=db,
        source="unit",
        progress=False,
    )
    row = query(
        "select batch_id, source_name, status, n_read, n_new, n_duplicate, n_updated, n_rejected, "
        "finished_at >= started_at from raw.load_batches"
    )
    assert row == [(summary.batch_id, "unit", "succeeded", 3, 2, 1, 0, 0, True)]
    assert query("select distinct batch_id, source_name from raw.articles") == [(summary.batch_id, "unit")]


def test_nothing_readable_is_reported(write, db, query):
    summary = load_paths([write("empty.txt", b""), write("gone/../missing.csv", b"")], db=db, progress=False)
    assert summary.status == "nothing_read" and not summary.ok
    assert query("select status from raw.load_batches") == [("nothing_read",)]


def test_same_file_name_in_different_folders_are_different_articles(write, db, query):
    paths = [
        write("sport/001.txt", "Match report\n\nThe home side won."),
        write("tech/001.txt", "Chip news\n\nA new processor was announced."),
    ]
    summary = load_paths(paths, db=db, progress=False)
    assert (summary.new, summary.updated) == (2, 0)
    edited = write("tech/001.txt", "Chip news\n\nA new processor was announced on Monday.")
    again = load_paths([edited], db=db, progress=False)
    assert (again.new, again.updated) == (0, 1)
    assert query("select count(*) from raw.articles where version_key like '%tech%001'") == [(2,)]


def test_a_load_that_fails_midway_rolls_back_and_leaves_a_failed_batch(write, db, query):
    path = write("many.jsonl", _jsonl([{"id": str(i), "text": f"Item {i} text."} for i in range(3000)]))

    def interrupt(counts) -> None:
        if counts.new:
            raise KeyboardInterrupt

    try:
        load_paths([path], db=db, progress=False, on_flush=interrupt)
    except KeyboardInterrupt:
        pass
    else:
        raise AssertionError("the interrupt was swallowed")
    assert query("select count(*) from raw.articles") == [(0,)]
    assert query("select status, n_new from raw.load_batches") == [("failed", 0)]
