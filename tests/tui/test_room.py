"""The room screen through Pilot."""

from __future__ import annotations

from game.tui.local_link import LocalGame
from game.tui.room import RoomApp
from tests.tui.conftest import running, screen_text, settle, widget_texts


def to_vote(game: LocalGame) -> None:
    running(game)
    game.submit("net", "propose", {"package": {"ontwerp": "groen", "fasering": "samen"}})
    game.submit("net", "private_message", {"to": "gemeente", "text": "onder ons"})
    game.submit("facilitator", "next_round", {})
    game.submit("facilitator", "call_vote", {"proposal": "P1"})


async def test_room_shows_clock_press_map_proposals_and_tally(game: LocalGame) -> None:
    to_vote(game)
    app = RoomApp(game.link(["room"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Ronde 3/4: Besluit" in text and "⏱" in text  # the clock in the title line
        assert "Dorpsstraat" in text and "P1" in text
        assert "0 voor" in text
        game.submit("net", "vote", {"choice": "yes"})
        await settle(pilot)
        assert "1 voor" in screen_text(app)
        assert "onder ons" not in widget_texts(app)
        assert "Wat alleen jij weet" not in widget_texts(app)


async def test_room_switches_to_debrief_after_reveal(game: LocalGame) -> None:
    to_vote(game)
    app = RoomApp(game.link(["room"]))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        for role in ("net", "gemeente", "winkels"):
            game.submit(role, "vote", {"choice": "yes"})
        game.submit("facilitator", "next_round", {})
        await settle(pilot)
        text = screen_text(app)
        assert "Nabespreking: scores tegen reservewaarden" in text
        await pilot.press("1")
        await settle(pilot)
        assert "Mini-scenario" in screen_text(app)


async def test_room_at_80x24_shows_the_whole_round_text() -> None:
    """On a small screen the big digits make way, so the instructions and the rule fit."""
    from game.scenario.loader import load_scenario
    from game.tui.room import SMALL_HEIGHT
    from tests.tui.test_workshop_items import LEEUWAERDENHOUT

    game = running(LocalGame(load_scenario(LEEUWAERDENHOUT), "short", seed=3), rounds=2)
    app = RoomApp(game.link(["room"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert SMALL_HEIGHT > 24 and app.screen.has_class("small")
        text = " ".join(screen_text(app).split())
        assert "is een veto." in text  # the last words of the header: nothing cut
        assert "⏱" in text  # the clock stays, in the title line
    async with RoomApp(game.link(["room"])).run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert not pilot.app.screen.has_class("small")
        assert "╭─╮" in screen_text(pilot.app)  # big digits where there is room
