"""``host`` and ``play`` refuse what they cannot host in the interface language.

Before, a Dutch facilitator read ``fout: --tables must be 1 to 100`` or
``fout: the scenario is not valid:``: a Dutch prefix on an English sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.server.hosting import HostError
from game.store import StoreError

MINI = "tests/fixtures/mini/mini.yaml"


def refused(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(args) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return captured.err


def test_tables_out_of_range(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    nl = refused(["host", MINI, "--tables", "0", "--db", db, "--headless"], capsys)
    assert nl.strip() == "fout: --tables moet een getal van 1 tot en met 100 zijn."
    en = refused(["host", MINI, "--tables", "0", "--db", db, "--headless", "--lang", "en"], capsys)
    assert "--tables must be a number from 1 to 100." in en and "moet" not in en


def test_not_a_game_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("geen database\n" * 200, encoding="utf-8")
    nl = refused(["host", MINI, "--db", str(junk), "--headless"], capsys)
    assert f"fout: {junk} is geen spelbestand van Botsende belangen." in nl
    assert "not a session" not in nl
    nl = refused(["play", "--scenario", MINI, "--db", str(junk)], capsys)
    assert "is geen spelbestand van Botsende belangen" in nl


def test_a_folder_is_no_game_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    nl = refused(["host", MINI, "--db", str(tmp_path), "--headless"], capsys)
    assert str(tmp_path) in nl and "cannot" not in nl and "not a" not in nl
    assert "spelbestand" in nl


def test_invalid_scenario_says_so_in_dutch(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "kapot.yaml"
    bad.write_text("meta: [niet goed\n", encoding="utf-8")
    nl = refused(["host", str(bad), "--db", str(tmp_path / "b.db"), "--headless"], capsys)
    assert nl.startswith(f"fout: Het scenario {bad} klopt niet")
    assert f"botsende-belangen validate {bad}" in nl
    assert f"{bad}:2:1:" in nl  # the check's own lines follow, with their places


def test_unknown_mode_and_errno_reasons() -> None:
    err = HostError("mode", mode="lang", modes="full, short")
    assert "no mode 'lang'" in str(err)  # the English text stays for logs
    denied = HostError.from_store(StoreError("cannot_open", "/x.db", "Permission denied", 13))
    assert denied.key == "store.cannot_open" and denied.values["why"] == "no_access"
