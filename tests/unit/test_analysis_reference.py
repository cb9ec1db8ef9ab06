"""The fast analysis gives the same numbers as the slow reference implementation."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.analysis.agreements import analyze_agreements, left_on_table, nash_product
from game.analysis.reference import reference_analysis, reference_left_on_table
from game.analysis.space import build_space
from game.analysis.synthetic import synthetic_scenario
from game.scenario.model import Scenario


def _check(sc: Scenario, mode: str, events: tuple[str, ...], in_play: list[str] | None) -> None:
    space = build_space(sc, mode, events)
    ref = reference_analysis(sc, mode, events, in_play)
    result = analyze_agreements(space, in_play)
    np.testing.assert_allclose(space.utilities, np.array(ref.scores), atol=1e-6, rtol=0)
    assert list(result.passes) == ref.passes
    assert list(result.unanimous) == ref.unanimous
    assert list(result.pareto) == ref.pareto
    if ref.max_welfare is None:
        assert result.max_welfare is None
    else:
        assert result.max_welfare is not None and result.passes[result.max_welfare]
        assert math.isclose(result.welfare(result.max_welfare), ref.max_welfare, abs_tol=1e-6)
    reservation = space.reservation[result.votes.roles][:, None]
    if ref.nash_product is None:
        assert result.nash is None and result.kalai is None
    else:
        assert result.nash is not None and result.unanimous[result.nash]
        product = nash_product(result.values[:, [result.nash]] - reservation)[0]
        assert math.isclose(product, ref.nash_product, rel_tol=1e-9, abs_tol=1e-9)
        assert result.kalai is not None and result.unanimous[result.kalai]
        gains = result.values[:, [result.kalai]] - reservation
        ideal = (result.values[:, result.unanimous] - reservation).max(axis=1)
        share = min(
            (g / b for g, b in zip(gains[:, 0], ideal, strict=True) if b > 0), default=math.inf
        )
        assert share == pytest.approx(ref.kalai_share)
    for room in result.room:
        assert room.best == pytest.approx(ref.room[room.role])
    for package in range(space.size):
        found = left_on_table(result, package)
        better, fewest = reference_left_on_table(ref, sc, package, in_play)
        assert list(found.better) == better
        if fewest is None:
            assert found.fewest_openings is None
        else:
            assert found.fewest_openings in better
            assert space.openings_total[found.fewest_openings] == fewest


@pytest.mark.parametrize("mode", ["full", "short"])
@pytest.mark.parametrize("events", [(), ("subsidie",), ("vertraging", "subsidie")])
@pytest.mark.parametrize("in_play", [None, ["gemeente", "net"], ["net", "winkels"]])
def test_mini_equals_reference(mini: Scenario, mode: str, events, in_play):
    _check(mini, mode, events, in_play)


def test_mini_numbers(mini: Scenario):
    result = analyze_agreements(build_space(mini, "full"))
    assert (int(result.passes.sum()), int(result.unanimous.sum()), len(result.pareto)) == (
        13,
        9,
        11,
    )


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    roles=st.integers(1, 5),
    options=st.lists(st.integers(1, 3), min_size=1, max_size=4),
    metric_issues=st.integers(0, 2),
    vetoes=st.integers(0, 2),
    balance=st.sampled_from([None, 0.3, 0.5]),
    mode=st.sampled_from(["full", "short"]),
    events=st.sampled_from([(), ("vertraging",), ("vertraging", "tegenvaller")]),
    drop_last=st.booleans(),
)
def test_synthetic_equals_reference(
    seed, roles, options, metric_issues, vetoes, balance, mode, events, drop_last
):
    sc = synthetic_scenario(seed, roles, tuple(options), metric_issues, vetoes, balance)
    in_play = list(sc.role_ids[:-1]) if drop_last and roles > 1 else None
    _check(sc, mode, events, in_play)
