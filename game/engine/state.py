"""The immutable session state and how to create it.

A :class:`GameState` holds everything that happened at one table: the phase,
the round and its clock, the seats, and the records of play (proposals,
ballots, messages...). ``apply`` returns a new state; nothing changes one.
The scenario travels along (not compared, not serialised); scoring objects
are cached beside it.

Example::

    >>> from game.scenario.loader import load_scenario
    >>> sc = load_scenario("tests/fixtures/mini/mini.yaml")
    >>> state = new_game(sc, "short", seed=1, now=0.0)
    >>> state.phase, state.round_id, state.in_play
    ('lobby', None, ('gemeente', 'net', 'winkels'))
"""

from __future__ import annotations

import random
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Any, TypeVar

from game.engine.moves import IllegalMove
from game.engine.records import (
    Announcement,
    Ballot,
    Disclosure,
    Mark,
    Message,
    PlayedEvent,
    Proposal,
)
from game.scenario.model import Mode, Round, Scenario
from game.scenario.scoring import PackageScore, Scorer, effective_quorum

T = TypeVar("T")
_FIELDS: dict[type, frozenset[str]] = {}


def evolve(obj: T, **changes: Any) -> T:
    """A copy of the frozen dataclass ``obj`` with ``changes``: a fast ``dataclasses.replace``
    (no ``__init__``; cached properties of ``obj`` are not carried over)."""
    cls = type(obj)
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = frozenset(f.name for f in fields(obj))  # type: ignore[arg-type]
    for key in changes:
        if key not in names:
            raise TypeError(f"{cls.__name__} has no field {key!r}")
    new = object.__new__(cls)
    old: dict[str, Any] = obj.__dict__
    target: dict[str, Any] = new.__dict__
    for name in names:
        target[name] = old[name]
    target.update(changes)
    return new


_LIVE: weakref.WeakKeyDictionary[Scorer, dict[tuple[str | None, ...], PackageScore]] = (
    weakref.WeakKeyDictionary()
)

STATE_FORMAT = 1
"""Version of the JSON produced by :meth:`GameState.to_json`."""

PHASES: tuple[str, ...] = ("lobby", "running", "ended")

_SCORERS: dict[tuple[int, str, tuple[str, ...]], tuple[Scenario, Scorer]] = {}
_SCORER_CACHE_SIZE = 64


def shared_scorer(scenario: Scenario, mode: str, events: tuple[str, ...]) -> Scorer:
    """A :class:`Scorer` for these events, shared by every state of the same scenario."""
    key = (id(scenario), mode, events)
    found = _SCORERS.get(key)
    if found is not None and found[0] is scenario:
        return found[1]
    if len(_SCORERS) >= _SCORER_CACHE_SIZE:
        _SCORERS.clear()
    scorer = Scorer(scenario, mode, events)
    _SCORERS[key] = (scenario, scorer)
    return scorer


def proposal_index(proposal_id: object) -> int:
    """Where proposal ``P<n>`` sits in ``GameState.proposals`` (−1 for a malformed id)."""
    if not isinstance(proposal_id, str) or not proposal_id.startswith("P"):
        return -1
    digits = proposal_id[1:]
    if not digits.isdigit() or not digits.isascii() or digits.startswith("0"):
        return -1
    return int(digits) - 1


