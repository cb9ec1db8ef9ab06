"""Views out: each distinct view built and serialised once, sent whole or as a patch.

A connection that said ``patches: true`` in its hello gets, after its first full
view, only the top-level fields that changed since the view it has (a ``patch``
message with ``base``, ``set`` and ``unset``). Views are large (the public
scenario alone is tens of kilobytes) and mostly unchanged by one move, so this
cuts the bytes per move several times, for the server and for every client.

A connection that also said ``parts: true`` gets every proposal and message as
a reference ``{"$part": id}`` and the item itself once, in the ``parts`` of the
message that first refers to it (a patch carries only the parts its base did
not have). A proposal changed by a move is a new part; the others are not sent
again, so a late game's move costs a few kilobytes per seat instead of the
whole table of proposals and the whole chat (docs/protocol.md, "Parts").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from websockets.asyncio.server import ServerConnection

from game.server.encode import (
    Diffs,
    Memo,
    PartCatalog,
    RawView,
    ViewEncoder,
    compact,
    join_parts,
)
from game.server.protocol import view_message
from game.server.session import Session, ViewKey
from game.server.tables import HostedTable

Send = Callable[[Iterable[ServerConnection], bytes], None]
#: What a view key's last broadcast keeps: its field texts, or its view with references.
_B = TypeVar("_B", dict[str, bytes], RawView)


class ViewFanout:
    def __init__(self, send: Send, send_more: Send | None = None) -> None:
        self.send = send
        #: For the whole views after the first of ``send_full`` (see registry.send_more).
        self.send_more = send if send_more is None else send_more
        self.encoder = ViewEncoder()
        self.catalog = PartCatalog(self.encoder)
        #: The version and field texts last broadcast for each view key.
        self._last: dict[ViewKey, tuple[int, dict[str, bytes]]] = {}
        #: The same for ``parts`` connections: version and the view with references.
        self._last_raw: dict[ViewKey, tuple[int, RawView]] = {}

    def broadcast(self, table: HostedTable, sessions: Iterable[Session], now: float) -> None:
        """Send every session of ``table`` the views it may see."""
        groups: dict[ViewKey, list[Session]] = defaultdict(list)
        for session in sessions:
            if session.joined:
                for key in session.view_keys(table.number):
                    groups[key].append(session)
        version = table.state.version
        memo: Memo = {}
        diffs: Diffs = {}
        for key, members in groups.items():
            view = table.view(key, now)
            plain = [s for s in members if not s.parts]
            if plain:
                self._broadcast_plain(key, version, view, plain, memo)
            if len(plain) < len(members):
                parted = [s for s in members if s.parts]
                self._broadcast_raw(key, version, view, parted, memo, diffs)

    def _broadcast_plain(
        self,
        key: ViewKey,
        version: int,
        view: dict[str, Any],
        members: list[Session],
        memo: Memo,
    ) -> None:
        parts = self.encoder.encode_parts(view, memo)
        previous = self._last.get(key)
        self._last[key] = (version, parts)

        def whole() -> bytes:
            return view_message(_actor(key), key[0], version, join_parts(parts))

        def patch(base: tuple[int, dict[str, bytes]]) -> bytes:
            return _patch(key, version, base, parts)

        self._split(key, version, members, previous, whole, patch)

    def _broadcast_raw(
        self,
        key: ViewKey,
        version: int,
        view: dict[str, Any],
        members: list[Session],
        memo: Memo,
        diffs: Diffs,
    ) -> None:
        previous = self._last_raw.get(key)
        raw = self.catalog.raw(view, memo, None if previous is None else previous[1])
        self._last_raw[key] = (version, raw)

        def whole() -> bytes:
            return _raw_view(key, version, raw)

        def patch(base: tuple[int, RawView]) -> bytes:
            number, old = base
            new_parts = raw.new_parts(old, diffs)
            if raw.base is old and raw.renewed is not None:
                # every field but the renewed ones has the very text of the base
                fields, texts = raw.fields, old.fields
                changed = {k: fields[k] for k in raw.renewed if fields[k] != texts[k]}
                return _patch_message(key, version, number, changed, [], new_parts)
            return _patch(key, version, (number, old.fields), raw.fields, new_parts)

        self._split(key, version, members, previous, whole, patch)

    def _split(
        self,
        key: ViewKey,
        version: int,
        members: list[Session],
        previous: tuple[int, _B] | None,
        whole: Callable[[], bytes],
        patch: Callable[[tuple[int, _B]], bytes],
    ) -> None:
        """Send a patch on ``previous`` to the members that have it and asked for
        patches, the whole view to the others; each message built once."""
        full: list[ServerConnection] = []
        patched: list[ServerConnection] = []
        base = None if previous is None else previous[0]
        for session in members:
            if base is not None and session.patches and session.sent.get(key) == base:
                patched.append(session.ws)
            else:
                full.append(session.ws)
            session.sent[key] = version
        if full:
            self.send(full, whole())
        if patched and previous is not None:
            self.send(patched, patch(previous))

    def send_full(
        self, session: Session, table: HostedTable, now: float, more: bool = False
    ) -> None:
        """Every view of ``table`` this session may see, whole (``more``: not the first
        table of a burst; only a burst's first message is checked for unread output)."""
        for n, key in enumerate(session.view_keys(table.number)):
            self.send_one(session, table, key, now, more=more or n > 0)

    def send_one(
        self, session: Session, table: HostedTable, key: ViewKey, now: float, more: bool = False
    ) -> None:
        view = table.view(key, now)
        version = table.state.version
        if session.parts:
            held = self._last_raw.get(key)
            raw = self.catalog.raw(view, None, None if held is None else held[1])
            text = _raw_view(key, version, raw)
            _keep_first(self._last_raw, key, version, raw)
        else:
            parts = self.encoder.encode_parts(view)
            text = view_message(_actor(key), key[0], version, join_parts(parts))
            _keep_first(self._last, key, version, parts)
        (self.send_more if more else self.send)([session.ws], text)
        session.sent[key] = version


def _keep_first(last: dict[ViewKey, tuple[int, _B]], key: ViewKey, version: int, got: _B) -> None:
    """A whole view sent at join is the base of the next broadcast's patches when no
    broadcast at this version was (the seat that joined has exactly this view), so the
    first move after a join patches, and finds the texts of what it did not change."""
    held = last.get(key)
    if held is None or held[0] < version:
        last[key] = (version, got)


def _actor(key: ViewKey) -> str:
    _, kind, who = key
    return who if kind == "player" else kind


def _raw_view(key: ViewKey, version: int, raw: RawView) -> bytes:
    """A whole ``view`` message for a ``parts`` connection: every part it refers to."""
    head = compact({"type": "view", "as": _actor(key), "table": key[0], "version": version})
    return (
        head[:-1]
        + b',"parts":'
        + join_parts(raw.parts)
        + b',"view":'
        + join_parts(raw.fields)
        + b"}"
    )


def _patch(
    key: ViewKey,
    version: int,
    previous: tuple[int, dict[str, bytes]],
    parts: dict[str, bytes],
    new_parts: dict[str, bytes] | None = None,
) -> bytes:
    base, old = previous
    changed = {k: text for k, text in parts.items() if old.get(k) != text}
    unset = [k for k in old if k not in parts]
    return _patch_message(key, version, base, changed, unset, new_parts)


def _patch_message(
    key: ViewKey,
    version: int,
    base: int,
    changed: dict[str, bytes],
    unset: list[str],
    new_parts: dict[str, bytes] | None,
) -> bytes:
    head = compact(
        {
            "type": "patch",
            "as": _actor(key),
            "table": key[0],
            "version": version,
            "base": base,
            "unset": unset,
        }
    )
    extra = b"" if new_parts is None else b',"parts":' + join_parts(new_parts)
    return head[:-1] + extra + b',"set":' + join_parts(changed) + b"}"
