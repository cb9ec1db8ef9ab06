"""Conventions every screen keeps: catalogs, key bindings, sizes, themes, language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.app import App

from game.tui import i18n
from game.tui.console.app import ConsoleApp
from game.tui.local_link import LocalGame
from game.tui.room import RoomApp
from game.tui.seat import SeatApp
from tests.tui.conftest import running, settle

TUI = Path(__file__).resolve().parents[2] / "game" / "tui"
BROWSER_KEYS = {"ctrl+w", "ctrl+t", "ctrl+n"}


def test_catalogs_have_the_same_keys() -> None:
    assert set(i18n.nl.STRINGS) == set(i18n.en.STRINGS)
    assert all(
        i18n.nl.STRINGS[k].count("{") == i18n.en.STRINGS[k].count("{") for k in i18n.nl.STRINGS
    )


def test_every_literal_key_used_exists() -> None:
    used: set[str] = set()
    for path in TUI.rglob("*.py"):
        used |= set(re.findall(r"\bt\(\s*\"([a-z_]+\.[a-z_.]+)\"", path.read_text()))
    missing = sorted(k for k in used if k not in i18n.nl.STRINGS and not k.endswith("."))
    assert not missing


def test_every_engine_error_code_is_translated() -> None:
    from game.engine import ILLEGAL_CODES

    for code in ILLEGAL_CODES:
        assert f"error.{code}" in i18n.nl.STRINGS, code


def test_english_is_available() -> None:
    i18n.set_language("en")
    try:
        assert i18n.t("tab.briefing") == "My briefing"
        assert i18n.error_text("wrong_round") == "That is not possible in this round."
    finally:
        i18n.set_language("nl")
    assert i18n.t("tab.briefing") == "Mijn briefing"
    with pytest.raises(ValueError):
        i18n.set_language("fr")


def apps(game: LocalGame) -> list[App[None]]:
    return [
        SeatApp(game.link(["net"])),
        ConsoleApp(game.link(["facilitator"]), codes=game.codes_document("ws://127.0.0.1:1")),
        RoomApp(game.link(["room"])),
    ]


def test_no_browser_keys_are_bound(game: LocalGame) -> None:
    for app in apps(game):
        keys = set()
        for binding in app.BINDINGS:
            key = binding.key if hasattr(binding, "key") else binding[0]
            keys |= {k.strip() for k in str(key).split(",")}
        assert not keys & BROWSER_KEYS, type(app).__name__


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_layouts_hold_at_laptop_and_projector_sizes(
    game: LocalGame, size: tuple[int, int]
) -> None:
    running(game)
    game.submit("net", "propose", {"package": {"ontwerp": "groen", "fasering": "samen"}})
    for app in apps(game):
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            keys = "12345678" if isinstance(app, SeatApp) else "12345"
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            assert app.screen.size == size
            assert app.return_code is None


async def test_themes_work(game: LocalGame) -> None:
    running(game)
    app = SeatApp(game.link(["net"]))
    async with app.run_test(size=(80, 24)) as pilot:
        for theme in ("textual-light", "nord", "textual-dark"):
            app.theme = theme
            await settle(pilot)
            assert app.current_theme.name == theme


async def test_palette_lists_the_main_actions(game: LocalGame) -> None:
    running(game)
    app = SeatApp(game.link(["net"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        titles = [title for title, _, _ in app.palette_commands()]
        assert "Voorstel indienen" in titles and "Stemmen" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"indienen")
        await pilot.pause(0.3)
        assert type(app.screen).__name__ == "CommandPalette"
