"""Property tests over random move sequences on the mini scenario.

Each drawn integer picks one candidate move for the current state (most are
legal); illegal ones must leave the state untouched and are not logged.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_engine_helpers import private_scenario

from game.engine import (
    CLOCK,
    FACILITATOR,
    GameState,
    IllegalMove,
    Move,
    apply,
    new_game,
    outcome,
    player_view,
    replay,
)
from game.scenario.loader import load_scenario
from game.scenario.model import Scenario
from game.scenario.scoring import Scorer

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini" / "mini.yaml"
SCENARIO: Scenario = private_scenario(load_scenario(MINI))
ROLES = SCENARIO.role_ids


def _candidate(state: GameState, rng: random.Random) -> Move:
    sc = state.scenario
    live = state.mode_def.issues
    pids = [p.id for p in state.proposals] or ["P1"]
    role = rng.choice(ROLES)
    package = {i: rng.choice(sc.issue(i).option_ids) for i in live}
    participant: list[tuple[str, dict[str, Any]]] = [
        ("disclose", {"issue": rng.choice(live)}),
        ("disclose", {"reservation": True}),
        ("mark", {"segment": rng.choice(sc.segments).id, "kind": "opportunity", "note": "n"}),
        ("propose", {"package": package}),
        ("propose", {"package": package}),
        ("amend", {"proposal": rng.choice(pids), "changes": {live[0]: package[live[0]]}}),
        ("withdraw", {"proposal": rng.choice(pids)}),
        ("support", {"proposal": rng.choice(pids), "reason": "ja"}),
        ("object", {"proposal": rng.choice(pids), "reason": "nee"}),
        ("comment", {"proposal": rng.choice(pids), "text": "hm"}),
        ("message", {"text": "hallo"}),
        ("private_message", {"to": rng.choice(ROLES), "text": "psst"}),
        ("vote", {"choice": rng.choice(("yes", "yes", "no", "abstain"))}),
        ("vote", {"choice": "yes"}),
        ("sign", {}),
    ]
    facilitator: list[tuple[str, dict[str, Any]]] = [
        ("start", {}),
        ("pause", {}),
        ("resume", {}),
        ("extend", {"minutes": rng.choice((-3, 2))}),
        ("auto_advance", {"on": rng.random() < 0.5}),
        ("play_event", {"event": rng.choice(("vertraging", "subsidie"))}),
        ("call_vote", {"proposal": rng.choice(pids)}),
        ("close_vote", {}),
        ("announce", {"text": "let op"}),
        ("assign", {"role": role, "seat": rng.choice(("human", "bot", "none"))}),
        ("lock", {"role": role}),
        ("unlock", {"role": role}),
    ]
    rnd = state.round
    allowed = set(rnd.moves) if rnd else set()
    roll = rng.random()
    if roll < 0.01:
        return Move("end", FACILITATOR, {})
    if roll < 0.04:
        return Move("tick", CLOCK, {})
    if roll < 0.07:
        return Move("next_round", FACILITATOR, {})
    if "vote" in allowed and state.open_ballot is None and roll < 0.3:
        return Move("call_vote", FACILITATOR, {"proposal": rng.choice(pids)})
    if roll < 0.25:
        kind, data = rng.choice(facilitator)
        return Move(kind, FACILITATOR, data)
    fitting = [(k, d) for k, d in participant if k in allowed]
    kind, data = rng.choice(fitting if fitting and rng.random() < 0.9 else participant)
    return Move(kind, role, data)


def _play(seeds: list[int], mode: str) -> tuple[GameState, list[tuple[Move, float]]]:
    state, log, _ = _play_keeping_secrets(seeds, mode)
    return state, log


def _play_keeping_secrets(
    seeds: list[int], mode: str
) -> tuple[GameState, list[tuple[Move, float]], GameState]:
    """The final state, its log, and the last state before the reveal."""
    state = new_game(SCENARIO, mode, seed=5, now=0.0)
    secret = state
    log: list[tuple[Move, float]] = []
    now = 0.0
    for seed in seeds:
        rng = random.Random(seed)
        now += rng.choice((0.0, 30.0, 400.0))
        move = _candidate(state, rng)
        if state.phase == "lobby" and rng.random() < 0.5:
            move = Move("start", FACILITATOR, {})
        try:
            state, _ = apply(state, move, now)
        except IllegalMove:
            continue
        log.append((move, now))
        if not state.revealed:
            secret = state
    return state, log, secret


games = st.tuples(
    st.lists(st.integers(0, 2**32), min_size=5, max_size=70), st.sampled_from(["full", "short"])
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(games)
def test_replay_and_json_round_trip(game: tuple[list[int], str]) -> None:
    state, log = _play(*game)
    again = replay(SCENARIO, game[1], 5, 0.0, log)
    assert again == state
    assert again.to_json() == state.to_json()
    text = json.dumps(state.to_json())
    back = GameState.from_json(SCENARIO, json.loads(text))
    assert back == state
    assert state.version == len(log)
    moves = [Move.from_json(json.loads(json.dumps(m.to_json()))) for m, _ in log]
    assert moves == [m for m, _ in log]


def _private_tokens(state: GameState, role: str) -> list[str]:
    """Strings that only ``role``'s private data contains (minus what it disclosed)."""
    r = SCENARIO.role(role)
    disclosed = {d.issue for d in state.disclosures if d.role == role}
    tokens = [
        r.briefing_text,
        *(x.note for x in r.scoring.rules),
        *(t.note for t in r.scoring.metrics),
    ]
    adj = state.scorer.adj
    for issue, opts in r.scoring.points.items():
        if issue in disclosed and issue in state.mode_def.issues:
            continue
        for opt, points in opts.items():
            for value in (points, points + adj.points.get((role, issue, opt), 0.0)):
                tokens.append(json.dumps(value))
    if None not in disclosed:
        tokens.append(json.dumps(state.scorer.reservation(role)))
    return tokens


@SETTINGS
@given(games)
def test_no_view_leaks_another_roles_private_data(game: tuple[list[int], str]) -> None:
    _, _, state = _play_keeping_secrets(*game)
    assert not state.revealed
    for a in ROLES:
        text = json.dumps(player_view(state, a, 1000.0))
        for b in ROLES:
            if b == a:
                continue
            for token in _private_tokens(state, b):
                assert not re.search(rf"(?<![\w.]){re.escape(token)}(?![\w])", text), (a, b, token)


@SETTINGS
@given(games)
def test_outcome_scores_match_the_scorer(game: tuple[list[int], str]) -> None:
    state, _ = _play(*game)
    result = outcome(state)
    scorer = Scorer(SCENARIO, game[1], state.events_played)
    if state.agreement is None:
        assert result["scores"] == {r: scorer.reservation(r) for r in state.in_play}
    else:
        agreed = scorer.score(state.proposal(state.agreement).package)
        assert result["scores"] == {r: agreed.scores[r] for r in state.in_play}
        assert result["package"] == dict(agreed.package)
    json.dumps(result, allow_nan=False)
