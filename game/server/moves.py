"""Moves through the engine: apply, commit, acknowledge, broadcast.

For each move, holding the table's lock: the engine's ``apply`` checks it and
gives the new state; the writer commits it durably; only then does the table
take the new state, the sender get its ``ack`` and every connection of the
table its views and the move's notices. One table's moves are strictly ordered;
other tables play on while a commit waits for the disk.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from websockets.asyncio.server import ServerConnection

from game.engine import CLOCK, IllegalMove, Move, apply
from game.server import protocol as p
from game.server.fanout import ViewFanout
from game.server.protocol import ErrorCode
from game.server.registry import Registry, push, send
from game.server.session import Session
from game.server.tables import HostedTable
from game.server.writer import LogWriter

log = logging.getLogger("game.server")

#: Called when the facilitator assigns a bot to a role: (table, role id, role code).
BotLauncher = Callable[[int, str, str], object]


class MoveRunner:
    def __init__(
        self,
        tables: dict[int, HostedTable],
        registry: Registry,
        writer: LogWriter,
        clock: Callable[[], float],
    ) -> None:
        self.tables = tables
        self.registry = registry
        self.writer = writer
        self.clock = clock
        self.fanout = ViewFanout(send)
        self.bot_launcher: BotLauncher | None = None

    async def apply_move(
        self, table: HostedTable, move: Move, session: Session | None = None, rid: Any = None
    ) -> bool:
        """Apply, commit, swap, ack, broadcast; False when refused (the error is sent)."""
        async with table.lock:
            notices = await self._apply_and_commit(table, move, session, rid)
            if notices is None:
                return False
            if session is not None:
                push(session, p.ack(rid, table=table.number, version=table.state.version))
            self.broadcast_views(table)
            self.send_notices(table, notices)
        if move.type == "assign":
            self._maybe_launch_bot(table, move)
        return True

    async def _apply_and_commit(
        self, table: HostedTable, move: Move, session: Session | None, rid: Any
    ) -> tuple[dict[str, Any], ...] | None:
        now = self.clock()
        try:
            new_state, notices = apply(table.state, move, now)
        except IllegalMove as exc:
            if session is not None:
                push(session, p.error(exc.code, exc.reason, rid))
            return None
        except Exception:
            log.exception("engine failed on a %r move at table %d", move.type, table.number)
            if session is not None:
                push(session, p.error(ErrorCode.INTERNAL, "the server failed", rid))
            return None
        try:
            await self.writer.append(table.number, move.to_json(), now)
        except Exception:
            log.exception("could not store a move of table %d", table.number)
            if session is not None:
                push(session, p.error(ErrorCode.INTERNAL, "could not save the move", rid))
            return None
        table.state = new_state
        return tuple(notices)

    def broadcast_views(self, table: HostedTable) -> None:
        """Every connection of ``table`` gets the views it may see, each built once."""
        self.fanout.broadcast(table, self.registry.of_table(table.number), self.clock())

    def send_notices(self, table: HostedTable, notices: tuple[dict[str, Any], ...]) -> None:
        number, version = table.number, table.state.version
        for notice in notices:
            msg = {"type": "notice", "table": number, "version": version, "notice": notice}
            send(self._notice_targets(number, notice), p.dumps(msg))

    def _notice_targets(self, number: int, notice: dict[str, Any]) -> list[ServerConnection]:
        """Who hears a notice: everyone at the table; a private one (with a ``to``)
        only the facilitator's private console and the two roles involved."""
        private_to = notice.get("to")
        if not private_to:
            return [s.ws for s in self.registry.of_table(number)]
        involved = {private_to, notice.get("sender")}
        return [
            s.ws
            for s in self.registry.of_table(number)
            if (s.facilitator and s.private)
            or any(role in involved and not locked for role, locked in s.roles.items())
        ]

    def _maybe_launch_bot(self, table: HostedTable, move: Move) -> None:
        role, seat = move.data.get("role"), move.data.get("seat")
        if seat != "bot" or not isinstance(role, str) or self.bot_launcher is None:
            return
        code = table.record.roles.get(role)
        if code is None:
            return
        try:
            self.bot_launcher(table.number, role, code)
        except Exception:
            log.exception("bot launcher failed for table %d", table.number)

    # -- the clock --------------------------------------------------------------

    async def run_clock(self, interval: float) -> None:
        """Send ``tick`` for tables whose round is due and that auto-advance."""
        while True:
            await asyncio.sleep(interval)
            try:
                await self.tick_due_tables()
            except Exception:
                log.exception("clock failed")

    async def tick_due_tables(self) -> None:
        now = self.clock()
        for table in self.tables.values():
            s = table.state
            if s.phase == "running" and s.auto_advance and not s.paused and now >= s.deadline:
                await self.apply_move(table, Move("tick", CLOCK, {}))
