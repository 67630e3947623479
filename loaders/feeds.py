"""RSS 0.9x/1.0/2.0 and Atom (feedparser) and JSON Feed: one article per item."""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser

import feedparser

from loaders.decode import DecodeError, decode_bytes
from loaders.records import RawRecord, Rejection, clean_value, reject

_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "tr",
        "section",
        "article",
        "figure",
        "figcaption",
        "pre",
        "hr",
    }
)
_SKIP_TAGS = frozenset({"script", "style"})


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment, with a paragraph break at block tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self.skipping:
            self.skipping -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_fragment_text(fragment: str) -> str:
    """Return the plain text of an HTML fragment (a feed summary), paragraphs separated by blank lines."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    paragraphs = ("".join(collector.parts)).split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _item_record(
    source_path: str,
    locator: str,
    *,
    guid: object,
    link: object,
    title: object,
    content: object,
    author: object,
    published: object,
    outlet: str | None,
) -> RawRecord | Rejection:
    """Return the record for one feed item (headline + summary or content), or a rejection if it has none."""
    raw_content = content if isinstance(content, str) else None
    summary = html_fragment_text(raw_content) if raw_content else ""
    headline = html_fragment_text(str(title)) if clean_value(title) else ""
    # A summary alone is not the story: feeds reuse series blurbs ("Our guide to the week ahead") across
    # different items, so the headline leads the body and keeps distinct items distinct.
    parts = [headline] if headline and not summary.startswith(headline) else []
    body = "\n\n".join([*parts, summary] if summary else parts)
    if not body:
        original = json.dumps({"guid": str(guid), "link": str(link)}).encode()
        return reject(source_path, locator, "feed item has no title, summary or content", original)
    return RawRecord(
        body=body,
        source_kind="feed",
        source_path=source_path,
        record_locator=locator,
        external_id=clean_value(guid) or clean_value(link),
        url=clean_value(link),
        outlet=outlet,
        title=headline or None,
        author=clean_value(author),
        published_at_raw=clean_value(published),
        raw_html=raw_content if raw_content and "<" in raw_content else None,
    )


def is_json_feed(value: object) -> bool:
    """Return True for a parsed JSON document that is a JSON Feed (jsonfeed.org)."""
    return isinstance(value, dict) and "jsonfeed.org" in str(value.get("version", ""))


def parse_json_feed(value: dict, source_path: str) -> Iterator[RawRecord | Rejection]:
    """Yield one record or rejection per item of a parsed JSON Feed."""
    outlet = clean_value(value.get("title"))
    items = value.get("items")
    if not isinstance(items, list) or not items:
        yield reject(source_path, None, "JSON Feed has no items")
        return
    for number, item in enumerate(items, start=1):
        locator = f"item {number}"
        if not isinstance(item, dict):
            yield reject(source_path, locator, f"JSON Feed item is a {type(item).__name__}, not an object")
            continue
        authors = item.get("authors") if isinstance(item.get("authors"), list) else [item.get("author")]
        first = authors[0] if authors else None
        author = first.get("name") if isinstance(first, dict) else None
        yield _item_record(
            source_path,
            locator,
            guid=item.get("id"),
            link=item.get("url"),
            title=item.get("title"),
            content=item.get("content_html") or item.get("content_text") or item.get("summary"),
            author=author,
            published=item.get("date_published") or item.get("date_modified"),
            outlet=outlet,
        )


def parse_feed(data: bytes, source_path: str, name: str) -> Iterator[RawRecord | Rejection]:
    """Yield one record or rejection per item of an RSS, Atom or JSON feed; a non-feed is one rejection."""
    if data.lstrip()[:1] in (b"{", b"["):
        try:
            text, _ = decode_bytes(data)
            value = json.loads(text)
        except (DecodeError, json.JSONDecodeError, RecursionError) as exc:
            yield reject(source_path, None, f"not a feed: unreadable JSON ({exc})", data)
            return
        if not is_json_feed(value):
            yield reject(source_path, None, "not a feed: JSON without a jsonfeed.org version", data)
            return
        yield from parse_json_feed(value, source_path)
        return
    try:
        parsed = feedparser.parse(data)
    # feedparser's strict XML path raises on some malformed documents (a mangled namespace URI gives a
    # ValueError); whatever it raises, the file is not a readable feed.
    except Exception as exc:
        yield reject(source_path, None, f"not a readable feed: {type(exc).__name__}: {exc}", data)
        return
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        reason = f"not a feed, or a feed without items: {problem}" if problem else "feed has no items"
        yield reject(source_path, None, reason, data)
        return
    outlet = clean_value(parsed.get("feed", {}).get("title"))
    for number, entry in enumerate(entries, start=1):
        contents = entry.get("content") or []
        content = contents[0].get("value") if contents and isinstance(contents[0], dict) else None
        yield _item_record(
            source_path,
            f"item {number}",
            guid=entry.get("id"),
            link=entry.get("link"),
            title=entry.get("title"),
            content=content or entry.get("summary"),
            author=entry.get("author"),
            published=entry.get("published") or entry.get("updated"),
            outlet=outlet,
        )
