"""The facilitator console through Pilot, against an in-process game."""

from __future__ import annotations

import re

from textual.widgets import DataTable

from game.tui.console.app import ConsoleApp
from game.tui.local_link import LocalGame
from game.tui.seat import SeatApp
from tests.tui.conftest import notified, running, screen_text, settle, widget_texts


def console(game: LocalGame) -> ConsoleApp:
    return ConsoleApp(game.link(["facilitator"]), codes=game.codes_document("ws://10.0.0.7:8765"))


async def test_round_controls_with_keys(game: LocalGame) -> None:
    app = console(game)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "10.0.0.7:8765" in screen_text(app).replace(" ", "") or "8765" in widget_texts(app)
        assert "botsende-belangen join ws://10.0.0.7:8765" in screen_text(app)
        await pilot.press("b")
        await settle(pilot)
        assert game.state.phase == "running" and game.state.round_id == "opening"
        await pilot.press("z")
        await settle(pilot)
        assert game.state.paused and "GEPAUZEERD" in screen_text(app)
        left = game.state.remaining
        await pilot.press("plus")
        await settle(pilot)
        assert game.state.remaining == left + 60
        await pilot.press("minus", "minus")
        await settle(pilot)
        assert game.state.remaining == left - 60
        await pilot.press("z")
        await settle(pilot)
        assert not game.state.paused
        await pilot.press("n")
        await settle(pilot)
        assert game.state.round_id == "ontwerpen"
        assert "Ronde 2/4: Ontwerpen en plannen" in screen_text(app)


async def test_event_card_with_text_and_announcement(game: LocalGame) -> None:
    running(game)
    app = console(game)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        assert "Vergunning vertraagd" in screen_text(app)
        assert "De kabels kunnen pas drie maanden later." in widget_texts(app)
        await pilot.press("e")
        await settle(pilot)
        assert game.state.events_played == ("vertraging",)
        await pilot.press("a", *"nog vijf minuten", "enter")
        await settle(pilot)
        assert game.state.announcements[-1].text == "nog vijf minuten"


async def test_call_vote_and_live_tally(game: LocalGame) -> None:
    running(game)
    game.submit("gemeente", "propose", {"package": {"ontwerp": "groen", "fasering": "samen"}})
    game.submit("facilitator", "next_round", {})
    app = console(game)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert game.state.open_ballot is not None
        game.submit("net", "vote", {"choice": "yes"})
        await settle(pilot)
        assert "1 voor · 0 tegen" in screen_text(app)
        game.submit("gemeente", "vote", {"choice": "no"})
        game.submit("winkels", "vote", {"choice": "yes"})
        await settle(pilot)
        assert "VERWORPEN" in screen_text(app) and "veto" in screen_text(app)


async def test_assign_a_bot_with_two_keys(game: LocalGame) -> None:
    app = console(game)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.query_one("#seats", DataTable).focus()
        await pilot.press("down", "down")  # Winkeliers
        await pilot.press("o", "enter")
        await settle(pilot)
        assert game.state.seats["winkels"] == "bot"


async def test_seat_turns_green_when_a_player_joins(game: LocalGame) -> None:
    app = console(game)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        seats = app.query_one("#seats", DataTable)
        assert "red" in str(seats.get_row("net")[0].style)
        seat = SeatApp(game.link(["net"]))
        async with seat.run_test(size=(80, 24)):
            await settle(pilot)
            assert "green" in str(seats.get_row("net")[0].style)


async def test_projector_safe_hides_every_private_thing(game: LocalGame) -> None:
    running(game)
    game.submit("gemeente", "propose", {"package": {"ontwerp": "groen", "fasering": "samen"}})
    game.submit("net", "private_message", {"to": "gemeente", "text": "geheim voorstel"})
    app = console(game)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = widget_texts(app)
        assert "geheim voorstel" in before and "2222" in before  # private: messages and PINs
        assert "De kabels kunnen pas drie maanden later." in before
        await pilot.press("f")
        await settle(pilot)
        after = widget_texts(app)
        for secret in (
            "geheim voorstel",
            "2222",
            "1111",
            "per rol (privé)",
            "De kabels kunnen pas drie maanden later.",
        ):
            assert secret not in after, secret
        assert all(not v.get("private") for v in app.views.values())
        assert "PROJECTORVEILIG" in screen_text(app)
        assert "P1" in after  # public data still shown
        await pilot.press("f")
        await settle(pilot)
        assert "geheim voorstel" in widget_texts(app)


async def test_debrief_after_reveal_and_tables_overview(game: LocalGame) -> None:
    running(game)
    game.submit("gemeente", "propose", {"package": {"ontwerp": "groen", "fasering": "samen"}})
    game.submit("facilitator", "next_round", {})
    game.submit("facilitator", "call_vote", {"proposal": "P1"})
    for role in ("gemeente", "net", "winkels"):
        game.submit(role, "vote", {"choice": "yes"})
    game.submit("facilitator", "next_round", {})
    assert game.state.revealed
    app = console(game)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await settle(pilot)
        text = widget_texts(app)
        assert "Akkoord over P1" in text and "Verborgen belangen" in text
        # Mini, short mode, groen/samen: the max joint value (tests/unit/test_engine_possible.py);
        # nothing better, the passing plan with the fewest openings has 2 (status quo 3).
        assert "Wat had gekund" in text and "Beste plan" in text
        assert "100% van de beste gezamenlijke waarde" in text
        assert "Geen pakket was voor elke rol minstens zo goed" in text
        assert "minste openingen (2) dat een meerderheid haalt" in text
        assert re.search(r"Keer openbreken\s+3\s+3\s+2\n", text)
        overview = app.query_one("#overview", DataTable)
        assert overview.row_count == 1 and "P1" in [str(c) for c in overview.get_row_at(0)]
        assert notified(app) == "" or isinstance(notified(app), str)


async def test_quitting_a_running_game_asks_first(game: LocalGame) -> None:
    running(game)
    app = console(game)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert app.is_running
        assert "Het spel loopt nog. Stoppen?" in screen_text(app)
        await pilot.press("enter")  # the first choice: go on with the game
        await settle(pilot)
        assert app.is_running
        await pilot.press("q", "down", "enter")
        await settle(pilot)
    assert app.return_code in (0, None)
    assert not app.is_running


async def test_quitting_before_the_start_needs_no_confirmation(game: LocalGame) -> None:
    app = console(game)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert not app.is_running
