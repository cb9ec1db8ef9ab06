"""Fixtures for the screen tests: the mini scenario in an in-process game."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.text import Text
from textual.app import App
from textual.widgets import DataTable, Input, Markdown, RichLog, Static

from game.scenario.loader import load_scenario
from game.scenario.model import Scenario
from game.tui.local_link import LocalGame

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini" / "mini.yaml"
PINS = {"gemeente": "1111", "net": "2222", "winkels": "3333"}


@pytest.fixture(scope="session")
def mini() -> Scenario:
    return load_scenario(MINI)


@pytest.fixture
def game(mini: Scenario) -> LocalGame:
    return LocalGame(mini, "short", seed=3, pins=PINS)


def running(game: LocalGame, rounds: int = 1) -> LocalGame:
    """Start the game and advance ``rounds`` rounds past the opening."""
    assert game.submit("facilitator", "start", {})["ok"]
    for _ in range(rounds):
        assert game.submit("facilitator", "next_round", {})["ok"]
    return game


def plain(content: Any) -> str:
    """Any Rich renderable (or string) as plain text."""
    if isinstance(content, str):
        return content
    if isinstance(content, Text):
        return content.plain
    console = Console(width=120, file=io.StringIO(), record=True)
    console.print(content)
    return console.export_text()


def widget_texts(app: App[Any]) -> str:
    """Every text any widget of the app holds (all screens, hidden tabs too)."""
    parts: list[str] = []
    for screen in app.screen_stack:
        for widget in screen.walk_children(with_self=True):
            if isinstance(widget, Markdown):
                parts.append(widget.source or "")
            elif isinstance(widget, Static):
                parts.append(plain(widget.content))
            elif isinstance(widget, DataTable):
                for row in range(widget.row_count):
                    parts.extend(str(c) for c in widget.get_row_at(row))
            elif isinstance(widget, RichLog):
                parts.extend(line.text for line in widget.lines)
                parts.extend(str(r) for r in getattr(widget, "_deferred_renders", []))
            elif isinstance(widget, Input):
                parts.append(widget.value)
            else:
                try:
                    rendered = widget.render()
                except Exception:
                    continue
                if isinstance(rendered, Text):
                    parts.append(rendered.plain)
    return "\n".join(parts)


def screen_text(app: App[Any]) -> str:
    """What the terminal shows right now, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def settle(pilot: Any) -> None:
    """Let messages, workers and dialogs finish."""
    await pilot.pause()
    if len(pilot.app.screen_stack) == 1:  # no dialog waiting for input
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def notified(app: App[Any]) -> str:
    """The texts of the notifications the app has shown (toasts)."""
    return "\n".join(str(n.message) for n in app._notifications)
