"""The Pareto frontier (every path: tiny, pairwise, keyed, ranked, large with either second
pass) equals the pairwise definition and moocore's ``is_nondominated``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import game.analysis.pareto as pareto
import game.analysis.pareto_small as pareto_small
import game.analysis.pareto_sorted as pareto_sorted
from game.analysis.pareto import pareto_indices, pareto_mask, pareto_mask_pairwise


def _tables(max_rows: int = 120, max_cols: int = 6):
    shape = st.tuples(st.integers(0, max_rows), st.integers(1, max_cols))
    values = st.one_of(
        st.integers(-3, 3).map(float),
        st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False),
        st.sampled_from([0.0, -0.0, 0.5, 1.0]),
    )
    return shape.flatmap(lambda s: arrays(np.float64, s, elements=values))


_BIG = 10**9
#: TINY_ROWS, PAIRWISE_ROWS, SORTED_ROWS, KEYED_ROWS, RANKED_ROWS, SMALL_ROWS per
#: forced path.
_PATHS = {
    "tiny": (_BIG, _BIG, _BIG, _BIG, _BIG, _BIG),
    "pairwise": (0, _BIG, _BIG, _BIG, _BIG, _BIG),
    # scores out of its window, equal keys, more than 128 rows: keyed, then ranked
    "sorted": (0, 0, _BIG, _BIG, _BIG, _BIG),
    "keyed": (0, 0, 0, _BIG, _BIG, _BIG),  # equal keys (duplicates) fall back to ranked
    "ranked": (0, 0, 0, 0, _BIG, _BIG),
    "large-small": (0, 0, 0, 0, 0, _BIG),  # the second pass by _small_dominated
    "large": (0, 0, 0, 0, 0, 0),  # the second pass by the packed bitsets
}
_NAMES = ("TINY_ROWS", "PAIRWISE_ROWS", "SORTED_ROWS", "KEYED_ROWS", "RANKED_ROWS", "SMALL_ROWS")


@contextmanager
def _path(name: str) -> Iterator[None]:
    """Route every table through one algorithm (see ``_PATHS``). The shapes cached as
    short tables are dropped on the way in and out: a cached shape goes pairwise."""
    old = [getattr(pareto, attr) for attr in _NAMES]
    for attr, value in zip(_NAMES, _PATHS[name], strict=True):
        setattr(pareto, attr, value)
    pareto_small._PAIRWISE.clear()
    try:
        yield
    finally:
        for attr, value in zip(_NAMES, old, strict=True):
            setattr(pareto, attr, value)
        pareto_small._PAIRWISE.clear()


@pytest.mark.parametrize("path", list(_PATHS))
@settings(max_examples=80, deadline=None)
@given(table=_tables())
def test_frontier_equals_pairwise(path: str, table: np.ndarray):
    with _path(path):
        assert np.array_equal(pareto_mask(table), pareto_mask_pairwise(table))


def _tied_table(rows: int, cols: int, seed: int) -> np.ndarray:
    """Few distinct scores per column (many ties), some duplicate rows, -0.0 beside 0.0."""
    rng = np.random.default_rng(seed)
    levels = int(rng.integers(2, 12))
    table = rng.integers(-2, levels, size=(rows, cols)) * 1.5
    table[rng.random((rows, cols)) < 0.05] = -0.0
    dup = rows // 6
    if dup:
        table[rows - dup :] = table[rng.integers(0, rows - dup, size=dup)]
    return rng.permutation(table)


#: Sizes around every switch between paths (at the default thresholds) and around
#: the 64-row words of the bitsets.
_BOUNDARIES = sorted(
    {1, 2, 63, 64, 65, 127, 128, 129, 115, 524}
    | {pareto.TINY_ROWS + k for k in (-1, 0, 1)}
    | {pareto.PAIRWISE_ROWS + k for k in (-1, 0, 1)}
    | {pareto.SORTED_ROWS + k for k in (-1, 0, 1)}
    | {pareto.KEYED_ROWS + k for k in (-1, 0, 1)}
    | {pareto.RANKED_ROWS + k for k in (-1, 0, 1)}
)


@pytest.mark.parametrize("rows", _BOUNDARIES)
def test_default_paths_equal_moocore_at_the_switches(rows: int):
    import moocore  # in the test extra: a missing moocore fails, never skips

    for seed, cols in enumerate((1, 2, 5, 10, 12)):
        table = _tied_table(rows, cols, seed + rows)
        ours = pareto_mask(table)
        assert np.array_equal(ours, pareto_mask_pairwise(table)), (rows, cols)
        theirs = moocore.is_nondominated(table, maximise=True, keep_weakly=True)
        assert np.array_equal(ours, theirs), (rows, cols)


@pytest.mark.parametrize("path", list(_PATHS))
@pytest.mark.parametrize("rows", [3, 9, 11, 40, 64, 65, 115, 200])
def test_every_path_equals_moocore_on_tied_tables(path: str, rows: int):
    import moocore

    for seed, cols in enumerate((1, 3, 10, 12)):
        table = _tied_table(rows, cols, 100 * seed + rows)
        with _path(path):
            ours = pareto_mask(table)
        assert np.array_equal(ours, pareto_mask_pairwise(table)), (rows, cols)
        theirs = moocore.is_nondominated(table, maximise=True, keep_weakly=True)
        assert np.array_equal(ours, theirs), (rows, cols)


@pytest.mark.parametrize("rows", [5, 33, 64, 65, 115, 128, 129])
def test_keyed_path_on_distinct_rows_with_many_ties(rows: int):
    """Without duplicate rows the keyed path answers itself (no fallback), with few
    levels per column; with -0.0 beside 0.0 and a row one ulp above another (their
    keys may then be equal and the ranked path answer) the frontier is the same."""
    import moocore

    for seed, cols in enumerate((1, 2, 3, 10, 12)):
        table = np.unique(_tied_table(3 * rows, cols, 7 * seed + rows) + 0.0, axis=0)
        table = np.random.default_rng(seed).permutation(table)[:rows]
        ours = pareto_small._keyed_mask(table)
        assert ours is not None, (rows, cols)
        assert np.array_equal(ours, pareto_mask_pairwise(table)), (rows, cols)
        theirs = moocore.is_nondominated(table, maximise=True, keep_weakly=True)
        assert np.array_equal(ours, theirs), (rows, cols)
        if len(table) > 3:
            table[1] = table[0]
            table[1, -1] = np.nextafter(table[0, -1], np.inf)  # dominates row 0 by one ulp
            table[2, table[2] == 0.0] = -0.0
            with _path("keyed"):
                ours = pareto_mask(table)
            assert np.array_equal(ours, pareto_mask_pairwise(table)), (rows, cols)
            theirs = moocore.is_nondominated(table, maximise=True, keep_weakly=True)
            assert np.array_equal(ours, theirs), (rows, cols)


def test_keyed_path_hands_back_equal_keys():
    """Duplicate rows, different rows whose keys happen to be equal, or a NaN key go
    to the ranked path; the frontier is the same."""
    dup = np.array([[1.0, 2.0], [3.0, 0.0], [1.0, 2.0], [0.0, 0.0]])
    assert pareto_small._keyed_mask(dup) is None
    weights = pareto_small._keyed_shape((2, 2))[0][:, 0]
    same_key = np.array([[weights[1], 0.0], [0.0, weights[0]]])  # c1·c0 = c0·c1
    assert pareto_small._keyed_mask(same_key) is None
    assert pareto_small._keyed_mask(np.array([[np.nan, 1.0], [0.0, 2.0]])) is None
    for table in (dup, same_key):
        with _path("keyed"):
            assert np.array_equal(pareto_mask(table), pareto_mask_pairwise(table))


@settings(max_examples=60, deadline=None)
@given(_tables(max_rows=300, max_cols=7))
def test_coarse_levels_are_verified_exactly(table: np.ndarray):
    old = pareto.TOP_ROWS, pareto.MEMORY_BUDGET
    pareto.TOP_ROWS, pareto.MEMORY_BUDGET = 4, 64
    try:
        with _path("large"):
            assert np.array_equal(pareto_mask(table), pareto_mask_pairwise(table))
    finally:
        pareto.TOP_ROWS, pareto.MEMORY_BUDGET = old


@pytest.mark.parametrize("rows", [3, 9, 40, 486, 5000])
def test_frontier_equals_moocore(rows: int):
    import moocore  # in the test extra: a missing moocore fails, never skips

    rng = np.random.default_rng(rows)
    table = rng.integers(0, 9, size=(rows, 12)) * 2.5 + rng.integers(0, 3, size=(rows, 1)) * 0.01
    dup = rows // 5
    table[rows - dup :] = table[:dup]  # some duplicate rows
    ours = pareto_mask(table)
    theirs = moocore.is_nondominated(table, maximise=True, keep_weakly=True)
    assert np.array_equal(ours, theirs)
    assert np.array_equal(ours, pareto_mask_pairwise(table))


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


def test_other_layouts_and_dtypes_give_the_same_frontier():
    rng = np.random.default_rng(7)
    for rows in (3, 11, 40, 115, 600):
        table = rng.integers(0, 5, size=(rows, 6)) * 0.5
        want = pareto_mask_pairwise(table)
        for other in (
            np.asfortranarray(table),
            np.ascontiguousarray(table[:, ::-1])[:, ::-1],  # a view with negative strides
            table.astype(">f8"),
            table.astype(np.float32),
            (table * 2).astype(np.int64),
            table.tolist(),
        ):
            assert np.array_equal(pareto_mask(other), want), (rows, type(other))


def test_a_cached_short_shape_still_gives_the_frontier():
    """The second call of a short shape skips the checks; the cache stays bounded."""
    rng = np.random.default_rng(11)
    for _ in range(2):
        for rows in range(pareto.TINY_ROWS + 1, pareto.PAIRWISE_ROWS + 1):
            table = _tied_table(rows, 4, rows)
            assert np.array_equal(pareto_mask(table), pareto_mask_pairwise(table))
    shapes = 0
    for rows in range(pareto.TINY_ROWS + 1, pareto.PAIRWISE_ROWS + 1):
        for cols in range(1, 25):
            table = rng.integers(0, 3, size=(rows, cols)).astype(float)
            assert np.array_equal(pareto_mask(table), pareto_mask_pairwise(table))
            assert len(pareto_small._PAIRWISE) <= pareto_small._PAIRWISE_KEPT
            shapes += 1
    assert shapes > pareto_small._PAIRWISE_KEPT  # the cache was cleared on the way
    with pytest.raises(ValueError):
        pareto_mask(np.zeros((2, 3, 4)))


def _window_table(rows: int, cols: int, seed: int, distinct: bool = True) -> np.ndarray:
    """Scores from 10 to 100 (within the sorted path's window whatever the first one
    is), few levels per column (many ties); distinct rows unless asked otherwise."""
    rng = np.random.default_rng(seed)
    levels = int(rng.integers(2, 12))
    steps = rng.uniform(50.0, 90.0, size=cols) / levels  # columns unlike each other
    table = 10.0 + rng.integers(0, levels, size=(3 * rows, cols)) * steps
    if distinct:
        table = np.unique(table, axis=0)
    return rng.permutation(table)[:rows]


@pytest.mark.parametrize("rows", [1, 2, 5, 33, 63, 64, 65, 115, 127, 128])
def test_sorted_path_on_positive_tables(rows: int):
    """Distinct rows with many ties, or random floats, within the window: the sorted
    path answers itself, the same as the plain reference and moocore."""
    import moocore

    rng = np.random.default_rng(rows)
    for seed, cols in enumerate((1, 2, 3, 10, 12)):
        tied = _window_table(rows, cols, 7 * seed + rows)
        for table in (
            tied,
            rng.uniform(10.0, 100.0, size=(rows, cols)),
            rng.uniform(1.0, 1.0 + 1e-9, size=(rows, cols)),  # codes a few ulps apart
        ):
            ours = pareto_sorted._sorted_mask(table)
            if ours is None:  # rows of few levels may have equal keys (code sums)
                assert table is tied, (rows, cols)
                with _path("sorted"):
                    ours = pareto_mask(table)
            assert np.array_equal(ours, pareto_mask_pairwise(table)), (rows, cols)
            theirs = moocore.is_nondominated(table, maximise=True, keep_weakly=True)
            assert np.array_equal(ours, theirs), (rows, cols)
            if len(table) > 1:  # a row one ulp above another: it dominates that row
                table = table.copy()
                table[1] = table[0]
                table[1, -1] = np.nextafter(table[0, -1], np.inf)
                with _path("sorted"):
                    ours = pareto_mask(table)
                assert not ours[0], (rows, cols)
                assert np.array_equal(ours, pareto_mask_pairwise(table)), (rows, cols)


@pytest.mark.parametrize(
    "rows",
    sorted(
        {63, 64, 65, 115}
        | {pareto.PAIRWISE_ROWS + k for k in (-1, 0, 1)}
        | {pareto.SORTED_ROWS + k for k in (-1, 0, 1)}
    ),
)
def test_default_paths_on_positive_tables_at_the_switches(rows: int):
    import moocore

    for seed, cols in enumerate((1, 2, 5, 10, 12)):
        for distinct in (True, False):
            table = _window_table(rows, cols, seed + rows, distinct)
            ours = pareto_mask(table)
            assert np.array_equal(ours, pareto_mask_pairwise(table)), (rows, cols)
            theirs = moocore.is_nondominated(table, maximise=True, keep_weakly=True)
            assert np.array_equal(ours, theirs), (rows, cols)


def test_sorted_path_hands_back_what_it_cannot_answer():
    """A score out of the window (a zero, a negative score, -0.0, NaN, infinity, one
    far from the first), equal keys, or too many rows go to the keyed path; the
    frontier is the same."""
    base = _window_table(40, 4, 3)
    assert pareto_sorted._sorted_mask(base) is not None
    tables = []
    for bad in (0.0, -1.0, -0.0, np.nan, np.inf, 1e6, 0.5, 5e-324):
        for where in ((0, 0), (7, 2)):
            table = base.copy()
            table[where] = bad
            tables.append(table)
    dup = base.copy()
    dup[5] = dup[9]
    tables.append(dup)
    same_key = np.array([[20.0, 30.0], [30.0, 20.0], [10.0, 10.0]])  # equal code sums
    tables.append(same_key)
    for table in tables:
        assert pareto_sorted._sorted_mask(table) is None, table
        if not np.isnan(table).any():  # (NaN has no frontier to agree on)
            with _path("sorted"):
                assert np.array_equal(pareto_mask(table), pareto_mask_pairwise(table))
    big = np.random.default_rng(5).uniform(10.0, 100.0, size=(129, 3))
    assert pareto_sorted._sorted_mask(big) is None
    with _path("sorted"):
        assert np.array_equal(pareto_mask(big), pareto_mask_pairwise(big))


def _window_tables(max_rows: int = 140, max_cols: int = 6):
    shape = st.tuples(st.integers(1, max_rows), st.integers(1, max_cols))
    values = st.one_of(
        st.integers(3, 9).map(float),
        st.floats(3.0, 40.0, allow_nan=False, allow_infinity=False),
    )
    return shape.flatmap(lambda s: arrays(np.float64, s, elements=values))


@settings(max_examples=80, deadline=None)
@given(table=_window_tables())
def test_sorted_path_equals_pairwise(table: np.ndarray):
    ours = pareto_sorted._sorted_mask(table)
    if ours is not None:
        assert np.array_equal(ours, pareto_mask_pairwise(table))
    with _path("sorted"):
        assert np.array_equal(pareto_mask(table), pareto_mask_pairwise(table))


def test_sorted_path_keeps_its_arrays_per_thread_and_bounded():
    """Calls from two threads at once (each writes into its own arrays), and more
    shapes than are kept."""
    from concurrent.futures import ThreadPoolExecutor

    tables = [_window_table(rows, 6, rows) for rows in (50, 50, 90, 90)]
    wants = [pareto_mask_pairwise(table) for table in tables]

    def check(i: int) -> bool:
        return all(
            np.array_equal(pareto_sorted._sorted_mask(tables[i]), wants[i]) for _ in range(300)
        )

    with ThreadPoolExecutor(4) as pool:
        assert all(pool.map(check, range(4)))
    for rows in range(2, 2 + pareto_sorted._KEPT + 5):
        table = _window_table(rows, 2, rows)
        ours = pareto_sorted._sorted_mask(table)
        assert ours is None or np.array_equal(ours, pareto_mask_pairwise(table))
        assert len(pareto_sorted._LOCAL.runs) <= pareto_sorted._KEPT


def test_sorted_path_on_other_layouts():
    """Fortran order and negative strides give the same frontier from the sorted path."""
    rng = np.random.default_rng(3)
    for rows in (40, 115):
        table = rng.uniform(10.0, 100.0, size=(rows, 7))
        want = pareto_mask_pairwise(table)
        for other in (
            np.asfortranarray(table),
            np.ascontiguousarray(table[:, ::-1])[:, ::-1],
            np.ascontiguousarray(table[::-1])[::-1],
        ):
            ours = pareto_sorted._sorted_mask(other)
            assert ours is not None and np.array_equal(ours, want), rows
            assert np.array_equal(pareto_mask(other), want), rows
