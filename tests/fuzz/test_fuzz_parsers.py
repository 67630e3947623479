"""Every parser survives hostile input: no exception, no hang, every failure is a rejection with a reason."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import fuzz_strategies as S
import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders import load_paths
from loaders.csvfile import parse_csv
from loaders.feeds import parse_feed
from loaders.html import parse_html
from loaders.jsonl import parse_json, parse_jsonl
from loaders.records import RawRecord, Rejection
from loaders.sources import parse_bytes
from loaders.text import parse_text
from loaders.warc import parse_warc

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:feedparser")
SECONDS_PER_INPUT = 20.0  # "no hang": generous for a slow CI core, far below a real hang


def _check(items: Iterator[RawRecord | Rejection]) -> list[RawRecord | Rejection]:
    """Return the parsed items after asserting each is a well-formed record or rejection."""
    started = time.monotonic()
    out = list(items)
    assert time.monotonic() - started < SECONDS_PER_INPUT
    for item in out:
        if isinstance(item, Rejection):
            assert item.reason and item.source_path
            assert not item.reason.startswith("internal parser error"), item.reason
            assert item.original is None or len(item.original) <= 64 * 1024
        else:
            assert isinstance(item, RawRecord) and isinstance(item.body, str) and item.body.strip()
    return out


PARSERS: dict[str, tuple[Callable, st.SearchStrategy[bytes], str]] = {
    "text": (parse_text, S.text_files(), "f.txt"),
    "jsonl": (parse_jsonl, S.jsonl_files(), "f.jsonl"),
    "json": (parse_json, S.json_files(), "f.json"),
    "csv": (parse_csv, S.csv_files(), "f.csv"),
    "html": (parse_html, S.html_files(), "f.html"),
    "feed": (parse_feed, S.feed_files(), "f.xml"),
    "warc": (parse_warc, S.warc_files(), "f.warc"),
    "gz": (parse_bytes, S.gzip_files(), "f.txt.gz"),
}


@pytest.mark.parametrize("kind", sorted(PARSERS))
def test_parser_survives_generated_input(kind, fuzz):
    parser, strategy, name = PARSERS[kind]

    @fuzz
    @given(data=strategy)
    def run(data: bytes) -> None:
        _check(parser(data, "/fuzz/" + name, name))

    run()


@pytest.mark.parametrize("kind", sorted(PARSERS))
def test_parser_survives_random_bytes(kind, fuzz):
    parser, _, name = PARSERS[kind]

    @fuzz
    @given(data=st.binary(max_size=3000))
    def run(data: bytes) -> None:
        _check(parser(data, "/fuzz/" + name, name))

    run()


def test_dispatch_by_sniffing_survives_anything(fuzz):
    anything = st.one_of(
        S.text_files(),
        S.json_files(),
        S.html_files(),
        S.feed_files(),
        S.warc_files(),
        S.gzip_files(),
        S.csv_files(),
    )

    @fuzz
    @given(data=anything, name=st.sampled_from(["noext", "a.dat", "b.xml", "c.json", "d.gz", "e.warc.gz"]))
    def run(data: bytes, name: str) -> None:
        _check(parse_bytes(data, "/fuzz/" + name, name))

    run()


def test_loading_fuzzed_files_lands_every_good_record(tmp_path_factory, fuzz_examples, fuzz):
    """Through the writer too: hostile strings (surrogates, NULs) store; counts always add up."""
    db = tmp_path_factory.mktemp("fuzzdb") / "fuzz.duckdb"
    folder = tmp_path_factory.mktemp("fuzzin")
    counter = iter(range(10**9))

    @fuzz.__class__(fuzz, max_examples=max(10, fuzz_examples // 50))
    @given(files=st.lists(st.tuples(st.sampled_from(sorted(PARSERS)), st.data()), min_size=1, max_size=3))
    def run(files: list) -> None:
        paths = []
        expected_good = 0
        for kind, data in files:
            _, strategy, name = PARSERS[kind]
            content = data.draw(strategy)
            path = folder / f"{next(counter)}-{name}"
            path.write_bytes(content)
            paths.append(path)
            expected_good += sum(
                isinstance(i, RawRecord) for i in _check(parse_bytes(content, str(path), name))
            )
        summary = load_paths(paths, db=db, progress=False, lock_timeout_s=5)
        assert summary.read == summary.new + summary.duplicate + summary.updated + summary.rejected
        blank = summary.read - summary.rejected  # records that reached the writer
        assert summary.new + summary.duplicate + summary.updated == blank <= expected_good

    run()
