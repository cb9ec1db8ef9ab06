"""Reading and checking a move's arguments; every failure is an ``IllegalMove``."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from game.engine.moves import MAX_TEXT, IllegalMove
from game.engine.state import GameState


def text(data: Mapping[str, Any], key: str, *, required: bool = True) -> str:
    """A text argument: a string of at most ``MAX_TEXT`` characters (non-empty if required)."""
    value = data.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise IllegalMove("bad_args", f"{key!r} must be a text, not {value!r}")
    value = value.strip()
    if required and not value:
        raise IllegalMove("bad_args", f"{key!r} must not be empty")
    if len(value) > MAX_TEXT:
        raise IllegalMove("bad_args", f"{key!r} is {len(value)} characters; at most {MAX_TEXT}")
    return value


def string(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise IllegalMove("bad_args", f"{key!r} must be a non-empty string, not {value!r}")
    return value


def choice(data: Mapping[str, Any], key: str, allowed: tuple[str, ...]) -> str:
    value = data.get(key)
    if value not in allowed:
        raise IllegalMove("bad_args", f"{key!r} must be one of {', '.join(allowed)}, not {value!r}")
    assert isinstance(value, str)
    return value


def flag(data: Mapping[str, Any], key: str, default: bool | None = None) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise IllegalMove("bad_args", f"{key!r} must be true or false, not {value!r}")
    return value


def number(data: Mapping[str, Any], key: str) -> float:
    """A finite number (not a bool, NaN or infinity)."""
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise IllegalMove("bad_args", f"{key!r} must be a number, not {value!r}")
    return float(value)


def role(state: GameState, data: Mapping[str, Any], key: str = "role") -> str:
    value = data.get(key)
    if value not in state.scenario.role_ids:
        raise IllegalMove("unknown_id", f"there is no role {value!r}")
    assert isinstance(value, str)
    return value


def choices(state: GameState, value: object, key: str, *, complete: bool) -> dict[str, str]:
    """Check ``{issue: option}`` over the live issues; ``complete`` requires all of them."""
    if not isinstance(value, Mapping) or not value:
        raise IllegalMove("bad_args", f"{key!r} must be a non-empty object of issue: option")
    live = state.mode_def.issues
    out: dict[str, str] = {}
    for issue_id, option_id in value.items():
        if issue_id not in state.scenario.issue_ids:
            raise IllegalMove("unknown_id", f"there is no issue {issue_id!r}")
        if issue_id not in live:
            raise IllegalMove("bad_args", f"issue {issue_id!r} is preset in this mode")
        if option_id not in state.scenario.issue(issue_id).option_ids:
            raise IllegalMove("unknown_id", f"issue {issue_id!r} has no option {option_id!r}")
        out[issue_id] = option_id
    if complete:
        missing = [i for i in live if i not in out]
        if missing:
            raise IllegalMove("bad_args", f"the package misses issue {missing[0]!r}")
        out = {i: out[i] for i in live}
    return out


def feasible(state: GameState, package: Mapping[str, str]) -> None:
    """Raise ``infeasible`` when an event forbade one of the package's options."""
    forbidden = state.scorer.adj.forbidden
    for issue_id, option_id in package.items():
        if (issue_id, option_id) in forbidden:
            raise IllegalMove(
                "infeasible", f"option {option_id!r} of issue {issue_id!r} is no longer feasible"
            )
