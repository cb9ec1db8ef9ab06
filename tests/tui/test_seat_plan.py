"""The plan tab of a proposal: its job list is not in the view; the seat fetches
it (the ``plan`` request), says so while it comes, and keeps it per package."""

from __future__ import annotations

import asyncio
from typing import Any

from game.tui.local_link import LocalGame
from game.tui.seat import SeatApp
from tests.tui.conftest import running, screen_text, settle

PACKAGE = {"ontwerp": "kaal", "fasering": "samen"}


def proposed(game: LocalGame) -> LocalGame:
    running(game)
    assert game.submit("gemeente", "propose", {"package": PACKAGE})["ok"]
    assert "jobs" not in game.view_for("net")["proposals"][0]["metrics"]
    return game


async def show_p1_plan(app: SeatApp, pilot: Any) -> None:
    await pilot.press("6")  # the table, P1 selected
    await settle(pilot)
    await pilot.press("k")  # show it on map and plan
    await settle(pilot)
    await pilot.press("5")  # the plan tab
    await settle(pilot)


async def test_the_plan_of_a_proposal_is_fetched_once_and_shown(game: LocalGame) -> None:
    link = game.link(["net"])
    asked: list[dict[str, str]] = []
    fetch = link.plan

    async def counting(package: dict[str, str]) -> dict[str, Any]:
        asked.append(dict(package))
        return await fetch(package)

    link.plan = counting  # type: ignore[method-assign]
    proposed(game)
    app = SeatApp(link)
    async with app.run_test(size=(100, 30)) as pilot:
        await show_p1_plan(app, pilot)
        shown = screen_text(app)
        assert "Uitvoeringsplan: P1" in shown
        assert "Riool vervangen" in shown and "█" in shown and "Planning laden" not in shown
        assert asked == [PACKAGE]
        # another view (a message) and back to the plan: kept, not fetched again
        assert game.submit("net", "message", {"text": "hallo"})["ok"]
        await pilot.press("6", "5")
        await settle(pilot)
        assert "Riool vervangen" in screen_text(app) and asked == [PACKAGE]


async def test_the_plan_tab_says_it_is_loading_until_the_plan_comes(game: LocalGame) -> None:
    link = game.link(["net"])
    release = asyncio.Event()
    fetch = link.plan

    async def slow(package: dict[str, str]) -> dict[str, Any]:
        await release.wait()
        return await fetch(package)

    link.plan = slow  # type: ignore[method-assign]
    proposed(game)
    app = SeatApp(link)
    async with app.run_test(size=(100, 30)) as pilot:
        for key in ("6", "k"):  # no plan asked yet: the table tab is shown
            await pilot.press(key)
            await settle(pilot)
        await pilot.press("5")
        for _ in range(10):  # the plan tab mounts and asks; the answer waits
            await pilot.pause(0.05)
            if "Planning laden…" in screen_text(app):
                break
        shown = screen_text(app)
        assert "Planning laden…" in shown and "Riool vervangen" not in shown
        release.set()
        await settle(pilot)
        shown = screen_text(app)
        assert "Planning laden…" not in shown and "Riool vervangen" in shown
