"""The facilitator console: seats, round controls, events, votes, codes and debriefs.

With ``projector-safe`` on (key ``f``) the console asks the server for the
public facilitator view only and forgets every private dict it held, so no
private data can appear on a projected screen. Keys show in the footer only
where they work now; pressed anyway, they say when they will.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
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

from game.net.address import browser_address, short_address
from game.scenario.model import Scenario
from game.tui.console.actions import TABS, ConsoleActions
from game.tui.console.events_view import EventImpact, event_detail
from game.tui.console.panels import (
    OVERVIEW_COLUMNS,
    CodesPanel,
    SeatsPanel,
    join_command,
    overview_rows,
    private_values,
)
from game.tui.console.settings import ConsoleSettings
from game.tui.console.status import (
    GATED,
    available,
    ballot_line,
    shows_tally,
    when_available,
)
from game.tui.i18n import t
from game.tui.link import Link
from game.tui.messages import (
    BlocksArrived,
    CodesArrived,
    LinkStatus,
    NoticeArrived,
    PresenceArrived,
    ViewArrived,
)
from game.tui.notices import notice_text
from game.tui.palette import ActionsProvider, Providers, palette_binding
from game.tui.tab_labels import fit_tabs
from game.tui.viewdata import header_parts, quorum_rule, role_names
from game.tui.widgets.chat import ChatLog, message_line
from game.tui.widgets.debrief import DebriefPane
from game.tui.widgets.proposals import ProposalsPane
from game.tui.widgets.qr import QRCode
from game.tui.widgets.round_header import RoundHeader

#: Notices the console flashes; the rest (proposals, support...) are in its lists already.
FLASHED = {
    "round_started",
    "event_played",
    "vote_called",
    "vote_closed",
    "agreement",
    "ended",
    "bot_summary",
}
#: Below this height the address box is one line instead of big digits.
COMPACT_HEIGHT = 32
#: Keys whose action only works in some states: key → action.
GATED_KEYS = {
    "b": "start",
    "z": "pause_resume",
    "plus": "extend",
    "minus": "extend",
    "n": "next_round",
    "e": "play_event",
    "s": "call_vote",
    "x": "close_vote",
}


class ConsoleApp(ConsoleActions):
    CSS_PATH = str(Path(__file__).with_name("console.tcss"))
    # the console's own moves only: Textual's system commands are in English
    COMMANDS: ClassVar[Providers] = {ActionsProvider}
    TITLE = "Botsende belangen — spelleider"
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(str(n + 1), f"tab('{name}')", t(f"console.tab.{name}"), show=False)
            for n, name in enumerate(TABS)
        ),
        Binding("b", "start", t("console.footer.start")),
        Binding("z", "pause_resume", t("console.footer.pause")),
        Binding("plus", "extend(1)", t("console.footer.extend")),
        Binding("minus", "extend(-1)", t("console.key.shorten"), show=False),
        Binding("n", "next_round", t("console.footer.next")),
        Binding("e", "play_event", t("console.footer.event")),
        Binding("s", "call_vote", t("console.footer.vote")),
        Binding("x", "close_vote", t("console.footer.close_vote")),
        Binding("a", "announce", t("console.key.announce"), show=False),
        Binding("o", "assign", t("console.key.assign"), show=False),
        Binding("p", "show_pin", t("console.key.pin"), show=False),
        Binding("t", "next_table", t("console.key.table"), show=False),
        Binding("f", "projector", t("console.footer.projector")),
        Binding("h", "toggle_address", t("console.key.address"), show=False),
        Binding("u", "unblock", t("console.key.unblock")),
        Binding("q", "stop", t("console.footer.quit")),
        palette_binding(t("key.palette")),
    ]

    def __init__(
        self,
        link: Link,
        *,
        codes: dict[str, Any] | None = None,
        private: bool | None = None,
        on_start: Callable[[list[str]], object] | None = None,
        settings: ConsoleSettings | None = None,
        scenario: Scenario | None = None,
    ) -> None:
        """``on_start`` gets the roles nobody joined when the game starts (bots take them).

        ``settings`` are the facilitator's remembered choices (projector-safe,
        address box), saved again when they change; ``private`` overrides
        theirs. ``scenario`` lets the Events tab describe each card's effects.
        """
        super().__init__()
        self.settings = settings or ConsoleSettings()
        if private is not None:
            self.settings.private = private
        self.on_start = on_start
        self.link = link
        self.codes: dict[str, Any] = dict(codes or {})
        self.scenario = scenario
        self.views: dict[int, dict[str, Any]] = {}
        self.presence: dict[int, dict[str, int]] = {}
        self.blocks: list[dict[str, Any]] = []
        self.table = 1
        self.impacts: dict[tuple[int, str], EventImpact] = {}
        self._logged: list[tuple[Any, ...]] = []  # the messages in the log, in order
        self._state: tuple[Any, ...] | None = None

    @property
    def private(self) -> bool:
        return self.settings.private

    @private.setter
    def private(self, value: bool) -> None:
        self.settings.private = value

    def compose(self) -> ComposeResult:
        with Horizontal(id="address"):
            with Vertical(id="address-text"):
                yield Digits("", id="address-digits")
                yield Static("", id="address-command")
            yield QRCode(id="address-qr")
        yield RoundHeader(id="header")
        yield Static("", id="statusbar")
        with Horizontal(id="body"):
            yield SeatsPanel(id="seats-panel")
            with TabbedContent(id="tabs", initial="table"):
                with TabPane(t("console.tab.table"), id="table"):
                    yield ProposalsPane(private=False, id="proposals")
                    yield Static("", id="values")
                with TabPane(t("console.tab.events"), id="events"), Horizontal(id="event-body"):
                    yield OptionList(id="event-list")
                    yield Static("", id="event-text")
                with TabPane(t("console.tab.codes"), id="codes"):
                    yield CodesPanel(id="codes-panel")
                with TabPane(t("console.tab.messages"), id="messages"):
                    yield ChatLog(wrap=True, markup=False, id="log")
                with TabPane(t("console.tab.debrief"), id="debrief"):
                    yield Static(t("debrief.tables"), classes="title")
                    yield DataTable(id="overview", cursor_type="none", header_height=2)
                    yield DebriefPane(id="debrief-pane")
        yield Footer(compact=True, show_command_palette=False)

    async def on_mount(self) -> None:
        self.query_one("#address").display = self.settings.address
        self._fit(self.size)
        self._show_address()
        self._show_mode()
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
        self._note_impacts(number, self.views.get(number), view)
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

    def on_blocks_arrived(self, message: BlocksArrived) -> None:
        self.blocks = list(message.blocks)
        self._show_mode()
        self.refresh_bindings()

    def on_codes_arrived(self, message: CodesArrived) -> None:
        self.codes = dict(message.codes)
        self._show_address()
        self._show_codes()

    def on_notice_arrived(self, message: NoticeArrived) -> None:
        view = self.views.get(self.table)
        if view is not None and message.notice.get("kind") in FLASHED:
            text = notice_text(message.notice, view)
            if text:
                self.notify(text, timeout=4, markup=False)

    def on_link_status(self, message: LinkStatus) -> None:
        self.sub_title = t("link.up") if message.connected else t("link.down")

    # -- keys that work now -------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in GATED:
            return available(self.views.get(self.table, {}), action)
        if action == "show_pin":
            return self.private
        if action == "unblock":
            return bool(self.blocks)
        return True

    def on_key(self, event: events.Key) -> None:
        """A game key pressed where it does not work: say when it will."""
        action = GATED_KEYS.get(event.key)
        view = self.views.get(self.table)
        if action is None or view is None or available(view, action):
            return
        if len(self.screen_stack) > 1:
            return  # a dialog is open: the key is its own
        if isinstance(self.focused, OptionList | DataTable) and event.key in ("plus", "minus"):
            return
        event.stop()
        self.notify(when_available(view, action), timeout=4, markup=False)

    # -- layout -----------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size)

    def _fit(self, size: Size) -> None:
        compact = size.height < COMPACT_HEIGHT
        changed = compact != self.has_class("compact")
        self.set_class(compact, "compact")
        view = self.views.get(self.table)
        if changed and view is not None:  # the header's text depends on the height
            self.render_view(view)
        self.set_class(size.width < 100, "narrow")
        self._fit_tabs(size.width)
        qr = self.query_one("#address-qr", QRCode)
        fits = bool(self.codes.get("url")) and size.width >= 110 and size.height >= 44
        qr.display = fits
        self._show_address()

    def _fit_tabs(self, width: int) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        seats = self.query_one(SeatsPanel)
        room = width - (seats.outer_size.width or 30) - 2
        fit_tabs(tabs, TABS, [f"console.tab.{name}" for name in TABS], room)

    def _show_address(self) -> None:
        url = self.codes.get("url", "")
        digits = self.query_one("#address-digits", Digits)
        command = self.query_one("#address-command", Static)
        if not url:
            digits.display = False
            command.update(Text(t("console.local"), "bold"))
            return
        where = short_address(url)
        digits.update(where)
        digits.display = not self.has_class("compact")
        self.query_one("#address-qr", QRCode).show(browser_address(url))
        line = Text()
        line.append(t("console.in_browser") + " ", "dim")
        line.append(browser_address(url), "bold")
        line.append("  " + t("console.qr_on_cards") + "\n", "dim")
        line.append(t("console.in_terminal") + " ", "dim")
        line.append(join_command(where), "bold")
        command.update(line)

    def _show_mode(self) -> None:
        view = self.views.get(self.table)
        ballot = ballot_line(view) if view else ""
        short = ".short" if ballot else ""
        mode = t(f"console.private_on{short}" if self.private else f"console.projector_on{short}")
        line = Text.assemble((mode, "bold" if self.private else "bold black on yellow"))
        if ballot:
            line.append("  " + ballot, "bold cyan")
        if self.blocks:  # an address typing wrong codes is slowed down, never locked out
            first = self.blocks[0]
            warning = t(
                "console.blocked", address=first.get("address", "?"), bad=first.get("bad", 0)
            )
            if len(self.blocks) > 1:
                warning += t("console.blocked_more", n=len(self.blocks) - 1)
            line.append("\n" + warning, "bold black on red")
        self.query_one("#statusbar", Static).update(line)

    def _show_codes(self) -> None:
        names = role_names(self.views.get(self.table, {}))
        self.query_one(CodesPanel).show(self.codes, names, self.private)

    # -- rendering ----------------------------------------------------------------
    def render_view(self, view: dict[str, Any]) -> None:
        title, instructions, remaining, running, phase = header_parts(view)
        state = (
            phase,
            view.get("clock", {}).get("index"),
            bool(view.get("ballot")),
            bool(view.get("agreement")),
            len(view.get("events", [])),
        )
        if state != self._state:
            self._state = state
            self.refresh_bindings()
        prefix = t("debrief.table", table=view.get("table", 1))
        if self.has_class("compact") and view.get("round"):
            instructions = quorum_rule(view)  # the room screen shows the rest
        self.query_one("#header", RoundHeader).show(
            f"{prefix} · {title}", instructions, remaining, running, phase
        )
        self._show_mode()
        self.query_one(SeatsPanel).show(view, self.presence.get(self.table, {}))
        self.query_one(ProposalsPane).show(view)
        self.query_one("#table-ballot").display = shows_tally(view)
        self._show_values(view)
        self._show_events(view)
        self._show_log(view)
        self._show_codes()
        self.query_one(DebriefPane).show(view)
        self._render_overview()

    def _show_values(self, view: dict[str, Any]) -> None:
        pid = self.query_one(ProposalsPane).selected()
        self.query_one("#values", Static).update(private_values(view, pid))

    def _note_impacts(
        self, number: int, before: dict[str, Any] | None, after: dict[str, Any]
    ) -> None:
        """Remember what each newly played event changed on the table (from the two views)."""
        if before is None or bool(before.get("private")) != bool(after.get("private")):
            return
        old = {e["id"] for e in before.get("events", [])}
        for event in after.get("events", []):
            if event["id"] not in old:
                self.impacts[(number, event["id"])] = EventImpact.between(before, after)

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
        text = Text("")
        if options.highlighted is not None and options.option_count:
            eid = options.get_option_at_index(options.highlighted).id
            impact = self.impacts.get((self.table, str(eid)))
            text = event_detail(view, str(eid), self.scenario, impact)
        self.query_one("#event-text", Static).update(text)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "event-list":
            self._show_event_text()

    def action_stop(self) -> None:
        """Quit; while a session runs (before its debrief), only after the facilitator confirms."""
        running = any(
            v.get("phase") == "running" and not v.get("revealed") for v in self.views.values()
        )
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
        table = view.get("table", 1)
        keys = [(table, m["at"], m.get("sender"), m.get("to"), m.get("text")) for m in entries]
        if keys[: len(self._logged)] != self._logged:  # not just more: another table or mode
            log.clear()
            self._logged = []
        names = role_names(view)
        for m in entries[len(self._logged) :]:
            log.write(message_line(m, "", names))
        self._logged = keys

    def _render_overview(self) -> None:
        table = self.query_one("#overview", DataTable)
        table.clear(columns=True)  # widths from these rows only ("nog geen uitkomst" was wide)
        table.add_columns(*(t(key) for key in OVERVIEW_COLUMNS))
        for row in overview_rows(self.views):
            table.add_row(*row)

    def forget_private(self) -> None:
        """Drop every view and clear the widgets that showed them.

        The footer's keys are worked out again from the next view (with no view
        every key shows), even when that view is in the same round as the last.
        """
        self.views.clear()
        self._state = None
        self._logged.clear()
        self.query_one("#log", RichLog).clear()
        self.query_one(ProposalsPane).clear()
        self.query_one("#values", Static).update("")
        self.query_one("#event-text", Static).update("")
        self.query_one(DebriefPane).clear()
        self.query_one(CodesPanel).clear_private()
        self._render_overview()
        self._show_mode()
