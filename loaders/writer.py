"""Writing the raw tables: hashing, de-duplication, versioning and rejections, inside one transaction."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from loaders.records import (
    RawRecord,
    Rejection,
    hash_normalised,
    normalise_body,
    parse_published,
    reject,
    scrub,
)

SCHEMA_SQL = Path(__file__).with_name("raw_schema.sql")
FLUSH_RECORDS = 2000
FLUSH_BYTES = 64 * 1024 * 1024
_KEY_SEP = "\x1f"

_ARTICLE_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("external_id", pa.string()),
        ("url", pa.string()),
        ("outlet", pa.string()),
        ("title", pa.string()),
        ("author", pa.string()),
        ("published_at_raw", pa.string()),
        ("published_at", pa.timestamp("us")),
        ("category", pa.string()),
        ("body", pa.string()),
        ("raw_html", pa.string()),
        ("source_kind", pa.string()),
        ("source_path", pa.string()),
        ("record_locator", pa.string()),
        ("version_of", pa.string()),
        ("batch_id", pa.string()),
        ("loaded_at", pa.timestamp("us")),
        ("source_name", pa.string()),
        ("crawled_at", pa.timestamp("us")),
        ("load_note", pa.string()),
        ("record_seq", pa.int64()),
        ("version_key", pa.string()),
    ]
)
_REJECTED_SCHEMA = pa.schema(
    [
        ("rejection_id", pa.string()),
        ("batch_id", pa.string()),
        ("source_path", pa.string()),
        ("record_locator", pa.string()),
        ("reason", pa.string()),
        ("original_bytes", pa.binary()),
        ("original_size", pa.int64()),
        ("rejected_at", pa.timestamp("us")),
    ]
)


def utc_now() -> datetime:
    """Return the current time as a naive UTC datetime (how the warehouse stores timestamps)."""
    return datetime.now(UTC).replace(tzinfo=None)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the raw schema and tables when missing (idempotent)."""
    con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))


def rejection_id(rej: Rejection) -> str:
    """Return the key of a rejected record: a hash of where it was, why, and its bytes."""
    digest = hashlib.sha256()
    for part in (rej.source_path, rej.record_locator or "", rej.reason):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    digest.update(rej.original or b"")
    return digest.hexdigest()[:32]


