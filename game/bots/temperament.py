"""How a bot concedes and how much it tells: its temperament.

The target value follows the classic time-dependent tactics of negotiation
agents (Faratin, Sierra & Jennings 1998)::

    target(t) = reservation + (best - reservation) * (1 - t ** (1 / e))

where ``t`` is the share of the session's negotiating time that has passed
(0..1). ``e < 1`` is *Boulware*: it holds out and concedes late; ``e = 1``
concedes linearly; ``e > 1`` is a *conceder* that gives way early. A small
``floor`` keeps a bot a little above its reservation value until the last
ballot, where every bot accepts anything that clears its reservation.

``openness`` (0..1) is how much of its interests a bot discloses over the
session: the share of live issues (plus its reservation value) it publishes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

NAMES = ("boulware", "linear", "conceder")
"""The temperaments, toughest first."""


@dataclass(frozen=True)
class Temperament:
    name: str
    exponent: float
    """``e`` in the formula above."""
    openness: float = 0.5
    """0..1: the share of its interests a bot discloses over the session."""
    floor: float = 2.0
    """Points above the reservation value the target never falls below (before the last ballot)."""

    def target(self, best: float, reservation: float, t: float) -> float:
        """The value the bot aims for at time share ``t``."""
        t = min(1.0, max(0.0, t))
        top = max(best, reservation)
        concession = float(t ** (1.0 / self.exponent))
        low = min(top, reservation + self.floor)
        return max(low, reservation + (top - reservation) * (1.0 - concession))

    def with_openness(self, openness: float) -> Temperament:
        return replace(self, openness=min(1.0, max(0.0, openness)))


BOULWARE = Temperament("boulware", 0.25)
LINEAR = Temperament("linear", 1.0)
CONCEDER = Temperament("conceder", 3.0)

PRESETS: dict[str, Temperament] = {t.name: t for t in (BOULWARE, LINEAR, CONCEDER)}


def temperament(name: str, openness: float = 0.5) -> Temperament:
    """A named temperament with the given openness; ``KeyError`` for an unknown name."""
    return PRESETS[name].with_openness(openness)


def draw(rng: random.Random, choice: str = "mix") -> Temperament:
    """A temperament for one bot: ``mix`` draws one of the three, with a random openness."""
    name = rng.choice(NAMES) if choice == "mix" else choice
    return temperament(name, round(rng.random(), 2))
