"""A locked seat's round header: the clock it keeps, and when it stops keeping it.

A locked terminal gets no views (only notices), so what its header shows of the
round is what the last view said. Locking must not set that clock back, and once
the round or the clock changes the header must stop showing the old round.
"""

from __future__ import annotations

from game.tui.local_link import LocalGame
from game.tui.seat import SeatApp
from game.tui.widgets.round_header import RoundHeader
from tests.tui.conftest import running, screen_text, settle


async def test_locking_keeps_the_clock_counting_on(game: LocalGame) -> None:
    running(game)
    app = SeatApp(game.link(["net"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        header = app.query_one("#header", RoundHeader)
        assert header.countdown.left() > 880  # 15 minutes, counting down
        header.countdown.since -= 120  # the last view came two minutes ago
        await pilot.press("l")
        await settle(pilot)
        assert app.current is None and "Vergrendeld" in screen_text(app)
        # the clock went on from 13:00; before, locking set it back to 15:00
        assert 770 <= header.countdown.left() <= 780
        assert str(header.clock_text()).startswith("⏱ 1")  # 13:00 or a little less
        assert str(header.clock_text()) != "⏱ 15:00"


async def test_a_locked_seat_drops_the_round_when_it_moves_on(game: LocalGame) -> None:
    running(game)
    app = SeatApp(game.link(["net"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert "Ronde 2/4" in screen_text(app)  # the round is public: kept in view
        assert game.submit("facilitator", "next_round", {})["ok"]
        await settle(pilot)
        text = screen_text(app)
        # before: 'Ronde 2/4' and its clock stayed while the others were in round 3
        assert "Ronde 2/4" not in text and "⏱" not in text
        assert "Terminal vergrendeld" in text
