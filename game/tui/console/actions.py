"""The facilitator's moves, bound to keys and palette entries."""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Callable
from functools import partial
from typing import Any, ClassVar

from textual import work
from textual.app import App
from textual.widgets import OptionList, TabbedContent

from game.tui.console.panels import CodesPanel, SeatsPanel
from game.tui.console.settings import ConsoleSettings
from game.tui.i18n import t
from game.tui.link import FACILITATOR, Link, send_move
from game.tui.palette import PaletteEntry, open_palette
from game.tui.screens.dialogs import ChoiceScreen, TextPrompt
from game.tui.viewdata import role_names
from game.tui.widgets.proposals import ProposalsPane

#: The console's tabs, in the order of their number keys.
TABS = ("table", "events", "codes", "messages", "debrief")


class ConsoleActions(App[None]):
    """The actions of :class:`game.tui.console.app.ConsoleApp` (which defines the rest)."""

    link: Link
    views: dict[int, dict[str, Any]]
    presence: dict[int, dict[str, int]]
    table: int
    private: bool
    settings: ConsoleSettings
    on_start: Callable[[list[str]], object] | None

    blocks: list[dict[str, Any]]

    def render_view(self, view: dict[str, Any]) -> None: ...
    def forget_private(self) -> None: ...
    def _show_mode(self) -> None: ...
    async def _move(self, move: str, data: dict[str, Any] | None = None, done: str = "") -> bool:
        return await send_move(
            self, self.link, FACILITATOR, move, data or {}, table=self.table, done=done
        )

    #: The list each tab's number key puts the keyboard in.
    TAB_FOCUS: ClassVar[dict[str, str]] = {
        "table": "#table-list",
        "events": "#event-list",
        "codes": "#codes-list",
        "messages": "#log",
        "debrief": "#debrief-pane",
    }

    def action_tab(self, name: str) -> None:
        self.query_one("#tabs", TabbedContent).active = name
        with contextlib.suppress(Exception):
            self.query_one(self.TAB_FOCUS[name]).focus()

    async def action_start(self) -> None:
        view = self.views.get(self.table)
        if self.on_start is not None and view is not None and view.get("phase") == "lobby":
            joined = self.presence.get(self.table, {})
            empty = [
                r["id"]
                for r in view.get("roles", [])
                if r.get("seat") == "human" and not joined.get(r["id"])
            ]
            if empty:
                started = self.on_start(empty)
                if inspect.isawaitable(started):
                    await started
        await self._move("start")

    async def action_pause_resume(self) -> None:
        view = self.views.get(self.table, {})
        paused = view.get("clock", {}).get("paused")
        await self._move("resume" if paused else "pause")

    async def action_extend(self, minutes: int) -> None:
        await self._move("extend", {"minutes": minutes})

    async def action_next_round(self) -> None:
        await self._move("next_round")

    async def action_end_session(self) -> None:
        await self._move("end")

    @work(exclusive=True, group="dialog")
    async def action_play_event(self) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        options = self.query_one("#event-list", OptionList)
        event_id: str | None = None
        if tabs.active == "events" and options.highlighted is not None and options.option_count:
            event_id = options.get_option_at_index(options.highlighted).id
        else:
            view = self.views.get(self.table, {})
            cards = view.get("event_cards") or view.get("scenario", {}).get("events", [])
            choices = [(c["id"], c["title"]) for c in cards]
            event_id = await self.push_screen_wait(ChoiceScreen(t("console.pick_event"), choices))
        if event_id:
            await self._move("play_event", {"event": event_id})  # its notice says so

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "event-list" and event.option.id:
            await self._move("play_event", {"event": event.option.id})

    async def action_call_vote(self) -> None:
        pid = self.query_one(ProposalsPane).selected()
        if pid is None:
            self.notify(t("table.pick_first"), severity="warning")
            self.action_tab("table")
            return
        await self._move("call_vote", {"proposal": pid})  # its notice says so

    async def action_close_vote(self) -> None:
        await self._move("close_vote")

    @work(exclusive=True, group="dialog")
    async def action_announce(self) -> None:
        text = await self.push_screen_wait(TextPrompt(t("console.announce")))
        if text:
            await self._move("announce", {"text": text})

    @work(exclusive=True, group="dialog")
    async def action_assign(self) -> None:
        role = self.query_one(SeatsPanel).selected()
        if role is None:
            return
        choices = [("bot", t("seat.bot")), ("none", t("seat.none")), ("human", t("seat.human"))]
        names = role_names(self.views.get(self.table, {}))
        title = t("console.assign", role=names.get(role, role))
        seat = await self.push_screen_wait(ChoiceScreen(title, choices))
        if seat:
            await self._move("assign", {"role": role, "seat": seat})

    def action_next_table(self) -> None:
        numbers = sorted(self.views)
        if len(numbers) < 2:
            return
        self.table = numbers[(numbers.index(self.table) + 1) % len(numbers)]
        self.render_view(self.views[self.table])

    async def action_projector(self) -> None:
        self.private = not self.private
        self.settings.save()
        if not self.private:
            self.forget_private()
        self._show_mode()
        self.refresh_bindings()
        await self.link.set_private(self.private)
        key = "console.private_on" if self.private else "console.projector_on"
        self.notify(t(key), timeout=3)

    def action_toggle_address(self) -> None:
        box = self.query_one("#address")
        box.display = not box.display
        self.settings.address = bool(box.display)
        self.settings.save()

    @work(exclusive=True, group="dialog")
    async def action_show_pin(self) -> None:
        """The chosen role's PIN, in a dialog (private mode only; never in a list)."""
        self.action_tab("codes")
        found = self.query_one(CodesPanel).pin()
        if found is None:
            self.notify(t("console.pin_pick"), timeout=4)
            return
        name, pin = found
        title = t("console.pin_title", role=name, pin=pin)
        await self.push_screen_wait(
            ChoiceScreen(title, [("ok", t("console.pin_close"))], t("console.pin_note"))
        )

    # -- palette ----------------------------------------------------------------
    def action_command_palette(self) -> None:
        open_palette(self, t("palette.search"))

    def palette_commands(self) -> list[PaletteEntry]:
        entries: list[PaletteEntry] = [
            (t("console.tab." + n), t("palette.go"), partial(self.action_tab, n)) for n in TABS
        ]
        names = {
            "pause": "pause_resume",
            "next": "next_round",
            "event": "play_event",
            "vote": "call_vote",
            "table": "next_table",
            "address": "toggle_address",
            "end": "end_session",
            "pin": "show_pin",
        }
        for action in (
            "start",
            "pause",
            "next",
            "event",
            "vote",
            "close_vote",
            "announce",
            "assign",
            "pin",
            "table",
            "projector",
            "address",
            "end",
        ):
            name = names.get(action, action)
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

    async def action_unblock(self) -> None:
        """Lift the slow-down of the first address the server slows after wrong codes."""
        unblock = getattr(self.link, "unblock", None)
        if not self.blocks or unblock is None:
            return
        address = str(self.blocks[0].get("address", ""))
        if await unblock(address):
            self.notify(t("console.unblocked", address=address), timeout=6, markup=False)
