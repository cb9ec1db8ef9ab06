"""Moves through the engine: apply, commit, acknowledge, broadcast.

For each move, holding the table's lock: the engine's ``apply`` checks it and
gives the new state; the writer commits it durably; only then does the table
take the new state, the sender get its ``ack`` and every connection of the
table its views and the move's notices. One table's moves are strictly ordered;
other tables play on while a commit waits for the disk. A move with a client
key that its seat used before is answered as the first time and not applied
again (:mod:`game.server.keys`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from websockets.asyncio.server import ServerConnection

from game.engine import CLOCK, IllegalMove, Move, apply
from game.server import protocol as p
from game.server.fanout import ViewFanout
from game.server.keys import KeyReused
from game.server.protocol import ErrorCode
from game.server.registry import Registry, push, send, send_more
from game.server.session import Session
from game.server.tables import HostedTable
from game.server.writer import LogWriter

log = logging.getLogger("game.server")

#: Called when the facilitator assigns a bot to a role: (table, role id, role code).
BotLauncher = Callable[[int, str, str], object]


@dataclass(frozen=True)
class Refusal:
    """A move that was not applied: the error, and whether a resend gets it too
    (the engine's refusals; not a failure of the server, which a retry may cure)."""

    code: str
    reason: str
    remember: bool = False


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
        self.fanout = ViewFanout(send, send_more)
        self.bot_launcher: BotLauncher | None = None

    async def apply_move(
        self,
        table: HostedTable,
        move: Move,
        session: Session | None = None,
        rid: Any = None,
        key: str | None = None,
    ) -> bool:
        """Apply, commit, swap, ack, broadcast; False when refused (the error is sent).

        A move with a client ``key`` that this seat used before is not applied
        again: the sender gets the first answer (see :mod:`game.server.keys`).
        """
        async with table.lock:
            if key is not None:
                try:
                    earlier = table.keys.earlier(move.to_json(), key)
                except KeyReused:
                    reason = "this key was used for another move; make a new key per move"
                    self._answer(session, p.error(ErrorCode.BAD_FIELDS, reason, rid))
                    return False
                if earlier is not None:
                    if earlier.version is None:
                        self._answer(session, p.error(earlier.code, earlier.reason, rid))
                        return False
                    self._answer(session, p.ack(rid, table=table.number, version=earlier.version))
                    return True
            outcome = await self._apply_and_commit(table, move, key)
            if isinstance(outcome, Refusal):
                if key is not None and outcome.remember:
                    table.keys.refused(move.to_json(), key, outcome.code, outcome.reason)
                self._answer(session, p.error(outcome.code, outcome.reason, rid))
                return False
            if key is not None:
                table.keys.applied(move.to_json(), key, table.state.version)
            self._answer(session, p.ack(rid, table=table.number, version=table.state.version))
            self.broadcast_views(table)
            self.send_notices(table, outcome)
        if move.type == "assign":
            self._maybe_launch_bot(table, move)
        return True

    @staticmethod
    def _answer(session: Session | None, text: bytes) -> None:
        if session is not None:
            push(session, text)

    async def _apply_and_commit(
        self, table: HostedTable, move: Move, key: str | None
    ) -> tuple[dict[str, Any], ...] | Refusal:
        now = self.clock()
        try:
            new_state, notices = apply(table.state, move, now)
        except IllegalMove as exc:
            return Refusal(exc.code, exc.reason, remember=True)
        except Exception:
            log.exception("engine failed on a %r move at table %d", move.type, table.number)
            return Refusal(ErrorCode.INTERNAL, "the server failed")
        try:
            await self.writer.append(table.number, move.to_json(), now, key)
        except Exception:
            log.exception("could not store a move of table %d", table.number)
            return Refusal(ErrorCode.INTERNAL, "could not save the move")
        table.state = new_state
        return tuple(notices)

    def broadcast_views(self, table: HostedTable) -> None:
        """Every connection of ``table`` gets the views it may see, each built once.

        A view that cannot be encoded as strict JSON is a bug in the server, never
        sent: it is logged, and the next move's views (or a ``sync``) catch up.
        """
        try:
            self.fanout.broadcast(table, self.registry.of_table(table.number), self.clock())
        except ValueError:
            log.exception("could not encode the views of table %d", table.number)

    def send_notices(self, table: HostedTable, notices: tuple[dict[str, Any], ...]) -> None:
        number, version = table.number, table.state.version
        for notice in notices:
            msg = {"type": "notice", "table": number, "version": version, "notice": notice}
            try:
                text = p.dumps(msg)
            except ValueError:  # not strict JSON: a bug, never sent
                log.exception("could not encode a %r notice", notice.get("kind"))
                continue
            send(self._notice_targets(number, notice), text)

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
