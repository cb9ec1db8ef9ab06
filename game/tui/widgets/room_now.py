"""The room screen's left column: what the room needs now, not the press release all game.

Before and during the opening round: the press release. Later: the latest event
card, big, with the earlier ones by title; and the facilitator's latest
announcement. (The round's instructions and the clock are in the header.)
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from game.net.address import browser_address, short_address
from game.tui.i18n import t
from game.tui.viewdata import View
from game.tui.widgets.press import press_markdown
from game.tui.widgets.simple_markdown import markdown_text


def join_panel(address: str) -> RenderableType:
    """How to join, for the back of the room: the one address, in a browser or a terminal."""
    text = Text(t("room.join.title") + "\n", "bold")
    text.append(t("room.join.browser") + " ", "not bold")
    text.append(browser_address(address), "bold")
    text.append("\n" + t("room.join.card"), "not bold")
    text.append("\n" + t("room.join.terminal") + " ", "not bold")
    text.append(f"botsende-belangen join {short_address(address)} --code …", "bold")
    return Panel(text, border_style="bold cyan", padding=(0, 1))


def room_now(view: View, address: str | None = None) -> RenderableType:
    """The renderable for the left column of the room screen (``address``: the one
    address participants use, shown with how to join until the first round ends)."""
    index = int((view.get("clock") or {}).get("index", 0) or 0)
    events: list[Any] = list(view.get("events", []))
    notes: list[Any] = list(view.get("announcements", []))
    title = Text(str(view.get("scenario", {}).get("title", "")), "bold")
    if view.get("phase", "lobby") == "lobby" or (index == 0 and not events and not notes):
        press = markdown_text(press_markdown(view, title=False))
        return Group(join_panel(address), Text(""), press) if address else press
    parts: list[RenderableType] = [title]
    if events:
        latest = events[-1]
        card = Text(t("room.event", title=latest["title"]) + "\n", "bold yellow")
        card.append(str(latest["text"]), "not bold default")
        parts.append(Panel(card, border_style="bold yellow", padding=(0, 1)))
        if len(events) > 1:
            earlier = ", ".join(str(e["title"]) for e in reversed(events[:-1]))
            parts.append(Text(t("room.earlier_events", titles=earlier), "dim"))
    if notes:
        parts.append(Text(t("notice.announcement", text=notes[-1]["text"]), "bold magenta"))
    if len(parts) == 1:
        parts.append(Text(t("room.no_events"), "dim"))
    return Group(*parts)


class RoomNow(VerticalScroll):
    """Static content, redrawn only when it changes."""

    DEFAULT_CSS = "RoomNow #room-now { padding: 0 1; }"

    def __init__(self, *, id: str | None = None, address: str | None = None) -> None:
        super().__init__(id=id)
        self._key: Any = None
        self.address = address

    def compose(self) -> ComposeResult:
        yield Static("", id="room-now")

    def show(self, view: View) -> None:
        key = (
            view.get("phase"),
            (view.get("clock") or {}).get("index"),
            len(view.get("events", [])),
            len(view.get("announcements", [])),
        )
        if key != self._key:
            self._key = key
            self.query_one("#room-now", Static).update(room_now(view, self.address))
