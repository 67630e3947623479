"""Predicting facts through the product: load → `dbt build` → read the marts → FORMAT.md facts.

Nothing here extracts: the facts are read from the marts `bilateral_meetings` (through its bridge
`meeting_articles`, so a meeting merged across articles is written once per article reporting it),
`pledges` and `quotes`, exactly as an analyst would see them. Mart article ids (content hashes) are
mapped back to the input ids through raw.articles.external_id and, for inputs whose body duplicates
another's (the loader keeps one row per body), through the loader's own body hash. With
`without_people_seeds` the build runs on a temporary project whose people seeds are empty
(newsfacts.evaluate.ablation), seeds/ itself untouched.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from newsfacts.evaluate.ablation import project_without_people
from newsfacts.evaluate.convert import Fact, meeting_fact, number_facts, pledge_fact, quote_fact
from newsfacts.evaluate.scoring import read_jsonl

MART_TABLES = ("bilateral_meetings", "meeting_articles", "pledges", "quotes")
SOURCE_NAME = "evaluate"


class MartsMissingError(RuntimeError):
    """Raised when the build left out a mart that predict reads (the warehouse is not built that far)."""


@dataclass
class Prediction:
    """The facts predicted for a set of articles, and how the build went."""

    facts: list[Fact]
    db_path: Path
    build_ok: bool
    build_summary: str
    n_articles: int
    unmapped_articles: list[str] = field(default_factory=list)  # input ids with no raw row


def find_tables(con: duckdb.DuckDBPyConnection, names: tuple[str, ...]) -> dict[str, str]:
    """Return name → qualified "schema"."table" for each mart table present (marts schemas preferred)."""
    rows = con.execute(
        "select table_schema, table_name from information_schema.tables where table_name in "
        f"({', '.join('?' for _ in names)})",
        list(names),
    ).fetchall()
    found: dict[str, str] = {}
    # A mart name may also exist in another schema (a seed, a test copy): the marts schema wins.
    for schema, table in sorted(rows, key=lambda r: (0 if "mart" in r[0] else 1, r[0])):
        found.setdefault(table, f'"{schema}"."{table}"')
    return found


def fetch_dicts(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    """Return the rows of a query as dicts keyed by column name."""
    cursor = con.execute(sql)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def article_id_map(con: duckdb.DuckDBPyConnection, inputs: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Return warehouse article_id → the input ids it stands for (several when bodies are identical)."""
    mapping: dict[str, list[str]] = {}
    for article_id, external_id in con.execute(
        "select article_id, external_id from raw.articles where external_id is not null"
    ).fetchall():
        mapping.setdefault(article_id, []).append(str(external_id))
    with contextlib.suppress(ImportError):
        from loaders.records import article_id as body_hash  # the loader's own hash: one source of truth

        for row in inputs:
            key = body_hash(row.get("text") or "")
            ids = mapping.setdefault(key, [])
            if str(row["id"]) not in ids:
                ids.append(str(row["id"]))
    return mapping


def read_mart_facts(db_path: Path, inputs: list[dict[str, Any]]) -> tuple[list[Fact], list[str]]:
    """Return the FORMAT.md facts in the marts of db_path keyed by input id, and the ids never mapped."""
    # Not read_only: dbt-duckdb may still hold this file open in-process, and DuckDB refuses a second
    # connection with a different configuration; a default connection shares the open database.
    con = duckdb.connect(str(db_path))
    try:
        tables = find_tables(con, MART_TABLES)
        missing = [t for t in MART_TABLES if t not in tables]
        if missing:
            raise MartsMissingError(f"the warehouse {db_path} has no mart {', '.join(missing)}")
        ids = article_id_map(con, inputs)
        meetings = fetch_dicts(
            con,
            f"select b.article_id as bridge_article_id, m.* from {tables['meeting_articles']} as b "
            f"join {tables['bilateral_meetings']} as m using (meeting_id)",
        )
        pledges = fetch_dicts(con, f"select * from {tables['pledges']}")
        quotes = fetch_dicts(con, f"select * from {tables['quotes']}")
    finally:
        con.close()
    # A warehouse given with --db may hold other articles too: only the inputs are written.
    wanted = {str(r["id"]) for r in inputs}
    ids = {aid: [g for g in group if g in wanted] for aid, group in ids.items()}
    facts: list[Fact] = []
    for row in meetings:
        facts += [meeting_fact(gid, row) for gid in ids.get(row["bridge_article_id"], [])]
    for row in pledges:
        facts += [pledge_fact(gid, row) for gid in ids.get(row["article_id"], [])]
    for row in quotes:
        facts += [quote_fact(gid, row) for gid in ids.get(row["article_id"], [])]
    mapped = {gid for group in ids.values() for gid in group}
    unmapped = [str(r["id"]) for r in inputs if str(r["id"]) not in mapped]
    return number_facts(sorted(facts, key=_fact_order)), unmapped


