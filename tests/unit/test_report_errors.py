"""``report`` refuses bad input with a clear message and exit 1 (never a traceback)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from test_report_helpers import MINI, played_db

from game.cli import main
from game.store import Store


def refused(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["report", *args]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and captured.out == ""
    return captured.err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = refused([str(tmp_path / "nope.db")], capsys)
    assert "no such session database" in err


def test_not_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("dit is geen database\n" * 100, encoding="utf-8")
    assert "not a session database" in refused([str(junk)], capsys)


def test_foreign_sqlite_and_empty_session(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE people (name TEXT)")
    assert "not a session database" in refused([str(foreign)], capsys)
    empty = tmp_path / "empty.db"
    Store.open(empty).close()  # the schema, but no host config
    assert "no session was hosted" in refused([str(empty)], capsys)


def test_unknown_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, _ = played_db(tmp_path)
    err = refused([str(db), "--table", "7"], capsys)
    assert "there is no table 7 (tables: 1, 2, 3)" in err


def test_broken_scenario_lists_its_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mini"
    shutil.copytree(MINI.parent, folder)
    db, _ = played_db(tmp_path, folder / "mini.yaml")
    (folder / "mini.yaml").write_text("meta: [niet goed\n", encoding="utf-8")
    err = refused([str(db)], capsys)
    assert "mini.yaml:" in err


def test_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, _ = played_db(tmp_path)
    err = refused([str(db), "-o", str(tmp_path / "missing" / "dir" / "x.html")], capsys)
    assert "cannot write" in err
