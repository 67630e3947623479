"""Each input format lands articles with the right fields (sentences written for these tests)."""

from __future__ import annotations

import gzip
import json

from loaders import load_paths

SEED_SHAPED = (
    "Estonia sends field kitchens to Ukraine\n"
    "Category\n"
    "World\n"
    "Publication date\n"
    "\n"
    "Estonia sends field kitchens to Ukraine\n"
    "\n"
    "The Estonian defence minister said on Monday that twelve field kitchens would leave Tallinn this week.\n"
    "\n"
    "Share this article\n"
)

PAGE = """<!doctype html><html><head><title>Finland and Ukraine sign a drone deal | Example Daily</title>
<meta property="og:title" content="Finland and Ukraine sign a drone deal">
<meta name="author" content="Maria Example">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
</head><body><nav>Home | World | Sport</nav>
<article><h1>Finland and Ukraine sign a drone deal</h1>
<p>The defence ministers of Finland and Ukraine signed an agreement in Helsinki on Tuesday to build
reconnaissance drones together, the Finnish ministry said in a statement published after the meeting.</p>
<p>Under the agreement, Finnish companies will share designs with Ukrainian producers and the first joint
batch is expected before the end of the year, according to officials who attended the signing.</p>
<p>The ministers also discussed winter equipment and training for engineers, the statement added.</p>
</article><footer>Cookie settings</footer></body></html>"""


def test_text_in_seed_shape_parses_labels_and_keeps_body(write, db, query):
    path = write("estonia_kitchens.txt", SEED_SHAPED)
    summary = load_paths([path], db=db, progress=False)
    assert (summary.new, summary.rejected, summary.status) == (1, 0, "succeeded")
    row = query("select external_id, title, category, published_at_raw, body, source_kind from raw.articles")[
        0
    ]
    assert row[:4] == ("estonia_kitchens", "Estonia sends field kitchens to Ukraine", "World", None)
    assert row[4].startswith("Estonia sends field kitchens to Ukraine\n\nThe Estonian defence minister")
    assert row[4].endswith("Share this article\n")  # page chrome is kept for staging to clean
    assert row[5] == "text"


def test_text_publication_date_is_parsed(write, db, query):
    text = SEED_SHAPED.replace("Publication date\n\n", "Publication date\n12 March 2024\n")
    load_paths([write("dated.txt", text)], db=db, progress=False)
    assert query("select published_at_raw, cast(published_at as date)::varchar from raw.articles") == [
        ("12 March 2024", "2024-03-12")
    ]


def test_jsonl_in_gold_layout(write, db, query):
    lines = [
        {
            "id": "a1",
            "url": "https://news.example/a1",
            "outlet": "Example",
            "title": "One",
            "published_at": "2024-01-02",
            "text": "Poland and Lithuania held talks in Vilnius on grain transit.",
        },
        {
            "id": "a2",
            "url": None,
            "outlet": None,
            "title": None,
            "published_at": None,
            "text": "Norway pledged 50 million euros for demining equipment, the government said.",
        },
    ]
    path = write("gold.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    summary = load_paths([path], db=db, progress=False)
    assert (summary.read, summary.new) == (2, 2)
    rows = query(
        "select external_id, url, outlet, cast(published_at as date)::varchar from raw.articles order by 1"
    )
    assert rows == [("a1", "https://news.example/a1", "Example", "2024-01-02"), ("a2", None, None, None)]


def test_json_array_and_html_field(write, db, query):
    items = [
        {"id": "h1", "html": PAGE, "url": "https://news.example/drones"},
        {"id": "t1", "text": "Ireland announced humanitarian aid for families displaced by the floods."},
    ]
    summary = load_paths([write("batch.json", json.dumps(items))], db=db, progress=False)
    assert (summary.new, summary.rejected) == (2, 0)
    body, raw_html = query("select body, raw_html from raw.articles where external_id = 'h1'")[0]
    assert "reconnaissance drones together" in body and "Cookie settings" not in body
    assert raw_html == PAGE


def test_csv_with_explicit_mapping(write, db, query):
    csv_text = (
        "link,headline,date,body\n"
        "https://press.example/1,Talks in Rome,2022-05-04T10:00:00Z,"
        '"Italy and Ukraine discussed reconstruction.\n\n'
        'The talks lasted two hours."\n'
        "https://press.example/2,A call,2022-05-05,The two presidents spoke by phone about grain exports.\n"
    )
    path = write("press.csv", csv_text)
    mapping = {"text": "body", "title": "headline", "published_at": "date", "url": "link"}
    summary = load_paths([path], db=db, mapping=mapping, progress=False)
    assert (summary.new, summary.rejected) == (2, 0)
    rows = query("select url, title, published_at::varchar, body from raw.articles order by url")
    assert rows[0][:3] == ("https://press.example/1", "Talks in Rome", "2022-05-04 10:00:00")
    assert rows[0][3].endswith("The talks lasted two hours.")


def test_csv_headers_recognised_without_mapping(write, db, query):
    csv_text = "Headline;Body;Published\nA visit;The Czech premier visited Kyiv on Friday.;2023-04-07\n"
    summary = load_paths([write("semi.csv", csv_text)], db=db, progress=False)
    assert summary.new == 1
    assert query("select title, published_at::date::varchar from raw.articles") == [("A visit", "2023-04-07")]


def test_html_page_via_trafilatura(write, db, query):
    summary = load_paths([write("drone-deal.html", PAGE)], db=db, progress=False)
    assert summary.new == 1
    row = query(
        "select external_id, title, author, published_at::date::varchar, body, raw_html from raw.articles"
    )[0]
    assert row[0] == "drone-deal"
    assert row[1] == "Finland and Ukraine sign a drone deal"
    assert row[2] == "Maria Example"
    assert row[3] == "2024-03-05"
    assert "first joint" in row[4] and "Home | World" not in row[4]
    assert row[5] == PAGE


def test_gz_and_directories_recursive(tmp_path, write, db, query):
    write("nested/deeper/one.txt", SEED_SHAPED)
    gz = tmp_path / "input" / "nested" / "two.jsonl.gz"
    gz.write_bytes(gzip.compress(b'{"id": "z", "text": "Slovakia delivered winter clothing to Kharkiv."}\n'))
    write("nested/notes.docx", b"PK\x03\x04 not an article")
    summary = load_paths([tmp_path / "input"], db=db, progress=False)
    assert (summary.new, summary.files, summary.skipped) == (2, 2, 1)
    assert sorted(r[0] for r in query("select external_id from raw.articles")) == ["one", "z"]
    reasons = query("select reason from raw.rejected_records")
    assert reasons == [("skipped: not a known article format",)]


def test_text_without_labels_keeps_every_line_in_the_body(write, db, query):
    text = "Spain sends tents to Kharkiv\n\nThe Spanish government sent 300 winter tents on Friday.\n"
    load_paths([write("plain.txt", text)], db=db, progress=False)
    assert query("select title, body from raw.articles") == [("Spain sends tents to Kharkiv", text)]
