"""Issue 11, item by item, where the whole-game test does not already show it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from game.scenario.loader import load_scenario
from game.tui.local_link import LocalGame
from game.tui.room import RoomApp
from game.tui.screens.dialogs import TextPrompt
from game.tui.seat import SeatApp
from game.tui.widgets.builder import BuilderPane
from tests.tui.conftest import notified, running, screen_text, settle, widget_texts

LEEUWAERDENHOUT = Path(__file__).resolve().parents[2] / "scenarios" / "leeuwaerdenhout.yaml"
PACKAGE = {"waterstof": "hybride", "fasering": "een_contract", "kosten": "ligduur"}


@pytest.fixture(scope="module")
def leeuwaerdenhout() -> object:
    return load_scenario(LEEUWAERDENHOUT)


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("width", [80, 120])
async def test_1_every_own_point_shows_whole(leeuwaerdenhout: object, width: int) -> None:
    game = running(LocalGame(leeuwaerdenhout, "short", seed=3))  # type: ignore[arg-type]
    app = SeatApp(game.link(["wethouder"]))
    async with app.run_test(size=(width, 70)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        table = app.query_one("#briefing-points", DataTable)
        pane = app.query_one("#briefing-pane")
        pane.scroll_to(y=table.virtual_region.y, animate=False)
        await pilot.pause()
        # the points are the first column, as wide as the widest number
        points = table.ordered_columns[0]
        widest = max(len(str(table.get_row_at(r)[0])) for r in range(table.row_count))
        assert str(points.key.value) == "points" and points.get_render_width(table) >= widest
        lines = screen_text(app).splitlines()
        # every option the role scores on: its whole number on the option's line
        scenario = leeuwaerdenhout
        points_of = scenario.role("wethouder").scoring.points  # type: ignore[attr-defined]
        checked = 0
        for issue in scenario.issues:  # type: ignore[attr-defined]
            for option in issue.options:
                value = points_of.get(issue.id, {}).get(option.id)
                shown = [x for x in lines if option.title in x]
                if value is None or not shown:
                    continue
                whole = f"{int(value)}" if value == int(value) else f"{value}".replace(".", ",")
                assert whole.replace("-", "−") in shown[0].split(), shown[0]
                checked += 1
        assert checked >= 3
        assert "Punten" in screen_text(app)


async def test_8_numbers_in_dutch_and_english(game: LocalGame) -> None:
    running(game)
    async with SeatApp(game.link(["gemeente"])).run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        await settle(pilot)
        text = screen_text(pilot.app)
        assert "Kosten: 3,3 M€" in text and "3.3" not in text


async def test_9_an_unchanged_amendment_says_what_to_change(game: LocalGame) -> None:
    running(game)
    game.submit("net", "propose", {"package": {"ontwerp": "groen", "fasering": "samen"}})
    app = SeatApp(game.link(["gemeente"]))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert app.query_one(BuilderPane).base == "P1"
        await pilot.press("p")
        await settle(pilot)
        assert len(app.screen_stack) == 1  # no reason asked in vain
        assert "kies bij minstens één onderwerp een andere optie" in notified(app)
        assert len(game.state.proposals) == 1


async def test_11_new_proposals_do_not_pile_up_over_the_work(game: LocalGame) -> None:
    running(game)
    app = SeatApp(game.link(["gemeente"]))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for n in range(14):
            fasering = ("samen", "los", "per_straat")[n % 3]
            ontwerp = ("groen", "parkeren", "kaal")[n // 3 % 3]
            game.submit("net", "propose", {"package": {"ontwerp": ontwerp, "fasering": fasering}})
        await settle(pilot)
        assert not list(app._notifications)  # no toasts over the detail pane
        news = words(screen_text(app))
        assert "Nieuw voorstel P14 van Netbeheerder" in news
        assert "P13 van" not in news


async def test_12_a_long_dialog_title_wraps_instead_of_being_cut(game: LocalGame) -> None:
    running(game)
    app = SeatApp(game.link(["gemeente"]))
    title = "Toelichting bij je voorstel: " + " · ".join(
        f"Onderwerp {n}: Hybride warmtepomp met waterstof voor de piek" for n in range(3)
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.push_screen(TextPrompt(title))
        await pilot.pause()
        assert words(title) in words(widget_texts(app))
        shown = words(screen_text(app))
        assert "Hybride warmtepomp met waterstof voor de piek" in shown.split("Onderwerp 2:")[-1]


async def test_12_shared_terminal_bar_wraps(game: LocalGame) -> None:
    running(game)
    game.submit("gemeente", "propose", {"package": {"ontwerp": "groen", "fasering": "samen"}})
    game.submit("facilitator", "next_round", {})
    game.submit("facilitator", "call_vote", {"proposal": "P1"})
    link = game.link(["gemeente", "net"])
    app = SeatApp(link, start_locked=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # not now: the ballot waits in the bar
        await settle(pilot)
        bar = words(screen_text(app))
        assert "⟨r⟩ wisselen ⟨l⟩ vergrendelen" in bar
        assert "▶ Stemming over P1: druk ⟨v⟩" in bar  # the bar wraps, nothing cut


async def test_10_room_says_a_vetoed_vote_is_lost_and_shows_the_event(game: LocalGame) -> None:
    running(game)
    game.submit("net", "propose", {"package": {"ontwerp": "groen", "fasering": "samen"}})
    game.submit("facilitator", "play_event", {"event": "vertraging"})
    game.submit("facilitator", "next_round", {})
    game.submit("facilitator", "call_vote", {"proposal": "P1"})
    game.submit("net", "vote", {"choice": "yes"})
    game.submit("winkels", "vote", {"choice": "yes"})
    game.submit("gemeente", "vote", {"choice": "no"})
    for size in ((80, 24), (120, 40), (160, 50), (200, 60)):
        app = RoomApp(game.link(["room"]))
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            shown = words(screen_text(app))
            assert "VERWORPEN: veto van Wethouder" in shown, size
            assert "2/2" not in shown  # no tally that reads as won
            assert "⚡ Gebeurtenis:" in shown  # on screen, in the left column
            held = words(widget_texts(app))
            assert "Gebeurtenis: Vergunning vertraagd" in held
            assert "De kabels kunnen pas drie maanden later." in held
            legend = [line for line in screen_text(app).splitlines() if "× open" in line]
            for line in legend:  # every legend entry on a line of its own, whole
                assert line.count("× open") <= 3


async def test_12_work_titles_in_the_plan_wrap_at_80_columns(leeuwaerdenhout: object) -> None:
    game = running(LocalGame(leeuwaerdenhout, "short", seed=3))  # type: ignore[arg-type]
    app = SeatApp(game.link(["netbeheerder"]))
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        shown = screen_text(app)
        assert "…" not in shown
        assert "Riool vervangen en" in shown and "regenwater afkoppelen" in shown


async def test_4_an_event_says_what_it_changes_for_this_role(mini: object) -> None:
    game = running(LocalGame(mini, "full", seed=3, pins={}), rounds=2)  # type: ignore[arg-type]
    game.submit(
        "net", "propose", {"package": {"ontwerp": "groen", "fasering": "samen", "kosten": "eigen"}}
    )
    app = SeatApp(game.link(["gemeente"]))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("5")  # any tab
        await settle(pilot)
        game.submit("facilitator", "play_event", {"event": "subsidie"})
        await settle(pilot)
        shown = words(screen_text(app))
        assert "Gebeurtenis: Subsidie gehalveerd" in shown and "Groen wordt duurder." in shown
        assert "Inrichting, Groene straat: 50 → 40 punten" in shown
        assert "P1: " in shown and "(−10)" in shown
