"""Client keys: a move sent again with the same key is answered, not applied again.

A client gives each move a ``key`` of its own making and sends it again, with
the same key, when its connection broke before the answer came. Per seat (a
table and the actor, a role or the facilitator) the server keeps, for every
key, the move and the answer it got: an accepted move's key is stored with the
move in the log (so it survives a restart) and answers with the version it
made; a refused move's key answers with the same error (kept in memory, the
last :data:`MAX_REFUSALS` per seat; after a restart a refused move is simply
checked again: it was never applied, so applying it then is its first time).
A key sent again with a different move is refused (``bad_fields``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from game.store.log import move_text

#: Refused keys remembered per seat (oldest forgotten first).
MAX_REFUSALS = 256


@dataclass(frozen=True)
class Answer:
    """The first answer to a keyed move: its version when applied, else its error."""

    text: str  # the move as the log writes it, to tell a resend from a reused key
    version: int | None = None
    code: str = ""
    reason: str = ""


class KeyReused(Exception):
    """The key was used before for another move."""


class MoveKeys:
    """The keys of one table's seats."""

    def __init__(self) -> None:
        self._applied: dict[tuple[str, str], Answer] = {}
        self._refused: dict[str, OrderedDict[str, Answer]] = {}

    def __len__(self) -> int:
        return len(self._applied) + sum(len(r) for r in self._refused.values())

    def earlier(self, move: Mapping[str, Any], key: str) -> Answer | None:
        """The first answer to ``key`` of this move's actor, or None for a new key.

        Raises :class:`KeyReused` when the key came with another move before.
        """
        actor = str(move["actor"])
        found = self._applied.get((actor, key)) or self._refused.get(actor, {}).get(key)
        if found is None:
            return None
        if found.text != move_text(move):
            raise KeyReused(key)
        return found

    def applied(self, move: Mapping[str, Any], key: str, version: int) -> None:
        actor = str(move["actor"])
        self._applied[(actor, key)] = Answer(move_text(move), version=version)
        self._refused.get(actor, {}).pop(key, None)

    def refused(self, move: Mapping[str, Any], key: str, code: str, reason: str) -> None:
        seat = self._refused.setdefault(str(move["actor"]), OrderedDict())
        seat[key] = Answer(move_text(move), code=code, reason=reason)
        while len(seat) > MAX_REFUSALS:
            seat.popitem(last=False)
