"""Searching packages: the best one for oneself, and the offer at a target.

The offer follows the usual bidding rule of negotiation agents: among the
packages worth at least the current target *to me* (by the bot's own
estimate), put forward the one the others are most likely to accept (by the
opponent model). Both searches are hill climbs over one-issue changes from a
few starting points (the bot's own best package and the proposals on the
table), so they stay fast on large package spaces.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping

from game.bots.batch import Batch
from game.bots.estimate import Estimator
from game.bots.opponents import OpponentModel
from game.bots.reading import Package

MAX_STEPS = 12
"""Steps of one hill climb."""
BATCH_MIN_NEIGHBOURS = 16
"""Packages with at least this many one-issue changes are scored in numpy batches;
smaller spaces (Leeuwaerdenhout's short mode: 12) are faster one package at a time.
Both give the same numbers."""


def _worth_a_batch(options: Mapping[str, list[str]]) -> bool:
    return sum(len(o) - 1 for o in options.values()) >= BATCH_MIN_NEIGHBOURS


def _neighbours(package: Package, options: Mapping[str, list[str]]) -> Iterable[Package]:
    for issue, opts in options.items():
        for option in opts:
            if option != package[issue]:
                yield {**package, issue: option}


def _climb(
    start: Package, options: Mapping[str, list[str]], score: Callable[[Package], float]
) -> Package:
    best, best_score = start, score(start)
    for _ in range(MAX_STEPS):
        step = max(_neighbours(best, options), key=score, default=None)
        if step is None:
            break
        step_score = score(step)
        if step_score <= best_score + 1e-9:
            break
        best, best_score = step, step_score
    return best


def _climb_codes(
    batch: Batch, codes: list[int], score: Callable[[list[int]], list[float]]
) -> list[float]:
    """:func:`_climb` from every package of ``codes`` at once (in place); the final scores.

    Each climb takes the same steps as :func:`_climb` with the same scores: the
    first best neighbour (one-issue changes issue by issue, options in order),
    stopping when it gains no more than 1e-9. Per step the neighbours of every
    climb are scored in one call; the climbing itself is plain Python on codes.
    """
    best = score(codes)
    active = list(range(len(codes)))
    for _ in range(MAX_STEPS):
        if not active:
            break
        near: list[int] = []
        for a in active:
            near += batch.near(codes[a])
        width = len(near) // len(active)
        if not width:
            break
        scores = score(near)
        still: list[int] = []
        for n, a in enumerate(active):
            part = scores[n * width : (n + 1) * width]
            top = max(part)
            if not top <= best[a] + 1e-9:
                codes[a] = near[n * width + part.index(top)]
                best[a] = top
                still.append(a)
        active = still
    return best


def _codes(batch: Batch, packages: list[Package]) -> list[int] | None:
    codes = [batch.code(p) for p in packages]
    if any(c is None for c in codes) or not codes:
        return None
    return [c for c in codes if c is not None]


def greedy_package(est: Estimator, options: Mapping[str, list[str]]) -> Package:
    """Per issue the option with the most own points (rules and metrics ignored)."""
    found: Package = {}
    for issue, opts in options.items():
        points = est.points.get(issue, {})
        found[issue] = max(opts, key=lambda o: (points.get(o, 0.0), -opts.index(o)))
    return found


def best_for_me(
    est: Estimator,
    options: Mapping[str, list[str]],
    rng: random.Random,
    extra: Iterable[Package] = (),
    restarts: int = 2,
) -> Package:
    """The package the bot estimates best for itself."""
    starts = [greedy_package(est, options), *extra]
    starts += [{i: rng.choice(o) for i, o in options.items()} for _ in range(restarts)]
    valid = [s for s in starts if all(s.get(i) in o for i, o in options.items())]
    batch = Batch(options, est) if _worth_a_batch(options) else None
    codes = None if batch is None else _codes(batch, valid)
    if batch is None or codes is None:
        found = [_climb(s, options, est.value) for s in valid]
    else:
        _climb_codes(batch, codes, batch.values_of)
        found = [batch.decode_code(s, code) for s, code in zip(valid, codes, strict=True)]
    return max(found, key=lambda p: (est.value(p), sorted(p.items())))


def offer_at(
    est: Estimator,
    model: OpponentModel,
    options: Mapping[str, list[str]],
    target: float,
    starts: Iterable[Package],
    batch: Batch | None = None,
) -> Package | None:
    """The package worth at least ``target`` to me that the others most likely accept
    (``batch``: one already made for these options, estimator and model)."""

    def score(p: Package) -> float:
        value = est.value(p)
        if value < target:
            return -1.0 + (value - target) / 1000.0
        chance, share = model.assess(p)
        return chance + 0.2 * share + value / 100_000.0

    valid = [dict(s) for s in starts if all(s.get(i) in o for i, o in options.items())]
    if batch is None and _worth_a_batch(options):
        batch = Batch(options, est, model)
    codes = None if batch is None else _codes(batch, valid)
    if batch is None or codes is None:
        climbed = [(found := _climb(s, options, score), score(found)) for s in valid]
    else:
        final = _climb_codes(batch, codes, lambda c: batch.offer_scores_of(c, target))
        climbed = [
            (batch.decode_code(s, code), f) for s, code, f in zip(valid, codes, final, strict=True)
        ]
    best: Package | None = None
    best_score = -1.0
    for found, s in climbed:
        if est.value(found) >= target and (best is None or s > best_score + 1e-12):
            best, best_score = found, s
    return best


def differences(a: Mapping[str, str], b: Mapping[str, str]) -> dict[str, str]:
    """The choices of ``b`` that differ from ``a``."""
    return {i: o for i, o in b.items() if a.get(i) != o}
