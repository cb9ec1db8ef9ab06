"""The Zuiderveld scenario: structure, briefings and the playability figures of docs/zuiderveld.md.

Every figure is computed here from the scenario by the agreement-space analysis
and checked against the ranges the scenario was tuned for (issue 14's goals for
a short game), so a change to the points that breaks the game fails a test.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from game.analysis.agreements import vetoes_that_matter
from game.analysis.space import OutcomeSpace, build_space
from game.analysis.votes import count_votes
from game.scenario.loader import load_scenario
from game.scenario.model import Scenario
from game.scenario.scoring import score_package

SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "zuiderveld.yaml"


@pytest.fixture(scope="module")
def sc() -> Scenario:
    return load_scenario(SCENARIO)


@pytest.fixture(scope="module")
def spaces(sc: Scenario) -> dict[str, OutcomeSpace]:
    return {mode: build_space(sc, mode) for mode in ("short", "full")}


def _words(text: str) -> int:
    return len(re.findall(r"\S+", text))


# -- structure -----------------------------------------------------------------
def test_roles_vetoes_and_the_quorum_in_the_instructions(sc: Scenario) -> None:
    assert 8 <= len(sc.roles) <= 10
    assert set(sc.veto_roles) == {"wethouder", "corporatie", "huurders"}
    assert all(sc.role(r).core for r in sc.veto_roles)
    rule = f"minstens {sc.agreement.quorum} van de {len(sc.roles)} partijen"
    for mode in ("full", "short"):
        vote_rounds = [r for r in sc.mode(mode).rounds if "vote" in r.moves]
        assert len(vote_rounds) == 1
        assert rule in " ".join(vote_rounds[0].instructions.split()), mode


def test_modes_and_rounds(sc: Scenario) -> None:
    full, short = sc.mode("full"), sc.mode("short")
    assert 110 <= full.minutes <= 130
    assert 30 <= short.minutes <= 40
    assert short.rounds[0].minutes >= 7, "time to read the press release and a briefing"
    for mode in (full, short):
        assert mode.rounds[-1].reveal and not mode.rounds[-1].events


def test_short_mode_keeps_one_issue_of_each_nature_and_the_plan_trade_off(sc: Scenario) -> None:
    short = sc.mode("short")
    live = [sc.issue(i) for i in short.issues]
    assert 3 <= len(live) <= 4
    assert {i.nature for i in live} == {"integrative", "distributive", "compatible"}
    assert any(o.phasing for i in live for o in i.options)
    assert set(short.issues) | set(short.presets) == set(sc.issue_ids)


def test_compatible_issue_has_one_option_every_role_ranks_first(sc: Scenario) -> None:
    for issue in sc.issues:
        if issue.nature != "compatible":
            continue
        shared = set(issue.option_ids)
        for role in sc.roles:
            pts = role.scoring.points.get(issue.id, {})
            top = max(pts.get(o, 0.0) for o in issue.option_ids)
            shared &= {o for o in issue.option_ids if pts.get(o, 0.0) == top}
        assert shared, issue.id


def test_briefings_are_dutch_two_part_and_take_numbers_from_the_yaml(sc: Scenario) -> None:
    for role in sc.roles:
        text = role.briefing_text
        assert "## Wie je bent" in text and "## Wat alleen jij weet" in text, role.id
        assert 180 <= _words(text) <= 330, (role.id, _words(text))
        assert "{{reservation}}" in text, role.id
        # No score written in prose: numbers of points come from placeholders.
        assert not re.search(r"\b\d+\s+punten\b", text), role.id
        for issue_id, option_id in re.findall(r"\{\{points\.(\w+)\.(\w+)\}\}", text):
            assert option_id in sc.issue(issue_id).option_ids, (role.id, issue_id, option_id)


def test_each_role_best_full_package_is_about_100(spaces: dict[str, OutcomeSpace]) -> None:
    space = spaces["full"]
    best = space.scores.max(axis=1)
    for role, value in zip(space.role_ids, best, strict=True):
        assert 85 <= value <= 110, (role, value)


# -- the plan ------------------------------------------------------------------
def test_waiting_for_the_heat_network_costs_the_sewer_its_deadline(sc: Scenario) -> None:
    plan = {**sc.status_quo, "warmte": "mt", "water": "klimaat"}
    waits = score_package(sc, "full", {**plan, "fasering": "wijksleuf"}).metrics
    early = score_package(sc, "full", {**plan, "fasering": "vooraf"}).metrics
    assert "riool_gescheiden" in waits.missed
    assert "riool_gescheiden" not in early.missed
    assert waits.openings_total == early.openings_total


def test_combining_works_cuts_openings(sc: Scenario) -> None:
    status_quo = score_package(sc, "full", dict(sc.status_quo)).metrics
    combined = score_package(sc, "full", {**sc.status_quo, "fasering": "wijksleuf"}).metrics
    assert status_quo.phasing == "separate"
    assert status_quo.openings_total >= 3 * combined.openings_total
    assert combined.saved > 0


def test_a_setback_hurts_a_plan_without_escalation_more(sc: Scenario) -> None:
    plan = {**sc.status_quo, "warmte": "teo", "fasering": "wijksleuf"}
    losses = {}
    for regie in ("intentie", "overeenkomst"):
        package = {**plan, "regie": regie}
        before = score_package(sc, "full", package).scores
        after = score_package(sc, "full", package, ["kavelbesluit_vertraagd"]).scores
        losses[regie] = sum(before.values()) - sum(after.values())
    assert losses["intentie"] > losses["overeenkomst"] >= 0


# -- playability (issue 14's goals for a short game) ------------------------------
def _passing(space: OutcomeSpace) -> tuple[np.ndarray, np.ndarray]:
    votes = count_votes(space)
    return np.flatnonzero(votes.passes), votes.yes_count


@pytest.mark.parametrize(("mode", "low", "high"), [("short", 8, 30), ("full", 40, 400)])
def test_passing_packages_and_a_binding_quorum(
    spaces: dict[str, OutcomeSpace], mode: str, low: int, high: int
) -> None:
    space = spaces[mode]
    passing, yes = _passing(space)
    assert low <= len(passing) <= high, len(passing)
    binding = int((yes[passing] < len(space.role_ids)).sum())
    assert 3 * binding >= len(passing), (binding, len(passing))


@pytest.mark.parametrize("mode", ["short", "full"])
def test_every_role_has_room(spaces: dict[str, OutcomeSpace], mode: str) -> None:
    space = spaces[mode]
    passing, _ = _passing(space)
    room = space.scores[:, passing].max(axis=1) - space.reservation
    assert room.min() >= 6, dict(zip(space.role_ids, room.round(1), strict=True))


def test_every_live_issue_matters_in_short_mode(
    sc: Scenario, spaces: dict[str, OutcomeSpace]
) -> None:
    """Each live issue is undecided (two options pass) but its choice changes what passes;
    the compatible issue's shared favourite is in most passing packages."""
    space = spaces["short"]
    passing, _ = _passing(space)
    chosen = space.option_indices(passing)
    for axis, issue in enumerate(space.issue_ids):
        counts = np.bincount(chosen[:, axis], minlength=len(space.option_ids[axis]))
        assert (counts > 0).sum() >= 2, issue
        assert counts.min() < counts.max(), issue
        if sc.issue(issue).nature == "compatible":
            assert counts.argmax() == space.option_ids[axis].index("wijkloket"), issue
            assert 2 * counts.max() > len(passing), issue


