"""Feeds (RSS 0.91/1.0/2.0, Atom, JSON Feed) from files: each item lands with its link, guid and metadata."""

from __future__ import annotations

import json

import pytest

from loaders import load_paths

RSS2 = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Example Wire</title>
<link>https://wire.example</link><description>World</description>
<item><title>Lithuania buys radars for Ukraine</title><link>https://wire.example/radars</link>
<guid isPermaLink="false">EW-1</guid><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>
<dc:creator>Jonas Example</dc:creator>
<description>&lt;p&gt;Vilnius will pay for &lt;b&gt;four&lt;/b&gt; radars.&lt;/p&gt;
&lt;p&gt;Delivery is due in May.&lt;/p&gt;</description></item>
<item><title>Headline only</title><link>https://wire.example/headline</link><guid>EW-2</guid></item>
<item><link>https://wire.example/empty</link><guid>EW-3</guid></item>
</channel></rss>"""

RSS1 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example/"><title>RDF News</title><link>https://rdf.example/</link>
<description>d</description></channel>
<item rdf:about="https://rdf.example/1"><title>Greece hosts naval talks</title><link>https://rdf.example/1</link>
<description>Greek and Ukrainian officials met in Piraeus.</description>
<dc:date>2024-02-01T10:00:00Z</dc:date></item>
</rdf:RDF>"""

RSS091 = """<?xml version="1.0"?><rss version="0.91"><channel><title>Old Feed</title><link>https://old.example</link>
<description>x</description><item><title>Malta sends aid</title><link>https://old.example/malta</link>
<description>Malta sent medical kits to Lviv.</description></item></channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:desk</id>
<updated>2024-04-01T00:00:00Z</updated>
<entry><title>Portugal trains medics</title><id>urn:desk:7</id><link href="https://atom.example/7"/>
<updated>2024-04-01T12:00:00Z</updated><published>2024-04-01T11:00:00Z</published>
<author><name>Ana Example</name></author>
<content type="html">&lt;p&gt;Portuguese instructors trained forty Ukrainian medics in Lisbon.&lt;/p&gt;
</content></entry>
</feed>"""

JSON_FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "JSON Desk",
    "items": [
        {
            "id": "j1",
            "url": "https://json.example/1",
            "title": "Iceland funds generators",
            "content_text": "Iceland paid for twenty generators for hospitals in Kherson.",
            "date_published": "2024-01-15T09:00:00+01:00",
            "authors": [{"name": "Sigrun Example"}],
        },
        "not an item",
    ],
}


def test_rss2_items_land_with_link_guid_author_date(write, db, query):
    summary = load_paths([write("wire.xml", RSS2)], db=db, progress=False)
    assert (summary.read, summary.new, summary.rejected) == (3, 2, 1)
    rows = query(
        "select external_id, url, title, author, published_at::varchar, outlet, body, source_kind "
        "from raw.articles order by external_id"
    )
    first = rows[0]
    assert first[:6] == (
        "EW-1",
        "https://wire.example/radars",
        "Lithuania buys radars for Ukraine",
        "Jonas Example",
        "2024-03-05 08:00:00",
        "Example Wire",
    )
    assert (
        first[6]
        == "Lithuania buys radars for Ukraine\n\nVilnius will pay for four radars.\n\nDelivery is due in May."
    )
    assert first[7] == "feed"
    assert rows[1][6] == "Headline only"
    assert "no title, summary or content" in query("select reason from raw.rejected_records")[0][0]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("rdf.rss", RSS1, ("https://rdf.example/1", "Greece hosts naval talks", None, "2024-02-01 10:00:00")),
        ("old.xml", RSS091, ("https://old.example/malta", "Malta sends aid", None, None)),
        ("desk.atom", ATOM, ("urn:desk:7", "Portugal trains medics", "Ana Example", "2024-04-01 11:00:00")),
    ],
)
def test_rss1_rss091_and_atom(write, db, query, name, content, expected):
    summary = load_paths([write(name, content)], db=db, progress=False)
    assert summary.new == 1
    row = query("select external_id, title, author, published_at::varchar, body from raw.articles")[0]
    assert row[:4] == expected
    assert row[4].startswith(expected[1] + "\n\n")


