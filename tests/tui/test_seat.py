"""The participant seat through Pilot, against an in-process game."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from textual.pilot import Pilot
from textual.widgets import RadioButton, TabbedContent

from game.tui.link import Link
from game.tui.local_link import LocalGame
from game.tui.seat import SeatApp
from game.tui.widgets.builder import BuilderPane
from tests.tui.conftest import running, screen_text, settle, widget_texts


@asynccontextmanager
async def open_seat(link: Link, tab: str = "") -> AsyncIterator[tuple[SeatApp, Pilot[None]]]:
    """A seat on ``link`` in an 80×24 terminal, settled (on ``tab`` when given)."""
    app = SeatApp(link)
    async with app.run_test(size=(80, 24)) as pilot:
        if tab:
            await pilot.press(tab)
        await settle(pilot)
        yield app, pilot


async def press(pilot: Pilot[None], *keys: str) -> None:
    """Press ``keys`` and wait until the seat has handled them."""
    await pilot.press(*keys)
    await settle(pilot)


async def test_header_shows_round_instructions_and_clock(game: LocalGame) -> None:
    running(game)
    async with open_seat(game.link(["net"])) as (app, _pilot):
        text = screen_text(app)
        assert "Ronde 2/4: Ontwerpen en plannen" in text
        assert "Doe voorstellen." in text
        assert "Aangenomen bij 2 van 3" in text
        assert "⏱ 1" in text  # 15 minutes counting down


async def test_paused_clock_is_shown(game: LocalGame) -> None:
    running(game)
    game.submit("facilitator", "pause", {})
    async with open_seat(game.link(["net"])) as (app, _pilot):
        assert "GEPAUZEERD" in screen_text(app)


async def test_briefing_and_disclose(game: LocalGame) -> None:
    running(game)
    async with open_seat(game.link(["net"]), tab="2") as (app, pilot):
        assert "Wat alleen jij weet." in widget_texts(app)
        assert "Reservewaarde" in widget_texts(app)
        app.query_one("#briefing-points").focus()
        await press(pilot, "d")
        assert [d.issue for d in game.state.disclosures] == ["ontwerp"]
        assert "gedeeld" in widget_texts(app)


async def test_builder_preview_with_mouse_and_propose(game: LocalGame) -> None:
    running(game)
    async with open_seat(game.link(["gemeente"]), tab="4") as (app, pilot):
        builder = app.query_one(BuilderPane)
        assert builder.package == {"ontwerp": "kaal", "fasering": "los"}
        before = widget_texts(app)
        green = next(b for b in app.query(RadioButton) if "Groene straat" in str(b.label))
        await pilot.click(green)
        await settle(pilot)
        assert builder.package["ontwerp"] == "groen"
        after = widget_texts(app)
        assert before != after and " / 40" in after  # value against reservation 40
        await press(pilot, "p")
        await press(pilot, "enter")
        assert game.state.proposals[0].package == {"ontwerp": "groen", "fasering": "los"}
        assert app.query_one("#tabs", TabbedContent).active == "table"


async def test_table_support_object_comment_and_amend(game: LocalGame) -> None:
    running(game)
    game.submit("gemeente", "propose", {"package": {"ontwerp": "groen", "fasering": "samen"}})
    async with open_seat(game.link(["net"]), tab="6") as (app, pilot):
        assert "Wethouder" in screen_text(app)
        await press(pilot, "s", *"goed plan", "enter")
        assert game.state.proposals[0].support == {"net": "goed plan"}
        await press(pilot, "o", *"te duur", "enter")
        assert game.state.proposals[0].objections == {"net": "te duur"}
        await press(pilot, "c", *"en de kabels?", "enter")
        assert game.state.proposals[0].comments[0].text == "en de kabels?"
        assert "en de kabels?" in widget_texts(app)
        await press(pilot, "a")
        assert app.query_one(BuilderPane).base == "P1"
        kaal = next(b for b in app.query(RadioButton) if "Terug zoals" in str(b.label))
        await pilot.click(kaal)
        await settle(pilot)
        await press(pilot, "p", "enter")
        amended = game.state.proposals[1]
        assert amended.parent == "P1" and amended.package["ontwerp"] == "kaal"


async def test_vote_dialog_and_sign(game: LocalGame) -> None:
    running(game)
    game.submit("gemeente", "propose", {"package": {"ontwerp": "groen", "fasering": "samen"}})
    game.submit("facilitator", "next_round", {})
    game.submit("facilitator", "call_vote", {"proposal": "P1"})
    async with open_seat(game.link(["net"])) as (app, pilot):
        # the ballot opens by itself and says which role votes
        shown = screen_text(app)
        assert "Stemming over P1" in shown and "Je stemt als Netbeheerder" in shown
        assert "Aangenomen bij 2 van 3" in shown and "veto" in shown
        await press(pilot, "j")
        assert game.state.ballots[0].votes == {"net": "yes"}
        game.submit("gemeente", "vote", {"choice": "yes"})
        game.submit("winkels", "vote", {"choice": "yes"})
        assert game.state.agreement == "P1"
        await settle(pilot)
        # after the agreement the seat asks to sign, with the role's own value
        shown = screen_text(app)
        assert (
            "Akkoord bereikt over P1!" in shown and "Teken je dit plan namens Netbeheerder" in shown
        )
        assert "Waarde voor jou:" in shown
        await press(pilot, "enter")
        assert "net" in game.state.signatures


async def test_chat_public_and_private(game: LocalGame) -> None:
    running(game)
    async with open_seat(game.link(["net"]), tab="7") as (app, pilot):
        app.query_one("#chat-input").focus()
        await press(pilot, *"hallo tafel", "enter")
        assert game.state.messages[-1].to is None
        select = app.query_one("#chat-to")
        select.value = "gemeente"  # type: ignore[attr-defined]
        app.query_one("#chat-input").focus()
        await press(pilot, *"psst", "enter")
        last = game.state.messages[-1]
        assert (last.to, last.text) == ("gemeente", "psst")
        assert "psst" in widget_texts(app) and "hallo tafel" in widget_texts(app)


async def test_round_rules_show_before_the_attempt(game: LocalGame) -> None:
    running(game, rounds=0)  # opening: no proposals allowed
    async with open_seat(game.link(["net"]), tab="4") as (app, pilot):
        shown = " ".join(widget_texts(app).split())
        assert "Nog niet: voorstellen kan vanaf ronde 2 (Ontwerpen en plannen)." in shown
        assert app.check_action("propose", ()) is None  # dimmed in the footer
        await press(pilot, "p")
        assert len(app.screen_stack) == 1  # no dialog to type a reason in vain
        assert game.state.proposals == ()


async def test_map_and_plan_show_openings_and_timeline(game: LocalGame) -> None:
    running(game)
    async with open_seat(game.link(["net"]), tab="4") as (app, pilot):
        await press(pilot, "3")
        text = screen_text(app)
        assert "Dorpsstraat" in text and "× open" in text
        await press(pilot, "5")
        text = screen_text(app)
        assert "Riool vervangen" in text and "█" in text


async def test_shared_terminal_pin_lock_and_unlock(game: LocalGame) -> None:
    running(game)
    link = game.link(["gemeente", "net"], locked=["gemeente", "net"])
    async with open_seat(link) as (app, pilot):
        assert "Wat alleen jij weet" not in widget_texts(app)
        # the role chooser opens by itself; choose Netbeheerder, wrong PIN first
        await press(pilot, "down", "enter")
        await press(pilot, *"9999", "enter")
        assert app.current is None and "net" in link.locked
        # the PIN is asked again for the same role, saying why
        assert "Onjuiste pincode. Probeer het opnieuw" in screen_text(app)
        await press(pilot, *"2222", "enter")
        assert app.current == "net"
        await press(pilot, "2")
        private = widget_texts(app)
        assert "Briefing net" in private and "35" in private
        await press(pilot, "l")
        left = widget_texts(app)
        assert "Briefing net" not in left and "Wat alleen jij weet" not in left
        assert "Reservewaarde" not in left and app.views == {}
        assert "net" in link.locked
        # a move for the locked role is refused
        assert not (await link.send("net", "message", {"text": "x"}))["ok"]
        # switching to the other role locks nothing new and needs its PIN
        await press(pilot, "r", "enter")
        await press(pilot, *"1111", "enter")
        assert app.current == "gemeente"
        assert "Briefing gemeente" in widget_texts(app)
        assert "Briefing net" not in widget_texts(app)