def test_vetoes_that_matter(spaces: dict[str, OutcomeSpace]) -> None:
    for mode in ("short", "full"):
        assert set(vetoes_that_matter(spaces[mode])) == {"wethouder", "corporatie", "huurders"}


def test_every_short_event_changes_the_game_and_leaves_a_deal(
    sc: Scenario, spaces: dict[str, OutcomeSpace]
) -> None:
    space = spaces["short"]
    passing, _ = _passing(space)
    for event in sc.mode("short").events:
        after = build_space(sc, "short", (event,))
        passing_after, _ = _passing(after)
        assert len(passing_after) >= 2, event
        assert not np.array_equal(passing, passing_after) or not np.allclose(
            space.scores, after.scores
        ), event


def test_every_event_changes_a_score_or_a_reservation(sc: Scenario) -> None:
    """Cheap full-mode check on a few plans (building 12 full spaces would take seconds)."""
    plans = [
        dict(sc.status_quo),
        {i.id: i.options[0].id for i in sc.issues},
        {i.id: i.options[-1].id for i in sc.issues},
        {**sc.status_quo, "warmte": "teo", "fasering": "wijksleuf", "graafrust": "geen"},
        {**sc.status_quo, "warmte": "all_electric", "kosten": "gemeente"},
    ]
    for event in sc.events:
        changed = event.effects and any(eff.type == "reservation" for eff in event.effects)
        for plan in plans:
            before = score_package(sc, "full", plan).scores
            after = score_package(sc, "full", plan, [event.id]).scores
            changed = changed or any(abs(before[r] - after[r]) > 1e-9 for r in before)
        assert changed, event.id
