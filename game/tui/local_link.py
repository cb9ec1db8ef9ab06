"""An in-process game for tests and offline demos, behind the :class:`Link` interface.

:class:`LocalGame` holds one engine state and applies moves with
``game.engine.apply``; every :class:`LocalLink` attached to it receives fresh
views (made only by the engine's view functions) after each accepted move.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from textual.message_pump import MessagePump

from game.engine import (
    FACILITATOR,
    IllegalMove,
    Move,
    apply,
    facilitator_view,
    new_game,
    player_view,
    room_view,
)
from game.engine.preview import preview
from game.engine.view_parts import plan_view
from game.scenario.model import Scenario
from game.tui.link import ROOM, Ack
from game.tui.messages import (
    LinkStatus,
    NoticeArrived,
    PresenceArrived,
    RoleLocked,
    ViewArrived,
)


class LocalGame:
    """One table's state in this process; ``clock`` gives the current time in seconds."""

    def __init__(
        self,
        scenario: Scenario,
        mode: str = "short",
        seed: int = 1,
        pins: Mapping[str, str] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.scenario = scenario
        self.clock = clock
        self.state = new_game(scenario, mode, seed, clock())
        self.pins = dict(pins or {})
        self.links: list[LocalLink] = []

    def link(
        self, roles: Iterable[str], *, locked: Iterable[str] = (), private: bool = True
    ) -> LocalLink:
        found = LocalLink(self, tuple(roles), locked=locked, private=private)
        self.links.append(found)
        return found

    def presence(self) -> dict[str, int]:
        """Role id → number of attached links that hold it."""
        counts = dict.fromkeys(self.scenario.role_ids, 0)
        for link in self.links:
            if link.target is not None:
                for role in link.roles:
                    if role in counts:
                        counts[role] += 1
        return counts

    def announce_presence(self) -> None:
        counts = self.presence()
        for link in self.links:
            if link.target is not None and FACILITATOR in link.roles:
                link.target.post_message(PresenceArrived(self.state.table, counts))

    def codes_document(self, url: str = "") -> dict[str, Any]:
        """Codes in the server's format; local play needs none, so they are the role ids."""
        return {
            "url": url,
            "tables": [
                {
                    "table": self.state.table,
                    "screen": "room",
                    "roles": {r: r for r in self.scenario.role_ids},
                    "pins": dict(self.pins),
                }
            ],
        }

    def view_for(self, role: str, private: bool = True) -> dict[str, Any]:
        now = self.clock()
        if role == FACILITATOR:
            return facilitator_view(self.state, now, private=private)
        if role == ROOM:
            return room_view(self.state, now)
        return player_view(self.state, role, now)

    def submit(self, actor: str, type: str, data: Mapping[str, Any]) -> Ack:
        try:
            move = Move.from_json({"type": type, "actor": actor, "data": dict(data)})
            self.state, notices = apply(self.state, move, self.clock())
        except IllegalMove as exc:
            return {"ok": False, "code": exc.code, "reason": exc.reason}
        for link in self.links:
            link.push(notices)
        return {"ok": True, "version": self.state.version}


class LocalLink:
    """One app's connection to a :class:`LocalGame`."""

    def __init__(
        self,
        game: LocalGame,
        roles: tuple[str, ...],
        *,
        locked: Iterable[str] = (),
        private: bool = True,
    ) -> None:
        self.game = game
        self._roles = roles
        self.locked: set[str] = set(locked)
        self.private = private
        self.target: MessagePump | None = None
        self.sent: list[tuple[str, str, dict[str, Any]]] = []

    @property
    def roles(self) -> tuple[str, ...]:
        return self._roles

    async def attach(self, target: MessagePump) -> None:
        self.target = target
        target.post_message(LinkStatus(True))
        self.push(())
        self.game.announce_presence()

    def push(self, notices: Iterable[dict[str, Any]]) -> None:
        if self.target is None:
            return
        for role in self._roles:
            if role not in self.locked:
                view = self.game.view_for(role, self.private)
                self.target.post_message(ViewArrived(role, view))
        for notice in notices:
            self.target.post_message(NoticeArrived(dict(notice)))

    def _may_act(self, actor: str) -> bool:
        return actor in self._roles and actor not in self.locked and actor != ROOM

    async def send(
        self, as_actor: str, type: str, data: dict[str, Any], *, table: int | None = None
    ) -> Ack:
        if not self._may_act(as_actor):
            return {"ok": False, "code": "not_your_role", "reason": f"not playing {as_actor!r}"}
        self.sent.append((as_actor, type, dict(data)))
        return self.game.submit(as_actor, type, data)

    async def preview(self, role: str, package: dict[str, str]) -> dict[str, Any]:
        if not self._may_act(role) or role == FACILITATOR:
            return {"ok": False, "code": "not_your_role", "reason": f"not playing {role!r}"}
        try:
            found = preview(self.game.state, role, package, self.game.clock())
        except IllegalMove as exc:
            return {"ok": False, "code": exc.code, "reason": exc.reason}
        return {"ok": True, "preview": found}

    async def plan(self, package: dict[str, str]) -> dict[str, Any]:
        try:
            found = plan_view(self.game.state, package=package)
        except IllegalMove as exc:
            return {"ok": False, "code": exc.code, "reason": exc.reason}
        return {"ok": True, "plan": found}

    async def lock(self, role: str) -> None:
        self.locked.add(role)
        if self.target is not None:
            self.target.post_message(RoleLocked(role))

    async def unlock(self, role: str, pin: str) -> bool:
        expected = self.game.pins.get(role)
        if expected is not None and pin != expected:
            return False
        self.locked.discard(role)
        self.push(())
        return True

    async def set_private(self, private: bool) -> None:
        self.private = private
        self.push(())

    async def close(self) -> None:
        if self in self.game.links:
            self.game.links.remove(self)
        self.target = None
        self.game.announce_presence()
