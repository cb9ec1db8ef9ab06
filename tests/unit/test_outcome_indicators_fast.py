"""The indicators computed in one pass over the records equal the plain per-role scan
(the reference below is the former implementation), on every state of a late game."""

from __future__ import annotations

from typing import Any

from benchmarks.late_game import late_moves
from game.engine import GameState, apply, new_game
from game.engine.moves import FACILITATOR, IllegalMove, Move
from game.engine.outcome import _joint, _mean, _signing, indicators
from game.scenario.loader import load_scenario
from tests.conftest import ROOT


def reference(state: GameState) -> dict[str, Any]:
    """Per role and for the table: openness, cooperation, result orientation,
    reliability and rising above own interest (each 0..1, or ``None`` when it
    does not apply), with the counts they come from."""
    roles = state.in_play
    live = state.mode_def.issues
    passed = next((b for b in state.ballots if b.passed), None)
    table_result = 0.0 if passed is None else (1.0 if passed.in_time else 0.5)
    per_role: dict[str, dict[str, Any]] = {}
    scored = {p.id: state.score(p.package) for p in state.proposals}
    joint = {pid: _joint(score, roles) for pid, score in scored.items()}
    pids = list(scored)
    for role in roles:
        disclosed = {d.issue for d in state.disclosures if d.role == role}
        openness = (len(disclosed & set(live)) + (None in disclosed)) / (len(live) + 1)

        others = [p for p in state.proposals if p.author != role]
        amended = {p.parent for p in state.proposals if p.author == role and p.parent}
        amended_others = [p for p in others if p.id in amended]
        supported_others = [p for p in others if role in p.support]
        built_on = {p.id for p in amended_others} | {p.id for p in supported_others}
        cooperation = len(built_on) / len(others) if others else None

        voted_yes = passed is not None and passed.votes.get(role) == "yes"
        result = table_result if voted_yes else 0.0
        signed = role in state.signatures
        reliability = (1.0 if signed else 0.0) if voted_yes and _signing(state) else None

        backed = {p.id for p in state.proposals if role in p.support}
        backed |= {b.proposal for b in state.ballots if b.votes.get(role) == "yes"}
        rising = None
        if backed and scored:
            own = [scored[pid].scores[role] for pid in pids]
            best_pid = pids[own.index(max(own))]  # the first best, as max() picks it
            best = scored[best_pid]
            gave_up = [
                pid
                for pid in sorted(backed)
                if scored[pid].scores[role] < best.scores[role] and joint[pid] > joint[best_pid]
            ]
            rising = len(gave_up) / len(backed)
        per_role[role] = {
            "openness": round(openness, 4),
            "cooperation": None if cooperation is None else round(cooperation, 4),
            "result_orientation": result,
            "reliability": reliability,
            "rising_above_own_interest": None if rising is None else round(rising, 4),
            "counts": {
                "disclosed": len(disclosed),
                "amendments_of_others": len(amended_others),
                "support_given": len(supported_others),
                "backed": len(backed),
            },
        }
    yes_voters = [r for r in roles if passed is not None and passed.votes.get(r) == "yes"]
    table_reliability = (
        round(sum(r in state.signatures for r in yes_voters) / len(yes_voters), 4)
        if yes_voters and _signing(state)
        else None
    )
    names = ("openness", "cooperation", "rising_above_own_interest")
    table: dict[str, Any] = {k: _mean([per_role[r][k] for r in roles]) for k in names}
    table["result_orientation"] = table_result
    table["reliability"] = table_reliability
    return {"roles": per_role, "table": {k: table[k] for k in sorted(table)}}


def test_indicators_equal_the_reference_on_every_state_of_a_late_game() -> None:
    scenario = load_scenario(ROOT / "scenarios" / "leeuwaerdenhout.yaml")
    state = new_game(scenario, "full", 3, 0.0)
    checked = 0
    for n, move in enumerate(late_moves(scenario, 3, proposals=20)):
        try:
            state, _ = apply(state, move, float(n))
        except IllegalMove:
            continue
        if n % 7 == 0 or n > 150:
            assert indicators(state) == reference(state)
            checked += 1
    # a ballot that passes, and signatures
    extra = [Move("call_vote", FACILITATOR, {"proposal": "P3"})]
    extra += [Move("vote", r, {"choice": "yes"}) for r in scenario.role_ids]
    extra += [Move("close_vote", FACILITATOR, {})]
    extra += [Move("sign", r, {}) for r in scenario.role_ids[:5]]
    passed = 0
    for n, move in enumerate(extra):
        try:
            state, _ = apply(state, move, 1000.0 + n)
        except IllegalMove:
            continue
        passed += 1
        assert indicators(state) == reference(state)
    assert passed > 10 and any(b.passed for b in state.ballots)
    assert checked > 40
    assert any(indicators(state)["roles"][r]["counts"]["backed"] for r in state.in_play)


def test_indicators_equal_the_reference_when_an_event_rescores_the_proposals() -> None:
    """An event in the implementation round changes every proposal's score with the
    same records: the indicators kept per role are made again, as the reference."""
    scenario = load_scenario(ROOT / "scenarios" / "leeuwaerdenhout.yaml")
    moves = late_moves(scenario, 4, proposals=20)
    rounds = [i for i, m in enumerate(moves) if m.type == "next_round"]
    events = [e.id for e in scenario.events if e.id != "subsidie_gehalveerd"]
    at = rounds[3] + 4  # a few moves into "uitvoeringsplan", proposals on the table
    for n, event in enumerate(events[:3]):
        moves.insert(at + 3 * n, Move("play_event", FACILITATOR, {"event": event}))
    state = new_game(scenario, "full", 4, 0.0)
    rescored = 0
    for n, move in enumerate(moves):
        before = state.scorer
        try:
            state, _ = apply(state, move, float(n))
        except IllegalMove:
            continue
        if n >= rounds[3]:
            assert indicators(state) == reference(state)
        rescored += state.scorer is not before and len(state.proposals) > 0
    assert rescored == 3
