"""The seat's first screen stays light: the press release without a Markdown widget,
the other tabs mounted only when first shown; labels that fit the width."""

from __future__ import annotations

from game.tui.local_link import LocalGame
from game.tui.seat import SeatApp
from game.tui.tab_labels import fitting_labels
from game.tui.widgets.simple_markdown import markdown_text
from tests.tui.conftest import screen_text, settle, widget_texts


def test_press_markdown_joins_lines_and_keeps_emphasis() -> None:
    text = markdown_text(
        "# Titel\n\nEen zin die\ndoorloopt.\n\n## Gebeurtenissen\n\n"
        "> **Subsidie** — gehalveerd\n\n- een\n- twee"
    )
    assert text.plain == (
        "Titel\n\nEen zin die doorloopt.\n\nGebeurtenissen\n\n▌ Subsidie — gehalveerd\n\n"
        "• een\n• twee"
    )
    bold = [text.plain[s.start : s.end] for s in text.spans if "bold" in str(s.style)]
    assert "Titel" in bold and "Subsidie" in bold


async def test_tabs_are_mounted_when_first_shown(game: LocalGame) -> None:
    app = SeatApp(game.link(["net"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.query("#chat-pane") and not app.query("#briefing-pane")
        assert "tegelijk aanpakken" in widget_texts(app)
        await pilot.press("7")
        await settle(pilot)
        assert app.query("#chat-pane")
        for _ in range(50):  # a busy machine draws the new tab a little later
            if "Nog geen berichten" in screen_text(app):
                break
            await pilot.pause(0.1)
        assert "Nog geen berichten" in screen_text(app)


async def test_every_tab_label_fits_at_80_columns(game: LocalGame) -> None:
    app = SeatApp(game.link(["net"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Nabespreking" in screen_text(app).splitlines()[3]
        assert "r Rol wisselen" not in screen_text(app)  # one role: nothing to switch to
    assert fitting_labels(["tab.press", "tab.map"], 200) == ["1 Persbericht", "2 Kaart"]


async def test_a_locked_single_role_seat_can_open_again(game: LocalGame) -> None:
    app = SeatApp(game.link(["net"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert app.current is None and "r Rol kiezen" in screen_text(app)
        await pilot.press("r")
        await pilot.press(*"2222", "enter")
        await settle(pilot)
        assert app.current == "net"
