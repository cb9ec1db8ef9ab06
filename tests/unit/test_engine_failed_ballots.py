"""The reveal says why each failed ballot failed (``reveal["failed"]``): who voted no,
what the proposal was worth to them against their reservation value then, and what
in their hidden interests it cost them most. Before the reveal no view holds it."""

from __future__ import annotations

import json

from test_engine_helpers import LOS, go, in_round, with_proposal

from game.engine import GameState
from game.engine.views import facilitator_view, player_view, room_view
from game.scenario.model import Scenario

FULL = {**LOS, "kosten": "gedeeld"}


def _vetoed(mini: Scenario) -> GameState:
    """P1 (LOS, by net) vetoed by the alderman; then P1 again, short of the quorum."""
    state = go(with_proposal(mini, LOS), "next_round", at=10.0)
    state = go(state, "call_vote", at=20.0, proposal="P1")
    for role, choice in (("gemeente", "no"), ("net", "yes"), ("winkels", "no")):
        state = go(state, "vote", role, at=30.0, choice=choice)
    state = go(state, "call_vote", at=40.0, proposal="P1")
    for role, choice in (("gemeente", "yes"), ("net", "no"), ("winkels", "abstain")):
        state = go(state, "vote", role, at=50.0, choice=choice)
    return state


def test_no_view_says_why_before_the_reveal(mini: Scenario) -> None:
    state = _vetoed(mini)
    assert [b.reason for b in state.ballots] == ["veto:gemeente", "quorum"]
    views = [player_view(state, r, 60.0) for r in ("net", "winkels", "gemeente")]
    views += [room_view(state, 60.0), facilitator_view(state, 60.0, private=False)]
    for view in views:
        assert view["reveal"] is None
        text = json.dumps(view)
        assert '"heaviest"' not in text and '"against"' not in text and '"failed"' not in text


def test_the_reveal_says_who_voted_no_and_what_it_cost_them(mini: Scenario) -> None:
    state = go(_vetoed(mini), "end", at=60.0)
    veto, quorum = room_view(state, 61.0)["reveal"]["failed"]
    assert (veto["proposal"], veto["reason"], veto["no"]) == (
        "P1",
        "veto:gemeente",
        ["gemeente", "winkels"],
    )
    alderman = veto["against"]["gemeente"]
    assert (alderman["score"], alderman["reservation"]) == (16.0, 40.0)
    # mini.yaml: fasering los is 0 of the alderman's 40, parkeren 20 of its 50
    assert [(i["issue"], i["option"], i["points"], i["best"]) for i in alderman["heaviest"]] == [
        ("fasering", "los", 0.0, 40.0),
        ("ontwerp", "parkeren", 20.0, 50.0),
    ]
    # the shops' own street: months of nuisance in the Dorpsstraat
    shops = veto["against"]["winkels"]["heaviest"]
    assert shops[1]["type"] == "metric" and shops[1]["segments"] == ["dorpsstraat"]
    assert shops[1]["points"] < 0
    assert (quorum["reason"], quorum["yes"], quorum["quorum"], quorum["short"]) == (
        "quorum",
        1,
        2,
        1,
    )
    assert quorum["no"] == ["net"] and quorum["abstain"] == ["winkels"]


def test_the_values_are_those_of_the_vote_not_of_a_later_event(mini: Scenario) -> None:
    # mini.yaml: the event 'subsidie' (full mode) raises the net's reservation value by 5
    state = go(in_round(mini, "ontwerpen", mode="full"), "propose", "net", package=FULL)
    state = go(state, "next_round", at=10.0)
    state = go(state, "call_vote", at=20.0, proposal="P1")
    for role, choice in (("gemeente", "yes"), ("net", "no"), ("winkels", "no")):
        state = go(state, "vote", role, at=30.0, choice=choice)
    state = go(state, "play_event", at=40.0, event="subsidie")
    state = go(state, "end", at=60.0)
    reveal = player_view(state, "winkels", 61.0)["reveal"]
    assert reveal["outcome"]["reservations"]["net"] == 40.0
    assert reveal["failed"][0]["against"]["net"]["reservation"] == 35.0
