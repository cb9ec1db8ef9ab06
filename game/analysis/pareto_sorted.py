"""The frontier of a mid-sized table of positive scores, one integer sort per role.

The keyed path of :mod:`game.analysis.pareto_small` with its costly steps
replaced (on such tables numpy's fixed cost per call, not the arithmetic, sets
the time, so every step is one call, into arrays kept per shape and thread):

* the bounds of the scores are not searched: a window of 2⁵⁵ float bit patterns
  (eight powers of two, from 16 times below the first score's power of two) is
  placed by the first score, and one maximum checks that every score is in it;
* the stable sort per role by score, ties in ascending key order, is one sort
  of exact 64-bit codes: a score's bits minus the window's start (the bits of
  positive floats order as the floats do), shifted left by 8, with the row's
  key rank in the low byte; the key is the integer sum of a row's codes;
* the suffix OR along each ranking is one running sum over all roles at once:
  within a role the rows' bits are disjoint (their sum is their OR), and each
  role starts with minus "every row", so the roles after it add up to nothing;
* the sets are moved from rankings to key ranks by one scatter of whole sets.

It answers only when every score lies in the window (so no zero, negative
score, -0.0, NaN or infinity) and no two rows have the same key (duplicates,
say); otherwise it returns None and the keyed path answers.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

from game.analysis.pareto_small import BoolArray, FloatArray

CodeArray = NDArray[np.int64]
WordArray = NDArray[np.uint64]

#: Rows at most (a key rank or the marker's row fits in the low byte of a code).
SORTED_MAX_ROWS = 128
#: Roles at most (a key, the sum of a row's codes, stays below 2⁶³).
SORTED_MAX_ROLES = 255
#: Bit patterns in the window: codes shifted by 8 stay below 2⁶³.
_SPAN = 1 << 55
#: The window lies below infinity's bits.
_LOW_LIMIT = 0x7FF0000000000000 - _SPAN


_subtract, _add, _shift, _or, _and = (
    np.subtract,
    np.add,
    np.left_shift,
    np.bitwise_or,
    np.bitwise_and,
)
_greater, _equal = np.greater, np.equal
# reductions called with a positional ``out`` (numpy's stubs only type it by keyword)
_sum: Callable[..., Any] = np.add.reduce
_all: Callable[..., Any] = np.logical_and.reduce
_and_all: Callable[..., Any] = np.bitwise_and.reduce
_running_sum: Callable[..., Any] = np.add.accumulate
_max: Callable[..., Any] = np.maximum.reduce
_INT64 = np.dtype(np.int64)

#: Per shape: the frontier of a table's value codes, or None (see :func:`_runner`).
Runner = Callable[[CodeArray, int], "BoolArray | None"]

_LOCAL = threading.local()
#: Shapes kept per thread at most.
_KEPT = 64


def _runner(shape: tuple[int, int]) -> Runner:
    """The frontier for one shape (rows × roles), with everything it writes or reads
    made once (kept per thread: a call writes into them)."""
    n, d = shape
    m = n + 1  # per role: a marker, then the rows
    w = -(-n // 64)  # words of a set of rows
    codes = np.zeros((d, m), dtype=np.int64)
    codes[:, 0] = -_SPAN  # shifted by 8: -2⁶³, below every code
    values = codes[:, 1:]
    unsigned = values.view(np.uint64)
    sort_keys = np.empty((d, m), dtype=np.int64)
    low = np.empty(m, dtype=np.int64)  # the marker's table row, then each key rank
    low[0] = n
    key_rank = low[1:]
    positions = np.arange(n, dtype=np.int64)
    key = np.empty(n, dtype=np.int64)
    sorted_key = np.empty(n, dtype=np.int64)
    above, below = sorted_key[1:], sorted_key[:-1]
    rises = np.empty(n - 1, dtype=bool)
    # per role and position: the table row of the key rank there (role · m + rank)
    picked = np.empty((d, m), dtype=np.intp)
    role_start = np.repeat(np.arange(d) * m, m).reshape(d, m).astype(np.intp)
    # per key rank its bit; the marker: minus every row (a role's rows add up to it)
    one = np.zeros((m, w), dtype=np.uint64)
    rows = np.arange(n)
    one[rows, rows // 64] = np.left_shift(np.uint64(1), (rows % 64).astype(np.uint64))
    one[n] = np.uint64(0) - np.bitwise_or.reduce(one[:n], axis=0)
    bits = np.tile(one, (d, 1))
    own = np.concatenate([one[:n], np.zeros((1, w), dtype=np.uint64)])
    sums = np.empty((d, m, w), dtype=np.uint64)  # per role and position
    backwards = sums.reshape(d * m, w)[::-1]
    sets = np.empty((d, m, w), dtype=np.uint64)  # per role and key rank
    # a set's words as one value, to move a set with one index
    pair = np.dtype(f"V{8 * w}")
    each_sum = sums.reshape(d * m, w).view(pair)[:, 0].reshape(d, m)
    each_set = sets.reshape(d * m, w).view(pair)[:, 0]
    common = np.empty((m, w), dtype=np.uint64)
    equal = np.empty((m, w), dtype=bool)
    whole = np.dtype(f"u{w}")  # a row's w booleans as one integer
    all_equal = equal.view(whole)[:, 0]
    all_true = np.ones(w, dtype=bool).view(whole)[0]

    key_argsort, key_take, sort_rows, bits_take = key.argsort, key.take, sort_keys.sort, bits.take
    is_frontier = np.empty(m, dtype=bool)

    def run(columns: CodeArray, start: int) -> BoolArray | None:
        # the exact codes (a score's bits minus the window's start) and their sum
        # per row, the key: larger for a dominating row (exact integers)
        _subtract(columns, start, values)
        if _max(unsigned, None) >= _SPAN:
            return None  # a score outside the window (below it: a huge unsigned code)
        _sum(values, 0, None, key)
        by_key = key_argsort()
        key_take(by_key, 0, sorted_key, "clip")
        if not _all(_greater(above, below, rises)):
            return None  # two rows with the same key (duplicates, say)
        key_rank[by_key] = positions
        # per role: the marker, then the rows by ascending score, ties by ascending
        # key rank (in the low byte)
        _shift(codes, 8, sort_keys)
        _or(sort_keys, low, sort_keys)
        sort_rows(1)
        _add(_and(sort_keys, 255, picked), role_start, picked)
        bits_take(picked, 0, sums, "clip")
        # per position: its row and the rows above it (later roles add up to nothing)
        _running_sum(backwards, 0, None, backwards)
        each_set[picked] = each_sum  # per role, from positions to key ranks
        # the rows at least as good as a row in every role: itself and its dominators
        _and_all(sets, 0, None, common)
        _equal(common, own, equal)
        mask: BoolArray = _equal(all_equal, all_true, is_frontier).take(key_rank)
        return mask

    return run


def _sorted_mask(table: FloatArray) -> BoolArray | None:
    """The frontier of a table of at most :data:`SORTED_MAX_ROWS` rows and
    :data:`SORTED_MAX_ROLES` roles, or None (see the module docstring for when)."""
    bits_of = table.view(_INT64)
    start = ((bits_of.item(0) >> 52) - 4) << 52  # the first score's power of two / 16
    if not 0 <= start < _LOW_LIMIT:
        return None  # the first score is below about 2⁻¹⁰¹⁸, negative, huge, or NaN
    run: Runner
    try:
        run = _LOCAL.runs[table.shape]
    except (AttributeError, KeyError):  # a shape not seen in this thread
        n, d = table.shape
        if not (0 < n <= SORTED_MAX_ROWS and d <= SORTED_MAX_ROLES):
            return None
        runs = _LOCAL.__dict__.setdefault("runs", {})
        if len(runs) >= _KEPT:
            runs.clear()
        run = runs[table.shape] = _runner(table.shape)
    return run(bits_of.T, start)
