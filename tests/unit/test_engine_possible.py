"""The reveal's "what was possible": checked against a brute force with the Scorer."""

from __future__ import annotations

import itertools
from typing import Any

from test_engine_helpers import SAMEN, go, in_round, with_proposal

from game.engine import GameState, player_view, room_view
from game.scenario.model import Scenario
from game.scenario.scoring import Scorer, effective_quorum


def _brute_force(
    sc: Scenario, mode: str, events: tuple[str, ...], roles: list[str], here: dict[str, float]
) -> dict[str, Any]:
    """Every package of the mode, the vote by the book, the better ones and the best plan."""
    scorer = Scorer(sc, mode, events)
    live = [i for i in sc.issue_ids if i in sc.mode(mode).issues]
    res = scorer.reservations()
    quorum = effective_quorum(sc, len(roles))
    passing = []
    for combo in itertools.product(*(sc.issue(i).option_ids for i in live)):
        scored = scorer.score(dict(zip(live, combo, strict=True)))
        yes = [r for r in roles if scored.scores[r] >= res[r]]
        vetoed = any(sc.role(r).veto and r not in yes for r in roles)
        if scored.feasible and len(yes) >= quorum and not vetoed:
            passing.append(scored)
    joint = {id(p): sum(p.scores[r] for r in roles) for p in passing}
    better = [
        p
        for p in passing
        if all(p.scores[r] >= here[r] for r in roles) and any(p.scores[r] > here[r] for r in roles)
    ]
    pool = better or passing
    best = min(pool, key=lambda p: (p.metrics.openings_total, -joint[id(p)]))
    return {
        "max_joint": max(joint.values()),
        "better": len(better),
        "best_openings": best.metrics.openings_total,
        "best_scores": {r: best.scores[r] for r in roles},
        "status_quo": scorer.score(dict(sc.status_quo)).metrics.openings_total,
    }


def _agreed(mini: Scenario) -> GameState:
    state = with_proposal(mini)  # P1 by net: groen / samen
    state = go(state, "next_round", at=10.0)
    state = go(state, "call_vote", at=20.0, proposal="P1")
    for role in ("gemeente", "net", "winkels"):
        state = go(state, "vote", role, at=30.0, choice="yes")
    return state


def _check(view: dict[str, Any], sc: Scenario, mode: str) -> None:
    outcome, possible = view["reveal"]["outcome"], view["reveal"]["possible"]
    roles = outcome["roles"]
    expected = _brute_force(sc, mode, tuple(outcome["events"]), roles, outcome["scores"])
    assert possible["max_welfare"]["joint"] == round(expected["max_joint"], 6)
    assert possible["share"] == round(sum(outcome["scores"].values()) / expected["max_joint"], 4)
    assert possible["better_count"] == expected["better"]
    best = possible["best_plan"]
    assert best["openings_total"] == expected["best_openings"]
    assert best["openings_total"] == sum(best["openings"].values())
    assert best["scores"] == {r: round(v, 6) for r, v in expected["best_scores"].items()}
    assert best["basis"] == ("better" if expected["better"] else "passing")
    assert possible["status_quo_openings"]["openings_total"] == expected["status_quo"]


def test_possible_appears_only_after_the_reveal(mini: Scenario) -> None:
    state = _agreed(mini)
    assert player_view(state, "net", 0.0)["reveal"] is None
    state = go(state, "end", at=40.0)
    view = player_view(state, "net", 0.0)
    assert view["reveal"]["outcome"]["package"] == {**SAMEN, "kosten": "gedeeld"}
    _check(view, mini, "short")
    assert room_view(state, 0.0)["reveal"]["possible"] == view["reveal"]["possible"]


def test_possible_without_agreement_compares_reservations(mini: Scenario) -> None:
    state = go(in_round(mini, "ontwerpen", mode="full"), "play_event", event="subsidie")
    state = go(state, "end")
    view = room_view(state, 0.0)
    assert view["reveal"]["outcome"]["agreement"] is False
    _check(view, mini, "full")
    assert view["reveal"]["possible"]["better_count"] > 0


def test_possible_is_cached_for_later_states(mini: Scenario) -> None:
    state = _agreed(mini)
    while not state.revealed:
        state = go(state, "next_round", at=40.0)
    first = room_view(state, 0.0, shared=True)["reveal"]["possible"]
    later = go(state, "message", "net", text="Goed gedaan")
    assert room_view(later, 0.0, shared=True)["reveal"]["possible"] is first
