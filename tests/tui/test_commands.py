"""The join, screen and play commands: clear errors, and play's session file."""

from __future__ import annotations

import argparse
import socket
import time
from pathlib import Path
from typing import Any

import pytest
from websockets.datastructures import Headers

from game.cli import main
from game.commands.join import normalise_url
from game.commands.play import default_db, open_game, retire
from game.net.address import parse_address, role_link, screen_link, short_address


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_join_to_nowhere_says_so_without_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["join", f"127.0.0.1:{closed_port()}", "--code", "ABC-DEF"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("fout: Op ws://127.0.0.1:") and "draait geen spel" in err
    assert "Traceback" not in err and "Errno" not in err


def test_screen_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = main(["screen", f"ws://127.0.0.1:{closed_port()}", "--code", "X", "--lang", "en"])
    finally:
        from game.tui.i18n import set_language

        set_language("nl")
    assert code == 1 and "No game runs at" in capsys.readouterr().err


def test_join_needs_a_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["join", "ws://127.0.0.1:1"]) == 2
    assert "fout: Geef een code met --code" in capsys.readouterr().err


def test_addresses_without_scheme_become_websocket_urls() -> None:
    assert normalise_url(" 192.168.1.5:8765 ") == "ws://192.168.1.5:8765/"
    assert normalise_url("ws://h:1") == "ws://h:1/"


@pytest.mark.parametrize(
    ("typed", "url", "code"),
    [
        ("192.0.2.2:8765", "ws://192.0.2.2:8765/", None),
        ("192.0.2.2", "ws://192.0.2.2:8765/", None),
        ("http://192.0.2.2:8765/", "ws://192.0.2.2:8765/", None),
        ("HTTP://192.0.2.2:8765/spel/", "ws://192.0.2.2:8765/", None),
        ("http://192.0.2.2:8765/#code=BR7-K4Q", "ws://192.0.2.2:8765/", "BR7-K4Q"),
        ("https://spel.example.org/#code=X", "wss://spel.example.org/", "X"),
        ("wss://spel.example.org:9000", "wss://spel.example.org:9000/", None),
        ("  ws://[::1]:8765  ", "ws://[::1]:8765/", None),
    ],
)
def test_one_address_in_every_form(typed: str, url: str, code: str | None) -> None:
    target = parse_address(typed)
    assert (target.url, target.code) == (url, code)


