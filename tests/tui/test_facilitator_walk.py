"""What the facilitator and the room saw when walking through a workshop (WORKSHOP.md, Anna)."""

from __future__ import annotations

import asyncio
import re

from textual.widgets import RichLog, Static

from game.tui.console.app import ConsoleApp
from game.tui.local_link import LocalGame
from game.tui.messages import LinkStatus
from game.tui.room import RoomApp
from game.tui.widgets.debrief import DebriefPane
from tests.tui.conftest import notified, plain, running, screen_text, settle, widget_texts
from tests.tui.test_console import console


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


def agreed(game: LocalGame) -> None:
    """Round 3 of the mini game with P1 voted through (three of three)."""
    running(game)
    game.submit("net", "propose", {"package": {"ontwerp": "groen", "fasering": "samen"}})
    game.submit("facilitator", "next_round", {})
    game.submit("facilitator", "call_vote", {"proposal": "P1"})
    for role in ("net", "gemeente", "winkels"):
        game.submit(role, "vote", {"choice": "yes"})
    assert game.state.agreement == "P1"


async def test_room_footer_has_no_english_palette_key(game: LocalGame) -> None:
    """The projector's footer ended in '^p palette' (Textual's own English word)."""
    running(game)
    app = RoomApp(game.link(["room"]))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "Nabespreking" in footer and "palette" not in footer.lower()


async def test_room_signatures_are_counted_not_flashed_one_by_one(game: LocalGame) -> None:
    """Every signature was a toast of its own; eleven of them covered the map on the wall."""
    agreed(game)
    app = RoomApp(game.link(["room"]))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Ondertekend: 0 van 3" in screen_text(app)
        game.submit("net", "sign", {})
        game.submit("gemeente", "sign", {})
        await settle(pilot)
        assert "ondertekend" not in notified(app)
        assert "Ondertekend: 2 van 3" in screen_text(app)


