"""The connections of a server, indexed by table, and how messages reach them."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from websockets.asyncio.server import ServerConnection, broadcast

from game.server.protocol import dumps
from game.server.session import Session

log = logging.getLogger("game.server")

#: A connection whose unsent output grows past this is not reading: it is dropped.
MAX_WRITE_BUFFER = 8 * 1024 * 1024


class Registry:
    def __init__(self) -> None:
        self.sessions: set[Session] = set()
        self._tables: dict[int, set[Session]] = {}
        self._consoles: set[Session] = set()

    def add(self, session: Session) -> None:
        self.sessions.add(session)

    def joined(self, session: Session) -> None:
        """Index a session after its hello."""
        if session.facilitator:
            self._consoles.add(session)
        elif session.table is not None:
            self._tables.setdefault(session.table, set()).add(session)

    def remove(self, session: Session) -> None:
        self.sessions.discard(session)
        self._consoles.discard(session)
        if session.table is not None:
            self._tables.get(session.table, set()).discard(session)

    def of_table(self, number: int) -> Iterator[Session]:
        """Every joined connection that sees ``number``: its seats, screens and consoles."""
        yield from self._tables.get(number, ())
        yield from self._consoles

    def consoles(self) -> Iterable[Session]:
        return self._consoles

    def presence(self, number: int, roles: Iterable[str]) -> dict[str, Any]:
        """Who is connected at a table: connections per role, and room screens."""
        counts: dict[str, int] = dict.fromkeys(roles, 0)
        screens = 0
        for s in self._tables.get(number, ()):
            for role in s.roles:
                counts[role] = counts.get(role, 0) + 1
            screens += int(s.screen)
        return {"type": "presence", "table": number, "roles": counts, "screens": screens}

    def send_presence(self, number: int, roles: Iterable[str]) -> None:
        if self._consoles:
            send([s.ws for s in self._consoles], dumps(self.presence(number, roles)))


def send(conns: Iterable[ServerConnection], text: str) -> None:
    """Write ``text`` to each connection without waiting (ordered per connection)."""
    ok = []
    for ws in conns:
        transport = ws.transport
        if transport is not None and transport.get_write_buffer_size() > MAX_WRITE_BUFFER:
            log.warning("dropping a connection that does not read its messages")
            transport.abort()
            continue
        ok.append(ws)
    send_more(ok, text)


def send_more(conns: Iterable[ServerConnection], text: str) -> None:
    """Write ``text`` without the unread-output check: for the rest of a burst of whole
    views (a console of 100 tables gets some 35 MB at once) whose first message went
    through ``send``, so a connection that does not read gets at most one burst more."""
    conns = list(conns)
    try:
        broadcast(conns, text)
    except UnicodeEncodeError:  # input is checked at the door: this is a bug; never crash on it
        log.error("a message was not valid UTF-8; sent with its bad characters replaced")
        broadcast(conns, text.encode("utf-8", "replace").decode("utf-8"))


def push(session: Session, text: str) -> None:
    send([session.ws], text)
