"""The outcome: scores, reservation values, plan metrics and behaviour indicators."""

from __future__ import annotations

from test_engine_helpers import SAMEN, go, in_round, with_proposal

from game.engine import GameState, outcome
from game.scenario.model import Scenario
from game.scenario.scoring import Scorer


def _agreed_game(mini: Scenario) -> GameState:
    state = with_proposal(mini)  # P1 by net: groen / samen
    state = go(state, "amend", "gemeente", proposal="P1", changes={"fasering": "los"})
    state = go(state, "support", "winkels", proposal="P1")
    state = go(state, "support", "gemeente", proposal="P1")
    state = go(state, "disclose", "net", issue="ontwerp")
    state = go(state, "disclose", "net", reservation=True)
    state = go(state, "next_round", at=10.0)
    state = go(state, "call_vote", at=20.0, proposal="P1")
    for role in ("gemeente", "net", "winkels"):
        state = go(state, "vote", role, at=30.0, choice="yes")
    state = go(state, "sign", "gemeente")
    state = go(state, "sign", "net")
    return go(state, "end", at=40.0)


def test_agreement_scores_come_from_the_scorer(mini: Scenario) -> None:
    result = outcome(_agreed_game(mini))
    expected = Scorer(mini, "short").score(SAMEN)
    assert result["agreement"] is True and result["final"] is True
    assert result["package"] == {**SAMEN, "kosten": "gedeeld"}
    assert result["scores"] == dict(expected.scores)
    assert result["metrics"]["openings_total"] == expected.metrics.openings_total
    assert result["cleared"] == {
        r: expected.scores[r] >= res for r, res in result["reservations"].items()
    }
    assert result["joint"] == round(sum(expected.scores.values()), 6)
    assert result["in_time"] is True


def test_no_agreement_gives_reservations_and_status_quo(mini: Scenario) -> None:
    state = go(in_round(mini, "ontwerpen", mode="full"), "play_event", event="subsidie")
    result = outcome(go(state, "end"))
    assert result["agreement"] is False and result["package"] is None
    assert result["scores"] == {"gemeente": 40.0, "net": 40.0, "winkels": 20.0}
    status_quo = Scorer(mini, "full", ["subsidie"]).score(mini.status_quo)
    assert result["metrics"] == status_quo.metrics.to_json()
    # One no-deal value: the status quo scores each role at its reservation value.
    assert result["status_quo"]["scores"] == result["reservations"] == result["scores"]
    assert result["events"] == ["subsidie"]
    assert result["indicators"]["table"]["result_orientation"] == 0.0


def test_indicators_follow_their_definitions(mini: Scenario) -> None:
    state = _agreed_game(mini)
    ind = outcome(state)["indicators"]
    roles = ind["roles"]
    assert roles["net"]["openness"] == round(2 / 3, 4)
    assert roles["gemeente"]["openness"] == 0.0
    assert roles["gemeente"]["cooperation"] == 1.0  # amended and supports P1, the only other
    assert roles["winkels"]["cooperation"] == 0.5  # supports P1, not P2
    assert roles["net"]["cooperation"] == 0.0
    assert {r: v["result_orientation"] for r, v in roles.items()} == dict.fromkeys(roles, 1.0)
    assert {r: v["reliability"] for r, v in roles.items()} == {
        "gemeente": 1.0,
        "net": 1.0,
        "winkels": 0.0,
    }
    assert ind["table"]["reliability"] == round(2 / 3, 4)
    scorer = Scorer(mini, "short")
    p1, p2 = scorer.score(SAMEN), scorer.score({**SAMEN, "fasering": "los"})
    for role in ("gemeente", "winkels"):  # both backed only P1
        best = max((p1, p2), key=lambda s: s.scores[role])
        gave_up = p1.scores[role] < best.scores[role] and sum(p1.scores.values()) > sum(
            best.scores.values()
        )
        assert roles[role]["rising_above_own_interest"] == float(gave_up)


def test_overtime_agreement_halves_result_orientation(mini: Scenario) -> None:
    state = with_proposal(mini)
    state = go(state, "next_round", at=0.0)
    state = go(state, "call_vote", at=0.0, proposal="P1")
    state = go(go(state, "vote", "net", choice="yes"), "vote", "gemeente", choice="yes")
    state = go(state, "close_vote", at=10_000.0)
    ind = outcome(state)["indicators"]
    assert ind["table"]["result_orientation"] == 0.5
    assert ind["roles"]["winkels"]["result_orientation"] == 0.0
    assert ind["roles"]["net"]["result_orientation"] == 0.5
