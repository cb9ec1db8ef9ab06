"""The facilitator console: seats, round controls, events, votes, codes and debriefs.

With ``projector-safe`` on (key ``f``) the console asks the server for the
public facilitator view only and forgets every private dict it held, so no
private data can appear on a projected screen.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.widgets import (
    DataTable,
    Digits,
    Footer,
    OptionList,
    RichLog,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.option_list import Option

from game.tui.console.actions import ConsoleActions
from game.tui.console.panels import (
    OVERVIEW_COLUMNS,
    CodesPanel,
    SeatsPanel,
    join_command,
    overview_rows,
    private_values,
)
from game.tui.i18n import t
from game.tui.link import Link
from game.tui.messages import (
    CodesArrived,
    LinkStatus,
    NoticeArrived,
    PresenceArrived,
    ViewArrived,
)
from game.tui.notices import notice_text
from game.tui.palette import ActionsProvider, PaletteEntry
from game.tui.tab_labels import fit_tabs
from game.tui.viewdata import header_parts, role_names
from game.tui.widgets.chat import message_line
from game.tui.widgets.debrief import DebriefPane
from game.tui.widgets.proposals import ProposalsPane
from game.tui.widgets.qr import QRCode
from game.tui.widgets.round_header import RoundHeader

TABS = ("table", "events", "codes", "messages", "debrief")
LOBBY_ACTIONS = {"start"}
RUNNING_ACTIONS = {"pause_resume", "extend", "next_round", "play_event", "call_vote", "close_vote"}
"""Keys that only work in that phase: the footer shows them only then."""


class ConsoleApp(ConsoleActions):
    CSS_PATH = str(Path(__file__).with_name("console.tcss"))
    COMMANDS = App.COMMANDS | {ActionsProvider}
    TITLE = "Botsende belangen — spelleider"
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(str(n + 1), f"tab('{name}')", t(f"console.tab.{name}"), show=False)
            for n, name in enumerate(TABS)
        ),
        Binding("b", "start", t("console.key.start")),
        Binding("z", "pause_resume", t("console.key.pause")),
        Binding("plus", "extend(1)", t("console.key.extend")),
        Binding("minus", "extend(-1)", t("console.key.shorten")),
        Binding("n", "next_round", t("console.key.next")),
        Binding("e", "play_event", t("console.key.event")),
        Binding("s", "call_vote", t("console.key.vote")),
        Binding("x", "close_vote", t("console.key.close_vote"), show=False),
        Binding("a", "announce", t("console.key.announce"), show=False),
        Binding("o", "assign", t("console.key.assign")),
        Binding("t", "next_table", t("console.key.table"), show=False),
        Binding("f", "projector", t("console.key.projector")),
        Binding("h", "toggle_address", t("console.key.address"), show=False),
        Binding("q", "stop", t("key.quit")),
    ]

    def __init__(
        self,
        link: Link,
        *,
        codes: dict[str, Any] | None = None,
        private: bool = True,
        on_start: Callable[[list[str]], object] | None = None,
        web: str | None = None,
        web_note: str | None = None,
    ) -> None:
        """``on_start`` gets the roles nobody joined when the game starts (bots take them).

        ``web`` is the address of the browser seats (shown big, with its QR
        code); ``web_note`` one line on why there are none.
        """
        super().__init__()
        self.web = web
        self.web_note = web_note
        self.on_start = on_start
        self.link = link
        self.codes: dict[str, Any] = dict(codes or {})
        self.private = private
        self.views: dict[int, dict[str, Any]] = {}
        self.presence: dict[int, dict[str, int]] = {}
        self.table = 1
        self._logged: dict[int, int] = {}
        self._phase: str | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="address"):
            with Vertical(id="address-text"):
                yield Digits("", id="address-digits")
                yield Static("", id="address-command")
                yield Static("", id="address-web")
            yield QRCode(id="address-qr")
        yield RoundHeader(id="header")
        yield Static("", id="statusbar")
        with Horizontal(id="body"):
            yield SeatsPanel(id="seats-panel")
            with TabbedContent(id="tabs", initial="table"):
                with TabPane(t("console.tab.table"), id="table"):
                    yield ProposalsPane(private=False, id="proposals")
                    yield Static("", id="values")
                with TabPane(t("console.tab.events"), id="events"):
                    yield OptionList(id="event-list")
                    yield Static("", id="event-text")
                with TabPane(t("console.tab.codes"), id="codes"):
                    yield CodesPanel(id="codes-panel")
                with TabPane(t("console.tab.messages"), id="messages"):
                    yield RichLog(wrap=True, markup=False, id="log")
                with TabPane(t("console.tab.debrief"), id="debrief"):
                    yield Static(t("debrief.tables"), classes="title")
                    yield DataTable(id="overview", cursor_type="none")
                    yield DebriefPane(id="debrief-pane")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        self._fit_qr(self.size)
        self._fit_tabs(self.size.width)
        self._show_address()
        await self.link.set_private(self.private)
        await self.link.attach(self)

    # -- incoming ---------------------------------------------------------------
    def on_view_arrived(self, message: ViewArrived) -> None:
        view = message.view
        if view.get("kind") != "facilitator":
            return
        if bool(view.get("private")) != self.private:
            return  # a view from before the projector switch
        number = int(view.get("table", 1))
        self.views[number] = view
        if number == self.table:
            self.render_view(view)
        else:
            self._render_overview()

    def on_presence_arrived(self, message: PresenceArrived) -> None:
        self.presence[message.table] = dict(message.roles)
        view = self.views.get(self.table)
        if message.table == self.table and view is not None:
            self.query_one(SeatsPanel).show(view, self.presence.get(self.table, {}))

    def on_codes_arrived(self, message: CodesArrived) -> None:
        self.codes = dict(message.codes)
        self._show_address()
        self._show_codes()

    def on_notice_arrived(self, message: NoticeArrived) -> None:
        view = self.views.get(self.table)
        if view is not None:
            text = notice_text(message.notice, view)
            if text:
                self.notify(text, timeout=5, markup=False)

    def on_link_status(self, message: LinkStatus) -> None:
        self.sub_title = t("link.up") if message.connected else t("link.down")

    # -- rendering ----------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        phase = self.views.get(self.table, {}).get("phase")
        if phase is None:
            return True
        if action in LOBBY_ACTIONS:
            return bool(phase == "lobby")
        if action in RUNNING_ACTIONS:
            return bool(phase == "running")
        return True

    def on_resize(self, event: events.Resize) -> None:
        self._fit_qr(event.size)
        self._fit_tabs(event.size.width)

    def _fit_tabs(self, width: int) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        seats = self.query_one(SeatsPanel).styles.width
        room = width - int(seats.value if seats is not None else 36) - 2
        fit_tabs(tabs, TABS, [f"console.tab.{name}" for name in TABS], room)

    def _fit_qr(self, size: Size) -> None:
        """The browser QR code beside the address only where it leaves room for the game."""
        qr = self.query_one("#address-qr", QRCode)
        fits = self.web is not None and size.width >= 100 and size.height >= 40
        if fits != qr.display:
            qr.display = fits
            qr.show(self.web or "")
            self._show_address()

    def _show_address(self) -> None:
        url = self.codes.get("url", "")
        big = self.web or url
        self.query_one("#address-digits", Digits).update(big.split("://", 1)[-1].rstrip("/"))
        command = Text(t("console.local"), "bold")
        if url:
            command = Text.assemble(
                (t("console.in_terminal") + " ", "dim"), (join_command(url), "bold")
            )
        self.query_one("#address-command", Static).update(command)
        line = self.query_one("#address-web", Static)
        line.display = bool(self.web or self.web_note)
        if self.web:
            hint = "" if self.query_one("#address-qr").display else "  " + t("console.qr_in_codes")
            line.update(
                Text.assemble(
                    (t("console.in_browser") + " ", "dim"), (self.web, "bold"), (hint, "dim")
                )
            )
        elif self.web_note:
            line.update(Text(self.web_note, "dim"))

    def _show_codes(self) -> None:
        names = role_names(self.views.get(self.table, {}))
        self.query_one(CodesPanel).show(self.codes, names, self.private, web=self.web)

    def render_view(self, view: dict[str, Any]) -> None:
        title, instructions, remaining, running, phase = header_parts(view)
        if phase != self._phase:
            self._phase = phase
            self.refresh_bindings()
        prefix = t("debrief.table", table=view.get("table", 1))
        self.query_one("#header", RoundHeader).show(
            f"{prefix} · {title}", instructions, remaining, running, phase
        )
        mode = t("console.private_on") if self.private else t("console.projector_on")
        self.query_one("#statusbar", Static).update(
            Text(mode, "bold" if self.private else "bold black on yellow")
        )
        self.query_one(SeatsPanel).show(view, self.presence.get(self.table, {}))
        proposals = self.query_one(ProposalsPane)
        proposals.show(view)
        self._show_values(view)
        self._show_events(view)
        self._show_log(view)
        self._show_codes()
        self.query_one(DebriefPane).show(view)
        self._render_overview()

    def _show_values(self, view: dict[str, Any]) -> None:
        pid = self.query_one(ProposalsPane).selected()
        out = private_values(view, pid)
        votes = view.get("open_votes")
        if self.private and votes:
            names = role_names(view)
            out.append(t("console.votes") + " ", "bold")
            out.append(", ".join(f"{names.get(r, r)}: {t('vote.' + v)}" for r, v in votes.items()))
        self.query_one("#values", Static).update(out)

    def _show_events(self, view: dict[str, Any]) -> None:
        played = {e["id"] for e in view.get("events", [])}
        cards = view.get("event_cards") or view.get("scenario", {}).get("events", [])
        options = self.query_one("#event-list", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        for card in cards:
            mark = "✔ " if card["id"] in played else "  "
            options.add_option(
                Option(Text(mark + card["title"], "dim" if mark.strip() else ""), id=card["id"])
            )
        if options.option_count:
            options.highlighted = min(highlighted or 0, options.option_count - 1)
        self._show_event_text()

    def _show_event_text(self) -> None:
        view = self.views.get(self.table, {})
        options = self.query_one("#event-list", OptionList)
        text = ""
        if options.highlighted is not None and options.option_count:
            eid = options.get_option_at_index(options.highlighted).id
            for card in view.get("event_cards") or []:
                if card["id"] == eid:
                    text = card["text"]
        self.query_one("#event-text", Static).update(Text(text))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "event-list":
            self._show_event_text()

    def action_stop(self) -> None:
        """Quit; while a session runs, only after the facilitator confirms."""
        running = any(v.get("phase") == "running" for v in self.views.values())
        if not running:
            self.exit()
            return
        from game.tui.screens.dialogs import ChoiceScreen

        def chosen(answer: str | None) -> None:
            if answer == "stop":
                self.exit()

        choices = [("stay", t("console.quit.stay")), ("stop", t("console.quit.stop"))]
        self.push_screen(
            ChoiceScreen(t("console.quit.title"), choices, t("console.quit.note")), chosen
        )

    def on_data_table_row_highlighted(self) -> None:
        view = self.views.get(self.table)
        if view is not None:
            self._show_values(view)

    def _show_log(self, view: dict[str, Any]) -> None:
        log = self.query_one("#log", RichLog)
        entries = [*view.get("messages", []), *(view.get("private_messages") or [])]
        entries += [
            {"sender": "facilitator", "text": a["text"], "at": a["at"]}
            for a in view.get("announcements", [])
        ]
        entries.sort(key=lambda m: m["at"])
        number = int(view.get("table", 1))
        if len(entries) < self._logged.get(number, 0):
            log.clear()
            self._logged[number] = 0
        names = role_names(view)
        for m in entries[self._logged.get(number, 0) :]:
            log.write(message_line(m, "", names))
        self._logged[number] = len(entries)

    def _render_overview(self) -> None:
        table = self.query_one("#overview", DataTable)
        if not table.columns:
            table.add_columns(*(t(key) for key in OVERVIEW_COLUMNS))
        table.clear()
        for row in overview_rows(self.views):
            table.add_row(*row)

    def forget_private(self) -> None:
        """Drop every view and clear the widgets that showed them."""
        self.views.clear()
        self._logged.clear()
        self.query_one("#log", RichLog).clear()
        self.query_one(ProposalsPane).clear()
        self.query_one("#values", Static).update("")
        self.query_one("#event-text", Static).update("")
        self.query_one(DebriefPane).clear()
        self.query_one(CodesPanel).clear_private()
        self._render_overview()

    # -- palette ----------------------------------------------------------------
    def palette_commands(self) -> list[PaletteEntry]:
        entries: list[PaletteEntry] = [
            (t("console.tab." + n), t("palette.go"), partial(self.action_tab, n)) for n in TABS
        ]
        for action in (
            "start",
            "pause",
            "next",
            "event",
            "vote",
            "close_vote",
            "announce",
            "assign",
            "table",
            "projector",
            "address",
            "end",
        ):
            name = {
                "pause": "pause_resume",
                "next": "next_round",
                "event": "play_event",
                "vote": "call_vote",
                "table": "next_table",
                "address": "toggle_address",
                "end": "end_session",
            }.get(action, action)
            entries.append(
                (
                    t("console.key." + action),
                    t("console.help." + action),
                    getattr(self, "action_" + name),
                )
            )
        entries.append(
            (t("console.key.extend"), t("console.help.extend"), lambda: self.action_extend(1))
        )
        entries.append(
            (t("console.key.shorten"), t("console.help.shorten"), lambda: self.action_extend(-1))
        )
        return entries