def test_the_links_on_cards_and_the_console() -> None:
    assert role_link("ws://192.0.2.2:8765", "BR7-K4Q") == "http://192.0.2.2:8765/#code=BR7-K4Q"
    assert screen_link("http://192.0.2.2:8765/", "ZZ9") == "http://192.0.2.2:8765/#screen=ZZ9"
    assert parse_address(screen_link("192.0.2.2:8765", "ZZ9")).screen == "ZZ9"
    assert short_address("http://192.0.2.2:8765/") == "192.0.2.2:8765"


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("ftp://192.0.2.2:8765", "is geen adres van het spel"),
        ("192.0.2.2:99999", "Het poortnummer in 192.0.2.2:99999 klopt niet"),
        ("http:///", "ontbreekt de computer"),
        ("", "Geef het adres van het spel"),
    ],
)
def test_a_wrong_address_is_explained_in_dutch(
    typed: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["join", typed, "--code", "X"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fout: ") and words in err and "scheme" not in err


def test_socket_errors_become_sentences() -> None:
    from game.commands.join import connect_error

    gai = socket.gaierror(-2, "Name or service not known")
    assert connect_error(gai, "ws://nergens:8765/") == (
        "De computer nergens is op dit netwerk onbekend. Klopt het adres?"
    )
    from websockets.exceptions import InvalidStatus
    from websockets.http11 import Response

    wrong = InvalidStatus(Response(200, "OK", Headers()))  # a web page, not the game
    assert "antwoordt iets anders dan het spel" in connect_error(wrong, "ws://h:8000/")


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


SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "leeuwaerdenhout.yaml"


def play_args(tmp_path: Path) -> argparse.Namespace:
    return argparse.Namespace(db=str(tmp_path / "w.db"), new=False, mode="short", seed=1)


def advance(hosted: object, *moves: str) -> None:
    """Log facilitator moves into the game's database, as the server would."""
    from game.engine import FACILITATOR, Move

    for kind in moves:
        move = Move(kind, FACILITATOR, {})
        hosted.store.append(1, move.to_json(), time.time())  # type: ignore[attr-defined]


def test_play_resumes_an_unfinished_game(tmp_path: Path) -> None:
    first, note = open_game(SCENARIO, play_args(tmp_path))
    codes = dict(first.tables[0].record.roles)
    first.close()
    again, note = open_game(SCENARIO, play_args(tmp_path), ask=lambda q: True)
    try:
        assert again.resumed and dict(again.tables[0].record.roles) == codes
        assert note is None
    finally:
        again.close()


def test_play_says_where_the_game_is_and_how_to_export_the_debrief() -> None:
    from game.commands.play import farewell
    from game.tui.i18n import set_language

    set_language("nl")
    text = farewell("/data/play-leeuwaerdenhout-short.db")
    assert "bewaard in /data/play-leeuwaerdenhout-short.db" in text
    assert "botsende-belangen report /data/play-leeuwaerdenhout-short.db -o" in text


def test_play_after_a_finished_game_starts_a_fresh_one_and_keeps_the_old(tmp_path: Path) -> None:
    first, _ = open_game(SCENARIO, play_args(tmp_path))
    codes = dict(first.tables[0].record.roles)
    advance(first, "start", "next_round", "next_round", "next_round", "end")  # debrief, ended
    first.close()
    again, note = open_game(SCENARIO, play_args(tmp_path), ask=lambda q: True)
    try:
        assert not again.resumed and dict(again.tables[0].record.roles) != codes
        assert note is not None and "Het vorige spel is afgelopen en bewaard in" in note
        kept = Path(note.split("bewaard in ")[1].split(". Er begint")[0])
        assert kept.exists() and kept != tmp_path / "w.db"
    finally:
        again.close()


def test_play_asks_before_going_on_with_an_interrupted_game(tmp_path: Path) -> None:
    first, _ = open_game(SCENARIO, play_args(tmp_path))
    advance(first, "start", "next_round")
    first.close()
    asked: list[str] = []

    def no(question: str) -> bool:
        asked.append(question)
        return False

    fresh, note = open_game(SCENARIO, play_args(tmp_path), ask=no)
    try:
        assert "Ronde 2/4: Ontwerpen en plannen" in asked[0] and "[J/n]" in asked[0]
        assert not fresh.resumed and note is not None and "Nieuw spel" in note
    finally:
        fresh.close()


def test_commands_sit_on_top_of_what_they_use() -> None:
    """No import circle among game's modules (module level or inside functions)."""
    import ast

    root = Path(__file__).resolve().parents[2] / "game"
    graph: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        name = ".".join(path.relative_to(root.parent).with_suffix("").parts)
        name = name.removesuffix(".__init__")
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("game"):
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("game"))
        graph[name] = found
    watched = ("game.commands.", "game.web.", "game.net.")
    for start in [m for m in graph if m.startswith(watched)]:
        seen, todo = set(), [start]
        while todo:
            for nxt in graph.get(todo.pop(), ()):
                assert nxt != start, f"{start} imports itself through {sorted(seen)}"
                if nxt not in seen and nxt.startswith(watched):
                    seen.add(nxt)
                    todo.append(nxt)


@pytest.mark.parametrize("command", [[], ["play"], ["host"], ["join"], ["screen"], ["web"]])
def test_help_is_in_one_language(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    text = capsys.readouterr().out
    english = (
        "usage",
        "options",
        "show this",
        "(serve",
        "(check",
        "server and",
        " the ",
        "seconds",
    )
    for word in english:
        assert word not in text, word
    assert text.startswith("gebruik: botsende-belangen")


def test_usage_errors_start_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["screen"])
    err = capsys.readouterr().err
    assert "fout: deze argumenten ontbreken: ADRES" in err and "error" not in err


def test_play_names_its_log_in_the_interface_language() -> None:
    """After the console closed, 'log: /…/server.log' came first, half in English."""
    from game.commands.play import farewell
    from game.tui.i18n import set_language

    set_language("nl")
    text = farewell("/data/w.db", log="/logs/server.log")
    assert text.splitlines()[0] == "Logboek van de server: /logs/server.log"
    assert "bewaard in /data/w.db" in text


def test_play_after_a_crash_in_the_debrief_brings_the_debrief_back(tmp_path: Path) -> None:
    """A crash while the room talked the reveal through started a new game: new codes,
    every screen lost, the debrief gone from the wall."""
    first, _ = open_game(SCENARIO, play_args(tmp_path))
    codes = dict(first.tables[0].record.roles)
    advance(first, "start", "next_round", "next_round", "next_round")  # the debrief runs
    first.close()
    again, note = open_game(SCENARIO, play_args(tmp_path), ask=lambda q: True)
    try:
        assert again.resumed and dict(again.tables[0].record.roles) == codes
        assert again.tables[0].state.revealed and note is None
    finally:
        again.close()


def reopened_in_the_debrief(tmp_path: Path) -> Any:
    """A game played on to its debrief round, stopped, and opened again by play."""
    first, _ = open_game(SCENARIO, play_args(tmp_path))
    advance(first, "start", "next_round", "next_round", "next_round")
    first.close()
    again, _ = open_game(SCENARIO, play_args(tmp_path), ask=lambda q: True)
    return again


def test_play_after_the_debrief_time_ran_out_starts_a_fresh_game(tmp_path: Path) -> None:
    from game.commands.play import finished

    again = reopened_in_the_debrief(tmp_path)
    try:
        assert again.resumed and not finished(again)
        assert finished(again, now=time.time() + 24 * 3600)  # next week's workshop
    finally:
        again.close()


def test_play_closed_in_the_debrief_ends_the_workshop(tmp_path: Path) -> None:
    """Quitting the console in the debrief ends the game: the next play starts afresh."""
    import asyncio

    from game.commands.play import end_debriefs, finished
    from game.server.server import GameServer

    again = reopened_in_the_debrief(tmp_path)
    try:
        assert again.resumed and not finished(again)
        asyncio.run(end_debriefs(GameServer(again), again))
        assert finished(again) and again.tables[0].state.phase == "ended"
    finally:
        again.close()
    fresh, note = open_game(SCENARIO, play_args(tmp_path), ask=lambda q: True)
    try:
        assert not fresh.resumed and note is not None
    finally:
        fresh.close()
