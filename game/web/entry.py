"""The first screen of a browser seat: type the join code(s), then play.

textual-serve runs ``python -m game.web.entry --server URL --lang L`` once per
browser. :class:`EntryApp` asks for the code(s) (and the game server's address
when ``--server`` was not given) and joins; a wrong code leaves a clear message
and the participant on this screen. Once joined, the same browser session goes
on with the seat app (role codes) or the room screen (the screen code), over
the connection the entry app made — as ``join`` and ``screen`` do in a terminal.
"""

from __future__ import annotations

import argparse
import asyncio
import contextvars
import re
import sys
from collections.abc import Sequence
from typing import Any, ClassVar

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, Input, Label, Static

from game.commands.join import CONNECT_TIMEOUT, address_error, connect_error, normalise_url
from game.net.address import AddressError
from game.tui.link import ROOM
from game.tui.net_link import NetLink
from game.web.labels import w

DEFAULT_SERVER = "ws://127.0.0.1:8765"


def split_codes(text: str) -> list[str]:
    """The codes typed in one field: separated by spaces, commas or semicolons."""
    return [code for code in re.split(r"[\s,;]+", text) if code]


class EntryApp(App[NetLink | None]):
    """Asks for the join code(s); exits with the joined link (None when left)."""

    TITLE = "Botsende belangen"
    CSS = """
    Screen { align: center middle; }
    #entry { width: 72; max-width: 100%; height: auto; border: thick $accent;
             background: $surface; padding: 1 2; }
    #entry-title { text-style: bold; margin-bottom: 1; }
    .muted { color: $text-muted; }
    #entry Label { margin-top: 1; }
    #entry Button { margin-top: 1; }
    #entry-error { color: $error; margin-top: 1; }
    #entry-status { color: $text-muted; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit", show=False)]

    def __init__(self, server: str | None = None) -> None:
        super().__init__()
        self.server = server
        self.link: NetLink | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="entry"):
            yield Static(w("title"), id="entry-title")
            yield Static(w("welcome"))
            yield Static(w("shared"), classes="muted")
            yield Label(w("codes"))
            yield Input(placeholder=w("codes.placeholder"), id="codes")
            if self.server is None:
                yield Label(w("server"))
                yield Input(DEFAULT_SERVER, id="server")
            yield Button(w("join"), variant="primary", id="join")
            yield Static("", id="entry-error")
            yield Static("", id="entry-status")

    def on_mount(self) -> None:
        self.say()
        self.query_one("#codes", Input).focus()

    def server_url(self) -> str:
        if self.server is not None:
            return normalise_url(self.server)
        typed = self.query_one("#server", Input).value.strip()
        return normalise_url(typed or DEFAULT_SERVER)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "codes" or self.query_one("#codes", Input).value.strip():
            self.submit()
        else:
            self.query_one("#codes", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "join":
            self.submit()

    def submit(self) -> None:
        codes = split_codes(self.query_one("#codes", Input).value)
        if not codes:
            self.show_error(w("no_code"))
            return
        try:
            url = self.server_url()
        except AddressError as exc:
            self.show_error(address_error(exc))
            return
        self.join(codes, url)

    def say(self, error: str = "", status: str = "") -> None:
        """Show ``error`` (red) and ``status`` (grey) under the form; empty ones take no room."""
        for name, text in (("#entry-error", error), ("#entry-status", status)):
            line = self.query_one(name, Static)
            line.update(text)
            line.display = bool(text)

    def show_error(self, text: str) -> None:
        self.say(error=text)
        self.query_one("#join", Button).disabled = False
        self.query_one("#codes", Input).focus()

    @work(exclusive=True, group="join")
    async def join(self, codes: list[str], url: str) -> None:
        self.query_one("#join", Button).disabled = True
        self.say(status=w("joining", url=url))
        link = NetLink.for_seat(url, codes, locked=len(codes) > 1)
        problem = await connect(link, url)
        if problem is None and ROOM in link.roles and len(link.roles) > 1:
            await link.close()
            problem = w("mixed")
        if problem is not None:
            self.show_error(problem)
            return
        self.link = link
        self.exit(link)


async def connect(link: NetLink, url: str) -> str | None:
    """Join over ``link``; None when joined, else the sentence saying why not.

    The connection's background task starts in a fresh context, so that it is
    not tied to the entry app that happens to make it.
    """
    loop = asyncio.get_running_loop()
    task = loop.create_task(
        asyncio.wait_for(link.connect(), CONNECT_TIMEOUT), context=contextvars.Context()
    )
    try:
        await task
    except Exception as exc:  # every failure to join is the user's to read
        await link.close()
        return connect_error(exc, url)
    return None


def app_for(link: NetLink) -> App[Any]:
    """The app a joined link feeds: the room screen for the screen code, else the seat."""
    if ROOM in link.roles:
        from game.tui.room import RoomApp

        return RoomApp(link)
    from game.tui.seat import SeatApp

    return SeatApp(link)


async def run_session(server: str | None) -> int:
    """One browser's session: the entry app, then the seat or the room screen."""
    from game.web.driver import BrowserSession

    session = BrowserSession()
    entry = EntryApp(server)
    session.use(entry)
    try:
        link = await entry.run_async()
        if link is None:
            return 0
        app = app_for(link)
        session.use(app)
        try:
            await app.run_async()
        finally:
            await link.close()
        return int(app.return_code or 0)
    finally:
        session.finish()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.web.entry")
    parser.add_argument("--server", metavar="URL", help=f"game server (default {DEFAULT_SERVER})")
    parser.add_argument("--lang", choices=("nl", "en"), default="nl")
    args = parser.parse_args(argv)
    from game.tui.i18n import set_language

    set_language(args.lang)
    try:
        return asyncio.run(run_session(args.server))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
