"""No message key, error code or English engine reason on a Dutch screen (and no Dutch
chrome on an English one): every notice kind, ballot outcome and error code goes
through the seat, the room screen and the console, in both languages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from game.engine import ILLEGAL_CODES
from game.tui import i18n
from game.tui.console.app import ConsoleApp
from game.tui.link import send_move
from game.tui.local_link import LocalGame
from game.tui.messages import NoticeArrived
from game.tui.notices import NOTICE_KINDS, SHOWN, describe, tally_text
from game.tui.room import RoomApp
from game.tui.seat import SeatApp
from game.tui.viewdata import role_names
from tests.tui.conftest import notified, running, settle

ENGINE = Path(__file__).resolve().parents[2] / "game" / "engine"
REASONS = ("", "quorum", "veto:gemeente", "infeasible", "closed")
RAW = re.compile(r"\b[a-z]+_[a-z_]+\b|\b[a-z]+\.[a-z_]+\.?[a-z_]*\b|\{[a-z_]+\}")
"""A message key (``vote.reason.veto``), a code (``not_allowed``) or an unfilled field."""
FOREIGN = {
    "nl": re.compile(r"\b(the|there|vote|proposal|round|error|already|signed|withdrawn)\b"),
    "en": re.compile(r"\b(Stemming|voorstel|ronde|heeft|gestemd|VERWORPEN|AANGENOMEN|Nieuw)\b"),
}
ENGLISH_REASON = "there is no such thing here"


def sample_notices() -> list[dict[str, Any]]:
    """One notice of every kind (and every ballot outcome), with mini-scenario ids."""
    found: list[dict[str, Any]] = [
        {"kind": "agreement", "proposal": "P1", "package": {}},
        {"kind": "announcement", "text": "Pauze"},
        {"kind": "auto_advance", "on": True},
        {"kind": "commented", "role": "net", "proposal": "P1"},
        {"kind": "disclosed", "role": "net", "issue": "ontwerp"},
        {"kind": "event_played", "event": "vertraging", "round": "ontwerpen"},
        {"kind": "extended", "minutes": -1.5},
        {"kind": "locked", "role": "net"},
        {"kind": "marked", "role": "net", "segment": "plein", "mark": "bottleneck"},
        {"kind": "message", "sender": "net"},
        {"kind": "paused", "remaining": 60.0},
        {"kind": "private_message", "sender": "net", "to": "gemeente"},
        {"kind": "proposed", "proposal": "P1", "author": "net", "parent": None},
        {"kind": "resumed"},
        {"kind": "revealed", "agreement": None},
        {"kind": "round_started", "round": "besluit", "index": 2},
        {"kind": "seat_assigned", "role": "winkels", "seat": "bot"},
        {"kind": "session_ended", "agreement": "P1"},
        {"kind": "signed", "role": "net", "proposal": "P1"},
        {"kind": "unlocked", "role": "net"},
        {"kind": "vote_called", "ballot": "B1", "proposal": "P1", "quorum": 2},
        {"kind": "voted", "role": "net", "ballot": "B1"},
        {"kind": "withdrawn", "proposal": "P1"},
    ]
    for reason in REASONS:
        found.append(
            {
                "kind": "vote_closed",
                "ballot": "B1",
                "proposal": "P1",
                "passed": not reason,
                "reason": reason,
                "yes": 1,
                "no": 1,
                "abstain": 0,
            }
        )
    return found


def error_codes() -> list[str]:
    server = [k.split(".", 1)[1] for k in i18n.nl.STRINGS if k.startswith("error.")]
    return sorted(set(ILLEGAL_CODES) | set(server) | {"some_new_code"})


def check(text: str, lang: str) -> None:
    assert text.strip()
    assert not RAW.findall(text), (lang, RAW.findall(text), text)
    assert not FOREIGN[lang].findall(text), (lang, FOREIGN[lang].findall(text), text)
    assert ENGLISH_REASON not in text


@pytest.fixture(params=["nl", "en"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("nl")


def test_the_engine_emits_only_known_notice_kinds() -> None:
    emitted = set()
    for path in ENGINE.glob("*.py"):
        emitted |= set(re.findall(r"\"kind\": \"([a-z_]+)\"", path.read_text()))
    assert emitted == set(NOTICE_KINDS)
    for kind in NOTICE_KINDS:
        assert f"notice.{kind}" in i18n.nl.STRINGS and f"notice.{kind}" in i18n.en.STRINGS


def test_catalogs_are_complete() -> None:
    assert set(i18n.nl.STRINGS) == set(i18n.en.STRINGS)
    for code in ILLEGAL_CODES:
        assert f"error.{code}" in i18n.en.STRINGS


async def drive(app: App[Any], game: LocalGame, actor: str, lang: str) -> None:
    """Every notice and every error code through ``app``; check what it shows."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for notice in sample_notices():
            app.post_message(NoticeArrived(notice))
            await pilot.pause()
            if notice["kind"] in SHOWN and isinstance(app, SeatApp):
                check(str(app.query_one("#news").content), lang)
        shown = notified(app)
        if not isinstance(app, SeatApp):
            for line in shown.splitlines():
                check(line, lang)
        link: Any = app.link  # type: ignore[attr-defined]

        for code in error_codes():

            async def refuse(*_a: Any, _code: str = code, **_k: Any) -> dict[str, Any]:
                return {"ok": False, "code": _code, "reason": ENGLISH_REASON}

            link.send = refuse
            app.clear_notifications()
            await send_move(app, link, actor, "propose", {})
            await pilot.pause()
            check(notified(app), lang)


