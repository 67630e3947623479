"""`newsfacts load` as a user runs it: help with an example, a one-line summary, honest exit codes."""

from __future__ import annotations

from newsfacts.cli import main


def test_help_has_an_example(capsys):
    try:
        main(["load", "--help"])
    except SystemExit as done:
        assert done.code == 0
    out = capsys.readouterr().out
    assert "newsfacts load" in out and "--map text=body" in out


def test_summary_line_and_exit_zero(write, db, capsys):
    path = write("a.jsonl", '{"id": "1", "text": "Japan pledged reconstruction loans."}\n{bad\n')
    assert main(["load", str(path), "--db", str(db), "--no-progress"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip().startswith(
        "succeeded: 2 records from 1 files — 1 new, 0 duplicate, 0 updated, 1 rejected"
    )
    assert "raw.rejected_records" in captured.err


def test_exit_non_zero_only_when_nothing_could_be_read(write, db, capsys):
    assert main(["load", str(write("empty.txt", b"")), "--db", str(db), "--no-progress"]) == 1
    assert main(["load", str(write("bad.csv", "x,y\n1,2\n")), "--db", str(db), "--no-progress"]) == 1
    assert main(["load", "--db", str(db)]) == 2
    assert main(["load", str(write("a.txt", "T\n\nBody.")), "--map", "nonsense", "--db", str(db)]) == 2
    assert "is not FIELD=COLUMN" in capsys.readouterr().err


def test_a_db_that_is_not_duckdb_is_a_clear_error(write, tmp_path, capsys):
    not_db = tmp_path / "notes.duckdb"
    not_db.write_text("just some text, not a database\n" * 100, encoding="utf-8")
    assert main(["load", str(write("a.txt", "T\n\nBody.")), "--db", str(not_db), "--no-progress"]) == 3
    assert "cannot write the warehouse" in capsys.readouterr().err
