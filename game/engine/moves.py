"""Moves, actors and the illegal-move error.

A :class:`Move` is plain data: a type, the actor who makes it and its
arguments. ``apply`` (:mod:`game.engine.apply`) checks and performs it.

Example::

    >>> Move("start", FACILITATOR, {}).to_json()
    {'type': 'start', 'actor': 'facilitator', 'data': {}}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

FACILITATOR = "facilitator"
"""The facilitator's actor id; every other actor is a role id."""
CLOCK = "clock"
"""The server's actor for ``tick`` (auto-advance when a round's time is up)."""

FACILITATOR_MOVES: tuple[str, ...] = (
    "start",
    "pause",
    "resume",
    "extend",
    "next_round",
    "auto_advance",
    "play_event",
    "call_vote",
    "close_vote",
    "announce",
    "assign",
    "lock",
    "unlock",
    "end",
)
CLOCK_MOVES: tuple[str, ...] = ("tick",)

SEAT_KINDS: tuple[str, ...] = ("human", "bot", "none")
MARK_KINDS: tuple[str, ...] = ("opportunity", "bottleneck")
VOTE_CHOICES: tuple[str, ...] = ("yes", "no", "abstain")
MAX_TEXT = 500
"""Longest message, comment, note or announcement, in characters."""
MAX_ROUND_MINUTES = 240.0
"""Bound of ``extend``: at most this many minutes added or taken off in one move,
and a lengthened round keeps at most this many minutes left (4 hours: more than a
whole workshop day's round; a shortened round stops at 0)."""

#: Every stable ``IllegalMove.code``; interfaces translate by code.
ILLEGAL_CODES: tuple[str, ...] = (
    "bad_move",  # malformed move or unknown move type
    "bad_args",  # missing or malformed argument
    "unknown_id",  # a role, issue, option, segment, proposal or event that does not exist
    "wrong_actor",  # this actor may not make this move (or its role is out of play)
    "wrong_round",  # the current round does not allow this move
    "not_allowed",  # forbidden in this situation (see the reason)
    "not_started",  # the session is still in the lobby
    "ended",  # the session has ended
    "paused",  # the clock is paused
    "locked",  # the facilitator locked this role's seat
    "not_due",  # tick: auto-advance is off or the round's time is not up
    "infeasible",  # an event made an option of the package infeasible
    "withdrawn",  # the proposal was withdrawn
    "not_author",  # only the author may withdraw a proposal
    "vote_open",  # a ballot is already open (or blocks this move)
    "no_vote_open",  # there is no open ballot
    "already_voted",  # the role voted on this ballot
    "already_agreed",  # a vote passed; the agreement is fixed
    "no_agreement",  # signing needs a passed vote
    "already_signed",  # the role signed already
    "already_played",  # the event was played already
    "too_much_time",  # extend: beyond MAX_ROUND_MINUTES (see there)
)


class IllegalMove(ValueError):
    """A move that the rules do not allow; the state is untouched.

    ``code`` is one of :data:`ILLEGAL_CODES`; ``reason`` an English sentence.
    """

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(f"{code}: {reason}")
        self.code = code
        self.reason = reason


@dataclass(frozen=True)
class Move:
    type: str
    actor: str
    data: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, "actor": self.actor, "data": dict(self.data)}

    @classmethod
    def from_json(cls, obj: object) -> Move:
        """Parse ``{"type", "actor", "data"}``; raises ``IllegalMove("bad_move")``."""
        if not isinstance(obj, Mapping):
            raise IllegalMove("bad_move", "a move must be an object")
        kind, actor, data = obj.get("type"), obj.get("actor"), obj.get("data", {})
        if not isinstance(kind, str) or not kind:
            raise IllegalMove("bad_move", "a move needs a 'type' string")
        if not isinstance(actor, str) or not actor:
            raise IllegalMove("bad_move", "a move needs an 'actor' string")
        if data is None:
            data = {}
        if not isinstance(data, Mapping) or not all(isinstance(k, str) for k in data):
            raise IllegalMove("bad_move", "a move's 'data' must be an object")
        return cls(kind, actor, dict(data))
