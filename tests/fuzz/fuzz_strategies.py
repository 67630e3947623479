"""Hypothesis strategies for hostile loader input: well-formed documents, then mangled."""

from __future__ import annotations

import gzip
import io
import json
from xml.sax.saxutils import escape

from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

FIELD_NAMES = [
    "id",
    "url",
    "outlet",
    "title",
    "published_at",
    "text",
    "html",
    "body",
    "headline",
    "date",
    "link",
    "author",
    "Category",
    "",
    "\ufeffid",
    "TEXT",
]
# Short texts with the characters parsers trip on: quotes, delimiters, markup, controls, surrogates.
nasty_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(",;\t|\"'\n\r<>&/=\\{}[]:\x00\x0b\x1b\ufeff\u2028\u00a0")),
        st.characters(blacklist_categories=()),
    ),
    max_size=200,
)
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), nasty_text)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(nasty_text, inner, max_size=4)),
    max_leaves=12,
)
article_objects = st.dictionaries(st.sampled_from(FIELD_NAMES), json_values, max_size=8)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "utf-32"])


@st.composite
def mangled(draw: st.DrawFn, data: bytes) -> bytes:
    """Return the bytes, maybe truncated, with a few bytes flipped or inserted."""
    out = bytearray(data)
    if out and draw(st.booleans()):
        del out[draw(st.integers(0, len(out))) :]
    for _ in range(draw(st.integers(0, 3))):
        if not out:
            break
        position = draw(st.integers(0, len(out) - 1))
        if draw(st.booleans()):
            out[position] = draw(st.integers(0, 255))
        else:
            out[position:position] = draw(st.binary(min_size=1, max_size=8))
    return bytes(out)


def _encode(text: str, encoding: str) -> bytes:
    return (
        text.encode(encoding, errors="replace")
        if encoding != "utf-8"
        else text.encode("utf-8", "surrogatepass")
    )


