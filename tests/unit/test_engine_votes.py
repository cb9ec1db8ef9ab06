"""Ballots: calling, voting, closing, quorum with roles out of play, vetoes, signing."""

from __future__ import annotations

from dataclasses import replace

from test_engine_helpers import LOS, SAMEN, go, in_round, refused, with_proposal

from game.engine import GameState, Move, apply, new_game
from game.scenario.model import Scenario
from game.scenario.scoring import effective_quorum


def _deciding(mini: Scenario, package: dict[str, str] = SAMEN, out: str | None = None) -> GameState:
    state = new_game(mini, "short", 1, 0.0)
    if out:
        state = go(state, "assign", role=out, seat="none")
    state = go(go(state, "start"), "next_round")
    state = go(state, "propose", "net", package=package)
    return go(state, "next_round", at=100.0)


def test_vote_passes_with_quorum_and_fixes_the_agreement(mini: Scenario) -> None:
    state = go(_deciding(mini), "call_vote", proposal="P1")
    assert state.open_ballot is not None and state.open_ballot.quorum == 2
    state = go(state, "vote", "gemeente", choice="yes")
    assert refused(state, "vote", "gemeente", choice="no") == "already_voted"
    state = go(state, "vote", "net", choice="yes")
    state, notices = apply(state, Move("vote", "winkels", {"choice": "abstain"}), 120.0)
    assert state.open_ballot is None  # closed by itself: everyone voted
    assert state.agreement == "P1"
    closed = next(n for n in notices if n["kind"] == "vote_closed")
    assert (closed["passed"], closed["yes"], closed["abstain"]) == (True, 2, 1)
    agreed = next(n for n in notices if n["kind"] == "agreement")
    assert agreed["package"] == {**SAMEN, "kosten": "gedeeld"}
    assert state.ballots[0].in_time is True
    assert refused(state, "call_vote", proposal="P1") == "already_agreed"
    assert refused(state, "vote", "net", choice="yes") == "already_agreed"


def test_veto_sinks_the_vote(mini: Scenario) -> None:
    state = go(_deciding(mini), "call_vote", proposal="P1")
    for role, choice in (("net", "yes"), ("winkels", "yes"), ("gemeente", "no")):
        state = go(state, "vote", role, choice=choice)
    ballot = state.ballots[0]
    assert (ballot.passed, ballot.reason, state.agreement) == (False, "veto:gemeente", None)


def test_close_vote_counts_the_votes_so_far(mini: Scenario) -> None:
    state = go(_deciding(mini), "call_vote", proposal="P1")
    assert refused(state, "call_vote", proposal="P1") == "vote_open"
    state = go(go(state, "vote", "net", choice="yes"), "close_vote")
    assert (state.ballots[0].passed, state.ballots[0].reason) == (False, "quorum")
    assert refused(state, "close_vote") == "no_vote_open"
    assert refused(state, "vote", "net", choice="yes") == "no_vote_open"


def test_quorum_scales_with_roles_out_of_play(mini: Scenario) -> None:
    state = _deciding(mini, out="winkels")
    assert state.quorum == effective_quorum(mini, 2) == 2
    state = go(state, "call_vote", proposal="P1")
    state = go(go(state, "vote", "net", choice="yes"), "vote", "gemeente", choice="yes")
    assert state.agreement == "P1"  # closed after both roles in play voted
    assert refused(state, "vote", "winkels", choice="yes") == "wrong_actor"


def test_vote_on_withdrawn_or_unknown_proposal(mini: Scenario) -> None:
    state = with_proposal(mini)
    state = go(state, "propose", "gemeente", package=LOS)
    state = go(state, "withdraw", "net", proposal="P1")
    state = go(state, "next_round")
    assert refused(state, "call_vote", proposal="P1") == "withdrawn"
    assert refused(state, "call_vote", proposal="P5") == "unknown_id"
    assert refused(in_round(mini, "ontwerpen"), "call_vote", proposal="P1") == "wrong_round"
    state = go(state, "call_vote", proposal="P2")
    assert refused(state, "vote", "net", choice="misschien") == "bad_args"


def test_withdraw_blocked_while_its_ballot_is_open(mini: Scenario) -> None:
    short = mini.mode("short")
    rounds = tuple(
        replace(r, moves=(*r.moves, "withdraw")) if r.id == "besluit" else r for r in short.rounds
    )
    scenario = replace(mini, modes={**mini.modes, "short": replace(short, rounds=rounds)})
    state = go(_deciding(scenario), "call_vote", proposal="P1")
    assert refused(state, "withdraw", "net", proposal="P1") == "vote_open"
    state = go(state, "close_vote")
    assert go(state, "withdraw", "net", proposal="P1").proposals[0].withdrawn


def test_signing_after_a_passed_vote(mini: Scenario) -> None:
    state = _deciding(mini)
    assert refused(state, "sign", "net") == "no_agreement"
    state = go(state, "call_vote", proposal="P1")
    for role in ("gemeente", "net", "winkels"):
        state = go(state, "vote", role, choice="yes")
    state = go(state, "sign", "net", at=200.0)
    assert dict(state.signatures) == {"net": 200.0}
    assert refused(state, "sign", "net") == "already_signed"


def test_next_round_closes_an_open_ballot(mini: Scenario) -> None:
    state = go(_deciding(mini), "call_vote", proposal="P1")
    state = go(go(state, "vote", "net", choice="yes"), "vote", "gemeente", choice="yes")
    state = go(state, "next_round", at=10_000.0)
    assert state.agreement == "P1"
    assert state.ballots[0].in_time is False  # closed after the round's time was up
    assert state.revealed


def test_votable_leaves_out_voted_withdrawn_and_infeasible_proposals(mini: Scenario) -> None:
    from game.engine.facilitator import votable

    state = go(new_game(mini, "full", 1, 0.0), "start")
    state = go(go(state, "next_round"), "next_round")  # ontwerpen
    full = {"kosten": "gedeeld"}
    for package in (SAMEN, LOS, {"ontwerp": "kaal", "fasering": "los"}, SAMEN):
        state = go(state, "propose", "net", package={**package, **full})
    state = go(state, "withdraw", "net", proposal="P4")
    assert [p.id for p in votable(state)] == ["P1", "P2", "P3"]
    state = go(state, "play_event", event="subsidie")  # forbids ontwerp 'kaal'
    state = go(state, "next_round")  # besluit
    state = go(state, "call_vote", proposal="P1")
    state = go(state, "close_vote")
    assert [p.id for p in votable(state)] == ["P2"]
