"""What a package would do, seen by one role: its own value and the public metrics.

The proposal builder asks this for every choice the player tries. It uses
only what the role may know: its own score and reservation value (after the
events played) and the package's public plan metrics. Other roles' scores
never appear.

Example::

    >>> from game.scenario.loader import load_scenario
    >>> from game.engine.state import new_game
    >>> sc = load_scenario("tests/fixtures/mini/mini.yaml")
    >>> state = new_game(sc, "short", seed=1, now=0.0)
    >>> p = preview(state, "net", {"ontwerp": "kaal", "fasering": "los"}, now=0.0)
    >>> p["value"] >= p["reservation"], p["clears"]
    (True, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from game.engine.moves import IllegalMove
from game.engine.state import GameState


def check_package(state: GameState, live: Mapping[str, Any]) -> dict[str, str]:
    """The live choices as ``{issue: option}``; ``IllegalMove`` when incomplete or unknown."""
    if not isinstance(live, Mapping):
        raise IllegalMove("bad_args", "a package must be an object")
    issues = state.mode_def.issues
    package: dict[str, str] = {}
    for issue_id in issues:
        option = live.get(issue_id)
        if not isinstance(option, str):
            raise IllegalMove("bad_args", f"the package has no option for issue {issue_id!r}")
        if option not in state.scenario.issue(issue_id).option_ids:
            raise IllegalMove("unknown_id", f"issue {issue_id!r} has no option {option!r}")
        package[issue_id] = option
    extra = sorted(set(live) - set(issues))
    if extra:
        raise IllegalMove("unknown_id", f"not a live issue: {extra[0]!r}")
    return package


def preview(state: GameState, role: str, live: Mapping[str, Any], now: float) -> dict[str, Any]:
    """``role``'s view of the package ``live`` at ``now`` (a JSON-serialisable dict).

    Keys: ``role``, ``package`` (live choices), ``value`` (the role's score),
    ``reservation``, ``clears`` (value ≥ reservation), ``feasible``,
    ``infeasible`` (``[issue, option]`` pairs an event forbade), ``metrics``
    (:meth:`Metrics.to_json`), ``conflicts`` (the underground conflicts that
    occur, with segment and text) and ``events`` (the events counted).
    """
    if role not in state.scenario.role_ids:
        raise IllegalMove("unknown_id", f"there is no role {role!r}")
    package = check_package(state, live)
    scorer = state.scorer
    score = scorer.score(package)
    value = round(score.scores[role], 2)
    reservation = round(scorer.reservation(role), 2)
    conflicts = [
        {"id": c.id, "segment": c.segment, "text": c.text}
        for c in state.scenario.conflicts
        if c.id in score.metrics.conflicts
    ]
    return {
        "role": role,
        "package": package,
        "value": value,
        "reservation": reservation,
        "clears": value >= reservation,
        "feasible": score.feasible,
        "infeasible": [list(pair) for pair in score.infeasible],
        "metrics": score.metrics.to_json(),
        "conflicts": conflicts,
        "events": list(state.events_played),
        "at": now,
    }