@dataclass(frozen=True)
class GameState:
    scenario: Scenario = field(compare=False, repr=False)
    mode: str
    seed: int
    table: int
    created: float
    seats: Mapping[str, str]
    """Role id → ``human``, ``bot`` or ``none`` (out of play)."""
    version: int = 0
    """Number of accepted moves."""
    phase: str = "lobby"
    """``lobby`` (before start), ``running`` or ``ended``."""
    round_index: int = -1
    paused: bool = False
    deadline: float = 0.0
    """Server time the current round's time is up (meaningful while not paused)."""
    remaining: float = 0.0
    """Seconds left in the round while paused."""
    round_started: float = 0.0
    auto_advance: bool = False
    locked: tuple[str, ...] = ()
    played: tuple[PlayedEvent, ...] = ()
    disclosures: tuple[Disclosure, ...] = ()
    marks: tuple[Mark, ...] = ()
    proposals: tuple[Proposal, ...] = ()
    messages: tuple[Message, ...] = ()
    announcements: tuple[Announcement, ...] = ()
    ballots: tuple[Ballot, ...] = ()
    agreement: str | None = None
    """Id of the proposal a passed vote made the agreement."""
    signatures: Mapping[str, float] = field(default_factory=dict)
    """Role → time it signed, in signing order."""
    revealed: bool = False
    """Whether the reveal round has started (private data becomes public)."""

    # -- derived --------------------------------------------------------------
    @property
    def mode_def(self) -> Mode:
        return self.scenario.mode(self.mode)

    @cached_property
    def live_issues(self) -> tuple[str, ...]:
        return self.mode_def.issues

    @property
    def round(self) -> Round | None:
        if self.round_index < 0:
            return None
        return self.mode_def.rounds[self.round_index]

    @property
    def round_id(self) -> str | None:
        r = self.round
        return r.id if r else None

    @cached_property
    def events_played(self) -> tuple[str, ...]:
        return tuple(p.event for p in self.played)

    @cached_property
    def in_play(self) -> tuple[str, ...]:
        """Ids of the roles in play (seat not ``none``), in scenario order."""
        return tuple(r for r in self.scenario.role_ids if self.seats.get(r) != "none")

    @cached_property
    def quorum(self) -> int:
        return effective_quorum(self.scenario, len(self.in_play))

    @property
    def open_ballot(self) -> Ballot | None:
        if self.ballots and self.ballots[-1].open:
            return self.ballots[-1]
        return None

    @cached_property
    def scorer(self) -> Scorer:
        """The scorer for the events played so far (cached)."""
        return shared_scorer(self.scenario, self.mode, self.events_played)

    def score(self, live: Mapping[str, str]) -> PackageScore:
        """``scorer.score(live)`` for choices over the live issues, with a faster cache."""
        scorer = self.scorer
        cache = _LIVE.get(scorer)
        if cache is None:
            cache = _LIVE[scorer] = {}
        key = tuple(map(live.get, self.live_issues))
        found = cache.get(key)
        if found is None:
            found = cache[key] = scorer.score(live)
        return found

    def remaining_at(self, now: float) -> float:
        """Seconds left in the current round at ``now`` (0 outside a running round)."""
        if self.phase != "running":
            return 0.0
        if self.paused:
            return self.remaining
        return max(0.0, self.deadline - now)

    def proposal(self, proposal_id: object) -> Proposal:
        """The proposal with this id; ``IllegalMove("unknown_id")`` otherwise."""
        index = proposal_index(proposal_id)
        if 0 <= index < len(self.proposals):
            return self.proposals[index]
        raise IllegalMove("unknown_id", f"there is no proposal {proposal_id!r}")

    def full_package(self, proposal: Proposal) -> dict[str, str]:
        return self.scorer.complete(proposal.package)

    def rng(self) -> random.Random:
        """Randomness for the next move: seeded by the session seed and the version."""
        return random.Random(self.seed * 1_000_003 + self.version)

    # -- JSON ---------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "format": STATE_FORMAT,
            "scenario": self.scenario.meta.id,
            "mode": self.mode,
            "seed": self.seed,
            "table": self.table,
            "created": self.created,
            "seats": dict(self.seats),
            "version": self.version,
            "phase": self.phase,
            "round_index": self.round_index,
            "paused": self.paused,
            "deadline": self.deadline,
            "remaining": self.remaining,
            "round_started": self.round_started,
            "auto_advance": self.auto_advance,
            "locked": list(self.locked),
            "played": [p.to_json() for p in self.played],
            "disclosures": [d.to_json() for d in self.disclosures],
            "marks": [m.to_json() for m in self.marks],
            "proposals": [p.to_json() for p in self.proposals],
            "messages": [m.to_json() for m in self.messages],
            "announcements": [a.to_json() for a in self.announcements],
            "ballots": [b.to_json() for b in self.ballots],
            "agreement": self.agreement,
            "signatures": dict(self.signatures),
            "revealed": self.revealed,
        }

    @classmethod
    def from_json(cls, scenario: Scenario, obj: Mapping[str, Any]) -> GameState:
        """Rebuild a state from :meth:`to_json` output; ``ValueError`` when malformed."""
        try:
            if obj.get("format") != STATE_FORMAT:
                raise ValueError(f"unsupported state format {obj.get('format')!r}")
            if obj["scenario"] != scenario.meta.id:
                raise ValueError(f"state is of scenario {obj['scenario']!r}")
            return cls(
                scenario=scenario,
                mode=str(obj["mode"]),
                seed=int(obj["seed"]),
                table=int(obj["table"]),
                created=float(obj["created"]),
                seats={str(k): str(v) for k, v in obj["seats"].items()},
                version=int(obj["version"]),
                phase=str(obj["phase"]),
                round_index=int(obj["round_index"]),
                paused=bool(obj["paused"]),
                deadline=float(obj["deadline"]),
                remaining=float(obj["remaining"]),
                round_started=float(obj["round_started"]),
                auto_advance=bool(obj["auto_advance"]),
                locked=tuple(obj["locked"]),
                played=tuple(PlayedEvent.from_json(p) for p in obj["played"]),
                disclosures=tuple(Disclosure.from_json(d) for d in obj["disclosures"]),
                marks=tuple(Mark.from_json(m) for m in obj["marks"]),
                proposals=tuple(Proposal.from_json(p) for p in obj["proposals"]),
                messages=tuple(Message.from_json(m) for m in obj["messages"]),
                announcements=tuple(Announcement.from_json(a) for a in obj["announcements"]),
                ballots=tuple(Ballot.from_json(b) for b in obj["ballots"]),
                agreement=obj["agreement"],
                signatures={str(k): float(v) for k, v in obj["signatures"].items()},
                revealed=bool(obj["revealed"]),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"malformed state: {exc!r}") from None


def new_game(scenario: Scenario, mode: str, seed: int, now: float, table: int = 1) -> GameState:
    """A session in the lobby: every role seated ``human``, the clock not started."""
    if mode not in scenario.modes:
        raise ValueError(f"scenario {scenario.meta.id!r} has no mode {mode!r}")
    seats = {r.id: "human" for r in scenario.roles}
    return GameState(scenario=scenario, mode=mode, seed=seed, table=table, created=now, seats=seats)
