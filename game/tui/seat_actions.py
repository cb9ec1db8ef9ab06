"""The seat's actions: each asks what it needs in a dialog, then sends one move."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work
from textual.widgets import TabbedContent

from game.tui.i18n import error_text, t
from game.tui.link import Link, send_move
from game.tui.screens.dialogs import ChoiceScreen, PinScreen, TextPrompt
from game.tui.seat_prompts import SeatPrompts
from game.tui.viewdata import allows, package_summary, proposal
from game.tui.widgets.builder import BuilderPane

if TYPE_CHECKING:
    from game.tui.widgets.chat import ChatPanel


class SeatActions(SeatPrompts):
    """The actions of :class:`game.tui.seat.SeatApp` (which defines the rest)."""

    link: Link
    current: str | None
    views: dict[str, dict[str, Any]]
    names: dict[str, str]
    unlocked: set[str]
    unlocking: set[str]
    focus_label: str
    focus_metrics: dict[str, Any] | None
    focus_from_builder: bool
    _focus_pending: str | None

    def render_view(self, view: dict[str, Any]) -> None: ...
    def forget(self, role: str) -> None: ...
    def request_preview(self, package: dict[str, str]) -> Any: ...
    def _show_focus(self, view: dict[str, Any]) -> None: ...
    def pane(self, name: str) -> Any: ...

    # -- helpers ----------------------------------------------------------------
    def _view(self) -> dict[str, Any] | None:
        if self.current is None:
            self.notify(t("lock.need_role"), severity="warning")
            return None
        return self.views.get(self.current)

    async def _send(self, move: str, data: dict[str, Any], done: str = "") -> bool:
        if self.current is None:
            return False
        return await send_move(self, self.link, self.current, move, data, done=done)

    def _selected(self, tab: str) -> str | None:
        """The proposal (tab ``table``) or issue (``briefing``) selected there, if any."""
        pane = self.pane(tab)
        if pane is None:
            return None
        found = pane.selected() if tab == "table" else pane.selected_issue()
        return None if found is None else str(found)

    def _selected_proposal(self, view: dict[str, Any]) -> dict[str, Any] | None:
        found = proposal(view, self._selected("table"))
        if found is None:
            self.notify(t("table.pick_first"), severity="warning")
            self.action_tab("table")
        return found

    # -- navigation -------------------------------------------------------------
    def action_tab(self, name: str) -> None:
        if self.current is None:
            return
        self.query_one("#tabs", TabbedContent).active = name
        # A restored focus in another tab would switch back to it: focus into this one.
        self.call_after_refresh(self._focus_tab, name)

    def _focus_tab(self, name: str) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        tabs.active = name
        if self.pane(name) is None:  # being mounted: focus when it is there
            self._focus_pending = name
            return
        pane = tabs.get_pane(name)
        for widget in pane.query("*"):
            if widget.focusable:
                widget.focus()
                return
        self.set_focus(None)

    def action_choose_role(self) -> None:
        """``r`` on a locked seat: the same dialog, named for what it does there."""
        self.action_switch_role()

    @work(exclusive=True, group="dialog")
    async def action_switch_role(self) -> None:
        roles = [(r, self.names.get(r, r)) for r in self.link.roles]
        if len(roles) == 1:
            chosen: str | None = roles[0][0]
        else:
            chosen = await self.push_screen_wait(ChoiceScreen(t("role.choose"), roles))
        if chosen is None or chosen == self.current:
            return
        if chosen not in self.unlocked:
            error = ""
            while True:  # a wrong PIN asks again, for the same role, until Esc
                label = self.names.get(chosen, chosen)
                pin = await self.push_screen_wait(PinScreen(label, error))
                if pin is None:
                    return
                if self.current is not None and len(self.link.roles) > 1:
                    await self._lock_current()
                self.unlocking.add(chosen)  # its view may arrive before the answer does
                try:
                    opened = await self.link.unlock(chosen, pin)
                finally:
                    self.unlocking.discard(chosen)
                if opened:
                    break
                self.views.pop(chosen, None)
                error = t("pin.wrong_again")
            self.unlocked.add(chosen)
        self.current = chosen
        if chosen in self.views:
            self.render_view(self.views[chosen])

    async def _lock_current(self) -> None:
        role = self.current
        if role is None:
            return
        self.forget(role)
        await self.link.lock(role)

    async def action_lock(self) -> None:
        if self.current is None:
            return
        await self._lock_current()
        self.notify(t("lock.done"), timeout=3)

    # -- proposals ----------------------------------------------------------------
    @work(exclusive=True, group="dialog")
    async def action_propose(self) -> None:
        view = self._view()
        if view is None:
            return
        builder = self.query_one(BuilderPane)
        package = dict(builder.package)
        base = proposal(view, builder.base) if builder.base else None
        if base is not None and all(base["package"].get(i) == o for i, o in package.items()):
            self.notify(t("builder.unchanged", proposal=base["id"]), severity="warning")
            return
        note = await self.push_screen_wait(
            TextPrompt(
                t("builder.note", package=package_summary(view, package)),
                t("builder.note_hint"),
                allow_empty=True,
            )
        )
        if note is None:
            return
        if base is not None:
            changes = {i: o for i, o in package.items() if base["package"].get(i) != o}
            ok = await self._send(
                "amend",
                {"proposal": base["id"], "changes": changes, "note": note},
                t("done.amended"),
            )
        else:
            ok = await self._send("propose", {"package": package, "note": note}, t("done.proposed"))
        if ok:
            builder.base = None
            self.action_tab("table")

    def action_amend(self) -> None:
        view = self._view()
        if view is None:
            return
        found = self._selected_proposal(view)
        if found is None:
            return
        self.query_one(BuilderPane).load(view, found["package"], found["id"])
        self.focus_from_builder = True
        self.action_tab("builder")

    @work(exclusive=True, group="dialog")
    async def action_support(self) -> None:
        await self._stance("support", t("table.support_reason"), allow_empty=True)

    @work(exclusive=True, group="dialog")
    async def action_object(self) -> None:
        await self._stance("object", t("table.object_reason"), allow_empty=False)

    async def _stance(self, move: str, title: str, allow_empty: bool) -> None:
        view = self._view()
        found = self._selected_proposal(view) if view else None
        if found is None:
            return
        reason = await self.push_screen_wait(
            TextPrompt(title.format(proposal=found["id"]), "", allow_empty=allow_empty)
        )
        if reason is not None:
            await self._send(move, {"proposal": found["id"], "reason": reason}, t(f"done.{move}"))

    @work(exclusive=True, group="dialog")
    async def action_comment(self) -> None:
        view = self._view()
        found = self._selected_proposal(view) if view else None
        if found is None:
            return
        text = await self.push_screen_wait(TextPrompt(t("table.comment", proposal=found["id"])))
        if text:
            await self._send("comment", {"proposal": found["id"], "text": text}, t("done.comment"))

    async def action_withdraw(self) -> None:
        view = self._view()
        found = self._selected_proposal(view) if view else None
        if found is not None:
            await self._send("withdraw", {"proposal": found["id"]}, t("done.withdraw"))

    def action_show_package(self) -> None:
        """Show the selected proposal (or, again, the builder's package) on map and plan."""
        view = self._view()
        if view is None:
            return
        tabs = self.query_one("#tabs", TabbedContent)
        found = proposal(view, self._selected("table"))
        if tabs.active == "table" and found is not None:
            self.focus_from_builder = False
            self.focus_label = found["id"]
            self.focus_metrics = found.get("metrics")
        else:
            self.focus_from_builder = True
            self.request_preview(dict(self.query_one(BuilderPane).package))
        self._show_focus(view)
        self.notify(t("map.showing", package=self.focus_label or t("builder.mine")), timeout=3)

    # -- voting and signing (the dialogs are in game.tui.seat_prompts) -------------
    @work(exclusive=True, group="dialog")
    async def action_vote(self) -> None:
        await self.vote_dialog()

    @work(exclusive=True, group="dialog")
    async def action_sign(self) -> None:
        await self.sign_dialog()

    # -- interests and marks --------------------------------------------------------
    async def action_disclose(self) -> None:
        view = self._view()
        if view is None:
            return
        issue = self._selected("briefing")
        tabs = self.query_one("#tabs", TabbedContent)
        if tabs.active != "briefing" or issue is None:
            self.notify(t("briefing.pick_issue"), severity="warning")
            self.action_tab("briefing")
            return
        await self._send("disclose", {"issue": issue}, t("done.disclose"))

    async def action_disclose_reservation(self) -> None:
        if self._view() is not None:
            await self._send("disclose", {"reservation": True}, t("done.disclose"))

    @work(exclusive=True, group="dialog")
    async def action_mark(self) -> None:
        view = self._view()
        if view is None:
            return
        if not allows(view, "mark"):
            self.notify(error_text("wrong_round"), severity="warning")
            return
        segs = [(s["id"], s["name"]) for s in view["scenario"]["segments"]]
        segment = await self.push_screen_wait(ChoiceScreen(t("mark.segment"), segs))
        if segment is None:
            return
        kinds = [("opportunity", t("map.opportunity")), ("bottleneck", t("map.bottleneck"))]
        kind = await self.push_screen_wait(ChoiceScreen(t("mark.kind"), kinds))
        if kind is None:
            return
        note = await self.push_screen_wait(TextPrompt(t("mark.note"), "", allow_empty=True))
        if note is not None:
            await self._send(
                "mark", {"segment": segment, "kind": kind, "note": note}, t("done.mark")
            )

    # -- chat -------------------------------------------------------------------
    async def on_chat_panel_send(self, message: ChatPanel.Send) -> None:
        if message.to is None:
            await self._send("message", {"text": message.text})
        else:
            await self._send("private_message", {"to": message.to, "text": message.text})
