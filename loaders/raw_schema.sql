-- The raw layer: written only by the loaders, append-only, idempotent.
-- One row per distinct article body (article_id = content hash of the normalised body).
create schema if not exists raw;

create table if not exists raw.load_batches (
    batch_id        varchar primary key,   -- uuid4 hex
    source_name     varchar,               -- --source NAME, or the loader kind
    paths           varchar[],             -- what the user asked to load
    started_at      timestamp not null,
    finished_at     timestamp,
    status          varchar not null,      -- running | succeeded | failed
    n_read          integer default 0,     -- records seen
    n_new           integer default 0,     -- new article bodies landed
    n_duplicate     integer default 0,     -- bodies already present (or repeated in the batch)
    n_updated       integer default 0,     -- new version of a known external id / url
    n_rejected      integer default 0      -- rows written to raw.rejected_records
);

create table if not exists raw.articles (
    article_id          varchar primary key,  -- sha256 hex (first 32) of the normalised body
    external_id         varchar,              -- id given by the source, if any
    url                 varchar,
    outlet              varchar,
    title               varchar,
    author              varchar,
    published_at_raw    varchar,              -- exactly as given
    published_at        timestamp,            -- parsed, null when unparseable / absent
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
