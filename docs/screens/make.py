"""Make the SVG screenshots of the main screens in docs/screens/.

Run: ``.venv/bin/python docs/screens/make.py`` — plays a little of the
Leeuwaerdenhout scenario in an in-process game and saves each screen
(``make.py console``: only the facilitator console's).
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from game.scenario.loader import load_scenario  # noqa: E402
from game.tui.console.app import ConsoleApp  # noqa: E402
from game.tui.local_link import LocalGame  # noqa: E402
from game.tui.room import RoomApp  # noqa: E402
from game.tui.seat import SeatApp  # noqa: E402

OUT = Path(__file__).resolve().parent


def setup_game() -> LocalGame:
    sc = load_scenario(ROOT / "scenarios" / "leeuwaerdenhout.yaml")
    pins = {r: "1234" for r in sc.role_ids}
    game = LocalGame(sc, "short", seed=7, pins=pins)
    game.submit("facilitator", "start", {})
    game.submit("facilitator", "next_round", {})
    live = sc.mode("short").issues
    first = {i: sc.issue(i).options[0].id for i in live}
    second = {i: sc.issue(i).options[-1].id for i in live}
    game.submit("wethouder", "propose", {"package": first, "note": "Eén keer open, goed groen."})
    game.submit("netbeheerder", "propose", {"package": second})
    game.submit("bewoners", "support", {"proposal": "P1", "reason": "minder overlast"})
    game.submit("woningcorporatie", "object", {"proposal": "P1", "reason": "te duur"})
    game.submit("netbeheerder", "message", {"text": "Kunnen we de Kerkstraat samen doen?"})
    game.submit("netbeheerder", "mark", {"segment": sc.segments[1].id, "kind": "bottleneck"})
    game.submit("groen", "mark", {"segment": sc.segments[0].id, "kind": "opportunity"})
    events = sc.mode("short").events or tuple(e.id for e in sc.events)
    game.submit("facilitator", "play_event", {"event": events[0]})
    return game


async def shoot(
    app: Any, name: str, size: tuple[int, int], steps: Callable[[Any], Awaitable[None]]
) -> None:
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await steps(pilot)
        await pilot.pause(0.3)
        app.save_screenshot(str(OUT / f"{name}.svg"))
        print(f"docs/screens/{name}.svg")


def keys(*pressed: str) -> Callable[[Any], Awaitable[None]]:
    async def go(pilot: Any) -> None:
        for key in pressed:
            await pilot.press(key)
            await pilot.pause(0.2)

    return go


SIZES = ((80, 24), (120, 40))
"""Every seat tab and the room screen at a laptop's smallest terminal and a roomy one."""
TABS = (
    ("press", ("1",)),
    ("briefing", ("2",)),
    ("map", ("4", "3")),
    ("builder", ("4",)),
    ("plan", ("4", "5")),
    ("table", ("6",)),
    ("chat", ("7",)),
)


def sized(name: str, size: tuple[int, int]) -> str:
    """``seat-map`` at 120×40 keeps its plain name (the README shows it); others get the size."""
    return name if size == (120, 40) else f"{name}-{size[0]}x{size[1]}"


async def main(console: bool = True) -> None:
    game = setup_game()
    for size in SIZES:
        for tab, pressed in TABS:
            link = game.link(["netbeheerder"])
            await shoot(SeatApp(link), sized(f"seat-{tab}", size), size, keys(*pressed))
    shared = game.link(["netbeheerder", "waterschap"], locked=["netbeheerder", "waterschap"])
    await shoot(SeatApp(shared), "seat-locked", (80, 24), keys())
    # An event card as it opens on every seat, whatever tab is shown.
    await shoot(SeatApp(game.link(["groen"])), "seat-event", (80, 24), event_steps(game))
    if console:
        await console_shots(game, before_vote=True)
    game.submit("facilitator", "next_round", {})
    game.submit("facilitator", "call_vote", {"proposal": "P1"})
    for role in game.scenario.role_ids[:5]:
        game.submit(role, "vote", {"choice": "yes"})
    if console:
        await console_shots(game, before_vote=False)
    for size in SIZES:  # the ballot opens by itself
        await shoot(SeatApp(game.link(["bewoners"])), sized("seat-vote", size), size, keys())
    for size in (*SIZES, (160, 45)):
        await shoot(RoomApp(game.link(["room"])), sized("room", size), size, keys())
    for role in game.scenario.role_ids[5:]:
        game.submit(role, "vote", {"choice": "yes"})
    for size in SIZES:  # after the agreement every seat asks its role to sign
        await shoot(SeatApp(game.link(["groen"])), sized("seat-sign", size), size, keys())
    for role in game.scenario.role_ids:
        game.submit(role, "sign", {})
    game.submit("facilitator", "next_round", {})
    for size in SIZES:
        app = SeatApp(game.link(["netbeheerder"]))
        await shoot(app, sized("seat-debrief", size), size, keys("8"))
    await shoot(RoomApp(game.link(["room"])), "room-debrief", (160, 45), keys())


def event_steps(game: LocalGame) -> Callable[[Any], Awaitable[None]]:
    async def go(pilot: Any) -> None:
        await pilot.press("4")
        await pilot.pause(0.3)
        events = game.scenario.mode("short").events or tuple(e.id for e in game.scenario.events)
        game.submit("facilitator", "play_event", {"event": events[1]})
        await pilot.pause(0.5)

    return go


def codes_of(game: LocalGame) -> dict[str, Any]:
    """The codes a real host hands out (a local game's codes are its role ids)."""
    codes = game.codes_document("http://192.168.1.20:8765/")
    letters = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    for table in codes["tables"]:
        table["screen"] = "ZS4-7KQ"
        for n, role in enumerate(table["roles"]):
            a, b = letters[(7 * n + 3) % 31], letters[(11 * n + 5) % 31]
            table["roles"][role] = f"{a}{b}{n % 8 + 2}-K{b}{a}"
    return codes


async def console_shots(game: LocalGame, *, before_vote: bool) -> None:
    """The facilitator console: the table, the codes, an event; projector-safe during a vote."""
    codes = codes_of(game)

    def console() -> ConsoleApp:
        return ConsoleApp(game.link(["facilitator"]), codes=codes, scenario=game.scenario)

    if before_vote:
        await shoot(console(), "console", (120, 40), keys("1", "down"))
        await shoot(console(), "console-codes", (120, 40), keys("3", "down", "down", "down"))
        await shoot(console(), "console-events", (120, 40), keys("2", "down"))
        await shoot(console(), "console-small", (80, 24), keys("1"))
    else:
        await shoot(console(), "console-projector", (120, 40), keys("f", "1"))


async def only_console() -> None:
    game = setup_game()
    await console_shots(game, before_vote=True)
    game.submit("facilitator", "next_round", {})
    game.submit("facilitator", "call_vote", {"proposal": "P1"})
    for role in game.scenario.role_ids[:5]:
        game.submit(role, "vote", {"choice": "yes"})
    await console_shots(game, before_vote=False)


if __name__ == "__main__":
    if sys.argv[1:] == ["console"]:
        asyncio.run(only_console())
    else:
        asyncio.run(main(console="--no-console" not in sys.argv))
