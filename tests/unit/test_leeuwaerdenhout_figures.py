"""Leeuwaerdenhout's playability, computed: the figures of docs/leeuwaerdenhout.md as ranges.

Each test runs the analysis (:mod:`game.analysis.scenario_figures`) on the
shipped scenario; nothing here is a stored result. The short-mode ranges are
the goals of the second edition; the full-mode ranges keep its qualities.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from game.analysis.agreements import analyze_agreements, vetoes_that_matter
from game.analysis.scenario_figures import mode_figures
from game.analysis.space import build_space
from game.scenario.loader import load_scenario
from game.scenario.model import Scenario

SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "leeuwaerdenhout.yaml"


@pytest.fixture(scope="module")
def sc() -> Scenario:
    return load_scenario(SCENARIO)


@pytest.fixture(scope="module")
def short(sc: Scenario) -> dict[str, Any]:
    return mode_figures(sc, "short")


@pytest.fixture(scope="module")
def full(sc: Scenario) -> dict[str, Any]:
    return mode_figures(sc, "full")


def test_short_mode_is_a_negotiation(short: dict[str, Any]) -> None:
    assert 8 <= short["passes"] <= 30
    assert short["split"] >= short["passes"] / 3, "coalitions: fewer yes votes than roles"
    assert short["unanimous"] >= 1, "a package everyone can sign exists"
    assert min(short["room"].values()) >= 6, short["room"]


def test_short_mode_has_no_single_focal_point(sc: Scenario) -> None:
    """The package with the largest joint value is not one everyone can sign.

    With one package best by every measure (joint value, Nash, Kalai-Smorodinsky)
    and unanimous, the bots found it in 84.5 % of short games (goal: 40-80 %).
    The corporation's short-mode reservation (62) makes that package (convert,
    early ducts, pro rata) fail its veto; another package stays unanimous.
    """
    result = analyze_agreements(build_space(sc, "short"), pareto=False)
    assert result.max_welfare is not None and result.nash is not None
    assert result.max_welfare != result.nash
    assert not result.votes.unanimous[result.max_welfare]
    corporation = sc.role("woningcorporatie")
    assert corporation.reservation_for("short") > corporation.reservation_for("full")


def test_short_mode_every_kind_of_issue_is_live_and_matters(
    sc: Scenario, short: dict[str, Any]
) -> None:
    issues = short["issues"]
    kinds = {v["nature"] for v in issues.values()}
    assert kinds == {"integrative", "distributive", "compatible"}
    for issue_id, v in issues.items():
        assert v["matters"], issue_id
        if v["nature"] == "compatible":
            # everyone's best passing package takes the same option ...
            assert len(v["favourite_of"]) == 1, issue_id
            shared = next(iter(v["favourite_of"]))
            # ... and it is the option with the most passing packages
            assert v["passing_by_option"][shared] == max(v["passing_by_option"].values())
        else:
            assert v["options_passing"] >= 2, issue_id
            assert v["contested"], issue_id


def test_short_mode_survives_every_event(short: dict[str, Any]) -> None:
    assert min(short["after_event"].values()) >= 2, short["after_event"]
    # every event changes what passes, a reservation, or a score in a passing package
    assert all(short["event_changes"].values()), short["event_changes"]


def test_full_mode_keeps_its_qualities(sc: Scenario, full: dict[str, Any]) -> None:
    assert 250 <= full["passes"] <= 900
    assert 10 <= full["unanimous"] <= 0.2 * full["passes"]
    assert min(full["room"].values()) >= 15, full["room"]
    assert all(full["event_changes"].values()), full["event_changes"]
    assert min(full["after_event"].values()) >= 100, full["after_event"]
    for issue_id, v in full["issues"].items():
        assert v["matters"], issue_id
    space = build_space(sc, "full")
    assert set(vetoes_that_matter(space)) == set(sc.veto_roles)
