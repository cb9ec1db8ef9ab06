"""The typed, immutable scenario model.

A :class:`Scenario` is everything one YAML file (plus its role briefings)
defines. The loader (:mod:`game.scenario.loader`) builds it after validation;
nothing else constructs one except tests. All classes are frozen; mappings are
read-only by convention (typed as ``Mapping``) and never mutated after load.

Units: money in millions of euro (M€), time in months from the start of the
plan, points on the scale ``POINTS_MIN``..``POINTS_MAX``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

POINTS_MIN = -100.0
POINTS_MAX = 100.0

IssueKind = Literal["design", "plan"]
IssueNature = Literal["integrative", "distributive", "compatible"]
Phasing = Literal["separate", "combined", "sequenced"]
SegmentKind = Literal["shopping", "residential", "square", "park", "main", "other"]
ModeName = Literal["full", "short"]

ISSUE_KINDS: tuple[str, ...] = ("design", "plan")
ISSUE_NATURES: tuple[str, ...] = ("integrative", "distributive", "compatible")
PHASINGS: tuple[str, ...] = ("separate", "combined", "sequenced")
SEGMENT_KINDS: tuple[str, ...] = ("shopping", "residential", "square", "park", "main", "other")
MODES: tuple[str, ...] = ("full", "short")

#: Participant moves a round can allow.
PARTICIPANT_MOVES: tuple[str, ...] = (
    "disclose",
    "mark",
    "propose",
    "amend",
    "withdraw",
    "support",
    "object",
    "comment",
    "message",
    "private_message",
    "vote",
    "sign",
)

#: Metrics a role's metric term can weigh. See :mod:`game.scenario.metrics`.
METRICS: tuple[str, ...] = (
    "openings",  # trenches opened (optionally only in some segments)
    "nuisance",  # months a street is open, access-weighted (optionally per segment)
    "cost",  # total cost in M€ (optionally only works of one owner)
    "saved",  # civil cost saved by sharing trenches, M€
    "missed",  # works finished after their deadline (optionally per owner or work)
    "conflicts",  # underground conflicts that occur (optionally per segment)
    "duration",  # month the last work finishes
)

#: Kinds of event effects. See :mod:`game.scenario.scoring`.
EFFECT_TYPES: tuple[str, ...] = (
    "points",  # change one role's points for one option
    "reservation",  # change one role's reservation value
    "rule",  # add an interaction rule to one or more roles
    "delay",  # a work cannot start before N months later
    "deadline",  # move a work's deadline by N months
    "cost",  # change an option's cost
    "forbid",  # an option becomes infeasible
)

#: A condition on a package: for each named issue, the option must be one of
#: the listed ones (all named issues must match). Empty means "always".
Condition = Mapping[str, tuple[str, ...]]

#: A package: one option id per issue id.
Package = Mapping[str, str]


@dataclass(frozen=True)
class Meta:
    id: str
    title: str
    language: str = "nl"
    version: str = "1"
    authors: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Settings:
    """Parameters of the execution-plan model."""

    combine_saving: float = 0.3
    """Share of civil cost (trench, repaving) saved when works share a trench."""
    combine_overhead: float = 0.3
    """A shared trench lasts max(months) + overhead × (sum − max)."""
    access_factor: float = 0.5
    """Nuisance weight of a shopping street opened segment by segment."""
    horizon: int = 60
    """Months the plan looks ahead."""


@dataclass(frozen=True)
class Segment:
    id: str
    name: str
    kind: str
    start: tuple[int, int]
    end: tuple[int, int]
    note: str = ""


@dataclass(frozen=True)
class Option:
    id: str
    title: str
    text: str = ""
    cost: float = 0.0
    phasing: str | None = None
    """For plan options: how works are combined (see ``PHASINGS``)."""
    delays: Mapping[str, int] = field(default_factory=dict)
    """Work id → months its start moves later under this option."""


@dataclass(frozen=True)
class Issue:
    id: str
    title: str
    kind: str
    options: tuple[Option, ...]
    question: str = ""
    nature: str | None = None

    def option(self, option_id: str) -> Option:
        for opt in self.options:
            if opt.id == option_id:
                return opt
        raise KeyError(f"issue {self.id!r} has no option {option_id!r}")

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)


@dataclass(frozen=True)
class Rule:
    """An interaction rule: bonus or penalty when a condition holds."""

    when: Condition
    points: float
    note: str = ""


@dataclass(frozen=True)
class MetricTerm:
    """``weight × metric`` added to a role's score."""

    metric: str
    weight: float
    segments: tuple[str, ...] = ()
    owner: str | None = None
    works: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Scoring:
    points: Mapping[str, Mapping[str, float]]
    """Issue id → option id → points. Missing options score 0."""
    rules: tuple[Rule, ...] = ()
    metrics: tuple[MetricTerm, ...] = ()


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    organisation: str
    public: str
    briefing: str
    """Path of the Markdown briefing as written in the scenario."""
    briefing_text: str
    """The briefing's contents (private to the role until the reveal)."""
    reservation: float
    """The reservation value (the one no-deal value) in every mode without its own."""
    scoring: Scoring
    core: bool = True
    veto: bool = False
    short_name: str = ""
    reservations: Mapping[str, float] = field(default_factory=dict)
    """Mode name → reservation value in that mode, where the scenario sets one per mode."""

    @property
    def label(self) -> str:
        return self.short_name or self.name

    def reservation_for(self, mode: str) -> float:
        """The reservation value (the role's one no-deal value) in ``mode``."""
        return self.reservations.get(mode, self.reservation)


