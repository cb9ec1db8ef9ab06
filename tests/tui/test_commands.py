"""The join, screen and play commands: clear errors, and play's session file."""

from __future__ import annotations

import argparse
import socket
from pathlib import Path

import pytest

from game.cli import main
from game.commands.join import normalise_url
from game.commands.play import default_db, retire


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_join_to_nowhere_says_so_without_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["join", f"127.0.0.1:{closed_port()}", "--code", "ABC-DEF"])
    err = capsys.readouterr().err
    assert code == 1
    assert "Kan ws://127.0.0.1:" in err and "Traceback" not in err


def test_screen_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = main(["screen", f"ws://127.0.0.1:{closed_port()}", "--code", "X", "--lang", "en"])
    finally:
        from game.tui.i18n import set_language

        set_language("nl")
    assert code == 1 and "Cannot reach" in capsys.readouterr().err


def test_join_needs_a_code(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["join", "ws://127.0.0.1:1"])
    assert exc.value.code == 2


def test_addresses_without_scheme_become_websocket_urls() -> None:
    assert normalise_url(" 192.168.1.5:8765 ") == "ws://192.168.1.5:8765"
    assert normalise_url("ws://h:1") == "ws://h:1"


def test_play_keeps_its_session_in_the_data_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    db = default_db(Path("scenarios/leeuwaerdenhout.yaml"), "short")
    assert db.is_relative_to(tmp_path) and db.name == "play-leeuwaerdenhout-short.db"
    db.parent.mkdir(parents=True)
    db.write_text("x")
    kept = retire(db)
    assert not db.exists() and kept.read_text() == "x"


def test_play_resumes_an_unfinished_game(tmp_path: Path) -> None:
    from game.commands.play import open_game

    scenario = Path(__file__).resolve().parents[2] / "scenarios" / "leeuwaerdenhout.yaml"
    args = argparse.Namespace(db=str(tmp_path / "w.db"), new=False, mode="short", seed=1)
    first = open_game(scenario, args)
    codes = dict(first.tables[0].record.roles)
    first.close()
    again = open_game(scenario, args)
    try:
        assert again.resumed and dict(again.tables[0].record.roles) == codes
    finally:
        again.close()


def test_play_says_where_the_game_is_and_how_to_export_the_debrief() -> None:
    from game.commands.play import farewell
    from game.tui.i18n import set_language

    set_language("nl")
    text = farewell("/data/play-leeuwaerdenhout-short.db")
    assert "bewaard in /data/play-leeuwaerdenhout-short.db" in text
    assert "botsende-belangen report /data/play-leeuwaerdenhout-short.db -o" in text
