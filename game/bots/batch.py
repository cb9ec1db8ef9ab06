"""Many packages at once: the bots' estimates and beliefs evaluated with numpy.

The hill climbs of :mod:`game.bots.strategy` score every one-issue change of
a package. :class:`Batch` does that for a whole set of candidate packages in
a few numpy operations instead of one Python call per package, and gives
*exactly* the numbers :meth:`Estimator.value <game.bots.estimate.Estimator.value>`
and :meth:`OpponentModel.assess <game.bots.opponents.OpponentModel.assess>`
give one package at a time: every sum is taken in the same order (one term
after the other, never numpy's pairwise ``sum``; see
:mod:`game.bots.batch_base`), and the exponential of the yes chance is
``math.exp`` (numpy's SIMD ``exp`` can differ in the last bit). So a bot
decides the same with or without it. The pass chances are worked out in
:mod:`game.bots.batch_assess`.

Packages are numbered by their option indices into the feasible options (one
digit per live issue in the order of the ``options`` mapping); the climbs walk
these codes in plain Python and hand the batch, per step, the codes it has not
scored yet, as rows of option indices.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
from numpy.typing import NDArray

from game.bots.batch_assess import _AssessTables
from game.bots.batch_base import (
    _GRIDS,
    Codes,
    Floats,
    _accumulate,
    _all,
    _digit_table,
    _found,
    _Grid,
    _seq_sum,
    _sum_down,
)
from game.bots.estimate import Estimator
from game.bots.opponents import OpponentModel

__all__ = ["Batch", "Codes", "Floats"]


class Batch:
    """Packages of one options mapping, scored in bulk for one estimator and model."""

    def __init__(
        self,
        options: Mapping[str, Sequence[str]],
        est: Estimator,
        model: OpponentModel | None = None,
    ) -> None:
        self.issues = list(options)
        self.options = [list(o) for o in options.values()]
        self.key = (tuple(self.issues), tuple([tuple(o) for o in self.options]))
        """What the batch is made of: tables worked out for one batch serve another."""
        self.est = est
        self.model = model
        grid = _GRIDS.get(self.key)
        if grid is None:
            if len(_GRIDS) >= 64:
                _GRIDS.clear()
            grid = _GRIDS[self.key] = _Grid(self.options)
        self.sizes, self._index, self._radix = grid.sizes, grid.index, grid.radix
        self.steps, self._deltas = grid.steps, grid.deltas
        found = est.memo.get(self.key)
        if not isinstance(found, _ValueTables):
            found = est.memo[self.key] = _ValueTables(self, est)
        self._value = found
        self._assess = _AssessTables(self, model) if model is not None else None
        self._scored: tuple[float, dict[int, float]] | None = None
        self._values: dict[int, float] = {}
        self._digits: Codes | None = None

    # -- packages <-> codes --------------------------------------------------------
    def number(self, rows: Codes) -> NDArray[np.int64]:
        """One integer per row (its index in the grid of these options)."""
        return rows.astype(np.int64) @ self._radix

    def code(self, package: Mapping[str, str]) -> int | None:
        """:meth:`number` of ``package``; ``None`` when it is not made of these options."""
        if set(package) != set(self.issues):
            return None
        code = 0
        for issue, index, (radix, _) in zip(self.issues, self._index, self.steps, strict=True):
            k = index.get(package[issue])
            if k is None:
                return None
            code += k * radix
        return code

    def digits(self, code: int) -> list[int]:
        """The option indices of the package numbered ``code``."""
        return [code // radix % size for radix, size in self.steps]

    def near(self, code: int) -> list[int]:
        """The codes of every one-issue change of a package: issue by issue, options in
        order (the order of the climbs)."""
        deltas = self._deltas
        return [
            code + x
            for j, (radix, size) in enumerate(self.steps)
            for x in deltas[j][code // radix % size]
        ]

    def rows_of(self, codes: list[int]) -> Codes:
        """The rows of option indices of packages given by their codes."""
        table = self._digits
        if table is None:
            table = self._digits = _digit_table(self.key, self.sizes, self._radix)
        if table.size:
            return table.take(codes, axis=0)
        found: Codes = np.array(codes, dtype=np.intp)[:, None] // self._radix % self.sizes
        return found

    def decode_code(self, like: Mapping[str, str], code: int) -> dict[str, str]:
        """``like`` with the choices of the package numbered ``code``."""
        found = dict(like)
        for issue, opts, k in zip(self.issues, self.options, self.digits(code), strict=True):
            found[issue] = opts[k]
        return found

    # -- scoring ---------------------------------------------------------------------
    def values_of(self, codes: list[int]) -> list[float]:
        """:meth:`Estimator.value` of packages given by their codes (each worked out once
        per batch)."""
        return _memoised(codes, self._values, self._value, self)

    def offer_scores_of(self, codes: list[int], target: float) -> list[float]:
        """The score of :func:`game.bots.strategy.offer_at` of packages given by their
        codes. Each package is scored once per target: the climbs from several starts
        meet the same packages again (a row's score never depends on the others)."""
        memo = self._scored
        if memo is None or memo[0] != target:
            memo = self._scored = (target, {})
        return _memoised(
            codes, memo[1], lambda rows, new: self._offer_scores(rows, target, new), self
        )

    def _offer_scores(self, rows: Codes, target: float, codes: list[int] | None = None) -> Floats:
        assert self._assess is not None
        if codes is None:
            codes = self.number(rows).tolist()
        value = self._value(rows, codes)
        below = value < target
        n_below = int(np.count_nonzero(below))
        if n_below == len(rows):
            return -1.0 + (value - target) / 1000.0
        if not n_below:
            chance, share = self._assess(rows, codes)
            return chance + 0.2 * share + value / 100_000.0
        out = np.empty(len(rows))
        out[below] = -1.0 + (value[below] - target) / 1000.0
        ok = ~below
        chance, share = self._assess(
            rows[ok], [c for c, keep in zip(codes, ok.tolist(), strict=True) if keep]
        )
        out[ok] = chance + 0.2 * share + value[ok] / 100_000.0
        return out


def _memoised(
    codes: list[int],
    known: dict[int, float],
    score: Callable[[Codes, list[int]], Floats],
    batch: Batch,
) -> list[float]:
    """The scores of ``codes``, those not in ``known`` worked out in one call and kept
    (a row's score never depends on the other rows of the call)."""
    new = [code for code in dict.fromkeys(codes) if code not in known]  # in order, once
    if new:
        known.update(zip(new, score(batch.rows_of(new), new).tolist(), strict=True))
    return list(map(known.__getitem__, codes))


class _ValueStatic:
    """The parts of :class:`_ValueTables` that follow from the points and rules alone."""

    def __init__(self, batch: Batch, est: Estimator) -> None:
        col = {issue: j for j, issue in enumerate(batch.issues)}
        if sorted(est.issues) != sorted(batch.issues):
            raise ValueError("the estimator and the options have different issues")
        self.col = col
        self.cols = np.array([col[i] for i in est.issues], dtype=np.intp)
        flat: list[float] = []  # per issue in the estimator's order, its options' points
        for issue in est.issues:
            points = est.points.get(issue, {})
            flat.extend(points.get(o, 0.0) for o in batch.options[col[issue]])
        sizes = batch.sizes[self.cols]
        self.offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.intp)
        self.points = np.array(flat, dtype=np.float64)
        self.preset = float(est.preset_points)
        # Rules: per rule a table over the flat options (is the choice allowed?) or a constant.
        self.rules: list[tuple[NDArray[np.bool_] | None, bool, float]] = []
        for when, pts in est.rules:
            constant = True
            allowed = np.ones(len(flat), dtype=bool)
            live_part = False
            for issue, opts in when.items():
                if issue in col:
                    live_part = True
                    j = est.issues.index(issue)
                    lo = int(self.offsets[j])
                    names = batch.options[col[issue]]
                    mask = np.array([o in opts for o in names], dtype=bool)
                    # other issues' entries stay True: AND per issue happens by gathering
                    allowed[lo : lo + len(names)] &= mask
                else:
                    constant = constant and est.presets.get(issue) in opts
            self.rules.append((allowed if live_part else None, constant, pts))
        # stacked: a rule that never holds gets an all-False row, one always holding all-True
        self.allowed = np.ones((len(self.rules), len(flat)), dtype=bool)
        for k, (table, constant, _) in enumerate(self.rules):
            if table is not None:
                self.allowed[k] = table
            if not constant:
                self.allowed[k] = False
        self.rule_points = np.array([pts for _, _, pts in self.rules], dtype=np.float64)
        self.n = len(est.issues) or 1
        # batch column j holds the estimator's issue inv[j]
        self.inv = np.array([est.issues.index(i) for i in batch.issues], dtype=np.intp)
        self._index = [batch._index[col[i]] for i in est.issues]
        self._rows: dict[tuple[str, ...], list[int]] = {}
        self.in_order = self.cols.tolist() == list(range(len(self.cols)))
        """Whether the estimator's issues are the batch's columns in order."""
        self.first = self.points.copy()
        """The points with the preset points added to the first issue's entries (the
        first two terms of every sum, added as the sum adds them)."""
        if len(est.issues):
            size = int(sizes[0])
            self.first[:size] = self.preset + self.points[:size]
        self.pow4 = np.ldexp(1.0, 2 * (np.arange(len(est.issues) + 1) - self.n))
        """4.0 ** (same - n), per number of choices in common (``same``)."""

    def row_of(self, key: tuple[str, ...]) -> list[int]:
        """A package key's option indices in the estimator's issue order (-1: not an option)."""
        found = self._rows.get(key)
        if found is None:
            found = self._rows[key] = [
                index.get(option, -1) for index, option in zip(self._index, key, strict=True)
            ]
        return found


