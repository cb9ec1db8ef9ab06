"""The room screen for a projector: big clock, round, press release, public map,
the proposals on the table and the vote tally; the debrief after the reveal.

Shows only the room view (public data); readable from the back of a room.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import ContentSwitcher, DataTable, Footer, Static

from game.tui.i18n import num, t
from game.tui.link import Link
from game.tui.messages import LinkStatus, NoticeArrived, ViewArrived
from game.tui.notices import ballot_verdict, notice_text, tally_text
from game.tui.palette import (
    ActionsProvider,
    PaletteEntry,
    Providers,
    open_palette,
    palette_binding,
)
from game.tui.viewdata import View, header_parts, last_ballot, role_names
from game.tui.widgets.debrief import DebriefPane
from game.tui.widgets.map_pane import MapPane
from game.tui.widgets.room_now import RoomNow
from game.tui.widgets.round_header import RoundHeader

SMALL_HEIGHT = 30
"""Below this many rows the room screen leaves out the big digits (the clock stays in the title)."""


def tally_bar(view: View, width: int = 30) -> Text:
    """Votes for against the quorum; a closed ballot says whether it passed, and why not."""
    ballot = last_ballot(view)
    if not ballot:
        return Text("")
    if not ballot.get("open"):
        names = role_names(view)
        verdict = ballot_verdict(ballot.get("passed"), ballot.get("reason"), names)
        return Text(
            ("✔ " if ballot.get("passed") else "✘ ") + verdict,
            "bold reverse green" if ballot.get("passed") else "bold reverse red",
        )
    yes = int(ballot.get("tally", {}).get("yes", 0))
    quorum = max(1, int(ballot.get("quorum", 1)))
    total = max(quorum, int(view.get("agreement_rule", {}).get("in_play", quorum)))
    filled = round(width * yes / total)
    mark = round(width * quorum / total)
    out = Text()
    for i in range(width):
        if i == mark:
            out.append("┃", "bold")
        out.append("█" if i < filled else "░", "green" if yes >= quorum else "yellow")
    out.append(f" {yes}/{quorum}", "bold")
    return out


def signed_line(view: View) -> str:
    """``Ondertekend: 10 van 12`` once an agreement waits for signatures, else ``""``."""
    agreement = view.get("agreement") or {}
    rule = view.get("agreement_rule") or {}
    if not agreement or not rule.get("signatures"):
        return ""
    signed = len(agreement.get("signatures") or ())
    return t("room.signed", n=signed, total=rule.get("in_play", signed))


class RoomApp(App[None]):
    CSS_PATH = str(Path(__file__).with_name("room.tcss"))
    # the room's own entries only: Textual's system commands are in English
    COMMANDS: ClassVar[Providers] = {ActionsProvider}
    TITLE = "Botsende belangen"
    #: Notices the room does not flash: one toast per signature covered the wall
    #: (the count is under the tally instead).
    QUIET = frozenset({"signed"})
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "show('play')", t("room.key.play")),
        Binding("2", "show('debrief')", t("room.key.debrief")),
        Binding("q", "quit", t("key.quit")),
        Binding("ctrl+c", "help_quit", show=False, system=True),
        palette_binding(t("key.palette")),
    ]

    def __init__(self, link: Link, address: str | None = None) -> None:
        """``address``: the one address participants use, shown on the wall with how to
        join until the first round is over (None: not known, not shown)."""
        super().__init__()
        self.link = link
        self.address = address
        self.view: dict[str, Any] = {}
        self.revealed = False

    def compose(self) -> ComposeResult:
        yield RoundHeader(big=True, id="header")
        yield Static("", id="link")
        with ContentSwitcher(initial="play", id="switcher"):
            with Horizontal(id="play"):
                with Vertical(id="left"):
                    yield RoomNow(id="press", address=self.address)
                    yield Static("", id="tally")
                    yield Static("", id="tally-bar")
                    table: DataTable[Any] = DataTable(
                        id="proposals", cursor_type="none", header_height=2
                    )
                    yield table
                yield MapPane(id="room-map")
            yield DebriefPane(id="debrief")
        yield Footer(show_command_palette=False)

    def on_resize(self, event: events.Resize) -> None:
        """On a small screen the big digits give their lines to the round's instructions."""
        self.screen.set_class(event.size.height < SMALL_HEIGHT, "small")

    async def on_mount(self) -> None:
        self.screen.set_class(self.size.height < SMALL_HEIGHT, "small")
        self.query_one("#proposals", DataTable).add_columns(
            "", t("table.author"), "✔", "✘", t("table.col.openings"), t("table.col.cost")
        )
        self.query_one("#link", Static).display = False
        self.query_one(RoomNow).focus()
        await self.link.attach(self)

    def on_view_arrived(self, message: ViewArrived) -> None:
        self.view = message.view
        self.render_view(message.view)

    def on_notice_arrived(self, message: NoticeArrived) -> None:
        if message.notice.get("kind") in self.QUIET:
            return
        text = notice_text(message.notice, self.view)
        if text:
            self.notify(text, timeout=8, markup=False)

    def on_link_status(self, message: LinkStatus) -> None:
        """A lost connection shows on the wall itself (the clock alone would run on)."""
        self.sub_title = t("link.up") if message.connected else t("link.down")
        banner = self.query_one("#link", Static)
        banner.update(Text(t("link.down"), "bold"))
        banner.display = not message.connected

    def render_view(self, view: dict[str, Any]) -> None:
        self.query_one("#header", RoundHeader).show(*header_parts(view))
        self.query_one(RoomNow).show(view)
        self.query_one("#tally", Static).update(
            # a closed ballot's verdict is in the bar below, big
            Text(tally_text(last_ballot(view), role_names(view), verdict=False), "bold")
        )
        bar = tally_bar(view)
        signed = signed_line(view)
        if signed:
            bar.append("   " + signed, "bold")
        self.query_one("#tally-bar", Static).update(bar)
        table = self.query_one("#proposals", DataTable)
        table.clear()
        names = role_names(view)
        agreed = (view.get("agreement") or {}).get("proposal")
        for p in view.get("proposals", []):
            if p.get("withdrawn"):
                continue
            m = p.get("metrics") or {}
            style = "bold green" if p["id"] == agreed else ""
            table.add_row(
                Text(p["id"], style),
                Text(names.get(p["author"], p["author"]), style),
                str(len(p.get("support", {}))),
                str(len(p.get("objections", {}))),
                str(m.get("openings_total", "")),
                num(m.get("cost", 0)),
            )
        ballot = last_ballot(view)
        metrics = None
        label = ""
        pid = agreed or (ballot or {}).get("proposal")
        for p in view.get("proposals", []):
            if p["id"] == pid:
                metrics, label = p.get("metrics"), p["id"]
        self.query_one(MapPane).show(view, label, metrics)
        self.query_one(DebriefPane).show(view)
        if view.get("reveal") and not self.revealed:
            self.revealed = True
            self.action_show("debrief")

    def action_help_quit(self) -> None:
        """Ctrl+C: how to stop, in the interface language (Textual's own text is English)."""
        self.notify(t("quit.help"), timeout=5)

    def action_show(self, name: str) -> None:
        """Show the game or the debrief; the arrow and page keys scroll what is shown."""
        self.query_one("#switcher", ContentSwitcher).current = name
        pane = self.query_one(DebriefPane) if name == "debrief" else self.query_one(RoomNow)
        pane.focus()

    def action_command_palette(self) -> None:
        open_palette(self, t("palette.search"))

    def palette_commands(self) -> list[PaletteEntry]:
        return [
            (t("room.key.play"), t("palette.go"), lambda: self.action_show("play")),
            (t("room.key.debrief"), t("palette.go"), lambda: self.action_show("debrief")),
            (t("key.quit"), t("room.help.quit"), self.exit),
        ]
