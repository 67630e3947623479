"""One row per current article: everything the extraction library read out of its cleaned body.

Incremental: a build extracts only the articles that are new, or that an older extractor_version
read; everything else keeps its row. The records come back as JSON text lists whose field names
are the record dataclasses' (newsfacts/extract/records.py), unnested by the int_*_unnested models.
"""

import dataclasses
import json
import os
from datetime import UTC, datetime

import pyarrow as pa

SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("extractor_version", pa.string()),
        ("body_clean_md5", pa.string()),
        ("extracted_at", pa.timestamp("us")),
        ("n_mentions", pa.int32()),
        ("n_quotes", pa.int32()),
        ("n_meetings", pa.int32()),
        ("n_pledges", pa.int32()),
        ("mentions_json", pa.string()),
        ("quotes_json", pa.string()),
        ("meetings_json", pa.string()),
        ("pledges_json", pa.string()),
        ("extraction_error", pa.string()),
    ]
)

# Below this many articles a process pool costs more than it saves.
POOL_MIN_ARTICLES = 200


def _records_json(records):
    """Return a JSON list of the records' fields (ASCII-escaped so no encoding can mangle it)."""
    return json.dumps([dataclasses.asdict(r) for r in records])


def model(dbt, session):
    dbt.config(
        materialized="incremental",
        unique_key="article_id",
        incremental_strategy="delete+insert",
        on_schema_change="append_new_columns",
    )  # the post_hook (facts of superseded articles leave with them) is in the YAML: no Jinja here
    from newsfacts.extract.pipeline import extract_articles
    from newsfacts.extract.records import Article
    from newsfacts.extract.seeds import default_seeds_dir
    from newsfacts.warehouse import extractor_version

    # The seeds of the project being built (newsfacts.warehouse sets $NEWSFACTS_SEEDS_DIR), so the
    # lexicons are the tables dbt seeded — the seed ablation empties some in both.
    seeds_dir = default_seeds_dir()
    version = extractor_version(seeds_dir=seeds_dir)
    articles = dbt.ref("stg_raw__articles")
    columns = (
        "article_id, body_clean, title, strftime(published_on, '%Y-%m-%d') as published_on, body_clean_md5"
    )
    todo = articles
    if dbt.is_incremental and "body_clean_md5" in session.sql(f"select * from {dbt.this} limit 0").columns:
        # Done = same extractor (code + lexicon seeds) on the same cleaned body: spans point into
        # body_clean, so a re-cleaned body must be re-extracted too.
        done = (
            f"select article_id || ':' || coalesce(body_clean_md5, '') from {dbt.this} "
            f"where extractor_version = '{version}'"
        )
        todo = articles.filter(f"article_id || ':' || coalesce(body_clean_md5, '') not in ({done})")
    rows = todo.project(columns).order("article_id").fetchall()
    md5_by_id = {r[0]: r[4] for r in rows}

    inputs = [Article(article_id=r[0], body=r[1] or "", title=r[2], published_on=r[3]) for r in rows]
    processes = 1 if len(inputs) < POOL_MIN_ARTICLES else min(4, os.cpu_count() or 1)
    extracted_at = datetime.now(UTC).replace(tzinfo=None)
    out = {name: [] for name in SCHEMA.names}
    if not inputs:  # nothing new: skip loading the lexicons too
        return pa.table(out, schema=SCHEMA)
    for facts in extract_articles(inputs, processes=processes, seeds_dir=seeds_dir):
        out["article_id"].append(facts.article_id)
        out["extractor_version"].append(version)
        out["body_clean_md5"].append(md5_by_id[facts.article_id])
        out["extracted_at"].append(extracted_at)
        out["n_mentions"].append(len(facts.mentions))
        out["n_quotes"].append(len(facts.quotes))
        out["n_meetings"].append(len(facts.meetings))
        out["n_pledges"].append(len(facts.pledges))
        out["mentions_json"].append(_records_json(facts.mentions))
        out["quotes_json"].append(_records_json(facts.quotes))
        out["meetings_json"].append(_records_json(facts.meetings))
        out["pledges_json"].append(_records_json(facts.pledges))
        out["extraction_error"].append(facts.error)
    return pa.table(out, schema=SCHEMA)
