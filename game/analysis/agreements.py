"""What agreements were possible: frontier, bargaining solutions, room, missed gains.

All figures are over the roles in play (all roles unless told otherwise) and
use the vote of :mod:`game.analysis.votes`:

* the Pareto frontier of the *passing* packages;
* the max joint value: the passing package with the largest sum of scores;
* the Nash bargaining package: among the unanimous packages (every role in play
  at or above its reservation value, so every gain is ≥ 0) the one with the
  largest product of gains over the reservation values;
* the Kalai–Smorodinsky package: among the unanimous packages the one with the
  largest smallest share of each role's best possible gain there (roles whose
  best gain is 0 are left out of the minimum);
* when no package is unanimous there is no Nash or Kalai–Smorodinsky package
  (``None``): some role prefers no deal to every package, so the bargaining
  problem has no solution that all can accept.

Ties are broken by the larger joint value, then the lower package index.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from game.analysis.pareto import pareto_indices
from game.analysis.space import BoolArray, FloatArray, IndexArray, OutcomeSpace
from game.analysis.votes import Votes, count_votes


@dataclass(frozen=True)
class Room:
    role: str
    best: float | None
    """The best score the role gets in a passing package (``None``: nothing passes)."""
    reservation: float

    @property
    def room(self) -> float | None:
        """How far the best passing package lies above the reservation value."""
        return None if self.best is None else self.best - self.reservation


@dataclass(frozen=True, eq=False)
class Agreements:
    space: OutcomeSpace
    votes: Votes
    role_ids: tuple[str, ...]
    """The roles in play."""
    pareto: IndexArray
    """Package indices (ascending) of the Pareto frontier of the passing packages."""
    max_welfare: int | None
    nash: int | None
    kalai: int | None
    room: tuple[Room, ...]

    @property
    def passes(self) -> BoolArray:
        return self.votes.passes

    @property
    def unanimous(self) -> BoolArray:
        return self.votes.unanimous

    @property
    def values(self) -> FloatArray:
        """Roles in play × packages: the scores that count here."""
        return self.space.scores[self.votes.roles]

    def welfare(self, index: int) -> float:
        return float(self.values[:, index].sum())

    def scores(self, index: int) -> dict[str, float]:
        return {r: float(v) for r, v in zip(self.role_ids, self.values[:, index], strict=True)}


def _best(candidates: IndexArray, objective: FloatArray, welfare: FloatArray) -> int | None:
    """The candidate with the largest objective, then welfare, then the lowest index.

    ``candidates`` ascending; ``objective`` and ``welfare`` aligned with them.
    """
    if len(candidates) == 0:
        return None
    top = objective == objective.max()
    return int(candidates[int(np.argmax(np.where(top, welfare, -np.inf)))])


def nash_product(gains: FloatArray) -> FloatArray:
    """Per package (column) the product of the gains (rows: roles)."""
    out = np.ones(gains.shape[1])
    for row in gains:
        out *= row
    return out


def kalai_share(gains: FloatArray) -> FloatArray:
    """Per package the smallest share of a role's best gain among these packages."""
    ideal = gains.max(axis=1) if gains.shape[1] else np.zeros(len(gains))
    share = np.full(gains.shape[1], np.inf)
    for row, best in zip(gains, ideal, strict=True):
        if best > 0:
            share = np.minimum(share, row / best)
    return share


def analyze_agreements(
    space: OutcomeSpace, in_play: Iterable[str] | None = None, pareto: bool = True
) -> Agreements:
    """The frontier (unless ``pareto`` is false), bargaining packages and room of ``space``."""
    votes = count_votes(space, in_play)
    values = space.scores[votes.roles]
    reservation = space.reservation[votes.roles]
    welfare = values.sum(axis=0) if len(values) else np.zeros(space.size)
    passing = np.flatnonzero(votes.passes)
    agreeing = np.flatnonzero(votes.unanimous)

    front = np.empty(0, dtype=np.intp)
    if pareto and len(passing):
        front = passing[pareto_indices(values[:, passing].T)]

    max_welfare = _best(passing, welfare[passing], welfare[passing])
    gains = values[:, agreeing] - reservation[:, None]
    nash = _best(agreeing, nash_product(gains), welfare[agreeing])
    kalai = _best(agreeing, kalai_share(gains), welfare[agreeing])

    room = []
    for k, j in enumerate(votes.roles):
        best = float(values[k, passing].max()) if len(passing) else None
        room.append(Room(space.role_ids[int(j)], best, float(reservation[k])))
    return Agreements(
        space=space,
        votes=votes,
        role_ids=tuple(space.role_ids[int(j)] for j in votes.roles),
        pareto=front,
        max_welfare=max_welfare,
        nash=nash,
        kalai=kalai,
        room=tuple(room),
    )


@dataclass(frozen=True, eq=False)
class LeftOnTable:
    better: IndexArray
    """Passing packages at least as good for every role in play and better for one."""
    fewest_openings: int | None
    """Among ``better``: the plan with the fewest street openings (then joint value)."""


def improvements(result: Agreements, scores: FloatArray) -> LeftOnTable:
    """The passing packages at least as good as ``scores`` (one per role in play) for every
    role in play and better for one; and the one among them with the fewest openings."""
    values = result.values
    ok = result.passes.copy()
    strictly = np.zeros(result.space.size, dtype=bool)
    for row, v in zip(values, scores, strict=True):
        ok &= row >= v
        strictly |= row > v
    better = np.flatnonzero(ok & strictly)
    fewest = None
    if len(better):
        openings: NDArray[np.float64] = result.space.openings_total[better].astype(np.float64)
        fewest = _best(better, -openings, values[:, better].sum(axis=0))
    return LeftOnTable(better, fewest)


def left_on_table(result: Agreements, package: int) -> LeftOnTable:
    """What the table left on the table by settling on ``package`` (see :func:`improvements`)."""
    return improvements(result, result.values[:, package])


def vetoes_that_matter(space: OutcomeSpace, in_play: Iterable[str] | None = None) -> list[str]:
    """Veto roles in play whose veto changes the passing set (it blocks some package)."""
    roles = None if in_play is None else list(in_play)
    base = count_votes(space, roles).passes
    out = []
    for j in count_votes(space, roles).roles:
        role = space.scenario.roles[int(j)]
        if role.veto and not np.array_equal(count_votes(space, roles, [role.id]).passes, base):
            out.append(role.id)
    return out
