"""Bots only ever send legal moves: whole bot sessions over seeds and temperaments."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.bots.playtest import play_session
from game.bots.temperament import NAMES
from game.engine import outcome
from game.scenario.loader import load_scenario
from game.scenario.model import Scenario

ROOT = Path(__file__).resolve().parents[2]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    seed=st.integers(0, 10_000),
    temperaments=st.sampled_from(("mix", *NAMES)),
    mode=st.sampled_from(("full", "short")),
    events=st.integers(0, 2),
)
def test_every_bot_move_is_legal(
    mini: Scenario, seed: int, temperaments: str, mode: str, events: int
) -> None:
    session = play_session(mini, mode, seed, temperaments, events)
    assert session.rejected == []
    assert session.state.phase == "ended"
    assert len(session.state.events_played) <= events


def test_bots_disclose_mark_propose_vote_and_sign(mini: Scenario) -> None:
    state = play_session(mini, "full", 3, "linear").state
    assert state.proposals and state.ballots
    assert {m.role for m in state.marks} and state.disclosures
    result = outcome(state)
    if result["agreement"]:
        passed = next(b for b in state.ballots if b.passed)
        yes = {r for r, choice in passed.votes.items() if choice == "yes"}
        assert yes <= set(state.signatures)  # who voted yes, signs


def test_leeuwaerdenhout_short_game_is_legal() -> None:
    scenario = load_scenario(ROOT / "scenarios" / "leeuwaerdenhout.yaml")
    session = play_session(scenario, "short", 11, "mix", events=1)
    assert session.rejected == []
    assert len(session.state.proposals) >= 3
