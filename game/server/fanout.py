"""Views out: each distinct view built and serialised once, sent whole or as a patch.

A connection that said ``patches: true`` in its hello gets, after its first full
view, only the top-level fields that changed since the view it has (a ``patch``
message with ``base``, ``set`` and ``unset``). Views are large (the public
scenario alone is tens of kilobytes) and mostly unchanged by one move, so this
cuts the bytes per move several times, for the server and for every client.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from websockets.asyncio.server import ServerConnection

from game.server.encode import ViewEncoder, join_parts
from game.server.protocol import dumps, view_message
from game.server.session import Session, ViewKey
from game.server.tables import HostedTable

Send = Callable[[Iterable[ServerConnection], str], None]


class ViewFanout:
    def __init__(self, send: Send) -> None:
        self.send = send
        self.encoder = ViewEncoder()
        #: The version and field texts last broadcast for each view key.
        self._last: dict[ViewKey, tuple[int, dict[str, str]]] = {}

    def broadcast(self, table: HostedTable, sessions: Iterable[Session], now: float) -> None:
        """Send every session of ``table`` the views it may see."""
        groups: dict[ViewKey, list[Session]] = defaultdict(list)
        for session in sessions:
            if session.joined:
                for key in session.view_keys(table.number):
                    groups[key].append(session)
        version = table.state.version
        for key, members in groups.items():
            parts = self.encoder.encode_parts(table.view(key, now))
            previous = self._last.get(key)
            full: list[ServerConnection] = []
            patched: list[ServerConnection] = []
            for session in members:
                if session.patches and previous and session.sent.get(key) == previous[0]:
                    patched.append(session.ws)
                else:
                    full.append(session.ws)
                session.sent[key] = version
            if full:
                self.send(full, view_message(_actor(key), key[0], version, join_parts(parts)))
            if patched and previous:
                self.send(patched, _patch(key, version, previous, parts))
            self._last[key] = (version, parts)

    def send_full(self, session: Session, table: HostedTable, now: float) -> None:
        """Every view of ``table`` this session may see, whole."""
        for key in session.view_keys(table.number):
            self.send_one(session, table, key, now)

    def send_one(self, session: Session, table: HostedTable, key: ViewKey, now: float) -> None:
        parts = self.encoder.encode_parts(table.view(key, now))
        version = table.state.version
        self.send([session.ws], view_message(_actor(key), key[0], version, join_parts(parts)))
        session.sent[key] = version


def _actor(key: ViewKey) -> str:
    _, kind, who = key
    return who if kind == "player" else kind


def _patch(
    key: ViewKey, version: int, previous: tuple[int, dict[str, str]], parts: dict[str, str]
) -> str:
    base, old = previous
    changed = {k: text for k, text in parts.items() if old.get(k) != text}
    unset = [k for k in old if k not in parts]
    head = dumps(
        {
            "type": "patch",
            "as": _actor(key),
            "table": key[0],
            "version": version,
            "base": base,
            "unset": unset,
        }
    )
    return f'{head[:-1]},"set":{join_parts(changed)}}}'
