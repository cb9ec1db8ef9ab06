"""Load a played session from its database: the scenario, and every table's replayed state.

Not part of the pure core (it reads SQLite through :mod:`game.store`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game.engine import GameState, IllegalMove, Move
from game.report.timeline import Timeline, replay_with_timeline
from game.scenario.loader import ScenarioError, load_scenario
from game.scenario.model import Scenario
from game.store import HostConfig, Store, StoreError


class ReportError(Exception):
    """The session cannot be reported on; ``problems`` holds the lines to show the user."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = [str(p) for p in problems]
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Session:
    config: HostConfig
    scenario: Scenario
    states: list[GameState]
    started: dict[int, float] = field(default_factory=dict)
    """Table → server time of its ``start`` move (tables that never started are absent)."""
    timelines: dict[int, Timeline] = field(default_factory=dict)
    """Table → the course of its session, rebuilt from its move log."""


def load_session(path: str | Path, table: int | None = None) -> Session:
    """Read the session in ``path`` (read-only) and replay its tables (or only ``table``).

    Raises :class:`ReportError` for a missing or foreign file, an unreadable
    scenario, an unknown table or a log that does not replay.
    """
    try:
        store = Store.open(path, readonly=True)
    except StoreError as exc:
        raise ReportError([str(exc)]) from None
    with store:
        try:
            config = store.config()
            records = store.tables()
        except (sqlite3.DatabaseError, KeyError, ValueError) as exc:  # a foreign file
            raise ReportError([f"{path}: not a session database ({exc})"]) from None
        if config is None:
            raise ReportError([f"{path}: not a session database (no session was hosted in it)"])
        numbers = [r.table for r in records]
        if table is not None and table not in numbers:
            have = ", ".join(map(str, numbers)) or "none"
            raise ReportError([f"{path}: there is no table {table} (tables: {have})"])
        scenario = _scenario(config)
        if config.mode not in scenario.modes:
            raise ReportError([f"{config.scenario}: the scenario has no mode {config.mode!r}"])
        states = []
        started: dict[int, float] = {}
        timelines: dict[int, Timeline] = {}
        for record in records:
            if table is not None and record.table != table:
                continue
            log = []
            for entry in store.iter_moves(record.table):
                try:
                    move = Move.from_json(entry.move)
                except IllegalMove as exc:
                    raise ReportError(
                        [f"{path}: move {entry.seq} of table {record.table} is damaged ({exc})"]
                    ) from None
                if move.type == "start" and record.table not in started:
                    started[record.table] = entry.now
                log.append((move, entry.now))
            try:
                state, timelines[record.table] = replay_with_timeline(
                    scenario, config.mode, record.seed, record.created, log, table=record.table
                )
            except IllegalMove as exc:
                raise ReportError(
                    [
                        f"{path}: the log of table {record.table} does not replay on "
                        f"{config.scenario} ({exc.reason}); was the scenario changed?"
                    ]
                ) from None
            states.append(state)
    return Session(
        config=config, scenario=scenario, states=states, started=started, timelines=timelines
    )


def _scenario(config: HostConfig) -> Scenario:
    try:
        return load_scenario(config.scenario)
    except ScenarioError as exc:
        raise ReportError([str(p) for p in exc.problems]) from None
