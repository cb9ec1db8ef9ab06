"""Is a mode playable? Counts of passing and unanimous packages and who has no room.

Used by the scenario validator: a mode where no package passes, or where a core
role cannot reach its reservation value in any passing package, is a badly
balanced scenario; a role that is not core and has no room is worth a warning.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from game.analysis.space import build_space
from game.analysis.votes import count_votes
from game.scenario.model import Scenario


@dataclass(frozen=True)
class Playability:
    mode: str
    packages: int
    """Packages of the mode's live issues."""
    feasible: int
    """Packages no event made infeasible."""
    passes: int
    """Packages that pass when every role votes yes exactly at its reservation value."""
    unanimous: int
    """Packages every role reaches its reservation value in."""
    no_room: tuple[str, ...]
    """Core roles for which no passing package reaches their reservation value."""
    room: Mapping[str, float | None] = field(default_factory=dict)
    """Every role: its best score in a passing package minus its reservation (None: no pass)."""

    @property
    def optional_no_room(self) -> tuple[str, ...]:
        """Roles that are not core and reach their reservation value in no passing package."""
        return tuple(
            r
            for r, room in self.room.items()
            if r not in self.no_room and (room is None or room < 0)
        )

    @property
    def has_deal(self) -> bool:
        return self.passes > 0


def playability(scenario: Scenario, mode: str, events: Sequence[str] = ()) -> Playability:
    """Count passing and unanimous packages of ``mode`` after ``events`` (all roles in play).

    Raises ``KeyError`` for an unknown mode or event and
    :class:`~game.analysis.space.SpaceTooLarge` for a huge mode.
    """
    space = build_space(scenario, mode, events)
    votes = count_votes(space)
    no_room = []
    room: dict[str, float | None] = {}
    for j, role in enumerate(scenario.roles):
        passing = space.scores[j][votes.passes]
        room[role.id] = float(passing.max() - space.reservation[j]) if passing.size else None
        if not role.core:
            continue
        reached = passing >= space.reservation[j]
        if not bool(np.any(reached)):
            no_room.append(role.id)
    return Playability(
        mode=mode,
        packages=space.size,
        feasible=int(np.count_nonzero(space.feasible)),
        passes=int(np.count_nonzero(votes.passes)),
        unanimous=int(np.count_nonzero(votes.unanimous)),
        no_room=tuple(no_room),
        room=room,
    )
