"""The Pareto frontier of short tables (see :mod:`game.analysis.pareto` for the dispatch).

Three exact paths, each a few numpy calls (on such tables numpy's fixed cost per
call, not the arithmetic, sets the time):

* :func:`_tiny_mask`: a few rows, compared in plain Python;
* :func:`_pairwise_mask`: every ordered pair of rows in one comparison;
* :func:`_keyed_mask`: one bitset per role and row, built along each role's
  ranking, with the ties broken by a key that grows with dominance, so no run of
  equal scores has to be found (see its docstring).

Also the packed-bitset helpers that the mid-sized and large paths share.
"""

from __future__ import annotations

import functools
from operator import ge

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
IndexArray = NDArray[np.intp]
BoolArray = NDArray[np.bool_]
WordArray = NDArray[np.uint64]
VoidArray = NDArray[np.void]

#: "All true" along the first axis (bound once: a lookup less per short table).
_all_of = np.logical_and.reduce


def _bit(positions: IndexArray) -> WordArray:
    return np.left_shift(np.uint64(1), (positions % 64).astype(np.uint64))


@functools.cache
def _word_sets(w: int) -> tuple[WordArray, WordArray, np.dtype[np.void], VoidArray]:
    """For ``w`` words (64·w rows at most): per bit position the set holding only it;
    per count ``c`` the set of the bit positions ``c`` and up; the void dtype of one
    set and the empty set in it (one element)."""
    pos = np.arange(64 * w)
    one_bit = np.zeros((64 * w, w), dtype=np.uint64)
    one_bit[pos, pos // 64] = _bit(pos)
    from_bit = np.zeros((64 * w + 1, w), dtype=np.uint64)
    from_bit[:-1] = one_bit
    np.bitwise_or.accumulate(from_bit[::-1], axis=0, out=from_bit[::-1])
    kind = np.dtype(f"V{8 * w}")
    return one_bit, from_bit, kind, np.zeros(w, dtype=np.uint64).view(kind)


def _tiny_mask(table: FloatArray) -> BoolArray:
    """The frontier of a few rows, compared in Python."""
    rows = table.tolist()
    return np.array(
        [not any(p != q and all(map(ge, p, q)) for p in rows) for q in rows], dtype=bool
    )


#: Per shape (rows, columns) of a table that goes to :func:`_pairwise_mask`: the
#: first and the second row of every ordered pair (2 × rows × rows), the void dtype
#: of one pair's row of booleans and "all true" in it (one element: compared faster
#: than a scalar).
#: Only such shapes are keys, so a hit also settles the dispatch in ``pareto_mask``.
_PAIRWISE: dict[tuple[int, ...], tuple[IndexArray, np.dtype[np.void], VoidArray]] = {}
#: Shapes kept in :data:`_PAIRWISE` at most (one per row count and column count).
_PAIRWISE_KEPT = 512


def _pairwise_shape(shape: tuple[int, ...]) -> tuple[IndexArray, np.dtype[np.void], VoidArray]:
    n, d = shape
    kind = np.dtype(f"V{d}")
    if len(_PAIRWISE) >= _PAIRWISE_KEPT:
        _PAIRWISE.clear()
    firsts = np.arange(n).repeat(n).reshape(n, n)
    found = _PAIRWISE[shape] = (
        np.stack([firsts, firsts.T]),
        kind,
        np.ones(d, dtype=bool).view(kind),
    )
    return found


def _pairwise_mask(
    table: FloatArray, found: tuple[IndexArray, np.dtype[np.void], VoidArray] | None = None
) -> BoolArray:
    """The frontier of a short table: ``ge[i, j]`` (row i at least row j in every
    column) for all pairs at once; row j is on the frontier when every i with
    ``ge[i, j]`` also has ``ge[j, i]`` (an equal row)."""
    pairs, kind, all_true = found or _PAIRWISE.get(table.shape) or _pairwise_shape(table.shape)
    # Both rows of every pair (2 × rows × rows × columns, one take), compared in one
    # call on equal shapes (no broadcast: one long loop); the d booleans of a pair
    # are then compared as one d-byte value.
    both = table.take(pairs, axis=0)
    ge = (np.greater_equal(both[0], both[1]).view(kind) == all_true)[:, :, 0]
    # For each j, "ge[j, i]" over the i with ge[i, j] (one reduction, no temporary).
    mask: BoolArray = _all_of(ge.T, axis=0, where=ge, initial=True)
    return mask


#: Per shape of a table that goes to :func:`_keyed_mask`: the positive key weight
#: of each role (roles × 1), role · rows (roles × 1), and per role and rank ``p``
#: the row ``p · roles + role`` of the bitsets (roles × rows).
_KEYED: dict[tuple[int, ...], tuple[FloatArray, IndexArray, IndexArray]] = {}
_KEYED_KEPT = 256


@functools.cache
def _key_weights(d: int) -> FloatArray:
    """The square roots of the first ``d`` primes (roles × 1): positive, and no sum
    of them with small integer factors is zero (an arithmetic progression of weights
    would give equal keys to many different rows of small integer scores)."""
    primes: list[int] = []
    candidate = 2
    while len(primes) < d:
        if all(candidate % p for p in primes):
            primes.append(candidate)
        candidate += 1
    weights: FloatArray = np.sqrt(np.array(primes, dtype=np.float64))[:, None]
    return weights


def _keyed_shape(shape: tuple[int, ...]) -> tuple[FloatArray, IndexArray, IndexArray]:
    n, d = shape
    if len(_KEYED) >= _KEYED_KEPT:
        _KEYED.clear()
    roles = np.arange(d)[:, None]
    found = _KEYED[shape] = (
        _key_weights(d),
        roles * n,
        (np.arange(n)[None, :] * d + roles).astype(np.intp),
    )
    return found


@functools.lru_cache(maxsize=64)
def _own_bits(n: int) -> VoidArray:
    """Per bit position below ``n``: the set holding only it, as one void value."""
    one_bit, _, kind, _ = _word_sets(max(1, -(-n // 64)))
    own: VoidArray = one_bit[:n].view(kind)[:, 0].copy()
    return own


def _keyed_mask(table: FloatArray) -> BoolArray | None:
    """The frontier of a mid-sized table, or None when two rows have the same key.

    The key, a weighted sum of a row's scores with positive weights, never drops
    when a score rises (each product and each addition is rounded monotonically,
    in the same order for every row). When all keys differ, a row dominating
    another has the larger key, and no two rows are equal. Rank each role's
    scores with ties in ascending key order (a stable sort of the key-ordered
    table): a row's sets "the rows ranked at or above it" in every role then have
    in common exactly itself and the rows dominating it (a dominating row passes
    a tie in a role, since its key is larger). One bit per row, OR-accumulated
    down each ranking, gives those sets; their AND over the roles is the row
    alone exactly when it is on the frontier.
    """
    n, d = table.shape
    w = -(-n // 64)
    one_bit, _, kind, _ = _word_sets(w)
    weights, role_start, rank_row = _KEYED.get(table.shape) or _keyed_shape(table.shape)
    cols = table.T  # roles × rows (a view)
    key = np.add.reduce(np.multiply(cols, weights, order="C"), axis=0)
    by_key = key.argsort()
    sorted_keys = key.take(by_key)
    if not _all_of(sorted_keys[1:] > sorted_keys[:-1]):  # equal keys (or NaN)
        return None
    # per role, the rows by ascending score, ties by ascending key (one bit per row)
    order = by_key.take(cols.take(by_key, axis=1).argsort(axis=1, kind="stable"))
    sets = one_bit.take(order.T, axis=0).reshape(n, d * w)  # rank × (role, word)
    backwards = sets[::-1]
    np.bitwise_or.accumulate(backwards, axis=0, out=backwards)  # rank p: ranks p and up
    at = np.empty(d * n, dtype=np.intp)  # per role and row: its bitset row
    at[order + role_start] = rank_row
    at_least = np.bitwise_and.reduce(sets.reshape(n * d, w).take(at.reshape(d, n), axis=0), 0)
    mask: BoolArray = at_least.view(kind)[:, 0] == _own_bits(n)
    return mask