async def test_every_notice_and_error_on_seat_room_and_console(game: LocalGame, lang: str) -> None:
    running(game)
    await drive(SeatApp(game.link(["net"])), game, "net", lang)
    await drive(RoomApp(game.link(["room"])), game, "room", lang)
    console = ConsoleApp(game.link(["facilitator"]), codes=game.codes_document("ws://127.0.0.1:1"))
    await drive(console, game, "facilitator", lang)


def test_every_notice_and_ballot_outcome_reads_in_both_languages(
    game: LocalGame, lang: str
) -> None:
    from game.engine import player_view

    running(game)
    view = player_view(game.state, "net", 0.0)
    for notice in sample_notices():
        check(describe(notice, view), lang)
    for reason in REASONS:
        ballot = {
            "proposal": "P1",
            "open": False,
            "passed": not reason,
            "reason": reason,
            "tally": {"yes": 1, "no": 1, "abstain": 0},
            "quorum": 2,
        }
        text = tally_text(ballot, role_names(view))
        check(text, lang)
    veto = tally_text({"open": False, "passed": False, "reason": "veto:gemeente"}, role_names(view))
    assert ("veto van Wethouder" if lang == "nl" else "vetoed by Wethouder") in veto


def test_a_failed_join_reads_as_a_sentence_without_socket_text(lang: str) -> None:
    import socket

    from game.commands.join import connect_error

    for exc in (
        socket.gaierror(-2, "Name or service not known"),
        ConnectionRefusedError(111, "Connect call failed"),
        OSError(113, "No route to host"),
        RuntimeError("boom"),
    ):
        text = connect_error(exc, "ws://127.0.0.1:1")
        assert "Errno" not in text and "Name or service" not in text and "Connect call" not in text
        assert not text.startswith("error")
        check(text.replace("ws://127.0.0.1:1", "ADRES"), lang)


async def test_ctrl_c_says_how_to_stop_in_the_interface_language(game: LocalGame) -> None:
    for app in (SeatApp(game.link(["net"])), RoomApp(game.link(["room"]))):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("ctrl+c")
            await pilot.pause()
            text = notified(app)
            assert "Stoppen: druk ⟨q⟩" in text and "Do you want" not in text
            assert app.is_running
