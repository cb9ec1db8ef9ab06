"""``report`` refuses bad input with a clear message and exit 1 (never a traceback).

The messages are in the interface language: Dutch unless ``--lang en`` (they
were English whatever the language before).
"""

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
    assert main(["report", *args, "--lang", "en"]) == 1
    english = capsys.readouterr()
    assert "Traceback" not in english.err and english.out == ""
    return captured.err + "\n--- en ---\n" + english.err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = refused([str(tmp_path / "nope.db")], capsys)
    assert "Het spelbestand" in err and "bestaat niet" in err
    assert "does not exist" in err.split("--- en ---")[1]


def test_not_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("dit is geen database\n" * 100, encoding="utf-8")
    nl, en = refused([str(junk)], capsys).split("--- en ---")
    assert "is geen spelbestand van Botsende belangen" in nl and "not a Botsende" in en


def test_foreign_sqlite_and_empty_session(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE people (name TEXT)")
    assert "is geen spelbestand" in refused([str(foreign)], capsys)
    empty = tmp_path / "empty.db"
    Store.open(empty).close()  # the schema, but no host config
    nl, en = refused([str(empty)], capsys).split("--- en ---")
    assert "nog geen spel gespeeld" in nl and "No game was played" in en


def test_unknown_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, _ = played_db(tmp_path)
    err = refused([str(db), "--table", "7"], capsys)
    nl, en = err.split("--- en ---")
    assert "geen tafel 7 (wel: 1, 2, 3)" in nl and "has no table 7 (it has: 1, 2, 3)" in en


def test_broken_scenario_lists_its_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mini"
    shutil.copytree(MINI.parent, folder)
    db, _ = played_db(tmp_path, folder / "mini.yaml")
    (folder / "mini.yaml").write_text("meta: [niet goed\n", encoding="utf-8")
    err = refused([str(db)], capsys)
    nl, en = err.split("--- en ---")
    assert "klopt niet meer" in nl and "mini.yaml:" in nl and "no longer valid" in en


def test_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, _ = played_db(tmp_path)
    err = refused([str(db), "-o", str(tmp_path / "missing" / "dir" / "x.html")], capsys)
    nl, en = err.split("--- en ---")
    assert "Kan " in nl and "niet schrijven" in nl and "Cannot write" in en
