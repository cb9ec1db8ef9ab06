"""The bots' numpy batches give exactly the numbers of one package at a time.

Late in a real full-mode game (Leeuwaerdenhout, the decision round: some
thirty proposals on the table, stances and ballots behind them), every score
the offer search uses is compared bit for bit with the one-package code:
the estimate of the bot's own value and the offer score (pass chance, share
of support, value). The batch adds its terms column by column; a pairwise
or reordered sum would differ in the last bits of some of these packages.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from game.bots.batch import Batch
from game.bots.estimate import Estimator
from game.bots.opponents import OpponentModel
from game.bots.playtest import _Runner
from game.bots.reading import feasible_options
from game.engine import player_view
from game.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def late_views() -> list[dict[str, object]]:
    runner = _Runner(load_scenario(ROOT / "scenarios/leeuwaerdenhout.yaml"), "full", 5, "mix", 0)
    while runner.state.round is not None and "vote" not in runner.state.round.moves:
        runner.play_round()
    assert len(runner.state.proposals) >= 10
    return [player_view(runner.state, role, runner.now) for role in ("wethouder", "bewoners")]


def _offer_score(
    est: Estimator, model: OpponentModel, package: dict[str, str], target: float
) -> float:
    value = est.value(package)
    if value < target:
        return -1.0 + (value - target) / 1000.0
    chance, share = model.assess(package)
    return chance + 0.2 * share + value / 100_000.0


def test_batch_scores_equal_one_package_scores(late_views: list[dict[str, object]]) -> None:
    for view in late_views:
        est, model = Estimator(view), OpponentModel(view)
        options = feasible_options(view)
        batch = Batch(options, est, model)
        total = int(np.prod(batch.sizes))
        codes = random.Random(7).sample(range(total), 600)
        packages = [batch.decode_code({}, code) for code in codes]
        values = [est.value(p) for p in packages]
        assert batch.values_of(codes) == values
        target = sorted(values)[len(values) // 2]  # half the packages below it
        scores = batch.offer_scores_of(codes, target)
        assert scores == [_offer_score(est, model, p, target) for p in packages]


def test_digit_table_rows_are_the_codes_digits(late_views: list[dict[str, object]]) -> None:
    view = late_views[0]
    batch = Batch(feasible_options(view), Estimator(view))
    codes = list(range(0, int(np.prod(batch.sizes)), 997))
    plain = np.array(codes)[:, None] // batch._radix % batch.sizes
    assert np.array_equal(batch.rows_of(codes), plain)
