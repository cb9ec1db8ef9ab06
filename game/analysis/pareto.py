"""The exact Pareto frontier of a table of scores (maximise every column).

Six exact algorithms, chosen by the size of the table (the tiny, pairwise and
keyed ones are in :mod:`game.analysis.pareto_small`):

* up to :data:`TINY_ROWS` rows, plain Python comparisons (no numpy overhead);
* up to :data:`PAIRWISE_ROWS` rows, every pair at once in a handful of numpy
  calls (a short passing set costs microseconds);
* up to :data:`SORTED_ROWS` rows, when every score is positive and within a
  factor of about 16 of the first score, the keyed bitsets below with one
  integer sort per role and one running sum (:mod:`game.analysis.pareto_sorted`);
  otherwise, or when two rows have the same key, the next path;
* up to :data:`KEYED_ROWS` rows, one bitset per role and row along each role's
  ranking, with ties broken by a key that grows with dominance (a weighted sum);
  when two rows have the same key (duplicates, say) the next path takes over;
* up to :data:`RANKED_ROWS` rows, one bitset per role and row
  (:func:`_ranked_mask`): per role, the rows scoring at least as much as a row
  are a suffix of that role's ranking; their AND over the roles holds the rows
  at least as good in every column, and the integer rank sum tells the rows
  dominating the row from its duplicates exactly;
* larger tables, the two-pass algorithm below; its survivors, when few, go
  through :func:`_small_dominated` (rows sorted by descending sum; for each role
  the sets "the rows scoring at least this row" are built by scattering one bit
  per row and OR-accumulating along the role's ranking; a row is dominated when
  the AND of its sets holds a row with a larger sum; rows with an equal sum are
  compared exactly).

Two-pass algorithm for large tables (dominance counting with bitsets):

1. Duplicate rows are merged (a row never dominates an equal row, so equal
   rows share their fate) and the distinct rows are sorted by descending sum:
   a row can only be dominated by a row with a sum at least as large, so by
   one earlier in that order or in its own equal-sum group.
2. For one role, the rows scoring at least ``x`` are the first ``c`` rows of
   that role's ranking, with ``c`` found by a binary search. Those sets are
   stored once as packed bitsets (``c`` at the distinct values, 64 rows per
   machine word). The rows that weakly dominate ``q`` are then the AND over
   the roles of ``q``'s sets: one word operation settles 64 candidate
   dominators for one role, instead of 64 comparisons of 12 numbers.
   ``q`` is dominated exactly when that AND, without ``q`` itself, is not empty.
3. First a cheap pass against the top rows by sum removes most dominated rows;
   then an exact pass over the survivors, each checked only against the prefix
   of survivors that can dominate it. When a role has more distinct values than
   the memory budget allows, its sets are rounded up to a coarser set (a
   superset) and the few rows that then look dominated are verified exactly.

The frontier of ``n`` rows with ``f`` survivors costs about ``n·d·K/64 +
f²·d/128`` word operations (``K`` top rows), against ``n·f·d`` comparisons for a
sweep over the frontier.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import cast

import numpy as np
from numpy.typing import NDArray

from game.analysis.pareto_small import (
    _PAIRWISE,
    BoolArray,
    FloatArray,
    IndexArray,
    WordArray,
    _all_of,
    _bit,
    _keyed_mask,
    _pairwise_mask,
    _tiny_mask,
    _word_sets,
)
from game.analysis.pareto_sorted import SORTED_MAX_ROWS, _sorted_mask

_FLOAT64 = np.dtype(np.float64)

#: Tables up to this many rows are compared in plain Python.
TINY_ROWS = 4
#: Tables up to this many rows compare every pair at once (the pairs grow as rows²:
#: from about 32 rows, with 10 or 12 roles, the keyed bitsets are faster).
PAIRWISE_ROWS = 32
#: Tables up to this many rows first try the one-sort path of
#: :mod:`game.analysis.pareto_sorted` (positive scores within a factor of about 16 of
#: the first; it takes at most ``SORTED_MAX_ROWS`` rows and hands back larger ones).
SORTED_ROWS = SORTED_MAX_ROWS
#: Tables up to this many rows use the keyed bitsets of :func:`_keyed_mask` (a stable
#: sort per role; from about 128 rows the ranked path, with a faster sort, is as fast).
KEYED_ROWS = 128
#: Tables up to this many rows use the per-row bitsets of :func:`_ranked_mask` (its
#: sets grow as rows²; from about 1,500 rows with a small frontier the first pass of
#: the large path, which drops most rows cheaply, is several times faster).
RANKED_ROWS = 1024
#: Survivors of the first pass of a larger table, up to this many rows, use the
#: one-pass per-row bitsets of :func:`_small_dominated`.
SMALL_ROWS = 2048
#: Rows of the first, cheap pass: a sixteenth of the distinct rows, within these bounds.
TOP_ROWS = 2048
TOP_ROWS_MIN = 256
#: Bytes the bitset tables of the exact pass may take.
MEMORY_BUDGET = 256 * 2**20
#: Bytes of one block of bitset rows being ANDed.
BLOCK_BYTES = 2**19


@dataclass(frozen=True)
class _Bitsets:
    """For each role, the packed sets "rows scoring at least x" at some thresholds."""

    neg_distinct: tuple[FloatArray, ...]
    """Per role, the reference rows' distinct scores, negated (ascending)."""
    level_row: tuple[IndexArray, ...]
    """Per role and ``k`` (distinct scores at least the query's): the table row to use."""
    level_exact: tuple[BoolArray, ...]
    """Per role and ``k``: whether that table row holds exactly those rows (not more)."""
    tables: tuple[WordArray, ...]
    """Per role, one packed bitset (over the reference rows) per checkpoint."""
    words: int

    def levels(self, queries: FloatArray) -> tuple[IndexArray, BoolArray]:
        """Per query and role the table row to use, and whether every row used is exact."""
        n_q, d = queries.shape
        rows = np.empty((d, n_q), dtype=np.intp)
        exact = np.ones(n_q, dtype=bool)
        for r in range(d):
            # a search among the few distinct scores, not among all rows
            k = np.searchsorted(self.neg_distinct[r], -queries[:, r], side="right")
            rows[r] = self.level_row[r][k]
            exact &= self.level_exact[r][k]
        return rows, exact


