"""A whole short game through the apps: a real server, the console and twelve seats.

Everything runs in one event loop: the game server on 127.0.0.1, the
facilitator console and one seat app per Leeuwaerdenhout role, each over its
own websocket. The facilitator drives the rounds with keys; every seat votes
with keys; the game ends in the debrief on every screen.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from pathlib import Path

from game.server.hosting import open_session
from game.server.server import GameServer
from game.tui.console.app import ConsoleApp
from game.tui.net_link import NetLink
from game.tui.seat import SeatApp
from tests.tui.conftest import screen_text, widget_texts

SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "leeuwaerdenhout.yaml"


async def until(check: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def test_a_short_game_to_its_debrief_through_the_apps(tmp_path: Path) -> None:
    hosted = open_session(
        SCENARIO, "short", tables=1, db=tmp_path / "g.db", seed=5, now=time.time()
    )
    server = GameServer(hosted)
    port = await server.start("127.0.0.1", 0)
    url = hosted.url = f"ws://127.0.0.1:{port}"
    codes = hosted.tables[0].record.roles
    try:
        async with contextlib.AsyncExitStack() as stack:
            console_link = NetLink.for_console(url, hosted.config.facilitator)
            await console_link.connect()
            console = ConsoleApp(console_link, codes=hosted.codes_document())
            cp = await stack.enter_async_context(console.run_test(size=(100, 30)))
            seats: dict[str, tuple[SeatApp, object]] = {}
            for role, code in codes.items():
                link = NetLink.for_seat(url, [code])
                await link.connect()
                stack.push_async_callback(link.close)
                app = SeatApp(link)
                pilot = await stack.enter_async_context(app.run_test(size=(80, 24)))
                seats[role] = (app, pilot)
            stack.push_async_callback(console_link.close)
            table = server.tables[1]

            await until(lambda: sum(console.presence.get(1, {}).values()) == 12, "12 seats")
            await cp.press("b")
            await until(lambda: table.state.phase == "running", "start")
            await cp.press("n")
            await until(lambda: table.state.round_id == "ontwerpen", "design round")
            await until(
                lambda: all(
                    a.views.get(r, {}).get("clock", {}).get("round") == "ontwerpen"
                    for r, (a, _) in seats.items()
                ),
                "views of round 2",
            )

            app, pilot = seats["wethouder"]
            await pilot.press("4")  # type: ignore[attr-defined]
            await until(lambda: "openingen" in widget_texts(app).lower(), "preview")
            await pilot.press("p")  # type: ignore[attr-defined]
            await pilot.pause()  # type: ignore[attr-defined]
            await pilot.press("enter")  # type: ignore[attr-defined]
            await until(lambda: len(table.state.proposals) == 1, "a proposal")
            await until(
                lambda: all(a.views[r]["proposals"] for r, (a, _) in seats.items()),
                "the proposal on every seat",
            )
            app, pilot = seats["bewoners"]
            await pilot.press("6")  # type: ignore[attr-defined]
            await until(lambda: "P1" in widget_texts(app), "the proposal on the table tab")

            await cp.press("n")
            await until(lambda: table.state.round_id == "besluit", "decision round")
            await until(
                lambda: console.views.get(1, {}).get("clock", {}).get("round") == "besluit",
                "console view",
            )
            await cp.press("1", "s")
            await until(lambda: table.state.open_ballot is not None, "the vote")
            for role, (app, pilot) in seats.items():
                await until(
                    lambda a=app, r=role: bool((a.views.get(r) or {}).get("ballot")),
                    f"ballot at {role}",
                )
                # the ballot opens by itself and takes the keys
                await until(lambda a=app: len(a.screen_stack) > 1, f"vote dialog at {role}")
                await pilot.press("j")  # type: ignore[attr-defined]
            await until(lambda: table.state.agreement == "P1", "the agreement")
            # after the agreement every seat asks its role to sign: all sign
            for role, (app, pilot) in seats.items():
                await until(lambda a=app: len(a.screen_stack) > 1, f"sign dialog at {role}")
                await pilot.press("enter")  # type: ignore[attr-defined]
            await until(lambda: len(table.state.signatures) == 12, "twelve signatures")

            await cp.press("n")
            await until(lambda: table.state.revealed, "the reveal")
            for role, (app, _) in seats.items():
                await until(lambda a=app, r=role: bool(a.views[r]["reveal"]), f"reveal at {role}")
                await seats[role][1].press("8")  # type: ignore[attr-defined]
                await until(lambda a=app: "Akkoord over P1" in widget_texts(a), f"debrief {role}")
            await until(lambda: "Akkoord over P1" in widget_texts(console), "console debrief")
    finally:
        await server.stop()
        hosted.close()


async def test_shared_terminal_over_the_network_uses_the_server_pins(tmp_path: Path) -> None:
    hosted = open_session(
        SCENARIO, "short", tables=1, db=tmp_path / "p.db", seed=2, now=time.time()
    )
    server = GameServer(hosted)
    port = await server.start("127.0.0.1", 0)
    record = hosted.tables[0].record
    try:
        link = NetLink.for_seat(
            f"ws://127.0.0.1:{port}",
            [record.roles["netbeheerder"], record.roles["waterschap"]],
            locked=True,
        )
        await link.connect()
        app = SeatApp(link)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.views == {} and link.client.views == {}
            await pilot.press("enter")  # the chooser opened by itself: the first role
            await pilot.pause()
            await pilot.press(*"0000", "enter")
            # the PIN is asked again for the same role, saying why
            await until(lambda: "Onjuiste pincode." in screen_text(app), "the refusal")
            assert app.current is None
            await pilot.press(*record.pins["netbeheerder"], "enter")
            await until(lambda: "netbeheerder" in app.views, "the private view")
            await pilot.press("2")
            await until(lambda: "Reservewaarde" in widget_texts(app), "the briefing")
            await pilot.press("l")
            await until(lambda: not link.client.views, "the view dropped")
            assert app.views == {} and "Reservewaarde" not in widget_texts(app)
        await link.close()
    finally:
        await server.stop()
        hosted.close()
