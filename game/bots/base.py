"""The protocol every bot follows.

A bot plays one role. It is given that role's player view (the dict from
``game.engine.player_view``) and a seeded ``random.Random``, and returns the
moves it wants to make now as ``{"type": ..., "data": {...}}`` dicts (the
caller adds the actor and applies them; illegal ones are simply rejected).
A bot must never look at anything but the view it is given.
"""

from __future__ import annotations

import random
from typing import Any, Protocol

MoveDict = dict[str, Any]


class Bot(Protocol):
    role: str

    def decide(self, view: dict[str, Any], rng: random.Random) -> list[MoveDict]:
        """The moves to make now, given the role's player view."""
        ...
