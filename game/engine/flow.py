"""Round transitions and closing ballots: the state changes several moves share."""

from __future__ import annotations

from typing import Any

from game.engine.state import GameState, evolve

Notice = dict[str, Any]


def enter_round(state: GameState, index: int, now: float, notices: list[Notice]) -> GameState:
    """Start round ``index`` (an open ballot closes first); past the last round: end."""
    state = close_ballot(state, now, notices)
    rounds = state.mode_def.rounds
    if index >= len(rounds):
        return finish(state, len(rounds) - 1, notices)
    rnd = rounds[index]
    seconds = rnd.minutes * 60.0
    state = evolve(
        state,
        phase="running",
        round_index=index,
        round_started=now,
        deadline=now + seconds,
        remaining=seconds,
        revealed=state.revealed or rnd.reveal,
    )
    notices.append({"kind": "round_started", "round": rnd.id, "index": index})
    if rnd.reveal and not any(n["kind"] == "revealed" for n in notices):
        notices.append({"kind": "revealed", "agreement": state.agreement})
    return state


def reveal_index(state: GameState) -> int:
    """Index of the mode's reveal round (the last round when none is marked)."""
    rounds = state.mode_def.rounds
    for i, rnd in enumerate(rounds):
        if rnd.reveal:
            return i
    return len(rounds) - 1


def finish(state: GameState, index: int, notices: list[Notice]) -> GameState:
    """End the session in round ``index``: the outcome is fixed and revealed."""
    state = evolve(
        state, phase="ended", round_index=index, paused=False, remaining=0.0, revealed=True
    )
    notices.append({"kind": "session_ended", "agreement": state.agreement})
    return state


def close_ballot(state: GameState, now: float, notices: list[Notice]) -> GameState:
    """Close the open ballot (if any), decide it, and fix the agreement when it passed."""
    ballot = state.open_ballot
    if ballot is None:
        return state
    tally = ballot.tally()
    proposal = state.proposal(ballot.proposal)
    vetoes = [
        r for r in state.in_play if state.scenario.role(r).veto and ballot.votes.get(r) == "no"
    ]
    if not state.score(proposal.package).feasible:
        reason = "infeasible"
    elif vetoes:
        reason = f"veto:{vetoes[0]}"
    elif tally["yes"] < ballot.quorum:
        reason = "quorum"
    else:
        reason = ""
    passed = not reason
    closed = evolve(
        ballot,
        open=False,
        passed=passed,
        reason=reason,
        closed_at=now,
        in_time=state.remaining_at(now) > 0,
    )
    state = evolve(
        state,
        ballots=(*state.ballots[:-1], closed),
        agreement=proposal.id if passed else state.agreement,
    )
    notices.append(
        {
            "kind": "vote_closed",
            "ballot": ballot.id,
            "proposal": proposal.id,
            "passed": passed,
            "reason": reason,
            **tally,
        }
    )
    if passed:
        notices.append(
            {"kind": "agreement", "proposal": proposal.id, "package": state.full_package(proposal)}
        )
    return state
