"""The seat as a participant reads it at 80×24 and 120×40: words, not ids; nothing cut off."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.containers import VerticalScroll

from game.scenario.loader import load_scenario
from game.tui.local_link import LocalGame
from game.tui.seat import SeatApp
from game.tui.widgets.briefing import briefing_markdown, extras_markdown
from game.tui.widgets.debrief import debrief_parts, debrief_plain, reveal_parts
from game.tui.widgets.press import press_markdown
from tests.tui.conftest import running, screen_text, settle


def test_rules_name_the_options_not_their_ids(game: LocalGame) -> None:
    running(game)
    text = extras_markdown(game.view_for("gemeente"))
    # mini.yaml: when {ontwerp: [groen], fasering: [los]} → -10, with a note
    assert (
        "- −10 als Inrichting: Groene straat + Fasering: Ieder op eigen moment"
        " — Nieuw groen wordt weer opgebroken." in text
    )
    assert "= groen" not in text and "los" not in text.replace("losse", "")


async def test_reservation_and_veto_read_as_one_line_on_screen(game: LocalGame) -> None:
    running(game)
    app = SeatApp(game.link(["gemeente"]))
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        app.query_one("#briefing-extra").scroll_visible(animate=False)
        app.query_one("#briefing-pane", VerticalScroll).scroll_end(animate=False)
        await settle(pilot)
        text = screen_text(app)
        # it said "Reservewaarde: 40 Je hebt een veto" (two lines run into one)
        assert "Reservewaarde: 40 · Je hebt een veto" in text, text
        assert "Groene straat" in text and "= groen" not in text


async def test_palette_and_its_key_speak_dutch(game: LocalGame) -> None:
    running(game)
    app = SeatApp(game.link(["net"]))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        # Textual named the key 'palette' in the footer
        assert "^p Opdrachten" in footer and "palette" not in footer, footer
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.pause(0.3)
        text = screen_text(app)
        assert "Zoek een opdracht" in text and "Mijn briefing" in text, text
        for english in ("Search for commands", "Screenshot", "Theme", "Keys", "Quit"):
            assert english not in text, english


LONG = (
    "Ik stel voor dat we de Dorpsstraat in één keer openbreken, met een gecombineerd "
    "contract voor alle partijen samen."
)


async def test_chat_lines_wrap_to_an_80_column_terminal(game: LocalGame) -> None:
    running(game)
    app = SeatApp(game.link(["net"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7")
        await settle(pilot)
        text = " ".join(line.strip(" │") for line in screen_text(app).splitlines())
        # the placeholder's end ('één rol).') and a word of each wrapped line were cut off
        assert "(iedereen of één rol)." in text, text
        game.submit("gemeente", "message", {"text": LONG})
        await settle(pilot)
        text = " ".join(line.strip(" │") for line in screen_text(app).splitlines())
        assert LONG in " ".join(text.split()), text


async def test_footer_keeps_vote_quit_and_palette_at_80_columns(game: LocalGame) -> None:
    running(game)
    link = game.link(["gemeente", "net"], locked=["gemeente", "net"])
    app = SeatApp(link)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # the chooser opens by itself; close it: locked seat
        await settle(pilot)
        assert app.current is None
        assert screen_text(app).splitlines()[-1].startswith("r Rol kiezen q Stoppen")
        await pilot.press("r", "down", "enter")
        await settle(pilot)
        await pilot.press(*"2222", "enter")
        await settle(pilot)
        assert app.current == "net"
        lines = screen_text(app).splitlines()
        footer = lines[-1]
        # it was '1–8 Tabbladen r Rol wisselen l Vergrendelen p Voorstel indienen v▏^p palette'
        for key in ("p Voorstel indienen", "v Stemmen", "q Stoppen", "^p Opdrachten"):
            assert key in footer, footer
        assert any("⟨r⟩ wisselen  ⟨l⟩ vergrendelen" in line for line in lines)


async def test_single_role_bar_says_how_to_lock(game: LocalGame) -> None:
    running(game)
    app = SeatApp(game.link(["net"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lines = screen_text(app).splitlines()
        assert any(
            line.startswith(" Rol: Netbeheerder") and "⟨l⟩ vergrendelen" in line for line in lines
        )
        assert "v Stemmen q Stoppen ^p Opdrachten" in lines[-1], lines[-1]


def _debrief(game: LocalGame, role: str) -> str:
    view = game.view_for(role)
    parts = reveal_parts(view)
    assert parts is not None
    return debrief_plain(view, *parts)


def test_debrief_names_a_veto_role_and_says_what_the_marks_mean(game: LocalGame) -> None:
    running(game, 3)  # to the reveal, without an agreement
    text = _debrief(game, "net")
    # it said 'Wethouder — Reservewaarde 40, Je hebt een veto' on every seat
    assert "Wethouder — Reservewaarde 40, vetorecht" in text
    assert "Je hebt een veto" not in text
    scores = text[text.index("Rol ") : text.index("Verborgen belangen")]
    assert "Haalt reservewaarde" not in scores and "–" not in scores  # no column of dashes


def test_debrief_marks_who_reached_their_reservation(game: LocalGame) -> None:
    running(game)
    game.submit("gemeente", "propose", {"package": {"ontwerp": "groen", "fasering": "samen"}})
    game.submit("facilitator", "next_round", {})
    game.submit("facilitator", "call_vote", {"proposal": "P1"})
    for role in ("gemeente", "net", "winkels"):
        game.submit(role, "vote", {"choice": "yes"})
    game.submit("facilitator", "next_round", {})
    text = _debrief(game, "net")
    header = next(line for line in text.splitlines() if line.startswith("Rol "))
    assert header.rstrip().endswith("Haalt reservewaarde"), header
    assert "✔" in text


LEEUWAERDENHOUT = Path(__file__).resolve().parents[2] / "scenarios" / "leeuwaerdenhout.yaml"


@pytest.mark.parametrize("mode", ["short", "full"])
async def test_header_keeps_the_whole_agreement_rule_at_80_columns(mode: str) -> None:
    scenario = load_scenario(LEEUWAERDENHOUT)
    game = LocalGame(scenario, mode, seed=1, pins={r: "1234" for r in scenario.role_ids})
    assert game.submit("facilitator", "start", {})["ok"]  # round 1: the longest instructions
    app = SeatApp(game.link(["netbeheerder"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = " ".join(line.strip() for line in screen_text(app).splitlines()[:7])
        # four lines cut it off after 'Een nee van Wethouder, Netbeheerder,'
        assert "Een nee van Wethouder, Netbeheerder of Corporatie is een veto." in text, text


def test_briefing_and_press_show_the_public_profiles(game: LocalGame) -> None:
    running(game)
    view = game.view_for("gemeente")
    # the public profiles were in the view but on no tab of the seat
    briefing = briefing_markdown(view)
    assert "**Openbaar profiel (dit weet iedereen aan tafel):** Wil een mooie straat." in briefing
    press = press_markdown(view)
    assert "## Aan tafel" in press
    assert "- **Wethouder** (Gemeente Dorp) — vetorecht: Wil een mooie straat." in press
    assert "- **Netbeheerder** (Netbedrijf)" in press


async def test_the_briefing_tab_shows_my_public_profile(game: LocalGame) -> None:
    running(game)
    app = SeatApp(game.link(["gemeente"]))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        assert "Openbaar profiel (dit weet iedereen aan tafel): Wil een mooie straat." in (
            " ".join(screen_text(app).split())
        )


def test_debrief_best_plan_keeps_its_indent_when_a_choice_wraps(game: LocalGame) -> None:
    running(game, 3)
    view = game.view_for("net")
    parts = reveal_parts(view)
    assert parts is not None
    console = Console(width=30, record=True, file=io.StringIO())
    for part in debrief_parts(view, *parts):
        console.print(part)
    lines = console.export_text().splitlines()
    start = next(n for n, line in enumerate(lines) if line.rstrip().endswith("):"))
    block = []
    for line in lines[start + 1 :]:
        if not line.strip():
            break
        block.append(line)
    assert len(block) > 3, lines  # every choice, some of them wrapped at 30 columns
    # a wrapped choice ran back to the margin
    assert all(line.startswith("    ") for line in block), block


async def test_seat_and_console_tables_say_what_their_numbers_are() -> None:
    """The proposals table said 'Open' (as in: not closed) and 'M€' over bare numbers,
    on the seat and the console; the room already said 'Keer open', 'Kosten (M€)'."""
    from game.tui.console.app import ConsoleApp
    from tests.tui.test_workshop_items import LEEUWAERDENHOUT

    game = LocalGame(load_scenario(LEEUWAERDENHOUT), "short", seed=3)
    running(game)
    package = {"waterstof": "ombouwen", "fasering": "een_contract", "kosten": "naar_rato"}
    game.submit("kl_coordinator", "propose", {"package": {**package, "omgeving": "ieder_zelf"}})
    apps = (
        (SeatApp(game.link(["netbeheerder"])), "6", (80, 24)),
        (SeatApp(game.link(["netbeheerder"])), "6", (120, 40)),
        (ConsoleApp(game.link(["facilitator"]), scenario=game.scenario), "1", (120, 40)),
    )
    for app, tab, size in apps:
        async with app.run_test(size=size) as pilot:
            await pilot.press(tab)
            await settle(pilot)
            lines = screen_text(app).splitlines()
            at = next(n for n, line in enumerate(lines) if "Indiener" in line)
            assert "Keer" in lines[at] and "Kosten" in lines[at], lines[at]
            assert "open" in lines[at + 1] and "(M€)" in lines[at + 1], lines[at + 1]
            assert " Open " not in lines[at] and "K&L-coördinator" in lines[at + 2], lines


async def test_what_a_role_shares_reaches_every_terminal(game: LocalGame) -> None:
    """A role that shared its points or its reservation value: the others' terminals
    toasted 'Gemeente deelde een belang', but no tab, and not the wall, showed what."""
    running(game)
    assert game.submit("gemeente", "disclose", {"issue": "ontwerp"})["ok"]
    assert game.submit("net", "disclose", {"reservation": True})["ok"]
    assert game.submit("gemeente", "disclose", {"issue": "ontwerp"})["ok"]  # once more
    assert game.submit("winkels", "disclose", {"issue": "fasering"})["ok"]
    app = SeatApp(game.link(["winkels"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.query_one("#press-pane", VerticalScroll).scroll_end(animate=False)
        await settle(pilot)
        text = " ".join(line.strip(" │▁▇") for line in screen_text(app).splitlines())
    assert "Gedeeld aan tafel" in text, text
    assert "Wethouder — Inrichting: Groene straat 50 · " in text, text
    assert "Netbeheerder — Reservewaarde 35" in text, text
    assert text.count("Wethouder — Inrichting") == 1, text  # the latest, listed once
    wall = press_markdown(game.view_for("room"))  # the room screen draws the same text
    assert "- **Wethouder** — Inrichting: Groene straat 50 · " in wall, wall