def test_json_feed(write, db, query):
    summary = load_paths([write("desk.json", json.dumps(JSON_FEED))], db=db, progress=False)
    assert (summary.new, summary.rejected) == (1, 1)
    row = query("select external_id, url, author, published_at::varchar, outlet from raw.articles")[0]
    assert row == ("j1", "https://json.example/1", "Sigrun Example", "2024-01-15 08:00:00", "JSON Desk")


def test_weekly_snapshots_land_each_item_once_and_revisions_as_versions(write, db, query):
    week1 = RSS2
    week2 = RSS2.replace("Delivery is due in May.", "Delivery is due in June.").replace(
        "</channel>",
        "<item><title>New story</title><guid>EW-9</guid><description>Fresh.</description></item></channel>",
    )
    first = load_paths([write("w1/wire.xml", week1)], db=db, source="wire", progress=False)
    second = load_paths([write("w2/wire.xml", week2)], db=db, source="wire", progress=False)
    assert (first.new, second.new, second.updated, second.duplicate) == (2, 1, 1, 1)
    assert query("select count(*), count(version_of) from raw.articles") == [(4, 1)]


def test_not_a_feed_is_rejected(write, db, query):
    summary = load_paths([write("broken.rss", "<rss><channel><item><title>cut")], db=db, progress=False)
    assert summary.status == "nothing_read"


@pytest.mark.shared
def test_feed_archive_lands_each_distinct_item_once(shared, db, query):
    archive = shared / "corpora" / "rss_archive_orx365"
    summary = load_paths([archive], db=db, source="orx365", progress=False)
    distinct = query("select count(distinct external_id) from raw.articles")[0][0]
    # Every distinct guid lands; the rest of the 4,021 items are exact repeats or revisions of one.
    assert summary.rejected == 0
    assert summary.new == distinct
    assert summary.new + summary.updated + summary.duplicate == summary.read
    last_weeks = sorted(p for p in archive.iterdir() if p.is_dir())[-3:]
    again = load_paths(last_weeks, db=db, source="orx365", progress=False)
    assert (again.new, again.updated, again.rejected) == (0, 0, 0) and again.duplicate > 0


def test_feed_url_fetched_over_loopback(db, query):
    """`--feed URL`: a feed served on 127.0.0.1 by the test itself (no outside network)."""
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path != "/wire.xml":
                self.send_error(404)
                return
            body = RSS2.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        summary = load_paths([], db=db, feed_urls=[f"{base}/wire.xml", f"{base}/gone.xml"], progress=False)
    finally:
        server.shutdown()
        server.server_close()
    assert (summary.new, summary.rejected) == (2, 2)
    assert query("select distinct source_path from raw.articles") == [(f"{base}/wire.xml",)]
    reasons = [r[0] for r in query("select reason from raw.rejected_records")]
    assert any("feed could not be fetched" in r and "404" in r for r in reasons)


def test_feedparser_crash_on_mangled_namespace_is_a_rejection():
    """Found by the fuzz target: feedparser's strict parser raised ValueError on this document."""
    from loaders.feeds import parse_feed
    from loaders.records import Rejection

    empty_item = (
        "<item><title></title><link></link><guid></guid><description></description><pubDate></pubDate></item>"
    )
    data = (
        b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="h\xfftp://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        b'xmlns="http://purl.org/rss/1.0/"><channel><title>t</title></channel><item>'
        b"<title>0\xc2\x80\xf0\x90\x80\x80\xf0\x90\x80\x80</title><link>0 0\xc2\x80\xc2\x80</link>"
        b"<guid>0 \xae0\xc2\x80\xc2\x80</guid><description></description>"
        b"<pubDate>0\xc2\x80\xf0\x90\x80\x80\xf0\x90\x80\x80</pubDate></item>"
        + empty_item.encode() * 2
        + b"</rdf:RDF>"
    )
    items = list(parse_feed(data, "/fuzz/f.xml", "f.xml"))
    assert items and all(isinstance(i, Rejection) and i.reason for i in items)
