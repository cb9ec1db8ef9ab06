"""Joining: codes and the facilitator token in ``hello``, PINs in ``unlock``.

Every bad code, token or PIN counts against the connection (closed after
``max_bad_codes``) and its address, and is answered only after
``bad_code_delay``. An address with ``bad_codes_per_minute`` bad ones is
*blocked*: its hellos and unlocks are checked one at a time (a lane per
address), and a bad one holds the lane for ``blocked_delay`` before it is
answered. So guessing from one address stays at one try per ``blocked_delay``
however many connections it opens, while a valid code from the same address
(people behind one NAT, browser seats relayed by one local process) is never
refused: it gets in at once, or after the bad checks queued before it. The
facilitator's consoles get a ``blocks`` message whenever the blocked addresses
change, and may lift a block (``unblock``). Codes are compared in constant
time and never logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

from game.server import protocol as p
from game.server.codes import normalise_code, same_secret
from game.server.hosting import HostedSession
from game.server.limits import AddressGuard, Limits
from game.server.protocol import ErrorCode, ProtocolError
from game.server.registry import Registry, push
from game.server.session import Session
from game.server.tables import HostedTable

log = logging.getLogger("game.server")

SERVER_NAME = "botsende-belangen"


class _Lane:
    """One blocked address's queue: a lock, and how many checks hold or wait for it."""

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.users = 0


