"""The console as ``play`` and ``host`` run it: live bots on assigned seats, one address.

A real game server on 127.0.0.1 in this event loop, with the bot pool that
``play`` attaches (``game.commands.console_run.bot_pool``): assigning a bot to
an empty role in the console makes a bot join that role's seat.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from game.cli import main
from game.commands.console_run import bot_pool, console_session
from game.commands.join import connect_and_run
from game.commands.screen import only_the_screen
from game.server.hosting import open_session
from game.server.limits import Limits
from game.server.server import GameServer
from game.tui.console.app import ConsoleApp
from game.tui.console.settings import ConsoleSettings
from game.tui.local_link import LocalGame
from game.tui.net_link import NetLink
from game.tui.room import RoomApp
from tests.tui.conftest import MINI, screen_text, settle


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
            assert "leeg" in [str(c) for c in seats.get_row("winkels")]
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


async def test_the_console_shows_one_address_for_terminals_and_browsers(game: LocalGame) -> None:
    codes = game.codes_document("http://10.0.0.7:8765/")
    app = ConsoleApp(game.link(["facilitator"]), codes=codes)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "botsende-belangen join 10.0.0.7:8765 --code CODE" in text
        assert "http://10.0.0.7:8765/" in text and ":8000" not in text
    app = ConsoleApp(game.link(["facilitator"]), codes=codes)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.query_one("#address-qr").display  # room for the QR code beside it
        assert app.query_one("#address-qr").data == "http://10.0.0.7:8765/"  # type: ignore[attr-defined]


async def started_server() -> tuple[Any, GameServer, str]:
    hosted = open_session(MINI, "short", tables=1, db=":memory:", seed=3, now=time.time())
    server = GameServer(hosted, limits=Limits(bad_code_delay=0.0), tick_interval=0.05)
    port = await server.start("127.0.0.1", 0)
    hosted.url = f"http://127.0.0.1:{port}/"
    return hosted, server, f"ws://127.0.0.1:{port}"


async def test_a_role_taken_back_from_its_bot_and_left_is_empty_and_goes_back_to_a_bot() -> None:
    hosted, server, url = await started_server()
    pool = bot_pool(server, url, 0.05)
    link = NetLink.for_console(url, hosted.config.facilitator)
    await link.connect()
    person = None
    try:
        app = ConsoleApp(link, codes=hosted.codes_document())
        async with app.run_test(size=(80, 24)) as pilot:
            await until(lambda: 1 in app.views, "the first view")
            seats = app.query_one("#seats", DataTable)
            seats.focus()
            seats.move_cursor(row=seats.get_row_index("winkels"))
            await pilot.press("o", "enter")
            await until(lambda: app.presence.get(1, {}).get("winkels", 0) > 0, "the bot joined")
            code = hosted.tables[0].record.roles["winkels"]
            person = NetLink.for_seat(url, [code])
            await person.connect()
            await until(lambda: server.tables[1].state.seats["winkels"] == "human", "taken back")
            await until(lambda: pool.tasks[(1, "winkels")].done(), "the bot left")
            await person.close()
            await until(lambda: app.presence.get(1, {}).get("winkels", 0) == 0, "the person left")
            await settle(pilot)
            row = [str(c) for c in seats.get_row("winkels")]
            assert row[2] == "leeg", row  # not a red "speler" nobody plays
            seats.move_cursor(row=seats.get_row_index("winkels"))
            await pilot.press("o", "enter")  # the same two keys
            await until(lambda: app.presence.get(1, {}).get("winkels", 0) > 0, "the bot is back")
            assert server.tables[1].state.seats["winkels"] == "bot"
            assert not pool.tasks[(1, "winkels")].done()
    finally:
        if person is not None:
            await person.close()
        await pool.stop()
        await link.close()
        await server.stop()
        hosted.close()


async def test_the_room_screen_refuses_a_role_code() -> None:
    hosted, server, url = await started_server()
    try:
        role_code = hosted.tables[0].record.roles["net"]
        link = NetLink.for_screen(url, role_code)
        assert await connect_and_run(link, RoomApp, url, only_the_screen) == 1
        assert only_the_screen({"screen": True, "seats": []}) is None
    finally:
        await server.stop()
        hosted.close()


async def test_a_resumed_console_starts_projector_safe_and_keeps_the_address_box_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    db = tmp_path / "game.db"
    hosted = open_session(MINI, "short", tables=1, db=db, seed=3, now=time.time())
    saved = ConsoleSettings.load(str(db))
    saved.address = False
    saved.save()
    server = GameServer(hosted, limits=Limits(bad_code_delay=0.0), tick_interval=0.05)
    port = await server.start("127.0.0.1", 0)
    hosted.url = f"http://127.0.0.1:{port}/"
    seen: dict[str, Any] = {}

    async def look(app: ConsoleApp) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await until(lambda: 1 in app.views, "the first view")
            await settle(pilot)
            seen.update(
                private=app.private,
                views=[v.get("private") for v in app.views.values()],
                address=app.query_one("#address").display,
                scenario=app.scenario,
                text=screen_text(app),
            )

    original = ConsoleApp.run_async

    async def run_async(self: ConsoleApp, **kw: Any) -> None:
        await look(self)

    monkeypatch.setattr(ConsoleApp, "run_async", run_async)
    try:
        assert (
            await console_session(server, hosted, local_url=f"ws://127.0.0.1:{port}", resumed=True)
            == 0
        )
    finally:
        monkeypatch.setattr(ConsoleApp, "run_async", original)
        await server.stop()
        hosted.close()
    assert seen["private"] is False and seen["views"] == [False]
    assert "PROJECTORVEILIG" in seen["text"] and "Waarde van" not in seen["text"]
    assert seen["address"] is False  # the facilitator had hidden it
    assert seen["scenario"] is hosted.scenario  # the Events tab can describe the effects


def test_a_negative_bot_pace_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", "--bot-pace", "-1"]) == 2
    err = capsys.readouterr().err
    assert "--bot-pace" in err and err.startswith("fout: ")


async def test_seats_that_came_back_before_the_console_opened_show_as_connected() -> None:
    hosted, server, url = await started_server()
    link = NetLink.for_console(url, hosted.config.facilitator)
    await link.connect()
    seat = NetLink.for_seat(url, [hosted.tables[0].record.roles["net"]])
    await seat.connect()  # after a crash the seats are often back before the console
    try:
        await until(
            lambda: link.presence.get(1) is not None and "net" in link.presence[1].roles, "presence"
        )
        app = ConsoleApp(link, codes=hosted.codes_document())
        async with app.run_test(size=(80, 24)) as pilot:
            await until(lambda: 1 in app.views, "the first view")
            await settle(pilot)
            row = [str(c) for c in app.query_one("#seats", DataTable).get_row("net")]
            assert row[0] == "●" and row[2] == "speler"
    finally:
        await seat.close()
        await link.close()
        await server.stop()
        hosted.close()


async def test_the_console_shows_an_address_slowed_by_wrong_codes_and_lifts_it() -> None:
    """Issue 17 item 4: the facilitator sees a block and lifts it with one key."""
    from websockets.asyncio.client import connect

    hosted = open_session(MINI, "short", tables=1, db=":memory:", seed=3, now=time.time())
    limits = Limits(bad_code_delay=0.0, max_bad_codes=2, bad_codes_per_minute=4, blocked_delay=0.2)
    server = GameServer(hosted, limits=limits, tick_interval=0.05)
    port = await server.start("127.0.0.1", 0)
    url = hosted.url = f"ws://127.0.0.1:{port}"
    link = NetLink.for_console(url, hosted.config.facilitator)
    await link.connect()
    try:
        app = ConsoleApp(link, codes=hosted.codes_document())
        async with app.run_test(size=(120, 40)) as pilot:
            await until(lambda: 1 in app.views, "the first view")
            assert not app.check_action("unblock", ())  # nothing to lift yet
            for n in range(4):  # four wrong codes from this address
                async with connect(url) as ws:
                    await ws.send(f'{{"type":"hello","protocol":1,"codes":["ZZZ-ZZ{n}"],"id":1}}')
                    await ws.recv()
            await until(lambda: bool(app.blocks), "the console hears of the block")
            await settle(pilot)
            text = " ".join(screen_text(app).split())
            assert "127.0.0.1 wordt vertraagd na 4 foute codes" in text and "⟨u⟩ opheffen" in text
            assert app.check_action("unblock", ())
            await pilot.press("u")
            await until(lambda: not app.blocks, "the block is lifted")
            assert not server.doorman.guard.blocked("127.0.0.1")
            await settle(pilot)
            assert "vertraagd" not in screen_text(app)
    finally:
        await link.close()
        await server.stop()
        hosted.close()
