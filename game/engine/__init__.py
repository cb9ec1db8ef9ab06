"""The game engine: the rules of GAME_DESIGN.md as pure, replayable code.

See ``docs/engine.md`` for the state, the moves and the views.
"""

from game.engine.apply import apply, replay
from game.engine.moves import (
    CLOCK,
    FACILITATOR,
    FACILITATOR_MOVES,
    ILLEGAL_CODES,
    IllegalMove,
    Move,
)
from game.engine.outcome import outcome
from game.engine.state import GameState, new_game
from game.engine.views import facilitator_view, player_view, room_view

__all__ = [
    "CLOCK",
    "FACILITATOR",
    "FACILITATOR_MOVES",
    "ILLEGAL_CODES",
    "GameState",
    "IllegalMove",
    "Move",
    "apply",
    "facilitator_view",
    "new_game",
    "outcome",
    "player_view",
    "replay",
    "room_view",
]
