"""The loaders' entry point: load_paths() reads files, feeds and archives into raw.* in one transaction."""

from __future__ import annotations

import contextlib
import sys
import time
import urllib.request
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb
from tqdm import tqdm

from loaders.records import MAX_FILE_BYTES, Rejection, reject
from loaders.sources import iter_files, parse_bytes, read_file
from loaders.writer import Counts, RawWriter, ensure_schema, utc_now
from newsfacts.db import DEFAULT_LOCK_TIMEOUT_S, connect
from newsfacts.paths import database_path

FEED_FETCH_TIMEOUT_S = 30.0


@dataclass(frozen=True, slots=True)
class LoadSummary:
    """What one load did: its counts, batch id and status (succeeded | nothing_read)."""

    batch_id: str
    status: str
    read: int
    new: int
    duplicate: int
    updated: int
    rejected: int
    skipped: int
    files: int
    seconds: float
    db_path: str

    @property
    def ok(self) -> bool:
        """Return True when at least one record could be read (landed, or was already there)."""
        return self.status == "succeeded"

    def line(self) -> str:
        """Return the one-line summary the CLI prints."""
        skipped = f", {self.skipped} skipped" if self.skipped else ""
        return (
            f"{self.status}: {self.read} records from {self.files} files — {self.new} new, "
            f"{self.duplicate} duplicate, {self.updated} updated, {self.rejected} rejected{skipped} "
            f"(batch {self.batch_id[:12]}, {self.seconds:.1f}s) → {self.db_path}"
        )


def fetch_feed(url: str, timeout_s: float = FEED_FETCH_TIMEOUT_S) -> bytes | Rejection:
    """Return the bytes of a feed URL (bounded in size and time), or a rejection saying why not."""
    try:
        request = urllib.request.Request(url, headers={"User-Agent": "newsfacts-loader"})
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            data = response.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as exc:
        return reject(url, None, f"feed could not be fetched: {exc}")
    if len(data) > MAX_FILE_BYTES:
        return reject(url, None, f"feed larger than {MAX_FILE_BYTES} bytes")
    return data


def load_paths(
    paths: list[str | Path],
    *,
    db: str | Path | None = None,
    source: str | None = None,
    mapping: Mapping[str, str] | None = None,
    progress: bool = True,
    feed_urls: list[str] | None = None,
    lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S,
    on_wait: Callable[[str], None] | None = None,
    on_flush: Callable[[Counts], None] | None = None,
) -> LoadSummary:
    """Return the summary of loading files, directories and feed URLs into raw.* as one transaction."""
    started = time.monotonic()
    given = [str(p) for p in paths] + list(feed_urls or [])
    batch_id = uuid.uuid4().hex
    con = connect(db, lock_timeout_s=lock_timeout_s, on_wait=on_wait)
    try:
        ensure_schema(con)
        con.begin()
        writer = RawWriter(con, batch_id, source, utc_now())
        writer.start(given)
        files = _load_all(writer, paths, feed_urls or [], mapping, progress, on_flush)
        writer.flush()
        c = writer.counts
        status = "succeeded" if c.new + c.duplicate + c.updated > 0 else "nothing_read"
        writer.finish(status)
        con.commit()
    except BaseException:
        # No transaction is open when the schema step itself failed; the original error is what matters.
        with contextlib.suppress(duckdb.Error):
            con.rollback()
        _record_failed_batch(con, batch_id, source, given)
        raise
    finally:
        con.close()
    return LoadSummary(
        batch_id=batch_id,
        status=status,
        read=c.read,
        new=c.new,
        duplicate=c.duplicate,
        updated=c.updated,
        rejected=c.rejected,
        skipped=c.skipped,
        files=files,
        seconds=time.monotonic() - started,
        db_path=str(database_path(db)),
    )


def _load_all(
    writer: RawWriter,
    paths: list[str | Path],
    feed_urls: list[str],
    mapping: Mapping[str, str] | None,
    progress: bool,
    on_flush: Callable[[Counts], None] | None,
) -> int:
    """Parse every input into the writer and return how many files or feeds were opened."""
    targets = list(iter_files(paths))
    total = sum(_size(t) for t in targets if isinstance(t, Path)) or None
    files = 0
    # delay: short loads never show a bar; disable when the caller asked for quiet.
    with tqdm(
        total=total,
        unit="B",
        unit_scale=True,
        file=sys.stderr,
        disable=not progress,
        delay=2.0,
        desc="loading",
    ) as bar:
        for target in targets:
            if isinstance(target, Rejection):
                writer.add(target)
                continue
            files += 1
            data = read_file(target)
            if isinstance(data, Rejection):
                writer.add(data)
                continue
            _parse_into(writer, data, str(target), target.name, mapping, None, on_flush)
            bar.update(len(data))
            bar.set_postfix(
                new=writer.counts.new, dup=writer.counts.duplicate, rej=writer.counts.rejected, refresh=False
            )
        for url in feed_urls:
            files += 1
            fetched = fetch_feed(url)
            if isinstance(fetched, Rejection):
                writer.add(fetched)
                continue
            _parse_into(writer, fetched, url, url, mapping, "feed", on_flush)
    return files


def _size(path: Path) -> int:
    """Return a file's size, 0 when it vanished (read_file reports that as a rejection)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _parse_into(
    writer: RawWriter,
    data: bytes,
    source_path: str,
    name: str,
    mapping: Mapping[str, str] | None,
    kind: str | None,
    on_flush: Callable[[Counts], None] | None,
) -> None:
    """Feed one file's records to the writer; a parser crash becomes a rejection, never a traceback."""
    locator = None
    try:
        for item in parse_bytes(data, source_path, name, mapping, kind=kind):
            locator = item.record_locator
            before = writer.counts.read + writer.counts.skipped
            writer.add(item)
            if on_flush is not None and before % 1000 == 999:
                on_flush(writer.counts)
    except Exception as exc:  # any parser bug must not cost the other files their load
        reason = f"internal parser error after {locator or 'the start'}: {type(exc).__name__}: {exc}"
        writer.add(reject(source_path, None, reason, data[:4096]))
    if on_flush is not None:
        writer.flush()
        on_flush(writer.counts)


def _record_failed_batch(con: object, batch_id: str, source: str | None, given: list[str]) -> None:
    """Leave one 'failed' batch row after a rolled-back load, when the connection still allows it."""
    # The original error matters more than this bookkeeping row, so its own failure is swallowed.
    with contextlib.suppress(Exception):
        con.execute(  # type: ignore[attr-defined]
            "insert into raw.load_batches (batch_id, source_name, paths, started_at, finished_at, status) "
            "values (?, ?, ?, ?, ?, 'failed')",
            [batch_id, source, given, utc_now(), utc_now()],
        )
