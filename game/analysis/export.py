"""The outcome table of a mode as numpy arrays (format: ``docs/analysis.md``)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from game.analysis.agreements import analyze_agreements
from game.analysis.space import Progress, build_space
from game.scenario.model import Scenario

FORMAT_VERSION = 1


def outcome_table(
    scenario: Scenario,
    mode: str,
    events: Iterable[str] = (),
    in_play: Iterable[str] | None = None,
    progress: Progress | None = None,
) -> dict[str, NDArray[np.generic]]:
    """The arrays of the export, by name."""
    space = build_space(scenario, mode, events, progress)
    result = analyze_agreements(space, in_play)
    roles = result.votes.roles
    width = max((len(opts) for opts in space.option_ids), default=0)
    option_ids = np.array(
        [list(opts) + [""] * (width - len(opts)) for opts in space.option_ids], dtype=np.str_
    ).reshape(len(space.option_ids), width)
    return {
        "format_version": np.array(FORMAT_VERSION),
        "scenario": np.array(scenario.meta.id),
        "mode": np.array(mode),
        "events": np.array(list(space.events), dtype=np.str_),
        "utilities": np.ascontiguousarray(space.utilities[:, roles], dtype=np.float64),
        "reservation": space.reservation[roles].astype(np.float64),
        "roles": np.array(list(result.role_ids), dtype=np.str_),
        "veto": np.array([scenario.role(r).veto for r in result.role_ids], dtype=bool),
        "quorum": np.array(result.votes.quorum),
        "issue_ids": np.array(list(space.issue_ids), dtype=np.str_),
        "option_ids": option_ids,
        "packages": space.option_indices().astype(np.int32),
        "feasible": space.feasible.copy(),
        "passes": result.passes.copy(),
        "unanimous": result.unanimous.copy(),
        "pareto": result.pareto.astype(np.int64),
        "openings": space.openings_total.astype(np.int64),
    }


def export_npz(
    scenario: Scenario,
    mode: str,
    target: Path,
    events: Iterable[str] = (),
    in_play: Iterable[str] | None = None,
    progress: Progress | None = None,
) -> None:
    """Write the outcome table to ``target`` (a ``.npz`` file)."""
    arrays = outcome_table(scenario, mode, events, in_play, progress)
    with target.open("wb") as fh:
        np.savez_compressed(fh, **arrays)  # type: ignore[arg-type]
