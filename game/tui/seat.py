"""The participant seat: what one (or a shared terminal of several) role(s) sees.

A thin client: it renders the views its link delivers and sends moves. Each
role's private screen is shown only while that role is unlocked; locking drops
the role's view and clears every widget that showed it.
"""

from __future__ import annotations

import importlib
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Footer, Input, Static, TabbedContent, TabPane

from game.tui.i18n import error_text, t
from game.tui.link import Link
from game.tui.messages import LinkStatus, NoticeArrived, PackageChosen, RoleLocked, ViewArrived
from game.tui.notices import notice_text
from game.tui.palette import (
    ActionsProvider,
    PaletteEntry,
    Providers,
    open_palette,
    palette_binding,
)
from game.tui.plans import PlanCache, PlanKey
from game.tui.seat_actions import SeatActions
from game.tui.tab_labels import fit_tabs
from game.tui.viewdata import allows, header_parts, move_hint, role_label, role_names
from game.tui.widgets.builder import BuilderPane
from game.tui.widgets.round_header import RoundHeader

TABS = ("press", "briefing", "map", "builder", "plan", "table", "chat", "debrief")
FIRST_TAB = "press"
PANES: dict[str, tuple[str, str]] = {
    "press": ("game.tui.widgets.press", "PressPane"),
    "briefing": ("game.tui.widgets.briefing", "BriefingPane"),
    "map": ("game.tui.widgets.map_pane", "MapPane"),
    "builder": ("game.tui.widgets.builder", "BuilderPane"),
    "plan": ("game.tui.widgets.plan_pane", "PlanPane"),
    "table": ("game.tui.widgets.proposals", "ProposalsPane"),
    "chat": ("game.tui.widgets.chat", "ChatPanel"),
    "debrief": ("game.tui.widgets.debrief", "DebriefPane"),
}
"""Each tab's content: its module and class, imported and mounted when first shown."""
CLOCK_NOTICES = frozenset({"round_started", "paused", "resumed", "extended", "session_ended"})
"""Notices after which the round or clock a locked terminal kept is no longer right."""
EAGER = (FIRST_TAB, "builder")
"""Tabs composed at once: the first one shown, and the builder (it keeps the package)."""


def make_pane(name: str) -> Widget:
    module, cls = PANES[name]
    widget: Widget = getattr(importlib.import_module(module), cls)(id=f"{name}-pane")
    return widget


