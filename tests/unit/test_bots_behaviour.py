"""How a negotiating bot behaves: conceding, voting, reacting to events, disclosing."""

from __future__ import annotations

import random
from typing import Any

import pytest

from game.bots.estimate import Estimator
from game.bots.handback import Snapshot, summary
from game.bots.negotiator import NegotiatorBot
from game.bots.opponents import OpponentModel
from game.bots.temperament import BOULWARE, CONCEDER, LINEAR, Temperament, temperament
from game.engine import FACILITATOR, GameState, Move, apply, new_game, player_view
from game.scenario.model import Scenario

PARKEREN = {"ontwerp": "parkeren", "fasering": "samen", "kosten": "gemeente"}  # gemeente: 48
KAAL = {"ontwerp": "kaal", "fasering": "samen", "kosten": "gedeeld"}  # gemeente: 38
GROEN_LOS = {"ontwerp": "groen", "fasering": "los", "kosten": "eigen"}  # 46; 31 after subsidie


def _go(
    state: GameState, kind: str, actor: str = FACILITATOR, now: float = 0.0, **data: Any
) -> GameState:
    return apply(state, Move(kind, actor, data), now)[0]


def _ontwerpen(mini: Scenario) -> GameState:
    state = _go(new_game(mini, "full", seed=1, now=0.0), "start")
    return _go(_go(state, "next_round"), "next_round")


def _moves(bot: NegotiatorBot, state: GameState, kind: str | None = None) -> list[dict[str, Any]]:
    found = bot.decide(player_view(state, bot.role, 0.0), random.Random(5))
    return [m for m in found if kind is None or m["type"] == kind]


def test_targets_fall_from_best_to_reservation_by_temperament() -> None:
    best, reservation = 100.0, 40.0
    for t in (BOULWARE, LINEAR, CONCEDER):
        assert t.target(best, reservation, 0.0) == best
        assert t.target(best, reservation, 1.0) == reservation + t.floor
    mid = [t.target(best, reservation, 0.5) for t in (BOULWARE, LINEAR, CONCEDER)]
    assert mid[0] > mid[1] > mid[2]  # the tough one holds out longest
    assert LINEAR.target(best, reservation, 0.5) == pytest.approx(70.0)


@pytest.mark.parametrize(
    ("package", "last", "expected"),
    [(PARKEREN, False, "no"), (PARKEREN, True, "yes"), (KAAL, True, "no")],
)
def test_votes_by_target_and_on_the_last_ballot_by_reservation(
    mini: Scenario, package: dict[str, str], last: bool, expected: str
) -> None:
    state = _go(_ontwerpen(mini), "propose", "net", package=package)
    state = _go(_go(state, "next_round"), "call_vote", proposal="P1")  # besluit
    if last:
        state = _go(state, "extend", minutes=-20)  # the time is up: the last ballot
    votes = _moves(NegotiatorBot("gemeente", LINEAR), state, "vote")
    assert votes == [{"type": "vote", "data": {"choice": expected}}]


def test_reacts_to_an_event_that_spoils_a_supported_proposal(mini: Scenario) -> None:
    quick = Temperament("quick", exponent=50.0, openness=1.0)  # concedes at once, speaks up
    state = _go(_ontwerpen(mini), "propose", "net", package=GROEN_LOS)
    bot = NegotiatorBot("gemeente", quick)
    state = _go(state, "extend", minutes=-30)
    support = _moves(bot, state, "support")
    assert [m["data"]["proposal"] for m in support] == ["P1"]
    state = _go(state, "support", "gemeente", proposal="P1", reason="ok")
    state = _go(state, "play_event", event="subsidie")
    moves = _moves(bot, state)
    objections = [m for m in moves if m["type"] == "object"]
    assert [m["data"]["proposal"] for m in objections] == ["P1"]
    assert objections[0]["data"]["reason"]  # a Dutch reason
    assert not any(
        m["type"] == "propose" and m["data"]["package"]["ontwerp"] == "kaal" for m in moves
    )


def test_estimate_is_exact_on_the_table_and_calibrated_off_it(mini: Scenario) -> None:
    state = _go(_ontwerpen(mini), "propose", "net", package=PARKEREN)
    est = Estimator(player_view(state, "gemeente", 0.0))
    assert est.value(PARKEREN) == pytest.approx(48.0)  # its exact value in the view
    assert est.base(PARKEREN) == pytest.approx(50.0)  # points only: 20 + 40 - 10
    other = {**PARKEREN, "kosten": "eigen"}
    assert est.value(other) == pytest.approx(est.base(other) - 2.0)  # the metric term learnt


def test_opponent_model_reads_disclosures_and_objections(mini: Scenario) -> None:
    state = _go(new_game(mini, "full", seed=1, now=0.0), "start")
    state = _go(_go(state, "next_round"), "disclose", "winkels", issue="ontwerp")
    state = _go(state, "next_round")
    state = _go(state, "propose", "gemeente", package=KAAL)
    state = _go(state, "object", "net", proposal="P1", reason="nee")
    model = OpponentModel(player_view(state, "gemeente", 0.0))
    parkeren = {**KAAL, "ontwerp": "parkeren"}
    assert model.yes_chance("winkels", parkeren) > 0.5 > model.yes_chance("winkels", KAAL)
    assert model.yes_chance("net", KAAL) < 0.2


def test_openness_sets_how_much_a_bot_discloses(mini: Scenario) -> None:
    def disclosed(openness: float) -> set[Any]:
        state = _go(_go(new_game(mini, "full", seed=1, now=0.0), "start"), "next_round")
        bot = NegotiatorBot("net", temperament("linear", openness))
        rng = random.Random(1)
        for _ in range(20):
            for move in bot.decide(player_view(state, "net", 0.0), rng):
                if move["type"] == "disclose":
                    state = _go(state, "disclose", "net", **move["data"])
        return {d.issue for d in state.disclosures}

    assert disclosed(0.0) == set()
    assert disclosed(1.0) == {"ontwerp", "fasering", "kosten", None}  # None: the reservation


def test_hand_back_summary_tells_what_the_bot_did(mini: Scenario) -> None:
    state = _ontwerpen(mini)
    before = Snapshot.of(player_view(state, "net", 0.0))
    state = _go(state, "propose", "net", package=PARKEREN)
    state = _go(state, "disclose", "net", issue="kosten")
    state = _go(state, "propose", "winkels", package={**GROEN_LOS, "fasering": "samen"})
    state = _go(state, "object", "net", proposal="P2", reason="nee")  # 30 points for net
    text = summary(player_view(state, "net", 0.0), before)
    assert text.startswith("De bot speelde je rol sinds 'Ontwerpen'")
    assert "voorstellen: P1" in text and "bezwaar tegen: P2" in text
    assert "openbaar gemaakt: kosten" in text
    assert "ondergrens is 35 punten" in text and "P1 (80 punten)" in text