def _fact_order(fact: Fact) -> tuple[str, str, str]:
    return (str(fact["article"]), str(fact["table"]), str(fact.get("evidence") or ""))


@contextlib.contextmanager
def warehouse_file(db: str | Path | None, keep: bool) -> Iterator[Path]:
    """Yield the warehouse file to build: db when given (never deleted), else one in a temp dir."""
    if db:
        path = Path(db).resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        yield path
        return
    tmp = tempfile.mkdtemp(prefix="newsfacts-predict-")
    try:
        yield Path(tmp) / "predict.duckdb"
    finally:
        if not keep:
            shutil.rmtree(tmp, ignore_errors=True)


def predict(
    articles_path: str | Path,
    *,
    db: str | Path | None = None,
    keep_db: bool = False,
    quiet: bool = True,
    without_people_seeds: bool = False,
) -> Prediction:
    """Return the facts the warehouse produces for a FORMAT.md articles.jsonl (fresh warehouse unless db).

    without_people_seeds: build as if seeds/people.csv and seeds/person_roles.csv were empty.
    """
    from loaders import load_paths  # imported here: the CLI must start even while loaders are rebuilt

    inputs = read_jsonl(articles_path)
    project = project_without_people() if without_people_seeds else contextlib.nullcontext(None)
    with warehouse_file(db, keep_db) as db_path, project as project_dir:
        load_paths([Path(articles_path)], db=db_path, source=SOURCE_NAME, progress=False)
        result = _quiet_build(db_path, project_dir) if quiet else _verbose_build(db_path, project_dir)
        try:
            facts, unmapped = read_mart_facts(db_path, inputs)
        except MartsMissingError as exc:
            raise MartsMissingError(f"{exc}\n{result.summary()}") from exc
        return Prediction(
            facts=facts,
            db_path=db_path,
            build_ok=result.success,
            build_summary=result.summary(),
            n_articles=len(inputs),
            unmapped_articles=unmapped,
        )


def _verbose_build(db_path: Path, project_dir: Path | None = None) -> Any:
    """Return the build result, dbt's progress going to stderr (stdout is for the facts or the report)."""
    from newsfacts import warehouse

    with contextlib.redirect_stdout(sys.stderr):
        return warehouse.build(db_path, project_dir=project_dir)


def _quiet_build(db_path: Path, project_dir: Path | None = None) -> Any:
    """Return the build result with dbt's output swallowed (the summary is in the result)."""
    from newsfacts import warehouse

    old = os.environ.get("NEWSFACTS_DBT_QUIET")
    os.environ["NEWSFACTS_DBT_QUIET"] = "1"
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            return warehouse.build(db_path, project_dir=project_dir)
    finally:
        if old is None:
            os.environ.pop("NEWSFACTS_DBT_QUIET", None)
        else:
            os.environ["NEWSFACTS_DBT_QUIET"] = old


def write_jsonl(facts: list[Fact], path: str | Path) -> None:
    """Write facts as JSON Lines (UTF-8, one fact per line)."""
    with Path(path).open("w", encoding="utf-8") as handle:
        for fact in facts:
            handle.write(json.dumps(fact, ensure_ascii=False, default=str) + "\n")
