"""The always-visible header: round title, its instructions and the time left.

The time counts down locally from the ``remaining`` seconds of the last view,
measured from the moment that view arrived; a paused clock stands still and
says so.
"""

from __future__ import annotations

import time

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Digits, Static

from game.tui.i18n import t


def format_clock(seconds: float) -> str:
    seconds = max(0, int(seconds + 0.999))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class Countdown:
    """Remaining seconds, counted down locally from the last known value."""

    def __init__(self) -> None:
        self.remaining = 0.0
        self.running = False
        self.since = time.monotonic()

    def set(self, remaining: float, running: bool) -> None:
        self.remaining, self.running, self.since = float(remaining), running, time.monotonic()

    def left(self) -> float:
        if not self.running:
            return self.remaining
        return max(0.0, self.remaining - (time.monotonic() - self.since))


class ClockLabel(Widget):
    """The time left; redraws without a new layout (it ticks twice a second)."""

    DEFAULT_CSS = "ClockLabel { width: 22; height: 1; text-align: right; }"

    def __init__(self, header: RoundHeader, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.header = header

    def render(self) -> Text:
        text = self.header.clock_text()
        text.justify = "right"
        return text


class RoundHeader(Static):
    """Title, instructions and clock in a few lines (``big`` for the room screen)."""

    DEFAULT_CSS = """
    RoundHeader { height: auto; max-height: 7; background: $boost; padding: 0 1; }
    RoundHeader Horizontal { height: auto; }
    RoundHeader #rh-title { width: 1fr; text-style: bold; color: $accent; }
    RoundHeader #rh-instructions { color: $text-muted; max-height: 4; }
    RoundHeader Digits { width: auto; }
    """

    def __init__(self, *, big: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.big = big
        self.countdown = Countdown()
        self.phase = "lobby"
        self._shown: tuple[str, str] = ("", "")
        self._digits = ""

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static(t("header.waiting"), id="rh-title")
            if self.big:
                yield Digits("--:--", id="rh-digits")
            yield ClockLabel(self, id="rh-clock")
        yield Static("", id="rh-instructions")

    def on_mount(self) -> None:
        self.set_interval(0.5, self.tick)

    def show(
        self, title: str, instructions: str, remaining: float, running: bool, phase: str
    ) -> None:
        """``phase``: ``lobby``, ``running``, ``paused`` or ``ended``."""
        self.phase = phase
        self.countdown.set(remaining, running and phase == "running")
        if (title, instructions) != self._shown:  # an update costs a new layout
            self._shown = (title, instructions)
            self.query_one("#rh-title", Static).update(Text(title or t("header.waiting")))
            self.query_one("#rh-instructions", Static).update(Text(instructions))
        self.tick()

    def clock_text(self) -> Text:
        left = self.countdown.left()
        if self.phase == "paused":
            return Text(f"⏸ {t('header.paused')} {format_clock(left)}", "bold black on yellow")
        if self.phase == "lobby":
            return Text(t("header.not_started"), "dim")
        if self.phase == "locked":
            return Text("🔒", "dim")
        if self.phase == "ended":
            return Text(t("header.ended"), "dim")
        style = "bold red" if left < 60 else "bold"
        return Text(f"⏱ {format_clock(left)}", style)

    def tick(self) -> None:
        if not self.is_mounted:
            return
        self.query_one("#rh-clock", ClockLabel).refresh()
        if self.big:
            left = self.countdown.left()
            digits = format_clock(left) if self.phase in ("running", "paused") else "--:--"
            if digits != self._digits:
                self._digits = digits
                self.query_one("#rh-digits", Digits).update(digits)
