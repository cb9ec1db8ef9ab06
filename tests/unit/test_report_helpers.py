"""Helpers of the report tests: play short games on the mini scenario into a session database.

This module holds no tests itself. ``played_db`` writes three tables through the
public :class:`game.store.Store` API, applying every move with the engine first
(as the server does):

1. an agreement on a dominated package (Groene straat, Ieder op eigen moment),
   signed, revealed;
2. no agreement: an event, a vetoed vote, then the end (revealed);
3. a session that never reached the reveal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.engine import FACILITATOR, GameState, Move, apply, new_game
from game.scenario.loader import load_scenario
from game.store import HostConfig, Store, TableRecord

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini" / "mini.yaml"

#: The package table 1 agrees on: every role does at least as well under PARKEREN_SAMEN.
DOMINATED = {"ontwerp": "groen", "fasering": "los"}
PARKEREN_SAMEN = {"ontwerp": "parkeren", "fasering": "samen"}


class Table:
    """One table being played: applies moves with the engine and logs them in the store."""

    def __init__(self, store: Store, scenario_path: Path, number: int, mode: str = "short") -> None:
        self.store = store
        self.number = number
        self.state: GameState = new_game(load_scenario(scenario_path), mode, number, 0.0, number)
        store.add_table(
            TableRecord(
                table=number, seed=number, created=0.0, screen=f"S{number}", roles={}, pins={}
            )
        )

    def go(self, move_type: str, actor: str = FACILITATOR, /, *, at: float, **data: Any) -> None:
        move = Move(move_type, actor, data)
        self.state, _ = apply(self.state, move, at)
        self.store.append(self.number, move.to_json(), at)


def play_agreement(t: Table) -> None:
    t.go("start", at=100.0)
    t.go("next_round", at=160.0)  # ontwerpen
    t.go("propose", "net", at=220.0, package={"ontwerp": "kaal", "fasering": "los"}, note="Snel")
    t.go("propose", "gemeente", at=400.0, package=DOMINATED)
    t.go("amend", "winkels", at=500.0, proposal="P2", changes={"fasering": "per_straat"})
    t.go("support", "winkels", at=510.0, proposal="P3")
    t.go("support", "net", at=520.0, proposal="P2")
    t.go("object", "gemeente", at=530.0, proposal="P1", reason="Te kaal")
    t.go("disclose", "net", at=540.0, issue="ontwerp")
    t.go("private_message", "net", at=550.0, to="gemeente", text="Samen <b>optrekken</b>?")
    t.go("private_message", "net", at=560.0, to="gemeente", text="Graag.")
    t.go("private_message", "winkels", at=570.0, to="net", text="Bel me.")
    t.go("message", "gemeente", at=580.0, text="Welkom allemaal.")
    t.go("next_round", at=1000.0)  # besluit
    t.go("call_vote", at=1010.0, proposal="P2")
    for role in ("gemeente", "net", "winkels"):
        t.go("vote", role, at=1020.0, choice="yes")
    t.go("sign", "gemeente", at=1030.0)
    t.go("sign", "net", at=1040.0)
    t.go("next_round", at=1100.0)  # nabespreking: the reveal


def play_no_agreement(t: Table) -> None:
    t.go("start", at=100.0)
    t.go("next_round", at=110.0)
    t.go("play_event", at=120.0, event="vertraging")
    t.go("propose", "net", at=200.0, package={"ontwerp": "kaal", "fasering": "samen"})
    t.go("message", "winkels", at=210.0, text="Dit is niks.")
    t.go("next_round", at=300.0)
    t.go("call_vote", at=310.0, proposal="P1")
    t.go("vote", "gemeente", at=320.0, choice="no")
    t.go("vote", "net", at=320.0, choice="yes")
    t.go("vote", "winkels", at=320.0, choice="yes")
    t.go("end", at=400.0)


def play_unrevealed(t: Table) -> None:
    t.go("start", at=100.0)
    t.go("next_round", at=110.0)
    t.go("propose", "winkels", at=200.0, package=PARKEREN_SAMEN)
    t.go("private_message", "gemeente", at=210.0, to="winkels", text="Goed plan.")


def played_db(folder: Path, scenario_path: Path = MINI) -> tuple[Path, dict[int, GameState]]:
    """A session database with the three tables above, and their final states."""
    db = folder / "sessie.db"
    states = {}
    with Store.open(db) as store:
        store.init_host(
            HostConfig(
                scenario=str(scenario_path.resolve()),
                mode="short",
                created=0.0,
                facilitator="facilitator-token",
                session="test",
            )
        )
        for number, play in enumerate((play_agreement, play_no_agreement, play_unrevealed), 1):
            table = Table(store, scenario_path, number)
            play(table)
            states[number] = table.state
    return db, states
