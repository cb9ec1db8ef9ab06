"""Shared parts of the bots' numpy batches (:mod:`game.bots.batch`): array types, sums
that add in the order of the one-package code, the grid of package codes, and the
look-up of rows in tables keyed by package code."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, TypeVar, cast

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from game.bots.batch import Batch

Codes = NDArray[np.intp]
Floats = NDArray[np.float64]

_T = TypeVar("_T")

#: ``np.cumsum`` and ``ndarray.all`` without their Python wrappers (a few microseconds
#: a call, and there are many calls).
_accumulate = np.add.accumulate
_all = np.logical_and.reduce


def _sum_down(terms: Floats, axis: int = 0) -> Floats:
    """Sums along an axis that is not the last one: numpy adds such an axis one slice
    after the other (``((t0 + t1) + t2) + ...``, as a sum in Python does), where a sum
    along the last axis would add pairwise; and it runs many times faster than a
    cumulative sum along a short last axis."""
    found: Floats = np.add.reduce(terms, axis=axis)
    return found


def _seq_sum(columns: Floats) -> Floats:
    """Row sums of ``columns`` (rows × at least one term), added left to right.

    The one-package code starts its sums at zero; ``0.0 + x`` is ``x`` for every
    term these sums see (none is ``-0.0``), so the cumulative sum needs no
    leading zero column.
    """
    return _accumulate(columns, axis=1)[:, -1]


class _Grid:
    """The packages of one options mapping as a grid of option indices."""

    def __init__(self, options: list[list[str]]) -> None:
        self.sizes = np.array([len(o) for o in options], dtype=np.intp)
        self.index = [{o: k for k, o in enumerate(opts)} for opts in options]
        radix = np.ones(len(options), dtype=np.int64)
        for j in range(len(options) - 2, -1, -1):
            radix[j] = radix[j + 1] * self.sizes[j + 1]
        self.radix = radix
        self.steps = list(zip(radix.tolist(), self.sizes.tolist(), strict=True))
        """Per issue (its radix, its number of options): a package's code changes by
        ``radix * (new - old)`` when the issue's option index goes from ``old`` to ``new``."""
        self.deltas = [
            [[(k - d) * radix for k in range(size) if k != d] for d in range(size)]
            for radix, size in self.steps
        ]
        """Per issue and current option index, the code changes to the issue's other
        options, in option order."""


_GRIDS: dict[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]], _Grid] = {}


#: Option spaces up to this many packages get a table of every code's option indices.
DIGIT_TABLE_MAX = 1 << 20
_DIGITS: dict[object, Codes] = {}


def _digit_table(key: object, sizes: Codes, radix: NDArray[np.int64]) -> Codes:
    """Every package code's option indices (empty when the space is too large), kept
    per options: a row of it is what ``code // radix % sizes`` gives, in one gather
    (as bytes when every issue has at most 256 options: 10 issues of a million
    packages take 10 MB)."""
    found = _DIGITS.get(key)
    if found is None:
        total = int(np.prod(sizes)) if len(sizes) else 1
        if total > DIGIT_TABLE_MAX or not len(sizes):
            found = np.zeros((0, len(sizes)), dtype=np.intp)
        else:
            small = np.uint8 if int(sizes.max()) <= 256 else np.intp  # indices below 256
            digits = np.arange(total, dtype=np.intp)[:, None] // radix % sizes
            # bytes only take part in index arithmetic, where they widen to intp
            found = cast(Codes, digits.astype(small))
        if len(_DIGITS) >= 8:
            _DIGITS.clear()
        _DIGITS[key] = found
    return found


def _found(
    batch: Batch, rows: Codes, codes: list[int] | None, table: Mapping[int, _T]
) -> list[tuple[int, _T]]:
    """``(row index, entry)`` of every row whose package code is in ``table``
    (``codes``: the rows' package codes when the caller has them)."""
    if codes is None:
        codes = batch.number(rows).tolist()
    get = table.get
    return [(i, v) for i, code in enumerate(codes) if (v := get(code)) is not None]
