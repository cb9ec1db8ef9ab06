"""Hand-computed scores and plan metrics on the mini scenario.

Works: riool (Dorpsstraat + Kerkpad, 4 months from month 0, deadline 12,
civil 0.5 per segment), kabels (Dorpsstraat, 2 months from month 3, after the
riool, deadline 8, civil 0.3), groenvak (Plein, only with a green design).
"""

from __future__ import annotations

import pytest

from game.scenario.model import Scenario
from game.scenario.scoring import Scorer, effective_quorum, score_package

GREEN = {"ontwerp": "groen", "kosten": "gedeeld"}


def test_combined_contract_shares_one_trench_per_street(mini: Scenario) -> None:
    r = score_package(mini, "full", {**GREEN, "fasering": "samen"})
    m = r.metrics
    assert m.phasing == "combined"
    assert dict(m.openings) == {"dorpsstraat": 1, "kerkpad": 1, "plein": 1}
    # Dorpsstraat trench opens at month 3 (kabels' start) and lasts 4 + 0.3 x 2.
    assert m.nuisance["dorpsstraat"] == pytest.approx(4.6)
    assert m.duration == pytest.approx(8.0)
    assert m.missed == ()
    assert m.saved == pytest.approx(0.5 * 0.3 + 0.3 * 0.3)
    # options 1.0 + gemeente (1.0 own + 0.35 + 0.5 + 0.1) + net (0.8 + 0.21)
    assert m.cost == pytest.approx(3.96)
    assert m.cost_by_owner["net"] == pytest.approx(1.01)
    assert m.conflicts == ("wortels",)
    assert r.scores == {"gemeente": 88.0, "net": 50.0, "winkels": pytest.approx(55.4)}
    assert r.feasible


def test_separate_digging_opens_the_shopping_street_twice(mini: Scenario) -> None:
    r = score_package(mini, "full", {**GREEN, "fasering": "los"})
    m = r.metrics
    assert m.openings["dorpsstraat"] == 2
    kabels = next(j for j in m.jobs if j.work == "kabels")
    assert (kabels.start, kabels.end) == (4.0, 6.0)  # waits for the riool in the same street
    assert m.cost == pytest.approx(4.2)
    assert m.saved == 0.0
    # gemeente: 50 + 0 + 0, rule groen+los -10, 2 openings x -2
    assert r.scores == {"gemeente": 36.0, "net": 70.0, "winkels": 24.0}


def test_sequenced_phasing_delays_and_misses_deadlines(mini: Scenario) -> None:
    r = score_package(mini, "full", {**GREEN, "fasering": "per_straat"})
    m = r.metrics
    assert set(m.missed) == {"riool", "kabels"}
    assert m.nuisance["dorpsstraat"] == pytest.approx(2.3)  # shops stay reachable
    riool_kerkpad = next(j for j in m.jobs if j.work == "riool" and j.segment == "kerkpad")
    assert riool_kerkpad.start == pytest.approx(9.6)
    # net: 10 + 10 + 20, one own work missed x -10
    assert r.scores["net"] == 30.0
    assert r.scores["winkels"] == pytest.approx(67.7)


def test_work_that_exists_only_under_an_option(mini: Scenario) -> None:
    r = score_package(mini, "full", {"ontwerp": "kaal", "fasering": "samen", "kosten": "eigen"})
    assert "groenvak" not in r.metrics.works
    assert r.metrics.openings["plein"] == 0
    assert r.metrics.conflicts == ()


def test_events_change_scoring_from_then_on(mini: Scenario) -> None:
    before = score_package(mini, "full", {**GREEN, "fasering": "los"})
    after = Scorer(mini, "full", ["subsidie"])
    r = after.score({**GREEN, "fasering": "los"})
    # points -10 for gemeente on groen, rule -5 for los
    assert r.scores["gemeente"] == before.scores["gemeente"] - 15
    assert r.scores["net"] == before.scores["net"] - 5
    assert r.metrics.cost == pytest.approx(before.metrics.cost + 0.5)
    assert after.reservation("net") == 40.0
    assert after.reservation("gemeente") == 40.0
    kaal = after.score({"ontwerp": "kaal", "fasering": "los", "kosten": "eigen"})
    assert not kaal.feasible and kaal.infeasible == (("ontwerp", "kaal"),)


def test_delay_event_makes_a_deadline_slip(mini: Scenario) -> None:
    r = Scorer(mini, "full", ["vertraging"]).score({**GREEN, "fasering": "samen"})
    assert r.metrics.missed == ("kabels",)
    assert r.scores["net"] == 40.0


def test_short_mode_fills_in_presets(mini: Scenario) -> None:
    short = score_package(mini, "short", {"ontwerp": "groen", "fasering": "samen"})
    full = score_package(mini, "full", {**GREEN, "fasering": "samen"})
    assert short.package == full.package
    assert short.scores == full.scores
    with pytest.raises(KeyError):
        Scorer(mini, "short").score({"ontwerp": "groen"})


def test_quorum_scales_with_roles_in_play(mini: Scenario) -> None:
    assert effective_quorum(mini, 3) == 2
    assert effective_quorum(mini, 2) == 2
    assert effective_quorum(mini, 1) == 1
