"""The bitset Pareto frontier equals the pairwise definition."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import game.analysis.pareto as pareto
from game.analysis.pareto import pareto_indices, pareto_mask, pareto_mask_pairwise


def _tables(max_rows: int = 120, max_cols: int = 6):
    shape = st.tuples(st.integers(0, max_rows), st.integers(1, max_cols))
    values = st.one_of(
        st.integers(-3, 3).map(float),
        st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False),
        st.sampled_from([0.0, -0.0, 0.5, 1.0]),
    )
    return shape.flatmap(lambda s: arrays(np.float64, s, elements=values))


@settings(max_examples=200, deadline=None)
@given(_tables())
def test_frontier_equals_pairwise(table: np.ndarray):
    assert np.array_equal(pareto_mask(table), pareto_mask_pairwise(table))


@settings(max_examples=60, deadline=None)
@given(_tables(max_rows=300, max_cols=7))
def test_coarse_levels_are_verified_exactly(table: np.ndarray):
    old = pareto.TOP_ROWS, pareto.MEMORY_BUDGET
    pareto.TOP_ROWS, pareto.MEMORY_BUDGET = 4, 64
    try:
        assert np.array_equal(pareto_mask(table), pareto_mask_pairwise(table))
    finally:
        pareto.TOP_ROWS, pareto.MEMORY_BUDGET = old


def test_duplicates_share_their_fate():
    table = np.array([[1.0, 2.0], [1.0, 2.0], [2.0, 1.0], [0.0, 0.0], [0.0, 0.0]])
    assert list(pareto_indices(table)) == [0, 1, 2]


def test_larger_random_integer_table():
    rng = np.random.default_rng(5)
    table = rng.integers(0, 6, size=(3000, 8)).astype(float)
    assert np.array_equal(pareto_mask(table), pareto_mask_pairwise(table))


def test_edge_cases():
    assert pareto_indices(np.zeros((0, 3))).size == 0
    assert list(pareto_indices(np.array([[5.0]]))) == [0]
    assert list(pareto_indices(np.array([[1.0], [3.0], [3.0], [2.0]]))) == [1, 2]
    with pytest.raises(ValueError):
        pareto_mask(np.zeros(3))