@st.composite
def text_files(draw: st.DrawFn) -> bytes:
    """Seed-shaped or free text in one of several encodings, maybe mangled, or raw bytes."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=2000))
    parts = [draw(nasty_text)]
    if draw(st.booleans()):
        parts += ["Category", draw(nasty_text), "Publication date", draw(nasty_text)]
    parts += draw(st.lists(nasty_text, max_size=6))
    return draw(mangled(_encode("\n".join(parts), draw(encodings))))


@st.composite
def jsonl_files(draw: st.DrawFn) -> bytes:
    """JSON Lines of article-like objects and other values, with junk lines, maybe mangled."""
    lines = [
        json.dumps(draw(st.one_of(article_objects, json_values)), ensure_ascii=draw(st.booleans()))
        for _ in range(draw(st.integers(0, 6)))
    ]
    lines += draw(st.lists(nasty_text, max_size=2))
    order = draw(st.permutations(lines))
    return draw(mangled(_encode("\n".join(order), draw(encodings))))


@st.composite
def json_files(draw: st.DrawFn) -> bytes:
    """A JSON document: a list, a wrapper object or a single object of article-like values."""
    items = draw(st.lists(st.one_of(article_objects, json_values), max_size=5))
    shape = draw(st.sampled_from(["list", "wrapped", "single", "feed"]))
    if shape == "wrapped":
        document: object = {draw(st.sampled_from(["articles", "items", "data"])): items}
    elif shape == "single":
        document = items[0] if items else {}
    elif shape == "feed":
        document = {"version": "https://jsonfeed.org/version/1.1", "title": draw(nasty_text), "items": items}
    else:
        document = items
    return draw(mangled(json.dumps(document).encode("utf-8")))


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    """A delimited file with a header of field names and ragged, quoted, multi-line cells."""
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    header = draw(st.lists(st.sampled_from(FIELD_NAMES), min_size=1, max_size=6))
    rows = [delimiter.join(header)]
    for _ in range(draw(st.integers(0, 6))):
        cells = draw(st.lists(nasty_text, max_size=len(header) + 2))
        rows.append(
            delimiter.join('"' + c.replace('"', '""') + '"' if draw(st.booleans()) else c for c in cells)
        )
    return draw(mangled(_encode("\n".join(rows), draw(encodings))))


TAGS = [
    "html",
    "head",
    "title",
    "meta",
    "body",
    "article",
    "p",
    "div",
    "h1",
    "script",
    "style",
    "a",
    "br",
    "nav",
    "footer",
    "table",
    "tr",
    "td",
    "span",
    "time",
    "main",
]


@st.composite
def html_fragments(draw: st.DrawFn, depth: int = 0) -> str:
    """A random tag soup: nested, unclosed and mis-nested elements with attributes and text."""
    pieces = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 4 and draw(st.booleans()):
            tag = draw(st.sampled_from(TAGS))
            attrs = draw(
                st.sampled_from(
                    [
                        "",
                        ' class="content"',
                        ' property="og:title" content="X"',
                        ' name="author" content="A"',
                        ' datetime="2024-02-30"',
                        " hidden",
                    ]
                )
            )
            inner = draw(html_fragments(depth=depth + 1))
            close = f"</{tag}>" if draw(st.booleans()) else ""
            pieces.append(f"<{tag}{attrs}>{inner}{close}")
        else:
            pieces.append(draw(nasty_text))
    return "".join(pieces)


@st.composite
def html_files(draw: st.DrawFn) -> bytes:
    """An HTML page built from tag soup, maybe with a charset declaration, maybe mangled."""
    charset = draw(
        st.sampled_from(
            ["", '<meta charset="utf-8">', '<meta charset="iso-8859-2">', '<meta charset="no-such-codec">']
        )
    )
    page = f"<!doctype html><html><head>{charset}</head><body>{draw(html_fragments())}</body></html>"
    return draw(mangled(_encode(page, draw(encodings))))


@st.composite
def feed_files(draw: st.DrawFn) -> bytes:
    """An RSS 2.0, RSS 1.0 or Atom document with hostile field values, maybe mangled."""
    kind = draw(st.sampled_from(["rss", "rdf", "atom"]))
    items = []
    for _ in range(draw(st.integers(0, 4))):
        title, summary, link = (escape(draw(nasty_text)) for _ in range(3))
        raw = draw(html_fragments()) if draw(st.booleans()) else ""
        if kind == "atom":
            items.append(
                f'<entry><title>{title}</title><id>{link}</id><link href="{link}"/>'
                f'<content type="html">{escape(raw) or summary}</content><updated>{summary}</updated></entry>'
            )
        else:
            items.append(
                f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
                f"<description>{escape(raw) or summary}</description><pubDate>{title}</pubDate></item>"
            )
    body = "".join(items)
    if kind == "atom":
        doc = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>{body}</feed>'
    elif kind == "rdf":
        doc = (
            '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            f'xmlns="http://purl.org/rss/1.0/"><channel><title>t</title></channel>{body}</rdf:RDF>'
        )
    else:
        doc = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{body}</channel></rss>'
    return draw(mangled(doc.encode("utf-8", "surrogatepass")))


@st.composite
def warc_files(draw: st.DrawFn) -> bytes:
    """A WARC (maybe gzipped per record) of responses with random status, type and payload, maybe mangled."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=draw(st.booleans()))
    for number in range(draw(st.integers(0, 4))):
        status = draw(st.sampled_from(["200 OK", "404 Not Found", "301 Moved", "500 Oops", "200"]))
        ctype = draw(
            st.sampled_from(
                [
                    "text/html",
                    "text/html; charset=latin-1",
                    "image/png",
                    "",
                    "text/plain",
                    "application/xhtml+xml; charset=bogus",
                ]
            )
        )
        payload = draw(st.one_of(html_files(), st.binary(max_size=300)))
        headers = StatusAndHeaders(status, [("Content-Type", ctype)] if ctype else [], protocol="HTTP/1.1")
        # Fixed record id and date: hypothesis needs the same bytes for the same draws.
        fixed = {
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>",
            "WARC-Date": "2024-01-01T00:00:00Z",
        }
        record = writer.create_warc_record(
            f"https://fuzz.example/{number}",
            "response",
            payload=io.BytesIO(payload),
            http_headers=headers,
            warc_headers_dict=fixed,
        )
        writer.write_record(record)
    return draw(mangled(buffer.getvalue()))


@st.composite
def gzip_files(draw: st.DrawFn) -> bytes:
    """Gzip (single, multi-member or nested) of any of the other inputs, maybe truncated or corrupted."""
    inner = draw(st.one_of(text_files(), jsonl_files(), st.binary(max_size=500)))
    packed = gzip.compress(inner, mtime=0)
    if draw(st.booleans()):
        packed += gzip.compress(draw(st.binary(max_size=100)), mtime=0)
    if draw(st.booleans()):
        packed = gzip.compress(packed, mtime=0)
    return draw(mangled(packed))