class SeatApp(SeatActions):
    CSS_PATH = str(Path(__file__).with_name("seat.tcss"))
    # the seat's own moves only: Textual's system commands are in English
    COMMANDS: ClassVar[Providers] = {ActionsProvider}
    TITLE = "Botsende belangen"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", f"tab('{TABS[0]}')", t("key.tabs"), key_display="1–8"),
        *(
            Binding(str(n + 1), f"tab('{name}')", t(f"tab.{name}"), show=False)
            for n, name in enumerate(TABS)
            if n
        ),
        # r and l are said in the role bar (and on the lock screen), not in the footer:
        # at 80 columns the footer then still has room for v, q and the palette
        Binding("r", "choose_role", t("key.choose_role")),  # in the footer while locked
        Binding("r", "switch_role", t("key.switch_role"), show=False),
        Binding("l", "lock", t("key.lock"), show=False),
        Binding("p", "propose", t("key.propose")),
        Binding("a", "amend", t("key.amend"), show=False),
        Binding("s", "support", t("key.support"), show=False),
        Binding("o", "object", t("key.object"), show=False),
        Binding("c", "comment", t("key.comment"), show=False),
        Binding("w", "withdraw", t("key.withdraw"), show=False),
        Binding("d", "disclose", t("key.disclose"), show=False),
        Binding("m", "mark", t("key.mark"), show=False),
        Binding("k", "show_package", t("key.show_package"), show=False),
        Binding("v", "vote", t("key.vote")),
        Binding("g", "sign", t("key.sign"), show=False),
        Binding("q", "quit", t("key.quit")),
        Binding("escape", "leave_text", t("key.leave_text")),
        Binding("ctrl+c", "help_quit", show=False, system=True),
        palette_binding(t("key.palette"), show=True),
    ]
    MOVE_ACTIONS: ClassVar[dict[str, str]] = {
        "propose": "propose",
        "amend": "amend",
        "support": "support",
        "object": "object",
        "comment": "comment",
        "withdraw": "withdraw",
        "disclose": "disclose",
        "mark": "mark",
        "vote": "vote",
        "sign": "sign",
    }
    """Action → the move it makes: unavailable (dimmed) while the round does not allow it."""

    def __init__(self, link: Link, *, start_locked: bool | None = None) -> None:
        super().__init__()
        self.link = link
        several = len(link.roles) > 1
        locked = several if start_locked is None else start_locked
        self.unlocked: set[str] = set() if locked else set(link.roles)
        self.unlocking: set[str] = set()
        self.current: str | None = None if locked else link.roles[0]
        self.views: dict[str, dict[str, Any]] = {}
        self.names: dict[str, str] = {r: r.replace("_", " ").capitalize() for r in link.roles}
        self.focus_label = ""
        self.focus_metrics: dict[str, Any] | None = None
        self.focus_from_builder = True
        self.plans = PlanCache()
        """The plan detail (job lists) fetched for the plan tab, per package."""
        self._before: dict[str, Any] | None = None
        """The previous view of the role whose view just arrived (to see what changed)."""
        self._dirty: set[str] = set()
        self._rolebar = ""
        self._locked_shown: bool | None = None
        self._tabs_ready: set[str] = set(EAGER)
        self._tabs_opening: set[str] = set()
        self._focus_pending: str | None = None
        self._prompted: set[tuple[str, str]] = set()
        self._header: tuple[str, str, float, bool, str] | None = None
        self.connected = False

    # -- layout -----------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield RoundHeader(id="header")
        yield Static("", id="rolebar")
        yield Static("", id="news")
        with Vertical(id="lockbox"):
            yield Static(t("lock.title"), id="lock-title")
            yield Static(t("lock.help"), id="lock-help")
        with TabbedContent(id="tabs", initial=FIRST_TAB):
            for name in TABS:
                with TabPane(t(f"tab.{name}"), id=name):
                    if name in EAGER:
                        yield make_pane(name)
        # the palette's key among the others: Textual docks it over the right end
        yield Footer(compact=True, show_command_palette=False)

    def pane(self, name: str) -> Any:
        """The content of tab ``name``; None until the tab has been shown once."""
        return self.query_one(f"#{name}-pane") if name in self._tabs_ready else None

    async def _open_tab(self, name: str) -> None:
        """Mount the content of tab ``name`` the first time it is shown, then draw it."""
        if name not in self._tabs_ready and name not in self._tabs_opening:
            self._tabs_opening.add(name)
            try:
                await self.query_one(f"#{name}", TabPane).mount(make_pane(name))
            finally:
                self._tabs_opening.discard(name)
            self._tabs_ready.add(name)
        self._render_tab(name)
        if self._focus_pending == name:
            self._focus_pending = None
            self._focus_tab(name)

    async def on_mount(self) -> None:
        self._fit_tabs(self.size.width)
        self._show_locked(self.current is None)
        await self.link.attach(self)
        if self.current is None:
            self.call_after_refresh(self.action_switch_role)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide what cannot apply; dim a move the round does not allow (yet)."""
        one_open = len(self.link.roles) == 1 and self.current is not None
        if action == "choose_role":
            return self.current is None
        if action == "switch_role":
            return not one_open
        if action == "leave_text":
            return isinstance(self.focused, Input)
        if self.current is None and action not in ("quit", "help_quit"):
            return False  # locked: only choosing a role (and stopping) means anything
        move = self.MOVE_ACTIONS.get(action)
        view = self.views.get(self.current or "")
        if move is not None and view is not None and not allows(view, move):
            return None
        return True

    def action_leave_text(self) -> None:
        """Escape leaves any text box: the keys work again, the footer shows them."""
        self.set_focus(None)
        self.refresh_bindings()
        self._set_rolebar(self._rolebar_text())

    def action_help_quit(self) -> None:
        """Ctrl+C: say in the interface language how to stop (Textual's own text is English)."""
        self.notify(t("quit.help"), timeout=5)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.refresh_bindings()
        self._set_rolebar(self._rolebar_text())

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self.refresh_bindings()
        self._set_rolebar(self._rolebar_text())

    def on_resize(self, event: events.Resize) -> None:
        self._fit_tabs(event.size.width)

    def _fit_tabs(self, width: int) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        fit_tabs(tabs, TABS, [f"tab.{name}" for name in TABS], width - 2)

    def _show_locked(self, locked: bool) -> None:
        if locked == self._locked_shown:
            return
        self._locked_shown = locked
        self.refresh_bindings()
        self.query_one("#lockbox").display = locked
        self.query_one("#tabs").display = not locked
        if locked:
            self._set_rolebar(t("lock.bar"))
            self._news("")
            if self._header is None:
                self._show_locked_header()
            # else the round is public: the header keeps it, its clock counting on from
            # the last view (showing that view's clock again would set it back)

    def _show_locked_header(self) -> None:
        self._header = None
        self.query_one("#header", RoundHeader).show(t("header.locked"), "", 0, False, "locked")

    def _set_rolebar(self, text: str) -> None:
        if text != self._rolebar:
            self._rolebar = text
            self.query_one("#rolebar", Static).update(Text(text))

    # -- incoming ---------------------------------------------------------------
    def on_view_arrived(self, message: ViewArrived) -> None:
        if message.role not in self.unlocked and message.role not in self.unlocking:
            return
        view = message.view
        self.names.update(role_names(view))
        self._before = self.views.get(message.role)
        self.views[message.role] = view
        if message.role == self.current:
            self.render_view(view)

    def on_role_locked(self, message: RoleLocked) -> None:
        self.forget(message.role)

    def on_notice_arrived(self, message: NoticeArrived) -> None:
        if self.current is None and message.notice.get("kind") in CLOCK_NOTICES:
            # A locked terminal gets no views: the round and clock it kept are stale now.
            self._show_locked_header()
        view = self.views.get(self.current or "")
        if view is None:
            return
        text = notice_text(message.notice, view)
        if text:  # one line above the tabs: it covers nothing and does not pile up
            self._news(text)

    def on_link_status(self, message: LinkStatus) -> None:
        self.connected = message.connected
        if not message.connected:
            self.notify(t("link.down"), severity="warning")
        self.sub_title = t("link.up") if message.connected else t("link.down")

    # -- rendering ----------------------------------------------------------------
    def render_view(self, view: dict[str, Any]) -> None:
        """Header, role bar and builder now; the other tabs when they are shown."""
        self._show_locked(False)
        self._header = header_parts(view)
        self.query_one("#header", RoundHeader).show(*self._header)
        self._set_rolebar(self._rolebar_text())
        self.refresh_bindings()
        active = self.query_one("#tabs", TabbedContent).active
        builder = self.query_one(BuilderPane)
        builder.show(view, build=active == "builder")
        builder.show_rules(move_hint(view, "propose"))
        if not self.focus_from_builder:
            self._refocus_proposal(view)
        self.prompt_for(view, self._before)
        self._dirty = set(TABS)
        self._render_tab(active)

    def _render_tab(self, name: str) -> None:
        view = self.views.get(self.current or "")
        pane = self.pane(name)
        if view is None or name not in self._dirty or pane is None:
            return
        self._dirty.discard(name)
        if name in ("press", "briefing", "table", "debrief"):
            pane.show(view)
        elif name == "builder":
            pane.show(view, build=True)
        elif name in ("map", "plan"):
            if self.focus_metrics is None and self.focus_from_builder:
                self.request_preview(dict(self.query_one(BuilderPane).package))
            metrics = self.focus_metrics
            if name == "plan":
                metrics = self._plan_metrics(view)
            pane.show(view, self.focus_label, metrics)
        elif name == "chat":
            role = view["role"]
            chat = pane
            everyone = sorted(view["messages"] + view["private_messages"], key=lambda m: m["at"])
            chat.show(role, everyone, self.names)
            others = [
                (r["id"], self.names[r["id"]])
                for r in view["roles"]
                if r["id"] != role and r.get("in_play")
            ]
            chat.set_recipients(others)

    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id in PANES:
            await self._open_tab(event.pane.id)

    def _news(self, text: str) -> None:
        """The latest notice, one line above the tabs (hidden while there is none)."""
        news = self.query_one("#news", Static)
        news.update(Text("› " + text, "bold") if text else "")
        news.display = bool(text)

    def _rolebar_text(self) -> str:
        """Who plays here, and what to do now; never a key a focused text box would take."""
        view = self.views.get(self.current or "")
        if view is None:
            return t("lock.bar")
        typing = isinstance(self.focused, Input)
        bar = t("rolebar", role=role_label(view, view["role"]))
        if len(self.link.roles) > 1:
            bar += "   " + t("rolebar.shared_typing" if typing else "rolebar.shared")
        else:
            bar += "   " + t("rolebar.single_typing" if typing else "rolebar.single")
        ballot = view.get("ballot")
        if ballot and ballot.get("open") and not view["me"].get("voted"):
            key = "rolebar.vote_open_typing" if typing else "rolebar.vote_open"
            bar += "   " + t(key, proposal=ballot["proposal"])
        agreement = view.get("agreement")
        if agreement and not view["me"].get("signed") and allows(view, "sign"):
            key = "rolebar.sign_typing" if typing else "rolebar.sign"
            bar += "   " + t(key, proposal=agreement["proposal"])
        return bar

    def _show_focus(self, view: dict[str, Any]) -> None:
        self._dirty |= {"map", "plan"}
        self._render_tab(self.query_one("#tabs", TabbedContent).active)

    def _refocus_proposal(self, view: dict[str, Any]) -> None:
        pid = self.focus_label
        for p in view.get("proposals", []):
            if p["id"] == pid:
                self.focus_metrics = p.get("metrics")

    def _plan_metrics(self, view: dict[str, Any]) -> dict[str, Any] | None:
        """The focus's metrics with its job list: a proposal's metrics in a view have
        none, so it is fetched once per package (the plan pane says it is loading)."""
        package = None
        if not self.focus_from_builder:
            found = [p for p in view.get("proposals", []) if p["id"] == self.focus_label]
            package = found[0]["package"] if found else None
        metrics, ask = self.plans.complete(view, package, self.focus_metrics)
        if ask is not None and package is not None:
            self.fetch_plan(dict(package), ask)
        return metrics

    @work(group="plan")
    async def fetch_plan(self, package: dict[str, str], key: PlanKey) -> None:
        answer = await self.link.plan(package)
        if not answer.get("ok"):
            self.plans.failed(key)
            self.notify(error_text(answer.get("code", ""), answer.get("reason", "")), timeout=3)
            return
        self.plans.put(key, answer["plan"])
        self._dirty.add("plan")
        self._render_tab(self.query_one("#tabs", TabbedContent).active)

    def forget(self, role: str) -> None:
        """Drop everything private of ``role`` from this client."""
        self.views.pop(role, None)
        self.unlocked.discard(role)
        if role != self.current:
            return
        self.current = None
        self._dirty.clear()
        self.focus_label, self.focus_metrics = "", None
        for name in TABS:
            pane = self.pane(name)
            if pane is not None:
                pane.clear()
        self._show_locked(True)

    # -- the builder's package and its preview -------------------------------------
    @on(PackageChosen)
    def package_chosen(self, message: PackageChosen) -> None:
        self.request_preview(message.package)

    @work(exclusive=True, group="preview")
    async def request_preview(self, package: dict[str, str]) -> None:
        role = self.current
        if role is None or role not in self.views:
            return
        answer = await self.link.preview(role, package)
        view = self.views.get(role)
        if view is None or role != self.current:
            return
        builder = self.query_one(BuilderPane)
        if not answer.get("ok"):
            builder.show_preview(view, None, error_text(answer.get("code", ""), ""))
            return
        found = answer["preview"]
        builder.show_preview(view, found)
        if self.focus_from_builder:
            self.focus_label = (
                t("builder.amend_of", proposal=builder.base) if builder.base else t("builder.mine")
            )
            self.focus_metrics = found.get("metrics")
            self._show_focus(view)

    # -- palette ----------------------------------------------------------------
    def action_command_palette(self) -> None:
        open_palette(self, t("palette.search"))

    def palette_commands(self) -> list[PaletteEntry]:
        entries: list[PaletteEntry] = [
            (t("tab." + name), t("palette.go"), partial(self.action_tab, name)) for name in TABS
        ]
        for action in (
            "switch_role",
            "lock",
            "propose",
            "amend",
            "support",
            "object",
            "comment",
            "withdraw",
            "disclose",
            "mark",
            "vote",
            "sign",
            "show_package",
        ):
            entries.append(
                (t("key." + action), t("help." + action), getattr(self, "action_" + action))
            )
        entries.append(
            (
                t("key.disclose_reservation"),
                t("help.disclose_reservation"),
                self.action_disclose_reservation,
            )
        )
        entries.append((t("key.quit"), t("help.quit"), self.action_quit))
        return entries
