"""What the seat opens by itself: the ballot, an event card, the question to sign.

When the game asks something of a role, the seat does not wait for a key the
player may not know (or would type into a text box): the dialog opens and
takes the keys, whatever tab or text box had them. Each opens once per role
and occasion; a dialog closed with Escape stays reachable by its key.
"""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import App

from game.tui.i18n import num, signed, t
from game.tui.link import Link
from game.tui.screens.dialogs import VoteScreen
from game.tui.screens.prompts import EventScreen, SignScreen
from game.tui.viewdata import (
    allows,
    my_value,
    option_title,
    package_summary,
    proposal,
    quorum_rule,
    role_label,
)


def event_changes(before: dict[str, Any] | None, after: dict[str, Any]) -> list[str]:
    """What an event changed for this role: its reservation, its points per option, and
    its values of the proposals on the table (all of them its own, private data)."""
    was_me, now_me = (before or {}).get("me") or {}, after.get("me") or {}
    lines = []
    if was_me and float(was_me.get("reservation", 0)) != float(now_me.get("reservation", 0)):
        lines.append(
            t(
                "event.reservation",
                before=num(was_me.get("reservation")),
                after=num(now_me.get("reservation")),
            )
        )
    titles = {i["id"]: i["title"] for i in after.get("scenario", {}).get("issues", [])}
    for issue, points in (now_me.get("points") or {}).items():
        old_points = (was_me.get("points") or {}).get(issue, {})
        for option, value in points.items():
            if option in old_points and float(old_points[option]) != float(value):
                lines.append(
                    t(
                        "event.points",
                        issue=titles.get(issue, issue),
                        option=option_title(after, issue, option),
                        before=num(old_points[option]),
                        after=num(value),
                    )
                )
    old = {v["proposal"]: v for v in was_me.get("values", [])}
    for v in (after.get("me") or {}).get("values", []):
        was = old.get(v["proposal"])
        if was is None or abs(float(was["value"]) - float(v["value"])) < 1e-9:
            continue
        lines.append(
            t(
                "event.value_change",
                proposal=v["proposal"],
                before=num(was["value"], 0),
                after=num(v["value"], 0),
                change=signed(float(v["value"]) - float(was["value"]), 0),
            )
        )
    return lines


class SeatPrompts(App[None]):
    """Mixin of :class:`game.tui.seat.SeatApp`: dialogs that the game itself opens."""

    link: Link
    current: str | None
    views: dict[str, dict[str, Any]]
    _prompted: set[tuple[str, str]]

    async def _send(self, move: str, data: dict[str, Any], done: str = "") -> bool: ...

    def prompt_for(self, view: dict[str, Any], before: dict[str, Any] | None) -> None:
        """Open what ``view`` asks of its role, each thing once."""
        role = view["role"]
        if before is not None and before.get("role") != role:
            before = None
        seen = {e["id"] for e in (before or {}).get("events", [])}
        if before is not None:
            for event in view.get("events", []):
                if event["id"] not in seen and self._once(role, "event:" + event["id"]):
                    self.show_event(view, event, event_changes(before, view))
        ballot = view.get("ballot")
        votes = bool(ballot and ballot.get("open") and allows(view, "vote"))
        if votes and not view["me"].get("voted") and self._once(role, f"ballot:{ballot['id']}"):
            self.ask_vote()
        agreement = view.get("agreement")
        can_sign = (view.get("agreement_rule") or {}).get("signatures")
        signs = bool(agreement and can_sign and allows(view, "sign"))
        if (
            signs
            and not view["me"].get("signed")
            and self._once(role, f"sign:{agreement['proposal']}")
        ):
            self.ask_sign()

    def _once(self, role: str, what: str) -> bool:
        if (role, what) in self._prompted:
            return False
        self._prompted.add((role, what))
        return True

    # -- the dialogs ----------------------------------------------------------------
    @work(group="prompt")
    async def show_event(
        self, view: dict[str, Any], event: dict[str, Any], changes: list[str]
    ) -> None:
        role = role_label(view, view["role"])
        await self.push_screen_wait(EventScreen(role, event["title"], event["text"], changes))

    @work(group="prompt")
    async def ask_vote(self) -> None:
        await self.vote_dialog()

    async def vote_dialog(self) -> None:
        role = self.current
        view = self.views.get(role or "")
        if role is None or view is None:
            return
        ballot = view.get("ballot")
        if not ballot or not ballot.get("open"):
            self.notify(t("vote.none"), severity="warning")
            return
        if view["me"].get("voted"):
            self.notify(t("vote.already"), severity="warning")
            return
        found = proposal(view, ballot["proposal"]) or {"package": {}}
        choice = await self.push_screen_wait(
            VoteScreen(
                ballot["proposal"],
                package_summary(view, found["package"], "\n"),
                quorum_rule(view),
                self._worth(view, ballot["proposal"]),
                role=role_label(view, role),
            )
        )
        if choice and self.current == role:
            await self._send("vote", {"choice": choice}, t("done.vote"))

    @work(group="prompt")
    async def ask_sign(self) -> None:
        await self.sign_dialog()

    async def sign_dialog(self) -> None:
        role = self.current
        view = self.views.get(role or "")
        if role is None or view is None:
            return
        agreement = view.get("agreement")
        if not agreement:
            self.notify(t("error.no_agreement"), severity="warning")
            return
        if view["me"].get("signed"):
            self.notify(t("error.already_signed"), severity="warning")
            return
        pid = str(agreement["proposal"])
        found = proposal(view, pid) or {"package": agreement.get("package", {})}
        answer = await self.push_screen_wait(
            SignScreen(
                role_label(view, role),
                pid,
                package_summary(view, found["package"], "\n"),
                self._worth(view, pid),
            )
        )
        if answer and self.current == role:
            await self._send("sign", {}, t("done.sign"))

    def _worth(self, view: dict[str, Any], pid: str) -> str:
        mine = my_value(view, pid)
        if not mine:
            return ""
        return t(
            "vote.worth",
            value=num(mine["value"], 0),
            reservation=num(view["me"]["reservation"], 0),
        )
