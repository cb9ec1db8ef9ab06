"""The playability figures a scenario author tunes against, for one mode.

``python -m game.analysis.scenario_figures SCENARIO --mode M`` prints them;
``docs/leeuwaerdenhout.md`` quotes them and ``tests/unit/test_leeuwaerdenhout_figures.py``
pins them as ranges. Every figure is computed from the agreement space
(:mod:`game.analysis.space`) with every role in play:

* ``passes``, ``unanimous`` and ``split``: passing packages, those every role
  votes for, and those that pass with fewer yes votes than roles in play;
* ``room``: per role, its best score in a passing package minus its reservation;
* ``after_event``: per event of the mode, the packages that pass once it is played;
  ``event_changes``: whether the event changes the passing set, a reservation
  value, or some role's score in a package that passed before it;
* ``issues``: per live issue its nature, the options that occur in passing
  packages, the passing count when the issue is fixed at each option (the
  choice *matters* when these differ), and the roles whose best passing
  package takes each option (the issue is *contested* when that differs).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import numpy as np

from game.analysis.agreements import analyze_agreements
from game.analysis.space import OutcomeSpace, build_space
from game.scenario.loader import load_scenario
from game.scenario.model import Scenario


def _issue_figures(space: OutcomeSpace, passes: np.ndarray[Any, Any]) -> dict[str, Any]:
    scenario = space.scenario
    choices = space.option_indices()
    passing = np.flatnonzero(passes)
    out: dict[str, Any] = {}
    for axis, (issue_id, options) in enumerate(zip(space.issue_ids, space.option_ids, strict=True)):
        column = choices[:, axis]
        per_option = {
            o: int(np.count_nonzero(passes & (column == k))) for k, o in enumerate(options)
        }
        favourite: dict[str, list[str]] = {}
        if len(passing):
            for j, role in enumerate(space.role_ids):
                best = passing[int(np.argmax(space.scores[j, passing]))]
                favourite.setdefault(options[int(column[best])], []).append(role)
        out[issue_id] = {
            "nature": scenario.issue(issue_id).nature,
            "passing_by_option": per_option,
            "options_passing": sum(1 for n in per_option.values() if n),
            "matters": len(set(per_option.values())) > 1,
            "favourite_of": favourite,
            "contested": len(favourite) > 1,
        }
    return out


def _events_figures(
    scenario: Scenario, mode: str, base: OutcomeSpace, base_passes: np.ndarray[Any, Any]
) -> tuple[dict[str, int], dict[str, bool]]:
    listed = scenario.mode(mode).events or tuple(e.id for e in scenario.events)
    after: dict[str, int] = {}
    changes: dict[str, bool] = {}
    for event_id in listed:
        space = build_space(scenario, mode, [event_id])
        passes = analyze_agreements(space, pareto=False).passes
        after[event_id] = int(np.count_nonzero(passes))
        changes[event_id] = bool(
            not np.array_equal(passes, base_passes)
            or not np.allclose(space.scores[:, base_passes], base.scores[:, base_passes])
            or not np.allclose(space.reservation, base.reservation)
        )
    return after, changes


def mode_figures(scenario: Scenario, mode: str, events: bool = True) -> dict[str, Any]:
    """The figures of ``mode`` with every role in play (see the module docstring)."""
    space = build_space(scenario, mode)
    result = analyze_agreements(space, pareto=False)
    passes = result.passes
    n_roles = len(result.role_ids)
    split = int(np.count_nonzero(passes & (result.votes.yes_count < n_roles)))
    figures: dict[str, Any] = {
        "mode": mode,
        "packages": space.size,
        "passes": int(np.count_nonzero(passes)),
        "unanimous": int(np.count_nonzero(result.unanimous)),
        "split": split,
        "quorum": result.votes.quorum,
        "roles_in_play": n_roles,
        "room": {r.role: None if r.room is None else round(r.room, 2) for r in result.room},
        "issues": _issue_figures(space, passes),
    }
    if events:
        after, changes = _events_figures(scenario, mode, space, passes)
        figures["after_event"] = after
        figures["event_changes"] = changes
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario")
    parser.add_argument("--mode", required=True)
    args = parser.parse_args(argv)
    figures = mode_figures(load_scenario(args.scenario), args.mode)
    json.dump(figures, sys.stdout, indent=1, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
