"""The records a session state is made of: proposals, ballots, messages...

All are frozen; the engine replaces a record instead of changing it. Each
has ``to_json()`` and a ``from_json(obj)`` class method that round-trip.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


def _str_map(obj: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in dict(obj or {}).items()}


@dataclass(frozen=True)
class Disclosure:
    """A role published its points for one issue (``issue``) or its reservation value."""

    role: str
    issue: str | None
    """The issue disclosed, or ``None`` for the reservation value."""
    values: Mapping[str, float]
    """Option id → points at the moment of disclosure (``{"reservation": v}``)."""
    round: str
    at: float

    def to_json(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "issue": self.issue,
            "values": dict(self.values),
            "round": self.round,
            "at": self.at,
        }

    @classmethod
    def from_json(cls, o: Mapping[str, Any]) -> Disclosure:
        values = {str(k): float(v) for k, v in dict(o["values"]).items()}
        return cls(o["role"], o["issue"], values, o["round"], float(o["at"]))


@dataclass(frozen=True)
class Mark:
    role: str
    segment: str
    kind: str
    """``opportunity`` or ``bottleneck``."""
    note: str
    round: str
    at: float

    def to_json(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "segment": self.segment,
            "kind": self.kind,
            "note": self.note,
            "round": self.round,
            "at": self.at,
        }

    @classmethod
    def from_json(cls, o: Mapping[str, Any]) -> Mark:
        return cls(o["role"], o["segment"], o["kind"], o["note"], o["round"], float(o["at"]))


@dataclass(frozen=True)
class Comment:
    role: str
    text: str
    at: float

    def to_json(self) -> dict[str, Any]:
        return {"role": self.role, "text": self.text, "at": self.at}

    @classmethod
    def from_json(cls, o: Mapping[str, Any]) -> Comment:
        return cls(o["role"], o["text"], float(o["at"]))


@dataclass(frozen=True)
class Proposal:
    id: str
    """``P1``, ``P2``, ... in order of proposing."""
    author: str
    package: Mapping[str, str]
    """Live issue id → option id (presets are not part of a proposal)."""
    note: str
    parent: str | None
    """The proposal this one amends."""
    round: str
    at: float
    withdrawn: bool = False
    support: Mapping[str, str] = field(default_factory=dict)
    """Role → reason, for the roles that currently support it."""
    objections: Mapping[str, str] = field(default_factory=dict)
    """Role → reason, for the roles that currently object."""
    comments: tuple[Comment, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "author": self.author,
            "package": dict(self.package),
            "note": self.note,
            "parent": self.parent,
            "round": self.round,
            "at": self.at,
            "withdrawn": self.withdrawn,
            "support": dict(self.support),
            "objections": dict(self.objections),
            "comments": [c.to_json() for c in self.comments],
        }

    @classmethod
    def from_json(cls, o: Mapping[str, Any]) -> Proposal:
        return cls(
            id=o["id"],
            author=o["author"],
            package=_str_map(o["package"]),
            note=o["note"],
            parent=o["parent"],
            round=o["round"],
            at=float(o["at"]),
            withdrawn=bool(o["withdrawn"]),
            support=_str_map(o["support"]),
            objections=_str_map(o["objections"]),
            comments=tuple(Comment.from_json(c) for c in o["comments"]),
        )


@dataclass(frozen=True)
class Message:
    sender: str
    to: str | None
    """The receiving role of a private message; ``None`` for a public one."""
    text: str
    round: str
    at: float

    def to_json(self) -> dict[str, Any]:
        return {
            "sender": self.sender,
            "to": self.to,
            "text": self.text,
            "round": self.round,
            "at": self.at,
        }

    @classmethod
    def from_json(cls, o: Mapping[str, Any]) -> Message:
        return cls(o["sender"], o["to"], o["text"], o["round"], float(o["at"]))


@dataclass(frozen=True)
class Announcement:
    text: str
    round: str | None
    at: float

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "round": self.round, "at": self.at}

    @classmethod
    def from_json(cls, o: Mapping[str, Any]) -> Announcement:
        return cls(o["text"], o["round"], float(o["at"]))


@dataclass(frozen=True)
class PlayedEvent:
    event: str
    round: str
    at: float

    def to_json(self) -> dict[str, Any]:
        return {"event": self.event, "round": self.round, "at": self.at}

    @classmethod
    def from_json(cls, o: Mapping[str, Any]) -> PlayedEvent:
        return cls(o["event"], o["round"], float(o["at"]))


@dataclass(frozen=True)
class Ballot:
    id: str
    """``V1``, ``V2``, ... in order of calling."""
    proposal: str
    round: str
    opened_at: float
    quorum: int
    """Yes votes needed (the effective quorum for the roles in play)."""
    votes: Mapping[str, str] = field(default_factory=dict)
    """Role → ``yes`` / ``no`` / ``abstain``, in voting order."""
    open: bool = True
    passed: bool | None = None
    reason: str = ""
    """Why it failed: ``quorum``, ``veto:<role>`` or ``infeasible``."""
    closed_at: float | None = None
    in_time: bool | None = None
    """Whether it closed before the round's deadline."""

    def tally(self) -> dict[str, int]:
        out = {"yes": 0, "no": 0, "abstain": 0}
        for choice in self.votes.values():
            out[choice] += 1
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "proposal": self.proposal,
            "round": self.round,
            "opened_at": self.opened_at,
            "quorum": self.quorum,
            "votes": dict(self.votes),
            "open": self.open,
            "passed": self.passed,
            "reason": self.reason,
            "closed_at": self.closed_at,
            "in_time": self.in_time,
        }

    @classmethod
    def from_json(cls, o: Mapping[str, Any]) -> Ballot:
        closed = o["closed_at"]
        return cls(
            id=o["id"],
            proposal=o["proposal"],
            round=o["round"],
            opened_at=float(o["opened_at"]),
            quorum=int(o["quorum"]),
            votes=_str_map(o["votes"]),
            open=bool(o["open"]),
            passed=o["passed"],
            reason=o["reason"],
            closed_at=None if closed is None else float(closed),
            in_time=o["in_time"],
        )
