"""Which packages would pass the vote if every role voted its interest.

A role in play votes yes exactly when the package reaches its reservation
value. A package *passes* when it is feasible, the yes votes reach
:func:`game.scenario.scoring.effective_quorum` for the number of roles in play,
and no veto role in play votes no. It is *unanimous* when it is feasible and
every role in play votes yes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from game.analysis.space import OutcomeSpace
from game.scenario.scoring import effective_quorum


@dataclass(frozen=True, eq=False)
class Votes:
    roles: NDArray[np.intp]
    """Indices (into the space's roles) of the roles in play."""
    quorum: int
    yes_count: NDArray[np.int64]
    """Per package, the yes votes of the roles in play."""
    passes: NDArray[np.bool_]
    unanimous: NDArray[np.bool_]


def in_play_indices(space: OutcomeSpace, in_play: Iterable[str] | None) -> NDArray[np.intp]:
    """Indices of the roles in play (all when ``in_play`` is ``None``), in scenario order.

    Raises ``KeyError`` for an unknown role id.
    """
    if in_play is None:
        return np.arange(len(space.role_ids), dtype=np.intp)
    wanted = set(in_play)
    unknown = wanted - set(space.role_ids)
    if unknown:
        raise KeyError(f"unknown role(s): {', '.join(sorted(unknown))}")
    return np.array([j for j, r in enumerate(space.role_ids) if r in wanted], dtype=np.intp)


def count_votes(
    space: OutcomeSpace,
    in_play: Iterable[str] | None = None,
    ignore_veto: Iterable[str] = (),
) -> Votes:
    """Count the votes of the roles in play on every package.

    ``ignore_veto`` lists roles whose veto is disregarded (to see whether a veto matters).
    """
    roles = in_play_indices(space, in_play)
    quorum = effective_quorum(space.scenario, len(roles))
    yes_count = np.zeros(space.size, dtype=np.int64)
    veto_ok = space.feasible.copy()
    all_yes = space.feasible.copy()
    skip = set(ignore_veto)
    for j in roles:
        yes = space.scores[j] >= space.reservation[j]
        yes_count += yes
        all_yes &= yes
        role = space.scenario.roles[int(j)]
        if role.veto and role.id not in skip:
            veto_ok &= yes
    passes = veto_ok & (yes_count >= quorum)
    return Votes(roles, quorum, yes_count, passes, all_yes)
