"""Finding the files behind the given paths and routing each to its format's parser."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from loaders.csvfile import parse_csv
from loaders.feeds import parse_feed
from loaders.gz import DecompressError, gunzip_bounded
from loaders.html import parse_html
from loaders.jsonl import parse_json, parse_jsonl
from loaders.records import MAX_FILE_BYTES, RawRecord, Rejection, reject
from loaders.text import parse_text
from loaders.warc import parse_warc

Parser = Callable[[bytes, str, str], Iterator[RawRecord | Rejection]]

EXTENSION_KINDS = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".feed": "feed",
    ".warc": "warc",
    ".arc": "warc",
    ".gz": "gz",
}
_MAX_GZ_DEPTH = 2


def sniff_kind(data: bytes) -> str:
    """Return the format of bytes with no telling extension, judged from how they start."""
    if data[:2] == b"\x1f\x8b":
        return "gz"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"warc/", b"filedesc://")):
        return "warc"
    if head[:1] in (b"{", b"["):
        return "json"
    if head.startswith(b"<"):
        return "feed" if any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")) else "html"
    return "text"


def kind_of(name: str, data: bytes) -> str:
    """Return the format of a file: from its extension when known, else sniffed from its bytes."""
    suffix = os.path.splitext(name.lower())[1]
    kind = EXTENSION_KINDS.get(suffix)
    if kind == "feed" and not any(tag in data[:2048].lower() for tag in (b"<rss", b"<feed", b"<rdf")):
        return sniff_kind(data)  # an .xml that is not a feed: judge by content
    if kind == "json" and b"jsonfeed.org" in data[:4096]:
        return "feed"
    return kind or sniff_kind(data)


def parse_bytes(
    data: bytes,
    source_path: str,
    name: str,
    mapping: Mapping[str, str] | None = None,
    *,
    kind: str | None = None,
    depth: int = 0,
) -> Iterator[RawRecord | Rejection]:
    """Yield the records and rejections of one file's bytes; never raises for bad input."""
    if not data.strip():
        yield reject(source_path, None, "empty file", data)
        return
    kind = kind or kind_of(name, data)
    if kind == "gz":
        if depth >= _MAX_GZ_DEPTH:
            yield reject(source_path, None, "gzip nested too deeply", data[:4096])
            return
        try:
            inner = gunzip_bounded(data)
        except DecompressError as exc:
            yield reject(source_path, None, str(exc), data[:4096])
            return
        inner_name = name[:-3] if name.lower().endswith(".gz") else name + ".unzipped"
        yield from parse_bytes(inner, source_path, inner_name, mapping, depth=depth + 1)
        return
    parsers: dict[str, Parser] = {
        "text": parse_text,
        "html": parse_html,
        "feed": parse_feed,
        "warc": parse_warc,
    }
    if kind in ("jsonl", "json", "csv"):
        structured = {"jsonl": parse_jsonl, "json": parse_json, "csv": parse_csv}[kind]
        yield from structured(data, source_path, name, mapping)
    else:
        yield from parsers[kind](data, source_path, name)


def iter_files(paths: list[str | Path]) -> Iterator[Path | Rejection]:
    """Yield every file under the given paths (directories recursively, sorted, hidden ones skipped)."""
    for given in paths:
        path = Path(given).expanduser()
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for file in sorted(files):
                    if file.startswith("."):
                        continue
                    candidate = Path(root) / file
                    if _known_in_directory(candidate.name):
                        yield candidate.resolve()
                    else:
                        yield reject(
                            str(candidate.resolve()),
                            None,
                            "skipped: not a known article format",
                            skipped=True,
                        )
        elif path.is_file():
            yield path.resolve()
        else:
            yield reject(str(path.absolute()), None, "no such file or directory")


def _known_in_directory(name: str) -> bool:
    """Return True for a file name whose extension (ignoring .gz) is one the loaders read."""
    lowered = name.lower().removesuffix(".gz")
    return os.path.splitext(lowered)[1] in EXTENSION_KINDS


def read_file(path: Path) -> bytes | Rejection:
    """Return a file's bytes, or a rejection when it is unreadable or larger than MAX_FILE_BYTES."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return reject(str(path), None, f"file of {size} bytes exceeds {MAX_FILE_BYTES}; split it")
        return path.read_bytes()
    except OSError as exc:
        return reject(str(path), None, f"unreadable: {exc.strerror or exc}")