class _ValueTables:
    """What :meth:`Estimator.value` needs, as arrays over the batch's options."""

    def __init__(self, batch: Batch, est: Estimator) -> None:
        static = est.static.memo.get(batch.key)
        if not isinstance(static, _ValueStatic):
            static = est.static.memo[batch.key] = _ValueStatic(batch, est)
        self.cols, self.offsets, self.points = static.cols, static.offsets, static.points
        self.preset, self.rules, self.allowed = static.preset, static.rules, static.allowed
        self.rule_points, self.n = static.rule_points, static.n
        self.diffs = np.array([d for _, d in est.residuals], dtype=np.float64)
        width = len(est.issues)
        self.known = np.array(
            [static.row_of(key) for key, _ in est.residuals], dtype=np.intp
        ).reshape(-1, width)
        hot = np.zeros((len(static.points), len(self.known)))
        which, issue = np.nonzero(self.known >= 0)  # -1: not an option, no entry
        hot[static.offsets[issue] + self.known[which, issue], which] = 1.0
        self.known_hot = hot
        """Per flat option (estimator order) and known package: 1.0 when the package has
        that option. A row's one-hot times this counts the choices in common, exactly
        (small whole numbers), in one matrix product."""
        self.known_hot_t = np.ascontiguousarray(hot.T)
        """:attr:`known_hot` transposed (known package × flat option)."""
        exact: dict[int, float] = {}
        keys = [key for key in est.exact if -1 not in static.row_of(key)]
        if keys:
            rows = np.array([static.row_of(key) for key in keys], dtype=np.intp)
            codes = batch.number(rows[:, static.inv]).tolist()
            exact = {code: est.exact[key] for code, key in zip(codes, keys, strict=True)}
        self.exact = exact
        """Package code → its exact value."""
        self.batch = batch
        self.in_order = static.in_order
        self.first = static.first
        self.pow4 = static.pow4

    def __call__(self, rows: Codes, codes: list[int] | None = None) -> Floats:
        """:meth:`Estimator.value` of every row (``codes``: the rows' package codes)."""
        own = rows if self.in_order else rows[:, self.cols]  # est order
        flat = own + self.offsets
        width = flat.shape[1]
        if not width:
            return self._plain(rows, codes)
        # Terms by column (terms × rows): the sums run down the columns, one term
        # after the other, as the one-package sums do.
        down = flat.T
        if self.rules:
            terms = np.empty((width + len(self.rules), len(rows)))
            terms[:width] = self.first.take(down)
            hits = _all(self.allowed.take(down, axis=1), axis=1)  # rules × rows
            terms[width:] = np.where(hits, self.rule_points[:, None], 0.0)
        else:
            terms = self.first.take(down)
        # the preset points are in the first issue's entries: preset + p0 as before
        base = _sum_down(terms)
        if len(self.diffs):
            hot = np.zeros((len(self.known_hot), len(rows)))
            hot[down, np.arange(len(rows))] = 1.0
            same = (self.known_hot_t @ hot).astype(np.intp)  # known × rows: choices in common
            weight = self.pow4.take(same)
            total = _sum_down(weight * self.diffs[:, None])
            weights = _sum_down(weight)
            value = base + total / weights
        else:
            value = base + 0.0
        return self._exact(value, rows, codes)

    def _exact(self, value: Floats, rows: Codes, codes: list[int] | None) -> Floats:
        if self.exact:
            hit = _found(self.batch, rows, codes, self.exact)
            if hit:
                value[[i for i, _ in hit]] = [v for _, v in hit]
        return value

    def _plain(self, rows: Codes, codes: list[int] | None) -> Floats:
        """The sums with the preset points as a term of their own (no live issue)."""
        flat = rows[:, self.cols] + self.offsets
        terms = np.empty((len(rows), 1 + flat.shape[1] + len(self.rules)))
        terms[:, 0] = self.preset
        terms[:, 1 : 1 + flat.shape[1]] = self.points.take(flat)
        if self.rules:
            hits = _all(self.allowed.take(flat, axis=1), axis=2)  # rules × rows
            terms[:, 1 + flat.shape[1] :] = np.where(hits, self.rule_points[:, None], 0.0).T
        base = _accumulate(terms, axis=1)[:, -1]
        if len(self.diffs):
            same = (rows[:, self.cols][:, None, :] == self.known[None, :, :]).sum(axis=2)
            weight = np.ldexp(1.0, 2 * (same - self.n))
            value = base + _seq_sum(weight * self.diffs[None, :]) / _seq_sum(weight)
        else:
            value = base + 0.0
        return self._exact(value, rows, codes)
