"""Web archives written by the test itself: HTML responses land, the rest is counted and skipped."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from loaders import load_paths

PAGE = """<html><head><title>{title}</title><meta name="author" content="Desk Example"></head><body>
<nav>Menu Login Subscribe</nav><article><h1>{title}</h1>
<p>{sentence} The statement was published on the ministry website shortly after the talks ended.</p>
<p>Officials said further meetings would follow in the spring, and that working groups had already been set up
to prepare a joint declaration on energy and transport links between the two countries.</p>
</article><footer>All rights reserved</footer></body></html>"""


def _page(title: str, sentence: str) -> bytes:
    return PAGE.format(title=title, sentence=sentence).encode("utf-8")


def _write_warc(path: Path, gzip: bool) -> Path:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)

    def response(uri: str, status: str, ctype: str, body: bytes, date: str) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": date},
        )
        writer.write_record(record)

    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "newsfacts tests"}))
    response(
        "https://a.example/talks",
        "200 OK",
        "text/html; charset=utf-8",
        _page("Estonia and Ukraine hold talks", "Estonian and Ukrainian diplomats met in Tallinn."),
        "2024-05-06T07:08:09Z",
    )
    request = writer.create_warc_record(
        "https://a.example/talks",
        "request",
        payload=io.BytesIO(b""),
        http_headers=StatusAndHeaders("GET /talks HTTP/1.1", [("Host", "a.example")], is_http_request=True),
    )
    writer.write_record(request)
    response(
        "https://a.example/logo.png",
        "200 OK",
        "image/png",
        b"\x89PNG\r\n\x1a\n" + bytes(64),
        "2024-05-06T07:08:10Z",
    )
    response(
        "https://a.example/missing",
        "404 Not Found",
        "text/html",
        b"<html>Not found</html>",
        "2024-05-06T07:08:11Z",
    )
    response(
        "https://b.example/aid",
        "200 OK",
        "text/html",
        _page("Belgium sends aid", "Belgium sent two field hospitals to Zaporizhzhia, the government said."),
        "2024-05-07T00:00:00Z",
    )
    response(
        "https://b.example/empty",
        "200 OK",
        "text/html",
        b"<html><body></body></html>",
        "2024-05-07T00:00:01Z",
    )
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize("gzip", [False, True])
def test_warc_html_responses_become_articles(tmp_path, db, query, gzip):
    path = _write_warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), gzip)
    summary = load_paths([path], db=db, progress=False)
    assert (summary.new, summary.skipped, summary.rejected) == (2, 2, 1)
    rows = query(
        "select url, title, crawled_at::varchar, body, raw_html is not null, source_kind from raw.articles "
        "order by url"
    )
    assert [r[0] for r in rows] == ["https://a.example/talks", "https://b.example/aid"]
    assert rows[0][1] == "Estonia and Ukraine hold talks"
    assert rows[0][2] == "2024-05-06 07:08:09"
    assert "diplomats met in Tallinn" in rows[0][3] and "Subscribe" not in rows[0][3]
    assert rows[0][4] and rows[0][5] == "warc"
    reasons = sorted(r[0] for r in query("select reason from raw.rejected_records"))
    assert reasons == [
        "HTML page has no main text that trafilatura could find",
        "skipped: HTTP 404 response",
        "skipped: non-HTML response (image/png)",
    ]
    assert query("select n_skipped, n_rejected from raw.load_batches") == [(2, 1)]


def test_warc_recrawl_with_changed_page_is_a_new_version(tmp_path, db, query):
    load_paths([_write_warc(tmp_path / "one.warc", False)], db=db, progress=False)
    changed = _write_warc(tmp_path / "two.warc", False)
    changed.write_bytes(changed.read_bytes().replace(b"two field hospitals", b"six field hospitals"))
    summary = load_paths([changed], db=db, progress=False)
    # The edit keeps the length, so the record stays valid and the changed page is a new version of its URL.
    assert (summary.new, summary.updated, summary.duplicate) == (0, 1, 1)


def test_truncated_warc_is_rejected_not_raised(tmp_path, db, query):
    whole = _write_warc(tmp_path / "w.warc.gz", True).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    summary = load_paths([cut], db=db, progress=False)
    assert summary.rejected >= 1
    assert any("gzip" in r[0] or "archive" in r[0] for r in query("select reason from raw.rejected_records"))


def _arc_record(header: str, body: bytes) -> bytes:
    return f"{header} {len(body)}\n".encode() + body + b"\n"


def test_arc_file(tmp_path, db, query):
    version = b"1 0 newsfacts-tests\nURL IP-address Archive-date Content-type Archive-length\n"
    page = _page("Moldova hosts a summit", "Leaders from Moldova and Ukraine met in Chisinau on Thursday.")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(page) + page
    data = _arc_record("filedesc://crawl.arc 0.0.0.0 20240506070809 text/plain", version)
    data += _arc_record("https://c.example/summit 192.0.2.1 20240508101112 text/html", http)
    path = tmp_path / "crawl.arc"
    path.write_bytes(data)
    summary = load_paths([path], db=db, progress=False)
    assert summary.new == 1
    assert query("select url, crawled_at::varchar from raw.articles") == [
        ("https://c.example/summit", "2024-05-08 10:11:12")
    ]