@dataclass(slots=True)
class Counts:
    """Running counts of one load."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    updated: int = 0
    rejected: int = 0
    skipped: int = 0


@dataclass
class RawWriter:
    """Buffers records of one load batch and writes them into the open transaction in chunks."""

    con: duckdb.DuckDBPyConnection
    batch_id: str
    source_name: str | None
    loaded_at: datetime
    counts: Counts = field(default_factory=Counts)
    _records: list[RawRecord] = field(default_factory=list)
    _rejections: dict[str, Rejection] = field(default_factory=dict)
    _buffered_bytes: int = 0
    _seq: int = 0

    def start(self, paths: list[str]) -> None:
        """Insert this load's batch row (status running; the same transaction later finishes it)."""
        self.con.execute(
            "insert into raw.load_batches (batch_id, source_name, paths, started_at, status) "
            "values (?, ?, ?, ?, 'running')",
            [self.batch_id, self.source_name, paths, self.loaded_at],
        )

    def add(self, item: RawRecord | Rejection) -> None:
        """Buffer one record or rejection, flushing to the database when the buffer is full."""
        if isinstance(item, Rejection):
            self._note_rejection(item)
        else:
            self._records.append(item)
            self._buffered_bytes += len(item.body) + len(item.raw_html or "")
        if len(self._records) + len(self._rejections) >= FLUSH_RECORDS or self._buffered_bytes >= FLUSH_BYTES:
            self.flush()

    def _note_rejection(self, item: Rejection) -> None:
        """Count and buffer one rejection (skips are counted apart from errors)."""
        if item.skipped:
            self.counts.skipped += 1
        else:
            self.counts.read += 1
            self.counts.rejected += 1
        self._rejections.setdefault(rejection_id(item), item)

    def flush(self) -> None:
        """Write the buffered records (new bodies and new versions) and rejections."""
        records, self._records, self._buffered_bytes = self._records, [], 0
        rows = self._resolve(records)
        if rows:
            table = pa.Table.from_pylist(rows, schema=_ARTICLE_SCHEMA)
            self.con.register("_nf_chunk", table)
            columns = ", ".join(_ARTICLE_SCHEMA.names)
            self.con.execute(f"insert into raw.articles ({columns}) select {columns} from _nf_chunk")
            self.con.unregister("_nf_chunk")
        self._flush_rejections()

    def finish(self, status: str) -> None:
        """Flush what is left and record the batch's counts and status."""
        self.flush()
        c = self.counts
        self.con.execute(
            "update raw.load_batches set finished_at = ?, status = ?, n_read = ?, n_new = ?, "
            "n_duplicate = ?, n_updated = ?, n_rejected = ?, n_skipped = ? where batch_id = ?",
            [utc_now(), status, c.read, c.new, c.duplicate, c.updated, c.rejected, c.skipped, self.batch_id],
        )

    def _flush_rejections(self) -> None:
        """Insert buffered rejections; one already stored from an earlier load is left as it is."""
        if not self._rejections:
            return
        rows = [
            {
                "rejection_id": key,
                "batch_id": self.batch_id,
                "source_path": scrub(rej.source_path),
                "record_locator": scrub(rej.record_locator or "") or None,
                "reason": scrub(rej.reason),
                "original_bytes": rej.original,
                "original_size": rej.original_size,
                "rejected_at": self.loaded_at,
            }
            for key, rej in self._rejections.items()
        ]
        self._rejections = {}
        self.con.register("_nf_rejected", pa.Table.from_pylist(rows, schema=_REJECTED_SCHEMA))
        columns = ", ".join(_REJECTED_SCHEMA.names)
        self.con.execute(
            f"insert or ignore into raw.rejected_records ({columns}) select {columns} from _nf_rejected"
        )
        self.con.unregister("_nf_rejected")

    def _resolve(self, records: list[RawRecord]) -> list[dict[str, object]]:
        """Return the rows to insert: drop duplicates, link new versions to the latest earlier one."""
        keyed: list[tuple[RawRecord, str]] = []
        for rec in records:
            rec.body = scrub(rec.body)
            normalised = normalise_body(rec.body)
            if not normalised:
                self._note_rejection(
                    reject(rec.source_path, rec.record_locator, "record has no text (blank body)")
                )
                continue
            keyed.append((rec, hash_normalised(normalised)))
        if not keyed:
            return []
        existing = self._existing_ids([aid for _, aid in keyed])
        ext_heads, url_heads = self._heads(keyed)
        rows: list[dict[str, object]] = []
        for rec, aid in keyed:
            self.counts.read += 1
            if aid in existing:
                self.counts.duplicate += 1
                continue
            existing.add(aid)
            ext_key = self._ext_key(rec)
            previous = (ext_heads.get(ext_key) if ext_key else None) or (
                url_heads.get(rec.url) if rec.url else None
            )
            if previous:
                self.counts.updated += 1
            else:
                self.counts.new += 1
            if ext_key:
                ext_heads[ext_key] = aid
            if rec.url:
                url_heads[rec.url] = aid
            self._seq += 1
            rows.append(self._row(rec, aid, previous))
        return rows

    def _ext_key(self, rec: RawRecord) -> str | None:
        """Return the versioning key of a record's external id: source name, then scope (folder), then id."""
        if not rec.external_id:
            return None
        return _KEY_SEP.join((self.source_name or "", rec.version_scope or "", rec.external_id))

    def _existing_ids(self, ids: list[str]) -> set[str]:
        """Return which of the given article ids are already stored (earlier loads or earlier chunks)."""
        self.con.register("_nf_ids", pa.table({"article_id": pa.array(ids, pa.string())}))
        found = self.con.execute(
            "select a.article_id from raw.articles a join _nf_ids i on a.article_id = i.article_id"
        ).fetchall()
        self.con.unregister("_nf_ids")
        return {row[0] for row in found}

    def _heads(self, keyed: list[tuple[RawRecord, str]]) -> tuple[dict[str, str], dict[str, str]]:
        """Return the latest stored article per external-id key and per url among the chunk's keys."""
        keys = sorted({key for rec, _ in keyed if (key := self._ext_key(rec))})
        urls = sorted({rec.url for rec, _ in keyed if rec.url})
        ext_heads: dict[str, str] = {}
        url_heads: dict[str, str] = {}
        if keys:
            self.con.register("_nf_ext", pa.table({"version_key": pa.array(keys, pa.string())}))
            for key, aid in self.con.execute(
                "select a.version_key, arg_max(a.article_id, (a.loaded_at, coalesce(a.record_seq, 0))) "
                "from raw.articles a join _nf_ext k on a.version_key = k.version_key group by 1"
            ).fetchall():
                ext_heads[key] = aid
            self.con.unregister("_nf_ext")
        if urls:
            self.con.register("_nf_url", pa.table({"url": pa.array(urls, pa.string())}))
            for url, aid in self.con.execute(
                "select a.url, arg_max(a.article_id, (a.loaded_at, coalesce(a.record_seq, 0))) "
                "from raw.articles a join _nf_url k on a.url = k.url group by 1"
            ).fetchall():
                url_heads[url] = aid
            self.con.unregister("_nf_url")
        return ext_heads, url_heads

    def _row(self, rec: RawRecord, aid: str, previous: str | None) -> dict[str, object]:
        """Return the raw.articles row of a record (strings scrubbed so they encode as UTF-8)."""
        row = {
            "article_id": aid,
            "external_id": rec.external_id,
            "url": rec.url,
            "outlet": rec.outlet,
            "title": rec.title,
            "author": rec.author,
            "published_at_raw": rec.published_at_raw,
            "published_at": parse_published(rec.published_at_raw),
            "category": rec.category,
            "body": rec.body,
            "raw_html": rec.raw_html,
            "source_kind": rec.source_kind,
            "source_path": rec.source_path,
            "record_locator": rec.record_locator,
            "version_of": previous,
            "batch_id": self.batch_id,
            "loaded_at": self.loaded_at,
            "source_name": self.source_name,
            "crawled_at": rec.crawled_at,
            "load_note": rec.load_note,
            "record_seq": self._seq,
            "version_key": self._ext_key(rec),
        }
        return {key: scrub(value) if isinstance(value, str) else value for key, value in row.items()}
