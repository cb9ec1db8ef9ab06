"""Several late tables played in turn, as a host interleaves them: every view the
engine gives from its caches (kept per table, taken from the state before) equals
the view built from nothing, and what the server's fanout sends each connection
(patches on the views sent at join, texts taken from the last broadcast of the same
view) resolves to exactly those views.

The fresh build empties every cache of the views first: the module caches, the
state's and every record's (a support's new record takes its values entry from the
record it replaced, so that is checked too)."""

from __future__ import annotations

import importlib
import json
import random
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from benchmarks.fanout import late_game_moves
from benchmarks.late_game import late_moves, play
from game.engine import (
    GameState,
    IllegalMove,
    apply,
    facilitator_view,
    outcome,
    player_view,
    room_view,
    view_lists,
    view_parts,
    views,
)
from game.engine.moves import FACILITATOR, Move
from game.net.parts import PartViews
from game.scenario.loader import load_scenario
from game.server.fanout import ViewFanout
from game.server.limits import Limits
from game.server.session import Session
from game.server.tables import HostedTable
from game.store import TableRecord
from tests.conftest import ROOT

Json = dict[str, Any]
CACHES: list[dict[Any, Any]] = [
    views._RECORDS,
    views._OUTCOMES,
    views._KEPT,
    views._DISCLOSED,
    views._CARDS,
    views._INFEASIBLE,
    view_lists._VALUES,
    view_lists._PRIVATE,
    view_parts._SEATS,
    view_parts._TABLE,
    view_parts._LAST,
    view_parts._PUBLIC,
    # the package's ``outcome`` is the function: the module from the import system
    importlib.import_module("game.engine.outcome")._RANKINGS,
]


def _records(state: GameState) -> Iterator[Any]:
    yield state
    for name in ("proposals", "messages", "disclosures", "marks", "announcements", "ballots"):
        yield from getattr(state, name)


@contextmanager
def nothing_cached(state: GameState) -> Iterator[None]:
    """No cache of the views holds anything inside the block; all back after it."""
    modules = [dict(c) for c in CACHES]
    held = [(r, dict(r.__dict__)) for r in _records(state)]
    for c in CACHES:
        c.clear()
    for r, kept in held:
        for k in kept:
            if k.startswith("_"):
                del r.__dict__[k]
    try:
        yield
    finally:
        for c, kept_c in zip(CACHES, modules, strict=True):
            c.clear()
            c.update(kept_c)
        for r, kept in held:
            r.__dict__.clear()
            r.__dict__.update(kept)


def all_views(state: GameState, now: float, shared: bool) -> dict[str, Json]:
    out = {r: player_view(state, r, now, shared=shared) for r in state.scenario.role_ids}
    out["room"] = room_view(state, now, shared=shared)
    out["console"] = facilitator_view(state, now, shared=shared)
    out["console, public"] = facilitator_view(state, now, private=False, shared=shared)
    return out


def late_tables(count: int) -> list[GameState]:
    """Late tables 1..count; table 2 played another event (so another scorer)."""
    scenario = load_scenario(ROOT / "scenarios" / "leeuwaerdenhout.yaml")
    other = scenario.events[1].id
    out = []
    for n in range(1, count + 1):
        log = late_moves(scenario, n, proposals=12)
        if n == 2:
            log = [
                Move(m.type, m.actor, {"event": other}) if m.type == "play_event" else m
                for m in log
            ]
        out.append(play(scenario, log, n, n))
    return out


def interleaved(states: list[GameState], count: int, seed: int) -> list[tuple[int, Move]]:
    """Moves at the tables in a random order; table 2 also gets a bot seat, table 3
    a new round, so the tables' seats, events and rounds differ."""
    rng = random.Random(seed)
    per_table = [late_game_moves(s, count, seed + i) for i, s in enumerate(states)]
    roles = states[0].scenario.role_ids
    order = [(rng.randrange(len(states)), i) for i in range(count)]
    moves = [(t, per_table[t][i]) for t, i in order]
    moves.insert(count // 3, (1, Move("assign", FACILITATOR, {"role": roles[4], "seat": "bot"})))
    moves.insert(2 * count // 3, (2, Move("next_round", FACILITATOR, {})))
    return moves


def test_cached_views_at_interleaved_tables_equal_views_built_from_nothing() -> None:
    states = late_tables(3)
    applied = 0
    kinds: set[str] = set()
    for step, (t, move) in enumerate(interleaved(states, 90, 4)):
        now = 20_000.0 + step
        try:
            states[t], _ = apply(states[t], move, now)
        except IllegalMove:
            continue
        applied += 1
        kinds.add(move.type)
        for state in states:  # the other tables too: nothing of one leaks to another
            got = all_views(state, now, shared=True)
            with nothing_cached(state):
                want = all_views(state, now, shared=False)
                assert got["console"]["outcome"] == outcome(state)
            assert got == want, f"table {state.table} after {move.type} at table {t + 1}"
    assert applied > 70
    assert {"support", "object", "comment", "message", "private_message", "propose"} <= kinds
    assert {"assign", "next_round"} <= kinds
    assert states[0].scorer is not states[1].scorer


class Wire:
    def __init__(self) -> None:
        self.sent: dict[str, list[Json]] = {}

    def send(self, conns: Any, text: bytes) -> None:
        for ws in conns:
            self.sent.setdefault(ws, []).append(json.loads(text))


def test_the_fanout_at_interleaved_tables_sends_exactly_the_views() -> None:
    """A console of all tables and three seats per table, parts and patches: each
    connection's messages resolve to the plain views, and after the views sent at
    join every message is a patch (its base: the view that connection has)."""
    states = late_tables(3)
    wire = Wire()
    fanout = ViewFanout(wire.send)
    limits = Limits()
    console = Session(ws="console", address="t", limits=limits)  # type: ignore[arg-type]
    console.joined, console.facilitator, console.patches, console.parts = True, True, True, True
    tables = []
    members: list[list[Session]] = []
    for state in states:
        n = state.table
        tables.append(HostedTable(record=TableRecord(n, n, 0.0, "S", {}, {}), state=state))
        seats = []
        for role in state.scenario.role_ids[:3]:
            s = Session(ws=f"{n}-{role}", address="t", limits=limits)  # type: ignore[arg-type]
            s.joined, s.table, s.roles, s.patches, s.parts = True, n, {role: False}, True, True
            seats.append(s)
        members.append([*seats, console])
    now = 30_000.0
    for table, group in zip(tables, members, strict=True):
        for s in group:
            fanout.send_full(s, table, now)
    expected: dict[Any, list[Json]] = {}
    for t, move in interleaved(states, 60, 9):
        now += 1
        try:
            tables[t].state, _ = apply(tables[t].state, move, now)
        except IllegalMove:
            continue
        fanout.broadcast(tables[t], members[t], now)
        state = tables[t].state
        for s in members[t]:
            if s.facilitator:
                want = facilitator_view(state, now)
            else:
                want = player_view(state, next(iter(s.roles)), now)
            expected.setdefault((s.ws, state.table), []).append(json.loads(json.dumps(want)))
    for group in members:
        for s in group:
            client = PartViews()
            for number in {k[1] for k in expected if k[0] == s.ws}:
                sent = [m for m in wire.sent[s.ws] if m["table"] == number]  # type: ignore[index]
                assert sent[0]["type"] == "view"
                assert all(m["type"] == "patch" for m in sent[1:])
                got = [client.whole(number, sent[0]["view"], sent[0]["parts"])]
                got += [client.patched(number, m) for m in sent[1:]]
                assert got[1:] == expected[(s.ws, number)]
