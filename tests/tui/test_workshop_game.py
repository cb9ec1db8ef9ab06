"""A whole short game through the seat app, by key presses only (issue 11, "done when").

One shared terminal holds the Wethouder (veto) and the Netbeheerder; the
Winkeliers and the facilitator play through the in-process game. On the way:
round rules before the attempt, a proposal built with arrows and Enter, an
event card, locking and switching roles, a ballot that opens while the player
types a message, a veto, a second ballot that passes, and both roles signing.
"""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from game.tui.local_link import LocalGame
from game.tui.seat import SeatApp
from tests.tui.conftest import screen_text, settle, widget_texts


def words(text: str) -> str:
    return " ".join(text.split())


async def keys(pilot: Pilot[None], *pressed: str) -> str:
    """Press keys, let the seat handle them, and return the screen as one line of words."""
    await pilot.press(*pressed)
    await settle(pilot)
    return words(screen_text(pilot.app))


async def open_role(pilot: Pilot[None], downs: int, pin: str) -> str:
    """Choose a role in the chooser (``r`` unless it is open already) and type its PIN."""
    app = pilot.app
    if len(app.screen_stack) == 1:
        await keys(pilot, "r")
    await keys(pilot, *(["down"] * downs), "enter")
    return await keys(pilot, *pin, "enter")


async def test_a_whole_short_game_by_keys(game: LocalGame) -> None:
    link = game.link(["gemeente", "net"], locked=["gemeente", "net"])
    app = SeatApp(link)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        shown = words(screen_text(app))
        assert "nog niet begonnen" not in shown and "Wachten op de start" not in shown
        assert "Welke rol?" in shown  # the chooser opens by itself

        # -- round 1: the Wethouder reads; proposing is visibly not yet possible
        assert game.submit("facilitator", "start", {})["ok"]
        shown = await open_role(pilot, 0, "1111")
        assert app.current == "gemeente" and "Rol: Wethouder" in shown
        await keys(pilot, "4")
        assert "Nog niet: voorstellen kan vanaf ronde 2" in words(widget_texts(app))

        # -- round 2: build a package with arrows and Enter alone, then propose it
        game.submit("facilitator", "next_round", {})
        await keys(pilot, "4")
        shown = await keys(pilot, "down", "enter")  # Inrichting: the second option
        assert "◉ Parkeerstraat" in shown.replace("  ", " ")
        await keys(pilot, "up", "enter")  # back up: Groene straat
        await keys(pilot, "down", "down", "down", "enter")  # on into Fasering: first option
        await keys(pilot, "p")
        await keys(pilot, *"samen groen", "enter")
        assert game.state.proposals[0].package == {"ontwerp": "groen", "fasering": "samen"}
        assert game.state.proposals[0].note == "samen groen"

        # -- an event card: full text and what it changes for this role, whatever the tab
        game.submit("facilitator", "play_event", {"event": "vertraging"})
        shown = await keys(pilot)
        assert "Gebeurtenis: Vergunning vertraagd" in shown
        assert "De kabels kunnen pas drie maanden later." in shown
        assert "Wat dit voor Wethouder (Gemeente Dorp) verandert" in shown
        await keys(pilot, "enter")
        assert len(app.screen_stack) == 1

        # -- lock, and the Netbeheerder takes the keyboard; the header keeps the round
        shown = await keys(pilot, "l")
        assert "Ronde 2/4" in shown and "nog niet begonnen" not in shown
        shown = await open_role(pilot, 1, "2222")
        assert app.current == "net" and "Rol: Netbeheerder" in shown

        # -- typing a message when the ballot opens: the ballot takes the keys
        await keys(pilot, "7")
        while not isinstance(app.focused, Input):
            await keys(pilot, "tab")
        shown = await keys(pilot, *"ik denk")
        assert "Uit het tekstvak" in shown  # the footer says how to get out
        assert "⟨v⟩" not in shown or "⟨Esc⟩, dan ⟨v⟩" in shown
        game.submit("facilitator", "next_round", {})
        game.submit("facilitator", "call_vote", {"proposal": "P1"})
        shown = await keys(pilot)
        assert "Stemming over P1" in shown and "Je stemt als Netbeheerder" in shown
        await keys(pilot, "j")
        assert game.state.open_ballot is not None
        assert game.state.open_ballot.votes == {"net": "yes"}
        assert not game.state.messages  # nothing of the vote went into the chat
        assert app.query_one("#chat-input", Input).value == "ik denk"
        shown = await keys(pilot, "escape")
        assert "Uit het tekstvak" not in shown and "Tabbladen" in shown

        # -- the Wethouder vetoes
        await keys(pilot, "l")
        shown = await open_role(pilot, 0, "1111")
        assert "Je stemt als Wethouder" in shown  # its own ballot opens once unlocked
        await keys(pilot, "n")
        game.submit("winkels", "vote", {"choice": "yes"})
        shown = await keys(pilot, "6")
        assert "VERWORPEN: veto van Wethouder" in words(widget_texts(app))
        assert "vote.reason" not in widget_texts(app)

        # -- a second ballot passes; the seat asks to sign, with the value for this role
        game.submit("facilitator", "call_vote", {"proposal": "P1"})
        shown = await keys(pilot)
        assert "Je stemt als Wethouder" in shown
        await keys(pilot, "j")
        game.submit("winkels", "vote", {"choice": "yes"})
        game.submit("facilitator", "close_vote", {})
        assert game.state.agreement == "P1"
        shown = await keys(pilot)
        assert "Akkoord bereikt over P1!" in shown
        assert "Teken je dit plan namens Wethouder (Gemeente Dorp)?" in shown
        assert "Waarde voor jou:" in shown
        await keys(pilot, "enter")
        assert "gemeente" in game.state.signatures

        # -- the Netbeheerder signs too, after switching back
        await keys(pilot, "l")
        shown = await open_role(pilot, 1, "2222")
        assert "Teken je dit plan namens Netbeheerder (Netbedrijf)?" in shown
        await keys(pilot, "enter")
        assert set(game.state.signatures) == {"gemeente", "net"}

        # -- the debrief
        game.submit("facilitator", "next_round", {})
        shown = await keys(pilot, "8")
        assert "Nabespreking: scores tegen reservewaarden" in shown
