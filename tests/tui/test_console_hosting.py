"""The console as ``play`` and ``host`` run it: live bots on assigned seats, the web address.

A real game server on 127.0.0.1 in this event loop, with the bot pool that
``play`` attaches (``game.commands.play.bot_pool``): assigning a bot to an empty
role in the console makes a bot join that role's seat.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import pytest
from textual.widgets import DataTable

from game.cli import main
from game.commands.play import bot_pool
from game.server.hosting import open_session
from game.server.limits import Limits
from game.server.server import GameServer
from game.tui.console.app import ConsoleApp
from game.tui.local_link import LocalGame
from game.tui.net_link import NetLink
from game.web.embedded import start_web_seats
from tests.tui.conftest import MINI, screen_text, settle, widget_texts


async def until(check: Callable[[], bool], what: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def test_assigning_a_bot_in_the_console_starts_a_bot_on_that_seat() -> None:
    hosted = open_session(MINI, "short", tables=1, db=":memory:", seed=3, now=time.time())
    server = GameServer(hosted, limits=Limits(bad_code_delay=0.0), tick_interval=0.05)
    port = await server.start("127.0.0.1", 0)
    url = hosted.url = f"ws://127.0.0.1:{port}"
    pool = bot_pool(server, url, 0.05)
    link = NetLink.for_console(url, hosted.config.facilitator)
    await link.connect()
    try:
        app = ConsoleApp(link, codes=hosted.codes_document())
        async with app.run_test(size=(80, 24)) as pilot:
            await until(lambda: 1 in app.views, "the first view")
            seats = app.query_one("#seats", DataTable)
            assert "speler" in [str(c) for c in seats.get_row("winkels")]
            seats.focus()
            seats.move_cursor(row=seats.get_row_index("winkels"))
            await pilot.press("o", "enter")  # the first choice: a bot
            await until(lambda: app.presence.get(1, {}).get("winkels", 0) > 0, "the bot joined")
            await settle(pilot)
            assert server.tables[1].state.seats["winkels"] == "bot"
            row = [str(c) for c in seats.get_row("winkels")]
            assert row[0] == "◆" and row[2] == "bot"
            assert (1, "winkels") in pool.tasks and not pool.tasks[(1, "winkels")].done()
        await pool.stop()
        assert all(task.done() for task in pool.tasks.values())
    finally:
        await pool.stop()
        await link.close()
        await server.stop()
        hosted.close()


async def test_the_console_shows_the_browser_address(game: LocalGame) -> None:
    address = "http://10.0.0.7:8000/"
    codes = game.codes_document("ws://10.0.0.7:8765")
    app = ConsoleApp(game.link(["facilitator"]), codes=codes, web=address)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert address in text and "tab 3 Codes" in text
        assert "join ws://10.0.0.7:8765" in text
        assert address in widget_texts(app)  # the Codes tab lists it first, with its QR
    app = ConsoleApp(game.link(["facilitator"]), codes=codes, web=address)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert app.query_one("#address-qr").display  # room for the QR code beside it
        assert "█" in screen_text(app).split("Tafel 1")[0]


async def test_without_textual_serve_the_console_says_how_to_add_browser_seats(
    game: LocalGame,
) -> None:
    from game.tui.i18n import t

    note = t("console.web_missing")
    app = ConsoleApp(
        game.link(["facilitator"]), codes=game.codes_document("ws://h:1"), web_note=note
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert 'pip install ".[web]"' in screen_text(app)


async def test_browser_seats_served_beside_the_game_and_stopped() -> None:
    pytest.importorskip("textual_serve")
    import aiohttp

    seats = await start_web_seats("127.0.0.1", "ws://127.0.0.1:1", "nl", port=0)
    try:
        assert seats.address == f"http://127.0.0.1:{seats.port}/"
        async with aiohttp.ClientSession() as session, session.get(seats.address) as page:
            assert page.status == 200 and "Botsende belangen" in await page.text()
    finally:
        await seats.stop()
    with pytest.raises(OSError):
        await asyncio.open_connection("127.0.0.1", seats.port)


def test_a_negative_bot_pace_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", "--bot-pace", "-1"]) == 2
    assert "--bot-pace" in capsys.readouterr().err
