"""The browser entry app against a real game server on 127.0.0.1 (in this event loop).

A wrong code leaves a Dutch message on the entry screen; a right code ends the
entry app with the joined link, and the app it hands over to shows the seat's
briefing (or the room screen for the screen code).
"""

from __future__ import annotations

import asyncio
import importlib.util
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from game.cli import main
from game.server.hosting import HostedSession, open_session
from game.server.limits import Limits
from game.server.server import GameServer
from game.tui.room import RoomApp
from game.tui.seat import SeatApp
from game.web.address import terminal_qr, web_address
from game.web.entry import EntryApp, app_for, split_codes
from tests.tui.conftest import MINI, widget_texts


async def until(check: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


@pytest.fixture
async def hosted() -> AsyncIterator[HostedSession]:
    session = open_session(MINI, "short", tables=1, db=":memory:", seed=3, now=time.time())
    server = GameServer(session, limits=Limits(bad_code_delay=0.0), tick_interval=0.05)
    port = await server.start("127.0.0.1", 0)
    session.url = f"ws://127.0.0.1:{port}"
    try:
        yield session
    finally:
        await server.stop()
        session.close()


def codes(hosted: HostedSession) -> dict[str, Any]:
    return dict(hosted.codes_document()["tables"][0])


async def enter(app: EntryApp, pilot: Any, text: str) -> None:
    app.query_one("#codes").value = text  # type: ignore[attr-defined]
    await pilot.press("enter")


async def test_a_wrong_code_shows_the_error_and_stays(hosted: HostedSession) -> None:
    app = EntryApp(hosted.url)
    async with app.run_test(size=(90, 30)) as pilot:
        await enter(app, pilot, "XXX-XXX")
        await until(lambda: "Die code is onjuist" in widget_texts(app), "the error")
        assert app.is_running and app.link is None
        assert not app.query("#server")  # the server was given: no field for it
        await enter(app, pilot, "")
        await until(lambda: "Typ eerst je code" in widget_texts(app), "ask for a code")


async def test_a_right_code_hands_over_to_the_seat_with_its_briefing(
    hosted: HostedSession,
) -> None:
    app = EntryApp(hosted.url)
    async with app.run_test(size=(90, 30)) as pilot:
        await pilot.press(*codes(hosted)["roles"]["net"].lower())
        await pilot.press("enter")
        await until(lambda: app.return_value is not None, "the join")
    link = app.return_value
    assert link is not None and link.roles == ("net",)
    seat = app_for(link)
    assert isinstance(seat, SeatApp)
    try:
        async with seat.run_test(size=(100, 32)) as pilot:
            await until(lambda: "net" in seat.views, "the seat's view")
            await pilot.press("2")
            await until(lambda: "Briefing net" in widget_texts(seat), "the briefing")
            assert "Reservewaarde" in widget_texts(seat)
    finally:
        await link.close()


async def test_the_screen_code_opens_the_room_screen_and_codes_mix_not(
    hosted: HostedSession,
) -> None:
    table = codes(hosted)
    app = EntryApp(None)  # no --server: the participant may type it, prefilled
    async with app.run_test(size=(90, 30)) as pilot:
        app.query_one("#server").value = hosted.url  # type: ignore[attr-defined]
        await enter(app, pilot, f"{table['screen']} {table['roles']['net']}")
        await until(lambda: "niet allebei" in widget_texts(app), "mixed codes refused")
        await enter(app, pilot, table["screen"])
        await until(lambda: app.return_value is not None, "the join")
    link = app.return_value
    assert link is not None
    try:
        assert isinstance(app_for(link), RoomApp)
    finally:
        await link.close()


async def test_several_codes_share_one_seat(hosted: HostedSession) -> None:
    roles = codes(hosted)["roles"]
    app = EntryApp(hosted.url)
    async with app.run_test(size=(90, 30)) as pilot:
        await enter(app, pilot, f"{roles['net']}, {roles['winkels']}")
        await until(lambda: app.return_value is not None, "the join")
    link = app.return_value
    assert link is not None
    try:
        assert set(link.roles) == {"net", "winkels"}
        assert link.client.locked  # a shared terminal opens each role with its PIN
    finally:
        await link.close()


async def test_an_unreachable_server_is_one_sentence(hosted: HostedSession) -> None:
    app = EntryApp("127.0.0.1:9")  # nothing listens on the discard port
    async with app.run_test(size=(90, 30)) as pilot:
        await enter(app, pilot, codes(hosted)["roles"]["net"])
        await until(lambda: "draait geen spel" in widget_texts(app), "the error")
        assert app.is_running


def test_codes_split_on_spaces_and_commas() -> None:
    assert split_codes(" ab1-cd2, EF3-GH4;ij5 \n") == ["ab1-cd2", "EF3-GH4", "ij5"]
    assert split_codes("  ") == []


def test_the_address_and_its_terminal_qr_code() -> None:
    assert web_address("127.0.0.1", 8000) == "http://127.0.0.1:8000/"
    assert web_address("0.0.0.0", 8001).endswith(":8001/")
    rows = terminal_qr("http://192.168.1.5:8000/").splitlines()
    assert len({len(row) for row in rows}) == 1 and len(rows[0]) >= 21 + 4
    assert set("".join(rows)) <= set("█▀▄ ")
    assert rows[0] == "█" * len(rows[0])  # the light quiet zone on top


def test_web_without_textual_serve_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "textual_serve" else real(name, *a),
    )
    assert main(["web"]) == 1
    assert "botsende-belangen[web]" in capsys.readouterr().err


async def test_a_wrong_server_address_is_one_sentence() -> None:
    app = EntryApp(None)
    async with app.run_test(size=(90, 30)) as pilot:
        app.query_one("#server").value = "ftp://127.0.0.1:1"  # type: ignore[attr-defined]
        await enter(app, pilot, "ABC-DEF")
        await until(lambda: "is geen adres van het spel" in widget_texts(app), "the error")
        assert app.is_running