class Doorman:
    def __init__(
        self,
        hosted: HostedSession,
        tables: dict[int, HostedTable],
        registry: Registry,
        limits: Limits,
        close: Callable[[Session, str], None],
        send_views: Callable[[Session], None],
    ) -> None:
        self.hosted = hosted
        self.tables = tables
        self.registry = registry
        self.limits = limits
        self.close = close
        self.send_views = send_views
        self.guard = AddressGuard(limits.bad_codes_per_minute)
        self._lanes: dict[str, _Lane] = {}
        self._watching: set[str] = set()
        self._background: set[asyncio.Future[None]] = set()
        self.codes: dict[str, tuple[int, str]] = {}
        for table in tables.values():
            self.codes[table.record.screen] = (table.number, "screen")
            for role, code in table.record.roles.items():
                self.codes[code] = (table.number, role)

    async def bad_secret(
        self, session: Session, code: str, reason: str, rid: Any, *, slow: bool = False
    ) -> None:
        """Count a bad code/token/PIN, slow the guesser down, close after too many."""
        session.bad_codes += 1
        if self.guard.record(session.address):
            log.warning("blocked %s: too many bad codes", session.address)
            self._watch(session.address)
            self.send_blocks()
        log.warning("bad %s from %s", code.replace("bad_", ""), session.describe())
        delay = self.limits.blocked_delay if slow else self.limits.bad_code_delay
        if delay:
            await asyncio.sleep(delay)
        push(session, p.error(code, reason, rid))
        if session.bad_codes >= self.limits.max_bad_codes:
            self.close(session, "too many bad codes")

    @contextlib.asynccontextmanager
    async def checked(self, session: Session) -> AsyncIterator[bool]:
        """Around checking a secret: yields ``slow``, True when the address is
        blocked; the check then waits for its turn in the address's lane."""
        address = session.address
        if not self.guard.blocked(address):
            yield False
            return
        lane = self._lanes.setdefault(address, _Lane())
        lane.users += 1
        try:
            async with lane.lock:
                yield True
        finally:
            lane.users -= 1
            if not lane.users:
                del self._lanes[address]

    async def hello(self, session: Session, hello: p.Hello) -> None:
        if session.joined:
            raise ProtocolError(ErrorCode.ALREADY_JOINED, "this connection has joined", hello.id)
        if len(hello.codes) > self.limits.max_codes:
            raise ProtocolError(
                ErrorCode.BAD_FIELDS, f"at most {self.limits.max_codes} codes", hello.id
            )
        if hello.facilitator is not None and hello.codes:
            raise ProtocolError(
                ErrorCode.BAD_FIELDS, "send either codes or the facilitator token", hello.id
            )
        async with self.checked(session) as slow:
            if not session.closing:
                await self._check_hello(session, hello, slow)

    async def _check_hello(self, session: Session, hello: p.Hello, slow: bool) -> None:
        if hello.facilitator is not None:
            if not same_secret(normalise_code(hello.facilitator), self.hosted.config.facilitator):
                reason = "that is not the facilitator token"
                await self.bad_secret(session, ErrorCode.BAD_CODE, reason, hello.id, slow=slow)
                return
            self._admit(session, hello, None, {}, screen=False, facilitator=True)
            return
        seats: dict[str, bool] = {}
        table: int | None = None
        screen = False
        for index, text in enumerate(hello.codes, 1):
            found = self.codes.get(normalise_code(text))
            if found is None:
                reason = f"code {index} is not a valid join code"
                await self.bad_secret(session, ErrorCode.BAD_CODE, reason, hello.id, slow=slow)
                return
            if table is not None and found[0] != table:
                raise ProtocolError(
                    ErrorCode.WRONG_TABLE,
                    "all codes of one connection must be of one table",
                    hello.id,
                )
            table = found[0]
            if found[1] == "screen":
                screen = True
            else:
                seats[found[1]] = hello.locked
        self._admit(session, hello, table, seats, screen=screen, facilitator=False)

    # -- blocked addresses --------------------------------------------------------

    def blocks_message(self) -> bytes:
        return p.dumps({"type": "blocks", "blocks": self.guard.blocks()})

    def send_blocks(self) -> None:
        """Tell every facilitator console which addresses are blocked now."""
        consoles = list(self.registry.consoles())
        if consoles:
            text = self.blocks_message()
            for console in consoles:
                push(console, text)

    def lift(self, address: str) -> bool:
        """Lift the block of ``address`` (the facilitator's ``unblock``)."""
        lifted = self.guard.lift(address)
        if lifted:
            log.warning("the facilitator lifted the block of %s", address)
        self.send_blocks()
        return lifted

    def _watch(self, address: str) -> None:
        """Tell the consoles when the block of ``address`` runs out by itself."""
        if address in self._watching:
            return
        self._watching.add(address)

        async def watch() -> None:
            try:
                while (left := self.guard.expires_in(address)) > 0:
                    await asyncio.sleep(left + 0.05)
            finally:
                self._watching.discard(address)
            self.send_blocks()

        task = asyncio.ensure_future(watch())
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    def _admit(
        self,
        session: Session,
        hello: p.Hello,
        table: int | None,
        seats: dict[str, bool],
        *,
        screen: bool,
        facilitator: bool,
    ) -> None:
        session.joined = True
        session.facilitator = facilitator
        session.client = hello.client
        session.private = hello.private
        session.patches = hello.patches
        session.parts = hello.parts
        session.table = table
        session.roles = seats
        session.screen = screen
        self.registry.joined(session)
        log.info("joined: %s", session.describe())
        push(session, p.dumps(self.welcome(session, hello)))
        self.send_views(session)
        if facilitator:
            for number, hosted in self.tables.items():
                push(session, p.dumps(self.registry.presence(number, hosted.roles)))
            push(session, self.blocks_message())
        elif table is not None:
            self.registry.send_presence(table, self.tables[table].roles)

    def welcome(self, session: Session, hello: p.Hello) -> dict[str, Any]:
        scenario = self.hosted.scenario
        numbers = session.tables(sorted(self.tables))
        msg: dict[str, Any] = {
            "type": "welcome",
            "id": hello.id,
            "protocol": p.PROTOCOL_VERSION,
            "server": SERVER_NAME,
            "session": self.hosted.config.session,
            "scenario": {"id": scenario.meta.id, "title": scenario.meta.title},
            "mode": self.hosted.config.mode,
            "facilitator": session.facilitator,
            "tables": numbers,
            "seats": [
                {"table": session.table, "role": role, "locked": locked}
                for role, locked in session.roles.items()
            ],
            "screen": session.screen,
            "versions": {str(n): self.tables[n].state.version for n in numbers},
            "limits": {
                "max_message": self.limits.max_message,
                "rate": self.limits.rate,
                "burst": self.limits.burst,
            },
        }
        if self.hosted.url:  # the one address participants use (the room screen shows it)
            msg["address"] = self.hosted.url
        if session.facilitator:
            msg["codes"] = self.hosted.codes_document()
        return msg

    async def unlock(
        self, session: Session, table: HostedTable, role: str, pin: str, rid: Any
    ) -> bool:
        """Check a role's PIN; True when it opened the role on this connection."""
        expected = table.record.pins.get(role, "")
        async with self.checked(session) as slow:
            if session.closing:
                return False
            if not expected or not same_secret(pin.strip(), expected):
                await self.bad_secret(session, ErrorCode.BAD_PIN, "wrong PIN", rid, slow=slow)
                return False
        session.roles[role] = False
        return True
