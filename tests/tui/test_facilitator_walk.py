"""What the facilitator and the room saw when walking through a workshop (WORKSHOP.md, Anna)."""

from __future__ import annotations

import asyncio

from game.tui.console.app import ConsoleApp
from game.tui.local_link import LocalGame
from tests.tui.conftest import running, screen_text, settle


def console(game: LocalGame) -> ConsoleApp:
    return ConsoleApp(
        game.link(["facilitator"]),
        codes=game.codes_document("http://10.0.0.7:8765/"),
        scenario=game.scenario,
    )


async def test_projector_switch_keeps_the_footer_to_the_keys_that_work(game: LocalGame) -> None:
    """Switching to projector-safe showed every key (Start, Kaart, Stemming...) in the footer.

    Over the network the public view comes a moment after the switch; the footer
    was drawn without a view in between and not again when the view came.
    """
    running(game, rounds=1)  # round 2 of 4: no vote yet, the game started long ago
    link = game.link(["facilitator"])
    switch = link.set_private

    async def over_the_network(private: bool) -> None:
        await asyncio.sleep(0.3)
        await switch(private)

    link.set_private = over_the_network  # type: ignore[method-assign]
    app = ConsoleApp(link, codes=game.codes_document("http://10.0.0.7:8765/"))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        before = screen_text(app).splitlines()[-1]
        assert "Start" not in before and "Stemming" not in before
        for _ in range(2):  # to projector-safe and back
            await pilot.press("f")
            await pilot.pause(0.1)
            await pilot.pause(0.5)
            await settle(pilot)
            footer = screen_text(app).splitlines()[-1]
            assert "Start" not in footer and "Stemming" not in footer, footer
            assert "Sluiten" not in footer and "Volgende" in footer, footer
