-- The raw layer: written only by the loaders, append-only, idempotent.
-- One row per distinct article body (article_id = content hash of the normalised body).
create schema if not exists raw;

create table if not exists raw.load_batches (
    batch_id        varchar primary key,   -- uuid4 hex
    source_name     varchar,               -- --source NAME, or null
    paths           varchar[],             -- what the user asked to load
    started_at      timestamp not null,
    finished_at     timestamp,
    status          varchar not null,      -- succeeded | nothing_read | failed
    n_read          integer default 0,     -- records seen (landed, duplicate or rejected)
    n_new           integer default 0,     -- new article bodies landed
    n_duplicate     integer default 0,     -- bodies already present (or repeated in the batch)
    n_updated       integer default 0,     -- new version of a known external id / url
    n_rejected      integer default 0,     -- records that could not be read (see raw.rejected_records)
    n_skipped       integer default 0      -- records deliberately not loaded (non-HTML / error WARC responses)
);

create table if not exists raw.articles (
    article_id          varchar primary key,  -- sha256 hex (first 32) of the normalised body
    external_id         varchar,              -- id given by the source (file stem, JSON id, feed guid), if any
    url                 varchar,              -- link / WARC target URI
    outlet              varchar,
    title               varchar,
    author              varchar,
    published_at_raw    varchar,              -- exactly as given
    published_at        timestamp,            -- parsed (UTC), null when unparseable / absent
    category            varchar,
    body                varchar not null,     -- text (for HTML input: the extracted main text)
    raw_html            varchar,              -- original HTML when the input was HTML
    source_kind         varchar not null,     -- text | jsonl | json | csv | html | feed | warc
    source_path         varchar not null,
    record_locator      varchar,              -- line / row / record number inside the source
    version_of          varchar,              -- article_id of the earlier version (same external id / url)
    batch_id            varchar not null,
    loaded_at           timestamp not null
);

-- Columns added after the first release: `add column if not exists` keeps older warehouses loadable.
alter table raw.articles add column if not exists source_name varchar;  -- --source NAME of the load
alter table raw.articles add column if not exists crawled_at timestamp; -- WARC-Date of a crawled page
alter table raw.articles add column if not exists load_note varchar;    -- e.g. "decoded as cp1252"
alter table raw.articles add column if not exists record_seq bigint;    -- order inside the batch
-- source name + scope (the folder, for file-per-article formats) + external id: what versions share.
alter table raw.articles add column if not exists version_key varchar;
alter table raw.load_batches add column if not exists n_skipped integer default 0;

create table if not exists raw.rejected_records (
    rejection_id    varchar primary key,      -- hash of (source_path, record_locator, reason, bytes)
    batch_id        varchar not null,
    source_path     varchar not null,
    record_locator  varchar,
    reason          varchar not null,
    original_bytes  blob,                     -- first 64 KiB of the record, the rest by pointer
    original_size   bigint,
    rejected_at     timestamp not null
);