async def test_room_debrief_scrolls_with_the_keyboard(game: LocalGame) -> None:
    """After the reveal the debrief was longer than the wall, and page keys did nothing."""
    agreed(game)
    app = RoomApp(game.link(["room"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        game.submit("facilitator", "next_round", {})
        await settle(pilot)
        pane = app.query_one(DebriefPane)
        assert pane.display and pane.max_scroll_y > 0
        await pilot.press("pagedown")
        await settle(pilot)
        assert pane.scroll_y > 0
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("2")
        await pilot.press("end")
        await settle(pilot)
        assert pane.scroll_y == pane.max_scroll_y


async def test_room_says_on_the_wall_when_the_connection_is_lost(game: LocalGame) -> None:
    """A lost server left the wall as it was, with the clock running on; nothing said so."""
    running(game)
    app = RoomApp(game.link(["room"]))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "verbinding verbroken" not in screen_text(app)
        app.post_message(LinkStatus(False))
        await settle(pilot)
        assert "verbinding verbroken — opnieuw verbinden…" in screen_text(app)
        app.post_message(LinkStatus(True))
        await settle(pilot)
        assert "verbinding verbroken" not in screen_text(app)


async def test_debrief_names_a_veto_in_the_third_person(game: LocalGame) -> None:
    """The interests of every role on the wall said 'Netbeheerder — ..., Je hebt een veto'."""
    agreed(game)
    game.submit("facilitator", "next_round", {})
    app = RoomApp(game.link(["room"]))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = widget_texts(app)
        assert "Je hebt een veto" not in text
        assert re.search(r"— Reservewaarde \d+, vetorecht", text), text


def test_the_veto_rule_names_the_veto_roles_as_either_or() -> None:
    """'Een nee van Wethouder, Netbeheerder, Corporatie is een veto' read as a list of all three."""
    from game.tui.i18n import set_language
    from game.tui.viewdata import quorum_rule

    view = {
        "roles": [
            {"id": "w", "name": "Wethouder"},
            {"id": "n", "name": "Netbeheerder"},
            {"id": "c", "name": "Corporatie"},
        ],
        "agreement_rule": {"effective_quorum": 9, "in_play": 12, "veto_roles": ["w", "n", "c"]},
    }
    try:
        assert quorum_rule(view) == (
            "Aangenomen bij 9 van 12 stemmen voor. "
            "Een nee van Wethouder, Netbeheerder of Corporatie is een veto."
        )
        set_language("en")
        assert quorum_rule(view).endswith(
            "A no from Wethouder, Netbeheerder, or Corporatie is a veto."
        )
    finally:
        set_language("nl")


async def test_room_proposals_say_what_their_numbers_are() -> None:
    """The wall's table said 'Open' (as in: not closed) over the number of street openings.

    Now 'Keer open' and 'Kosten (M€)' on two header lines, so that the cost stays
    on a narrow screen even for the longest role name.
    """
    from game.scenario.loader import load_scenario
    from tests.tui.test_workshop_items import LEEUWAERDENHOUT

    game = running(LocalGame(load_scenario(LEEUWAERDENHOUT), "short", seed=3))
    package = {"waterstof": "ombouwen", "fasering": "een_contract", "kosten": "naar_rato"}
    game.submit("kl_coordinator", "propose", {"package": {**package, "omgeving": "ieder_zelf"}})
    for size in ((120, 40), (80, 24)):
        app = RoomApp(game.link(["room"]))
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            lines = screen_text(app).splitlines()
            at = next(n for n, line in enumerate(lines) if "Indiener" in line)
            assert "Keer" in lines[at] and "Kosten" in lines[at], lines[at]
            assert "open" in lines[at + 1] and "(M€)" in lines[at + 1], lines[at + 1]
            assert re.search(r"P1  K&L-coördinator +0 +0 +\d+ +\d+,\d", lines[at + 2]), lines[
                at + 2
            ]


async def test_an_open_vote_of_twelve_fits_the_console_at_80x24() -> None:
    """At 80x24 the vote line named all twelve roles and was cut: 'Sluit vanzelf als'."""
    from game.scenario.loader import load_scenario
    from tests.tui.test_workshop_items import LEEUWAERDENHOUT

    game = running(LocalGame(load_scenario(LEEUWAERDENHOUT), "short", seed=3))
    package = {"waterstof": "ombouwen", "fasering": "een_contract", "kosten": "naar_rato"}
    game.submit("netbeheerder", "propose", {"package": {**package, "omgeving": "ieder_zelf"}})
    game.submit("facilitator", "next_round", {})
    game.submit("facilitator", "call_vote", {"proposal": "P1"})
    app = console(game)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = " ".join(screen_text(app).split())
        assert (
            "0 van 12 gestemd. Sluit vanzelf als iedereen gestemd heeft (⟨x⟩ sluit eerder)." in text
        )
        for role in ("wethouder", "kl_coordinator", "riolering", "groen", "stedenbouw"):
            game.submit(role, "vote", {"choice": "yes"})
        for role in ("nieuwe_energie", "netbeheerder", "drinkwater"):
            game.submit(role, "vote", {"choice": "no"})
        await settle(pilot)
        text = " ".join(screen_text(app).split())
        assert "8 van 12 gestemd. Nog niet: Waterschap, Warmte, Corporatie, Bewoners." in text


async def test_console_made_smaller_shows_the_short_round_header(game: LocalGame) -> None:
    """Made smaller (a projector at 80x24), the header kept the long instructions, cut off."""
    running(game)
    app = console(game)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Doe voorstellen." in screen_text(app)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        text = screen_text(app)
        assert "Doe voorstellen." not in text
        assert "Aangenomen bij 2 van 3 stemmen voor." in text


async def test_messages_tab_after_showing_private_data_again(game: LocalGame) -> None:
    """Back from projector-safe, the log showed the public message twice and not the private one."""
    running(game)
    game.submit("net", "private_message", {"to": "gemeente", "text": "onder ons gezegd"})
    game.submit("winkels", "message", {"text": "wat gebeurt er met de lindes?"})
    app = ConsoleApp(game.link(["facilitator"]), private=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")  # Berichten
        await settle(pilot)
        log = app.query_one("#log", RichLog)
        assert [line.text for line in log.lines] == ["Winkeliers: wat gebeurt er met de lindes?"]
        await pilot.press("f")
        await settle(pilot)
        lines = [line.text for line in log.lines]
        assert len(lines) == 2 and "lindes" in lines[1], lines
        assert "onder ons gezegd" in lines[0], lines


async def test_tables_side_by_side_fit_the_debrief_tab(game: LocalGame) -> None:
    """The last column was cut ('Bov'), and said 'BATNA' where every other screen says
    'reservewaarde'; the 'Akkoord' column kept the width of 'nog geen uitkomst'."""
    agreed(game)
    app = console(game)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        game.submit("facilitator", "next_round", {})
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        lines = screen_text(app).splitlines()
        at = next(n for n, line in enumerate(lines) if "Alle tafels naast elkaar" in line)
        assert "Boven" in lines[at + 1] and "reservewaarde" in lines[at + 2], lines[at : at + 4]
        assert "BATNA" not in "\n".join(lines)
        assert re.search(r"│ +1 +P1 +\d+ +\d+ +\d+,\d +\d/3", lines[at + 3]), lines[at + 3]


async def test_room_debrief_keeps_off_the_edge_of_the_wall(game: LocalGame) -> None:
    """The debrief began in the very first column (a projector crops its edges)."""
    agreed(game)
    game.submit("facilitator", "next_round", {})
    app = RoomApp(game.link(["room"]))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lines = screen_text(app).splitlines()
        title = next(line for line in lines if "Nabespreking: scores tegen" in line)
        assert title.startswith(" Nabespreking"), title
        assert all(line[:1] == " " for line in lines if "█" in line)


async def test_score_bars_fit_the_console_debrief_at_80x24(game: LocalGame) -> None:
    """At 80x24 each role's bar broke over three lines ('Wethouder' / bar 70 / / 61)."""
    agreed(game)
    game.submit("facilitator", "next_round", {})
    app = console(game)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        pane = app.query_one("#debrief-pane", DebriefPane)
        pane.scroll_to(y=pane.query_one("#debrief-bars").virtual_region.y, animate=False)
        await settle(pilot)
        bars = [line for line in screen_text(app).splitlines() if "█" in line or "░" in line]
        assert len(bars) == 3, bars
        whole = re.compile(r"(Netbeheerder|Wethouder|Winkeliers) +[█░┃]+ \d+ / \d+( |$)")
        for line in bars:
            assert whole.search(line), line


async def test_an_event_or_a_vote_is_told_once(game: LocalGame) -> None:
    """Playing a card flashed 'Gebeurtenis gespeeld.' and 'Gebeurtenis: …' at once; calling
    a vote 'Stemming over P1 geopend.' and 'Stemming geopend over P1'."""
    running(game)
    game.submit("net", "propose", {"package": {"ontwerp": "groen", "fasering": "samen"}})
    app = console(game)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        if len(app.screen_stack) > 1:  # a choice of cards
            await pilot.press("enter")
            await settle(pilot)
        assert game.state.events_played
        told = notified(app).splitlines()
        assert len([line for line in told if "Gebeurtenis" in line]) == 1, told
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert game.state.open_ballot is not None
        told = notified(app).splitlines()
        assert len([line for line in told if "Stemming" in line]) == 1, told


async def test_room_says_a_vote_failed_once(game: LocalGame) -> None:
    """The wall said 'VERWORPEN: veto van Wethouder' twice, in the tally and under it."""
    running(game)
    game.submit("net", "propose", {"package": {"ontwerp": "groen", "fasering": "samen"}})
    game.submit("facilitator", "next_round", {})
    game.submit("facilitator", "call_vote", {"proposal": "P1"})
    game.submit("net", "vote", {"choice": "yes"})
    game.submit("winkels", "vote", {"choice": "yes"})
    game.submit("gemeente", "vote", {"choice": "no"})
    app = RoomApp(game.link(["room"]))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert text.count("VERWORPEN") == 1, text
        assert "✘ VERWORPEN: veto van Wethouder" in text
        assert "2 voor · 1 tegen · 0 onthouden" in text


ENGLISH_PALETTE = ("Search for commands", "Screenshot", "Theme", "Keys", "Quit")


async def test_console_and_room_palettes_speak_dutch(game: LocalGame) -> None:
    """Ctrl+P opened Textual's palette on the console and the wall: 'Search for
    commands…' with its English Keys, Quit, Screenshot and Theme."""
    running(game)
    for app, entry in ((console(game), "Stemming"), (RoomApp(game.link(["room"])), "Spel")):
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("ctrl+p")
            await settle(pilot)
            await pilot.pause(0.3)
            text = screen_text(app)
            assert "Zoek een opdracht" in text and entry in text, text
            for english in ENGLISH_PALETTE:
                assert english not in text, english


async def test_room_shows_how_to_join_until_the_first_round_is_over(game: LocalGame) -> None:
    """At 08:55 participants arrive and look at the wall: it showed the press release
    and the map, but not the address to open or the code to type; and the title twice."""
    from game.commands.screen import wall_address

    app = RoomApp(game.link(["room"]), address="http://10.0.0.7:8765/")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = app.query_one("#room-now", Static).content
        text = " ".join(plain(shown).replace("│", " ").split())
        assert "Meedoen" in text and "open http://10.0.0.7:8765/" in text, text
        assert "botsende-belangen join 10.0.0.7:8765 --code" in text, text
        assert "Meedoen" in screen_text(app)  # on the wall, at 80x24
        assert game.scenario.meta.title not in text, text  # the header has it already
        running(game)  # past the opening round: the wall is for the game now
        await settle(pilot)
        assert "Meedoen" not in screen_text(app)
    # the address: the server's own; else the one dialled, unless it is this laptop only
    assert wall_address({"address": "http://192.168.1.20:8765/"}, "localhost") == (
        "http://192.168.1.20:8765/"
    )
    assert wall_address({}, "192.168.1.20:8765") == "http://192.168.1.20:8765/"
    assert wall_address({}, "localhost:8765") is None
    assert wall_address({}, "127.0.0.1:8765") is None
