"""Bad input ends as a rejected record with a clear reason, or a clean load: never a traceback."""

from __future__ import annotations

import gzip
import json
import resource
import time

import pytest

from loaders import load_paths
from loaders.gz import DecompressError, gunzip_bounded

GOOD = "Croatia and Ukraine agreed to expand grain shipments through the Adriatic ports."


def _reasons(query) -> dict[str, str]:
    rows = query("select source_path, reason from raw.rejected_records")
    return {path.rsplit("/", 1)[-1]: reason for path, reason in rows}


def test_invalid_utf8_falls_back_to_cp1252_with_a_note(write, db, query):
    data = "Caf\u00e9 talks \u2013 Belgium\u2019s minister visited Kyiv.".encode("cp1252")
    summary = load_paths([write("cp.txt", data)], db=db, progress=False)
    assert summary.new == 1
    body, note = query("select body, load_note from raw.articles")[0]
    assert body == "Caf\u00e9 talks \u2013 Belgium\u2019s minister visited Kyiv."
    assert note.startswith("decoded as cp1252")


def test_bytes_valid_in_neither_utf8_nor_cp1252_are_rejected(write, db, query):
    summary = load_paths(
        [write("bad.txt", b"Title\n\nA body with \x81\x8d bytes " + b"\xff" * 3)], db=db, progress=False
    )
    assert (summary.new, summary.rejected) == (0, 1)
    assert "not valid UTF-8" in _reasons(query)["bad.txt"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_byte_order_marks(write, db, query, encoding):
    data = ("Headline\n\n" + GOOD).encode(encoding)
    summary = load_paths([write(f"bom-{encoding}.txt", data)], db=db, progress=False)
    assert summary.new == 1
    assert query("select body from raw.articles") == [("Headline\n\n" + GOOD,)]


def test_utf8_bad_line_in_jsonl_only_affects_that_line(write, db, query):
    good = json.dumps(
        {"id": "g", "text": "Za\u017c\u00f3\u0142\u0107 g\u0119\u015bl\u0105 ja\u017a\u0144."}
    ).encode()
    bad = b'{"id": "b", "text": "Fran\xe7ois spoke to reporters."}'
    summary = load_paths([write("mixed.jsonl", good + b"\n" + bad + b"\n")], db=db, progress=False)
    assert summary.new == 2
    rows = dict(query("select external_id, body from raw.articles"))
    assert (
        rows["g"] == "Za\u017c\u00f3\u0142\u0107 g\u0119\u015bl\u0105 ja\u017a\u0144."
    )  # untouched by the fallback
    assert rows["b"] == "Fran\u00e7ois spoke to reporters."


def test_empty_and_binary_files(write, db, query):
    paths = [
        write("empty.txt", b""),
        write("blank.jsonl", b"\n\n  \n"),
        write("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4),
        write("good.txt", "Title\n\n" + GOOD),
    ]
    summary = load_paths(paths, db=db, progress=False)
    assert (summary.new, summary.rejected) == (1, 3)
    reasons = _reasons(query)
    assert reasons["empty.txt"] == "empty file" and reasons["blank.jsonl"] == "empty file"
    assert reasons["image.html"].startswith("binary content")


def test_missing_path_is_a_rejection_not_a_crash(tmp_path, db, query):
    summary = load_paths([tmp_path / "nope.jsonl"], db=db, progress=False)
    assert summary.status == "nothing_read"
    assert _reasons(query) == {"nope.jsonl": "no such file or directory"}


def test_truncated_json_document_is_rejected(write, db, query):
    summary = load_paths([write("cut.json", '[{"id": "1", "text": "A story about')], db=db, progress=False)
    assert summary.rejected == 1
    assert _reasons(query)["cut.json"].startswith("invalid JSON")


def test_csv_without_a_text_column_is_one_clear_rejection(write, db, query):
    summary = load_paths(
        [write("meta.csv", "link,headline\nhttps://a.example,Only a title\n")], db=db, progress=False
    )
    assert (summary.new, summary.rejected) == (0, 1)
    assert (
        "no text column" in _reasons(query)["meta.csv"] and "--map text=COLUMN" in _reasons(query)["meta.csv"]
    )


def test_csv_rows_with_missing_or_extra_fields(write, db, query):
    text = (
        "id,title,text,url\n"
        "1,Full row,Sweden pledged air defence support.,https://a.example/1\n"
        "2,Short row,Denmark trained pilots in Odense.\n"
        "3,No body\n"
        "4,Too many,Body here,https://a.example/4,surplus\n"
    )
    summary = load_paths([write("ragged.csv", text)], db=db, progress=False)
    assert (summary.new, summary.rejected) == (2, 2)
    reasons = sorted(r[0] for r in query("select reason from raw.rejected_records"))
    assert reasons[0].startswith("record has no text") and "2 fields, the header has 4" in reasons[0]
    assert reasons[1] == "row has 5 fields but the header has 4"


def test_gzip_bomb_is_rejected_without_expanding(write, db, query):
    # 1 GiB of zeros as 1,024 gzip members of 1 MiB each (~1 MiB on disk); the 256 MiB bound must stop it.
    member = gzip.compress(bytes(1024 * 1024), mtime=0)
    bomb = member * 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(DecompressError, match="gzip bomb"):
        gunzip_bounded(bomb, limit=16 * 1024 * 1024)
    summary = load_paths(
        [write("bomb.jsonl.gz", bomb), write("ok.txt", "T\n\n" + GOOD)], db=db, progress=False
    )
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert (summary.new, summary.rejected) == (1, 1)
    assert "gzip bomb" in _reasons(query)["bomb.jsonl.gz"]
    assert grown_mib < 600  # peak memory stays near the bound, never the full expansion


def test_corrupt_and_truncated_gzip(write, db, query):
    whole = gzip.compress(("T\n\n" + GOOD).encode())
    summary = load_paths(
        [write("cut.txt.gz", whole[:-12]), write("junk.gz", b"\x1f\x8bnot gzip at all")],
        db=db,
        progress=False,
    )
    assert summary.rejected == 2
    reasons = _reasons(query)
    assert "truncated gzip" in reasons["cut.txt.gz"] and "corrupt gzip" in reasons["junk.gz"]


def test_fifty_megabyte_file_loads_in_reasonable_time_and_memory(tmp_path, db, query):
    path = tmp_path / "big.jsonl"
    paragraph = "Officials from two neighbouring countries discussed rail links and energy prices. " * 12
    with path.open("w", encoding="utf-8") as out:
        n = 0
        while out.tell() < 50 * 1024 * 1024:
            out.write(json.dumps({"id": f"r{n}", "text": f"Report {n}. {paragraph}"}) + "\n")
            n += 1
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    summary = load_paths([path], db=db, progress=False)
    elapsed = time.monotonic() - started
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert (summary.new, summary.rejected) == (n, 0)
    assert query("select count(*) from raw.articles") == [(n,)]
    assert elapsed < 90, f"50 MB took {elapsed:.0f}s"
    assert grown_mib < 1500, f"peak memory grew by {grown_mib:.0f} MiB"
