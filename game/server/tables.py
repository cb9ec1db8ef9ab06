"""A table the server hosts: its engine state, its secrets, and its views.

The server never looks into the rules: it applies moves with the engine's
``apply`` and turns state into data only with the engine's view functions.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from game.engine import GameState, facilitator_view, player_view, room_view
from game.server.keys import MoveKeys
from game.server.session import ROOM, ViewKey
from game.store import TableRecord


@dataclass(eq=False)
class HostedTable:
    record: TableRecord
    state: GameState
    #: Held from apply to broadcast: one move of this table in flight at a time.
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    #: The client keys of the moves made at this table (see game.server.keys).
    keys: MoveKeys = field(default_factory=MoveKeys)

    @property
    def number(self) -> int:
        return self.record.table

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(self.state.scenario.role_ids)

    def view(self, key: ViewKey, now: float) -> dict[str, Any]:
        """One engine view: a role's, the room's, or the facilitator's.

        ``shared=True``: the engine's cached parts, read-only; the encoder relies on
        their identity to serialise each shared part once.
        """
        _, kind, who = key
        if kind == "player":
            return player_view(self.state, who, now, shared=True)
        if kind == ROOM:
            return room_view(self.state, now, shared=True)
        return facilitator_view(self.state, now, private=(who == "private"), shared=True)
