"""The vectorised outcome space equals the Scorer, package by package."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from game.analysis.playability import playability
from game.analysis.space import MAX_PACKAGES, SpaceTooLarge, build_space
from game.analysis.synthetic import synthetic_scenario
from game.scenario.model import Scenario
from game.scenario.scoring import Scorer
from tests.conftest import LEEUWAERDENHOUT

MINI_EVENTS = [(), ("subsidie",), ("vertraging", "subsidie")]


def _assert_matches_scorer(sc: Scenario, mode: str, events: tuple[str, ...], sample: list[int]):
    space = build_space(sc, mode, events)
    scorer = Scorer(sc, mode, events)
    for i in sample:
        result = scorer.score(space.live_choices(i))
        expected = [result.scores[r] for r in sc.role_ids]
        np.testing.assert_allclose(space.utilities[i], expected, atol=1e-6, rtol=0)
        assert bool(space.feasible[i]) == result.feasible
        assert int(space.openings_total[i]) == result.metrics.openings_total
        assert space.package(i) == dict(result.package)


@pytest.mark.parametrize("mode", ["full", "short"])
@pytest.mark.parametrize("events", MINI_EVENTS)
def test_mini_matrix_equals_scorer_for_every_package(mini: Scenario, mode: str, events):
    space = build_space(mini, mode, events)
    assert space.utilities.shape == (space.size, len(mini.roles))
    assert space.utilities.dtype == np.float64
    _assert_matches_scorer(mini, mode, events, list(range(space.size)))


def test_packages_come_in_product_order(mini: Scenario):
    space = build_space(mini, "full")
    live = [mini.issue(i).option_ids for i in space.issue_ids]
    for i, combo in enumerate(itertools.product(*live)):
        assert space.live_choices(i) == dict(zip(space.issue_ids, combo, strict=True))
        assert space.index_of(dict(zip(space.issue_ids, combo, strict=True))) == i


def test_forbidden_option_makes_packages_infeasible(mini: Scenario):
    space = build_space(mini, "full", ("subsidie",))
    kaal = space.option_indices()[:, space.issue_ids.index("ontwerp")] == 2
    assert not space.feasible[kaal].any()
    assert space.feasible[~kaal].all()


def test_index_of_rejects_unknown_option(mini: Scenario):
    space = build_space(mini, "short")
    with pytest.raises(KeyError):
        space.index_of({"ontwerp": "paars", "fasering": "los"})


def test_space_too_large_is_refused():
    sc = synthetic_scenario(1, roles=2, options=(2,) * 25, balance=None)
    assert MAX_PACKAGES < 2**25
    with pytest.raises(SpaceTooLarge):
        build_space(sc, "full")


@pytest.mark.parametrize("seed", [3, 7, 11])
def test_synthetic_matrix_equals_scorer(seed: int):
    sc = synthetic_scenario(seed, roles=4, options=(3, 3, 2, 2), metric_issue_count=2)
    for mode in ("full", "short"):
        for events in [(), ("vertraging", "tegenvaller")]:
            size = build_space(sc, mode, events).size
            _assert_matches_scorer(sc, mode, events, list(range(size)))


@pytest.mark.skipif(not LEEUWAERDENHOUT.exists(), reason="scenario not written yet")
@pytest.mark.parametrize("mode", ["full", "short"])
def test_leeuwaerdenhout_sample_equals_scorer(mode: str):
    from game.scenario.loader import load_scenario

    sc = load_scenario(LEEUWAERDENHOUT)
    rng = np.random.default_rng(8)
    events = tuple(e.id for e in sc.events[:4])
    for played in [(), events]:
        size = build_space(sc, mode, played).size
        sample = sorted(int(i) for i in rng.choice(size, size=min(size, 150), replace=False))
        _assert_matches_scorer(sc, mode, played, sample)


def test_playability_of_mini(mini: Scenario):
    result = playability(mini, "full")
    assert (result.packages, result.passes, result.unanimous) == (27, 13, 9)
    assert result.no_room == ()
    assert result.has_deal


def test_playability_names_core_role_without_room(mini: Scenario):
    import dataclasses

    greedy = dataclasses.replace(mini.role("net"), reservation=1000.0)
    roles = tuple(greedy if r.id == "net" else r for r in mini.roles)
    result = playability(dataclasses.replace(mini, roles=roles), "full")
    assert "net" in result.no_room
    assert "winkels" not in result.no_room