@dataclass(frozen=True)
class Work:
    id: str
    owner: str
    title: str
    segments: tuple[str, ...]
    months: int
    """Duration in each segment."""
    start: int = 0
    """Earliest start month."""
    deadline: int | None = None
    """Month by which it must be finished."""
    cost: float = 0.0
    """Owner's own cost (pipes, cables), M€."""
    civil_cost: float = 0.0
    """Trench and repaving cost per segment, M€; shared trenches save part of it."""
    after: tuple[str, ...] = ()
    """Works that must be finished (in the same segment) before this starts."""
    when: Condition | None = None
    """The work exists only when this condition holds."""


@dataclass(frozen=True)
class Conflict:
    """An underground conflict: occurs when the condition holds and all named works exist."""

    id: str
    segment: str
    text: str
    when: Condition = field(default_factory=dict)
    works: tuple[str, ...] = ()


@dataclass(frozen=True)
class Effect:
    type: str
    role: str | None = None
    roles: tuple[str, ...] = ()
    issue: str | None = None
    option: str | None = None
    work: str | None = None
    delta: float = 0.0
    months: int = 0
    rule: Rule | None = None


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    text: str
    effects: tuple[Effect, ...] = ()
    advice: str = ""
    """For the facilitator's run sheet: when to play it and what it tests."""


@dataclass(frozen=True)
class Round:
    id: str
    title: str
    minutes: float
    instructions: str
    moves: tuple[str, ...] = ()
    reveal: bool = False
    events: bool = True
    """Whether the facilitator may play events in this round."""


@dataclass(frozen=True)
class Mode:
    name: str
    rounds: tuple[Round, ...]
    issues: tuple[str, ...]
    """Live issue ids in this mode, in scenario order."""
    presets: Mapping[str, str] = field(default_factory=dict)
    """Issue id → option id for issues that are not live."""
    events: tuple[str, ...] = ()
    """Event ids available in this mode (all events when the file lists none)."""

    @property
    def minutes(self) -> float:
        return sum(r.minutes for r in self.rounds)

    def round(self, round_id: str) -> Round:
        for r in self.rounds:
            if r.id == round_id:
                return r
        raise KeyError(round_id)


@dataclass(frozen=True)
class Agreement:
    quorum: int
    """Yes votes needed when every role plays; scaled to the roles in play."""
    signatures: bool = True
    """Whether the passed plan is signed in the decision round."""


@dataclass(frozen=True)
class Lesson:
    title: str
    text: str
    value: str | None = None
    questions: tuple[str, ...] = ()
    """Debrief questions the facilitator can ask about this lesson."""


@dataclass(frozen=True)
class Scenario:
    meta: Meta
    press_release: str
    area_name: str
    segments: tuple[Segment, ...]
    roles: tuple[Role, ...]
    issues: tuple[Issue, ...]
    works: tuple[Work, ...]
    conflicts: tuple[Conflict, ...]
    modes: Mapping[str, Mode]
    events: tuple[Event, ...]
    agreement: Agreement
    status_quo: Package
    lessons: tuple[Lesson, ...] = ()
    settings: Settings = field(default_factory=Settings)
    source: str = ""
    """Path of the file it was loaded from."""

    # -- lookups -------------------------------------------------------------
    def role(self, role_id: str) -> Role:
        found = self._roles_by_id.get(role_id)
        if found is None:
            raise KeyError(f"no role {role_id!r}")
        return found

    @cached_property
    def _roles_by_id(self) -> dict[str, Role]:
        """The roles by id, the first of each id (as a scan finds it); made once."""
        found: dict[str, Role] = {}
        for r in self.roles:
            found.setdefault(r.id, r)
        return found

    def issue(self, issue_id: str) -> Issue:
        for i in self.issues:
            if i.id == issue_id:
                return i
        raise KeyError(f"no issue {issue_id!r}")

    def work(self, work_id: str) -> Work:
        for w in self.works:
            if w.id == work_id:
                return w
        raise KeyError(f"no work {work_id!r}")

    def event(self, event_id: str) -> Event:
        for e in self.events:
            if e.id == event_id:
                return e
        raise KeyError(f"no event {event_id!r}")

    def segment(self, segment_id: str) -> Segment:
        for s in self.segments:
            if s.id == segment_id:
                return s
        raise KeyError(f"no segment {segment_id!r}")

    def mode(self, name: str) -> Mode:
        try:
            return self.modes[name]
        except KeyError:
            raise KeyError(f"no mode {name!r}") from None

    @cached_property
    def role_ids(self) -> tuple[str, ...]:
        """The roles' ids in order (made once: a frozen scenario never changes)."""
        return tuple(r.id for r in self.roles)

    @property
    def issue_ids(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.issues)

    @property
    def veto_roles(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.roles if r.veto)

    def full_package(self, mode: str, live: Package) -> dict[str, str]:
        """Complete ``live`` choices with the mode's presets, in issue order."""
        m = self.mode(mode)
        merged = {**m.presets, **live}
        return {i.id: merged[i.id] for i in self.issues if i.id in merged}


def matches(condition: Condition | None, package: Package) -> bool:
    """Whether ``package`` satisfies ``condition`` (``None`` or empty: always)."""
    if not condition:
        return True
    return all(package.get(issue) in options for issue, options in condition.items())
