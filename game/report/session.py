"""Load a played session from its database: the scenario, and every table's replayed state.

Not part of the pure core (it reads SQLite through :mod:`game.store`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from game.engine import GameState, IllegalMove, Move
from game.report.timeline import Timeline, replay_with_timeline
from game.scenario.loader import ScenarioError, load_scenario
from game.scenario.model import Scenario
from game.store import HostConfig, Store, StoreError


class ReportError(Exception):
    """The session cannot be reported on.

    ``key`` names the sentence among the report's labels (``error.KEY`` in
    :mod:`game.report.labels`), ``values`` fill it in, so the command says it in
    its language; ``problems`` are a broken scenario's lines from the scenario
    check (``file:line:col: message``). ``str()`` is the English text, for logs.
    """

    ENGLISH: ClassVar[dict[str, str]] = {
        "not_db": "{path}: not a session database ({detail})",
        "no_session": "{path}: not a session database (no session was hosted in it)",
        "no_table": "{path}: there is no table {table} (tables: {have})",
        "no_mode": "{scenario}: the scenario has no mode {mode!r}",
        "damaged": "{path}: move {seq} of table {table} is damaged ({detail})",
        "replay": (
            "{path}: the log of table {table} does not replay on {scenario} ({detail}); "
            "was the scenario changed?"
        ),
        "scenario": "{scenario}: the scenario is not valid",
    }

    def __init__(
        self, key: str, /, problems: Sequence[str] = (), english: str = "", **values: Any
    ) -> None:
        self.key, self.values = key, values
        self.problems = [str(p) for p in problems]
        head = english or self.ENGLISH[key].format(**values)
        super().__init__("\n".join([head, *self.problems]))


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
        raise ReportError(
            f"store.{exc.kind}", english=str(exc), path=exc.path, detail=exc.detail
        ) from None
    with store:
        try:
            config = store.config()
            records = store.tables()
        except (sqlite3.DatabaseError, KeyError, ValueError) as exc:  # a foreign file
            raise ReportError("not_db", path=str(path), detail=str(exc)) from None
        if config is None:
            raise ReportError("no_session", path=str(path))
        numbers = [r.table for r in records]
        if table is not None and table not in numbers:
            have = ", ".join(map(str, numbers)) or "–"
            raise ReportError("no_table", path=str(path), table=table, have=have)
        scenario = _scenario(config)
        if config.mode not in scenario.modes:
            raise ReportError("no_mode", scenario=config.scenario, mode=config.mode)
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
                        "damaged",
                        path=str(path),
                        seq=entry.seq,
                        table=record.table,
                        detail=str(exc),
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
                    "replay",
                    path=str(path),
                    table=record.table,
                    scenario=config.scenario,
                    detail=exc.reason,
                ) from None
            states.append(state)
    return Session(
        config=config, scenario=scenario, states=states, started=started, timelines=timelines
    )


def _scenario(config: HostConfig) -> Scenario:
    try:
        return load_scenario(config.scenario)
    except ScenarioError as exc:
        raise ReportError(
            "scenario", problems=[str(p) for p in exc.problems], scenario=config.scenario
        ) from None