def _build_bitsets(ref: FloatArray, max_levels: int) -> _Bitsets:
    n, d = ref.shape
    words = max(1, -(-n // 64))
    neg_distinct: list[FloatArray] = []
    level_row: list[IndexArray] = []
    level_exact: list[BoolArray] = []
    tables: list[WordArray] = []
    positions = np.arange(n)
    bits = _bit(positions)
    for r in range(d):
        order = np.argsort(-ref[:, r])  # the order within equal scores does not matter
        values = ref[order, r]
        # Counts at the end of each run of equal values, plus 0.
        last = np.r_[values[1:] != values[:-1], True]
        counts = np.r_[0, np.flatnonzero(last) + 1].astype(np.intp)
        cps = counts
        if len(cps) > max_levels:
            pick = np.unique(np.linspace(0, len(cps) - 1, max_levels).round().astype(np.intp))
            cps = cps[pick]
        # A row is in the sets of every checkpoint at or above the end of its run of
        # equal scores: set its bit in the first of those, then OR-accumulate upwards.
        run = np.empty(n, dtype=np.intp)
        run[order] = np.cumsum(last) - last
        first = np.searchsorted(cps, counts[1:], side="left")[run]
        table = np.zeros((len(cps), words), dtype=np.uint64)
        np.bitwise_or.at(table.reshape(-1), first * words + positions // 64, bits)
        np.bitwise_or.accumulate(table, axis=0, out=table)
        row = np.searchsorted(cps, counts, side="left").astype(np.intp)
        neg_distinct.append(-values[last])
        level_row.append(row)
        level_exact.append(cps[row] == counts)
        tables.append(table)
    return _Bitsets(tuple(neg_distinct), tuple(level_row), tuple(level_exact), tuple(tables), words)


def _verify(
    ref: FloatArray, queries: FloatArray, acc: WordArray, rows: IndexArray, strict: bool = False
) -> BoolArray:
    """Exactly check the candidate dominators left in ``acc`` for the given rows
    (``strict``: a candidate equal to the query does not count)."""
    out = np.zeros(len(rows), dtype=bool)
    per = max(1, 2**22 // max(1, acc.shape[1] * 64))
    for lo in range(0, len(rows), per):
        part = rows[lo : lo + per]
        bits = np.unpackbits(acc[part].view(np.uint8), axis=1, bitorder="little")
        q_idx, cand = np.nonzero(bits[:, : len(ref)])
        ok = np.all(ref[cand] >= queries[part][q_idx], axis=1)
        if strict:
            ok &= np.any(ref[cand] > queries[part][q_idx], axis=1)
        hit = np.zeros(len(part), dtype=bool)
        hit[q_idx[ok]] = True
        out[lo : lo + len(part)] = hit
    return out


def _dominated(
    bitsets: _Bitsets,
    ref: FloatArray,
    queries: FloatArray,
    self_pos: IndexArray,
    limit: IndexArray,
) -> BoolArray:
    """Whether each query has a dominator among the reference rows.

    ``self_pos`` is the query's own position among the reference rows (or -1);
    ``limit`` bounds the reference positions that can dominate it (exclusive).
    The queries must be distinct from every reference row except themselves.
    """
    n_q, d = queries.shape
    levels, exact = bitsets.levels(queries)
    result = np.zeros(n_q, dtype=bool)
    words_needed = np.minimum(-(-limit // 64), bitsets.words)
    start = 0
    while start < n_q:
        w = max(1, int(words_needed[start]))
        stop = min(n_q, start + max(8, BLOCK_BYTES // (8 * w)))
        w = max(1, int(words_needed[start:stop].max()))
        stop = min(stop, start + max(8, BLOCK_BYTES // (8 * w)))
        alive = np.arange(start, stop)
        acc = bitsets.tables[0][levels[0, alive], :w].copy()
        for r in range(1, d):
            acc &= bitsets.tables[r][levels[r, alive], :w]
            if r % 3 == 2 and r < d - 1:
                keep = acc.any(axis=1)
                if not keep.all():
                    alive, acc = alive[keep], acc[keep]
        own = self_pos[alive]
        has_self = own >= 0
        rows_self = np.flatnonzero(has_self)
        word, bit = own[has_self] // 64, (own[has_self] % 64).astype(np.uint64)
        inside = word < w
        acc[rows_self[inside], word[inside]] &= ~(np.uint64(1) << bit[inside])
        nonzero = acc.any(axis=1)
        sure = nonzero & exact[alive]
        result[alive[sure]] = True
        unsure = np.flatnonzero(nonzero & ~exact[alive])
        if len(unsure):
            result[alive[unsure]] = _verify(ref, queries[alive], acc, unsure)
        start = stop
    return result


def _distinct_by_sum(values: FloatArray) -> tuple[FloatArray, IndexArray, IndexArray]:
    """Distinct rows sorted by descending sum; the sorted order; each sorted row's distinct id."""
    rows = np.ascontiguousarray(values + 0.0)  # + 0.0 turns -0.0 into 0.0
    sums = rows.sum(axis=1)
    keys = rows.view(np.dtype((np.void, rows.dtype.itemsize * rows.shape[1]))).ravel()
    by_bytes = np.argsort(keys, kind="stable")
    order = by_bytes[np.argsort(-sums[by_bytes], kind="stable")]
    ordered = rows[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = np.any(ordered[1:] != ordered[:-1], axis=1)
    ids = np.cumsum(new) - 1
    return ordered[new], order, ids.astype(np.intp)


def _group_end(sums: FloatArray) -> IndexArray:
    """For rows sorted by descending sum: the end (exclusive) of each row's equal-sum group."""
    n = len(sums)
    last = np.ones(n, dtype=bool)
    np.not_equal(sums[1:], sums[:-1], out=last[:-1])
    ends = np.where(last, np.arange(1, n + 1), n)
    return np.minimum.accumulate(ends[::-1])[::-1].astype(np.intp)


@functools.lru_cache(maxsize=64)
def _starts(n: int, d: int) -> IndexArray:
    """Per role and position (roles × rows): role · rows + position."""
    starts: IndexArray = np.arange(d)[:, None] * n + np.arange(n)
    return starts


def _ranked_mask(table: FloatArray) -> BoolArray:
    """The frontier of a mid-sized table with one bitset per role and row.

    Per role, ``rank`` is the number of rows scoring less; the rows scoring at
    least as much as a row are a suffix of the role's ranking, built for every
    position by OR-accumulating one bit per row from the end. The AND over the
    roles of a row's sets are the rows at least as good in every column: the row
    itself, its duplicates and the rows dominating it. The rank sum separates
    them exactly (an integer, larger by at least one for a dominating row, equal
    for a duplicate), so the bits are numbered by ascending rank sum and a row is
    dominated when its AND holds a bit above its rank sum's last position.
    """
    n, d = table.shape
    w = max(1, -(-n // 64))
    one_bit, from_bit, kind, empty = _word_sets(w)
    starts = _starts(n, d)
    pos = starts[0]
    cols = np.ascontiguousarray(table.T)  # roles × rows
    order = np.argsort(cols, axis=1)  # per role, rows by ascending score
    flat = order + starts[:, :1]
    ranked = cols.ravel().take(flat)
    # level (role · rows + rank) at each position: where its run of equal scores starts
    level = np.empty((d, n), dtype=np.intp)
    level[:, 0] = starts[:, 0]
    np.multiply(ranked[:, 1:] != ranked[:, :-1], starts[:, 1:], out=level[:, 1:])
    np.maximum.accumulate(level, axis=1, out=level)
    by_row = np.empty(d * n, dtype=np.intp)
    by_row[flat] = level  # per role and row
    rank_sum = np.add.reduce(by_row.reshape(d, n), axis=0)  # the rank sum plus a constant
    by_sum = np.argsort(rank_sum)
    bit_of_row = np.empty(n, dtype=np.intp)
    bit_of_row[by_sum] = pos
    higher = np.searchsorted(rank_sum.take(by_sum), rank_sum, side="right")
    # sets[r, p]: the rows at position p or later in role r's ranking
    sets = one_bit.take(bit_of_row.take(order), axis=0)
    backwards = sets[:, ::-1]
    np.bitwise_or.accumulate(backwards, axis=1, out=backwards)
    at_least = np.bitwise_and.reduce(
        sets.reshape(d * n, w).take(by_row, axis=0).reshape(d, n, w), axis=0
    )
    at_least &= from_bit.take(higher, axis=0)  # bits beyond the rows are never set
    mask: BoolArray = at_least.view(kind)[:, 0] == empty  # w words compared as one value
    return mask


def _small_dominated(tt: FloatArray, s: FloatArray) -> BoolArray:
    """Per row (column of ``tt``, roles × rows, sorted by descending sum ``s``): is
    another row dominating it?

    One pass of per-row bitsets (see the module docstring); rows with an equal
    sum that score at least as much are compared exactly (equal, or dominating).
    """
    d, n = tt.shape
    w = -(-n // 64)
    pos = np.arange(n)
    size = d * n
    # Per role, rows by ascending score; one flat array over all roles.
    ranking = np.argsort(tt, axis=1).ravel() + np.repeat(np.arange(d) * n, n)
    ranked = tt.ravel()[ranking]
    first = np.empty(size, dtype=bool)  # the first of a run of equal scores within a role
    first[0] = True
    np.not_equal(ranked[1:], ranked[:-1], out=first[1:])
    first[::n] = True
    run_start = np.flatnonzero(first)
    # rows scoring at least as much as a ranked row: from the start of its run to the end
    at_least = (np.arange(d) * n + n).repeat(n) - run_start[np.cumsum(first) - 1]
    role = np.arange(size) // n
    levels = np.empty(size, dtype=np.intp)
    levels[ranking] = at_least + role * (n + 1)
    # sets[r, c]: the c best rows of role r (rows ranked from the top), one bit per row
    row = ranking - role * n
    from_top = (n - 1) - (np.arange(size) - role * n)
    bit, word = _bit(pos), pos // 64
    sets = np.zeros((d * (n + 1)) * w, dtype=np.uint64)
    sets[(from_top + 1 + role * (n + 1)) * w + word[row]] = bit[row]
    by_role = sets.reshape(d, n + 1, w)
    np.bitwise_or.accumulate(by_role, axis=1, out=by_role)
    acc = np.bitwise_and.reduce(by_role.reshape(-1, w).take(levels, axis=0).reshape(d, n, w), 0)
    acc[pos, word] &= ~bit  # not the row itself
    prefix = np.zeros((n + 1, w), dtype=np.uint64)  # prefix[c]: the first c rows by sum
    prefix[pos + 1, word] = bit
    np.bitwise_or.accumulate(prefix, axis=0, out=prefix)
    end = _group_end(s)
    new = np.ones(n, dtype=bool)
    np.not_equal(s[1:], s[:-1], out=new[1:])
    start = np.maximum.accumulate(np.where(new, pos, 0))
    dominated: BoolArray = (acc & prefix[start]).any(axis=1)  # by a row with a larger sum
    tied = np.flatnonzero((end - start > 1) & ~dominated)
    if len(tied):
        rows = np.ascontiguousarray(tt.T)
        others = acc[tied] & prefix[end[tied]] & ~prefix[start[tied]]
        check = np.flatnonzero(others.any(axis=1))
        dominated[tied[check]] = _verify(rows, rows[tied], others, check, strict=True)
    return dominated


def pareto_mask(values: NDArray[np.floating] | NDArray[np.integer]) -> BoolArray:
    """Per row of ``values`` (rows × objectives, maximised): is it on the Pareto frontier?

    A row is on the frontier when no row is at least as good in every column and
    better in one. Equal rows are all on it or all off it.
    """
    if type(values) is np.ndarray and values.dtype is _FLOAT64:
        table = cast(FloatArray, values)  # the common case, without a conversion
    else:
        table = np.asarray(values, dtype=np.float64)
    short = _PAIRWISE.get(table.shape)
    if short is not None:  # a short table of a shape seen before: no further checks
        # _pairwise_mask written out (a Python call is 2-3 % of a 9-row table's time)
        pairs, kind, all_true = short
        both = table.take(pairs, axis=0)
        ge = (np.greater_equal(both[0], both[1]).view(kind) == all_true)[:, :, 0]
        mask: BoolArray = _all_of(ge.T, axis=0, where=ge, initial=True)
        return mask
    if table.ndim != 2:
        raise ValueError("values must be a 2-D table (rows × objectives)")
    n, d = table.shape
    if n == 0 or d == 0:
        return np.ones(n, dtype=bool)
    if PAIRWISE_ROWS < n <= SORTED_ROWS:  # (before the shorter tables' checks)
        found = _sorted_mask(table)
        if found is not None:
            return found
    if n <= TINY_ROWS:
        return _tiny_mask(table)
    if n <= PAIRWISE_ROWS:
        return _pairwise_mask(table)
    if n <= KEYED_ROWS:
        keyed = _keyed_mask(table)
        if keyed is not None:
            return keyed
    if n <= RANKED_ROWS:
        return _ranked_mask(table)
    return _large_mask(table)


def _large_mask(table: FloatArray) -> BoolArray:
    """The two-pass frontier (see the module docstring)."""
    n, d = table.shape
    distinct, order, ids = _distinct_by_sum(table)
    m = len(distinct)
    sums = distinct.sum(axis=1)

    # Pass 1: against the top rows by sum.
    k = min(m, TOP_ROWS, max(TOP_ROWS_MIN, m // 16))
    top = distinct[:k]
    top_sets = _build_bitsets(top, k + 1)
    positions = np.arange(m, dtype=np.intp)
    self_pos = np.where(positions < k, positions, -1)
    limit = np.minimum(_group_end(sums), k)
    gone = _dominated(top_sets, top, distinct, self_pos, limit)
    survivors = np.flatnonzero(~gone)

    # Pass 2: exact, among the survivors (every frontier row is one).
    rest = distinct[survivors]
    s = len(rest)
    on_front = np.zeros(m, dtype=bool)
    if s <= SMALL_ROWS:
        small = _small_dominated(np.ascontiguousarray(rest.T), sums[survivors])
        on_front[survivors[~small]] = True
        mask = np.zeros(n, dtype=bool)
        mask[order] = on_front[ids]
        return mask
    bytes_per_level = d * 8 * max(1, -(-s // 64))
    max_levels = max(16, MEMORY_BUDGET // bytes_per_level)
    rest_sets = _build_bitsets(rest, max_levels)
    own = np.arange(s, dtype=np.intp)
    dominated = _dominated(rest_sets, rest, rest, own, _group_end(sums[survivors]))
    on_front[survivors[~dominated]] = True

    mask = np.zeros(n, dtype=bool)
    mask[order] = on_front[ids]
    return mask


def pareto_indices(values: NDArray[np.floating] | NDArray[np.integer]) -> IndexArray:
    """Indices (ascending) of the rows of ``values`` on the Pareto frontier."""
    return np.flatnonzero(pareto_mask(values)).astype(np.intp)


def pareto_mask_pairwise(values: NDArray[np.floating] | NDArray[np.integer]) -> BoolArray:
    """The same frontier by comparing every pair of rows (a reference; O(n²·d))."""
    table = np.asarray(values, dtype=np.float64)
    n = len(table)
    mask = np.ones(n, dtype=bool)
    block = max(1, 2**22 // max(1, n * max(1, table.shape[1])))
    for lo in range(0, n, block):
        part = table[lo : lo + block]
        ge = np.all(table[None, :, :] >= part[:, None, :], axis=2)
        gt = np.any(table[None, :, :] > part[:, None, :], axis=2)
        mask[lo : lo + block] = ~np.any(ge & gt, axis=1)
    return mask
