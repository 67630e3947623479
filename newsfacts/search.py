"""Full-text search over article bodies and quotes, ranked by BM25 (DuckDB's FTS extension).

The FTS binary comes from the `duckdb-extension-fts` PyPI package (DuckDB-signed), so it installs
offline. The index lives in the `search` schema of the warehouse; it is rebuilt whenever the marts
changed since it was made (tracked by a fingerprint of the source tables), so search never returns
stale rows and never needs a separate step after `newsfacts build`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from newsfacts import db as nfdb

# How long a search waits for the write lock to refresh a stale index before using the old one.
REBUILD_LOCK_TIMEOUT_S = 5.0

# One document per article and per quote. A quote is indexed on its own words and speaker only:
# indexing its article's title too would rank every quote of a matching article as a hit.
# `title` is for display; `indexed_title` is what BM25 sees.
DOCUMENTS_SQL = """
create or replace table search.documents as
select
    'article:' || a.article_id as doc_id,
    'article' as kind,
    a.article_id,
    a.published_on,
    a.title,
    a.title as indexed_title,
    null::varchar as speaker,
    a.body_clean as body
from marts.articles as a
union all
select
    'quote:' || q.quote_id as doc_id,
    'quote' as kind,
    q.article_id,
    a.published_on,
    a.title,
    null::varchar as indexed_title,
    q.speaker_name as speaker,
    q.quote_text as body
from marts.quotes as q
left join marts.articles as a using (article_id)
"""

# A content fingerprint of what the index is built from: any changed, added or removed article
# or quote changes it (order-independent xor of row hashes; one cheap scan of each table).
FINGERPRINT_SQL = """
select concat_ws('|',
    (select count(*) || ':' || coalesce(bit_xor(hash(article_id, title, body_clean)), 0)
     from marts.articles),
    (select count(*) || ':' || coalesce(bit_xor(hash(quote_id, speaker_name, quote_text)), 0)
     from marts.quotes)
)
"""


@dataclass(frozen=True, slots=True)
class Hit:
    score: float
    kind: str  # article | quote
    article_id: str
    published_on: date | None
    title: str | None
    speaker: str | None
    snippet: str


def load_fts(conn: duckdb.DuckDBPyConnection) -> None:
    """Load the FTS extension, installing it from the bundled PyPI wheel when it is not installed yet."""
    try:
        conn.execute("load fts")
        return
    except duckdb.Error:
        pass
    import duckdb_extension_fts

    package_dir = Path(duckdb_extension_fts.__file__).parent
    # The wheel's version is pinned to DuckDB's (both 1.5.5), and its folder is named after it.
    binary = package_dir / "extensions" / f"v{duckdb.__version__}" / "fts.duckdb_extension"
    if not binary.exists():
        raise RuntimeError(
            f"The FTS extension for DuckDB {duckdb.__version__} is not at {binary}: install "
            f"duckdb-extension-fts=={duckdb.__version__} (requirements.lock pins both)."
        )
    conn.execute(f"install '{binary.as_posix()}'")
    conn.execute("load fts")


def index_is_current(conn: duckdb.DuckDBPyConnection) -> bool:
    """Return True when search.documents was built from the marts as they are now."""
    try:
        stored = conn.execute("select fingerprint from search.index_state").fetchone()
    except duckdb.CatalogException:
        return False
    current = conn.execute(FINGERPRINT_SQL).fetchone()
    return stored is not None and current is not None and stored[0] == current[0]


def rebuild_index(conn: duckdb.DuckDBPyConnection) -> int:
    """(Re)build search.documents and its BM25 index; return the number of documents indexed."""
    load_fts(conn)
    conn.execute("create schema if not exists search")
    conn.execute(DOCUMENTS_SQL)
    conn.execute(
        "pragma create_fts_index('search.documents', 'doc_id', 'indexed_title', 'speaker', 'body', "
        "stemmer = 'english', stopwords = 'english', overwrite = 1)"
    )
    conn.execute(f"create or replace table search.index_state as select ({FINGERPRINT_SQL}) as fingerprint")
    row = conn.execute("select count(*) from search.documents").fetchone()
    return int(row[0]) if row else 0


def has_index(conn: duckdb.DuckDBPyConnection) -> bool:
    """Return True when a search index (possibly stale) exists in the warehouse."""
    row = conn.execute(
        "select count(*) from information_schema.tables "
        "where table_schema = 'search' and table_name = 'documents'"
    ).fetchone()
    return bool(row and row[0])


def ensure_index(
    db: str | Path | None,
    *,
    lock_timeout_s: float = REBUILD_LOCK_TIMEOUT_S,
    warn: Callable[[str], None] | None = None,
) -> bool:
    """Rebuild the search index when the marts changed since it was built; return True if it is current.

    Rebuilding needs the write lock. When another process (a notebook, a BI tool) holds the file
    and an older index exists, search that one with a warning rather than fail.
    """
    conn = nfdb.connect(db, read_only=True)
    try:
        current = index_is_current(conn)
        exists = current or has_index(conn)
    finally:
        conn.close()
    if current:
        return True
    try:
        conn = nfdb.connect(db, lock_timeout_s=lock_timeout_s if exists else nfdb.DEFAULT_LOCK_TIMEOUT_S)
    except nfdb.WarehouseLockedError as exc:
        if not exists:
            raise
        (warn or (lambda msg: print(msg, file=sys.stderr)))(
            f"The marts changed since the search index was built, but it cannot be rebuilt now ({exc}) "
            "Searching the older index."
        )
        return False
    try:
        rebuild_index(conn)
    finally:
        conn.close()
    return True


def _snippet(body: str, query: str, width: int = 160) -> str:
    """Return a window of body around the first query word found, for display."""
    lowered = body.lower()
    positions = [lowered.find(w.lower()) for w in query.split() if lowered.find(w.lower()) >= 0]
    start = max(0, min(positions) - width // 3) if positions else 0
    text = " ".join(body[start : start + width].split())
    return ("…" if start else "") + text + ("…" if start + width < len(body) else "")


def search(db: str | Path | None, query: str, *, kind: str | None = None, limit: int = 10) -> list[Hit]:
    """Return the best-ranked documents for query, articles and quotes, optionally one kind only.

    Ranking: documents containing every query word (after stemming and stop words) come first,
    then documents with only some; BM25 orders each group.
    """
    ensure_index(db)
    # The query goes in as a SQL literal, not a parameter: with a bound parameter DuckDB cannot fold
    # the FTS macro's query-side work and re-tokenises the query for every row (~50x slower).
    literal = "'" + query.replace("'", "''") + "'"
    conn = nfdb.connect(db, read_only=True)
    try:
        load_fts(conn)
        rows = conn.execute(
            f"""
            with scored as (
                select
                    *,
                    fts_search_documents.match_bm25(doc_id, {literal}, conjunctive := 1) as all_words,
                    fts_search_documents.match_bm25(doc_id, {literal}) as any_word
                from search.documents
            )
            select
                coalesce(all_words, any_word) as score,
                kind, article_id, published_on, title, speaker, body
            from scored
            where any_word is not null and (? is null or kind = ?)
            -- documents with every word first, then those with some of them
            order by all_words is null, score desc, doc_id
            limit ?
            """,
            [kind, kind, limit],
        ).fetchall()
    finally:
        conn.close()
    return [Hit(float(s), k, a, p, t, sp, _snippet(b or "", query)) for s, k, a, p, t, sp, b in rows]
