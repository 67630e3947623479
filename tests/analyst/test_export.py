"""`newsfacts export` writes every mart; Parquet read back with polars equals the mart."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import duckdb
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from newsfacts.cli import main
from newsfacts.marts import MART_TABLES


def read_mart(db: Path, table: str) -> pl.DataFrame:
    """Return one mart as a polars DataFrame, read straight from the warehouse."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return conn.sql(f"select * from marts.{table}").pl()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def parquet_dir(demo_warehouse, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the directory `newsfacts export --format parquet` wrote the demo marts to."""
    out = tmp_path_factory.mktemp("export") / "parquet"
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert main(["export", "--db", str(demo_warehouse.db), "--format", "parquet", str(out)]) == 0
    return out


def test_every_mart_is_exported(parquet_dir: Path) -> None:
    assert sorted(p.stem for p in parquet_dir.glob("*.parquet")) == sorted(MART_TABLES)


@pytest.mark.parametrize("table", MART_TABLES)
def test_parquet_round_trips_to_the_mart(table: str, parquet_dir: Path, demo_warehouse) -> None:
    exported = pl.read_parquet(parquet_dir / f"{table}.parquet")
    mart = read_mart(demo_warehouse.db, table)
    assert mart.height > 0
    # Row order is not part of a table; compare both sorted on every sortable column.
    keys = [c for c, t in mart.schema.items() if not isinstance(t, pl.List)]
    assert_frame_equal(exported.sort(keys, nulls_last=True), mart.sort(keys, nulls_last=True))


def test_csv_subset(demo_warehouse, tmp_path: Path) -> None:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        args = ["--db", str(demo_warehouse.db), "--format", "csv", "--tables", "quotes,pledges"]
        args.append(str(tmp_path))
        code = main(["export", *args])
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pledges.csv", "quotes.csv"]
    quotes = pl.read_csv(tmp_path / "quotes.csv")
    assert quotes.height == read_mart(demo_warehouse.db, "quotes").height


def test_unknown_table_is_refused_with_the_list(demo_warehouse, tmp_path: Path) -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["export", "--db", str(demo_warehouse.db), "--tables", "meetings", str(tmp_path)])
    assert code == 1
    assert "meetings" in err.getvalue() and "bilateral_meetings" in err.getvalue()
    assert not list(tmp_path.iterdir())
