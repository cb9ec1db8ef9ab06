"""Server CPU per move in a late full-mode game: apply + views for 12 seats and the console.

Builds the table of ``benchmarks/late_game.py`` (Leeuwaerdenhout, full mode,
decision round, 50 proposals), puts 12 seat sessions (one per role), a room
screen and a private facilitator console on it, and then plays late-game moves
(support, objections, comments, public and private messages, a new proposal
now and then) through the server's own path: the engine's ``apply``, then
``ViewFanout.broadcast`` (build every distinct view once, encode, patch). The
sockets are replaced by a function that keeps the texts, so this times the
server's work per move, not the network or the disk (see benchmarks/load.py).

It prints, in CPU time of this process (``time.process_time``, so a busy
machine changes the figures less than wall time), min/median/max per move over
``--repeat`` runs of ``--moves`` moves, for the plain protocol (whole views),
patches, and patches with parts; and the sizes of a late player view and the
console's view: whole, as a parts connection's view message, its first-connect
total (view + all parts), the patch a move sends one seat and the console
(median / mean / max, and per kind of move), and the ``plan`` answer that
brings one proposal's job list on demand.

    python benchmarks/fanout.py [--moves 200] [--repeat 5] [--profile]

``--tables N`` instead plays ``--moves`` moves at N late tables chosen at random
(one console of all tables, as at a host), where caches meet the tables
interleaved: CPU per move only.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import statistics
import sys
import time
import zlib
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.late_game import LEEUWAERDENHOUT, late_moves, play
from game.engine import GameState, IllegalMove, Move, apply
from game.engine.view_parts import plan_view
from game.scenario.loader import load_scenario
from game.server.fanout import ViewFanout
from game.server.limits import Limits
from game.server.runtime import tune_gc
from game.server.session import Session
from game.server.tables import HostedTable
from game.store import TableRecord


class Wire:
    """Stands in for the sockets: counts the messages and bytes each connection gets."""

    def __init__(self) -> None:
        self.bytes = 0
        self.messages = 0
        self.last: dict[Any, bytes] = {}

    def send(self, conns: Any, text: bytes) -> None:
        for ws in conns:
            self.bytes += len(text)
            self.messages += 1
            self.last[ws] = text


def sessions(
    state: GameState, patches: bool, parts: bool, table: int = 1, console: Session | None = None
) -> list[Session]:
    """12 seats and a room screen at ``table``, and a console (``console``: that one,
    shared by the tables as a real console is)."""
    out = []
    limits = Limits()
    for n, role in enumerate(state.scenario.role_ids):
        s = Session(ws=f"seat-{table}-{role}", address="bench", limits=limits, number=n)  # type: ignore[arg-type]
        s.joined, s.table, s.roles = True, table, {role: False}
        out.append(s)
    screen = Session(ws=f"screen-{table}", address="bench", limits=limits)  # type: ignore[arg-type]
    screen.joined, screen.table, screen.screen = True, table, True
    if console is None:
        console = Session(ws="console", address="bench", limits=limits)  # type: ignore[arg-type]
        console.joined, console.facilitator, console.client = True, True, "console"
    out += [screen, console]
    for s in out:
        s.patches, s.parts = patches, parts
    return out


def late_game_moves(state: GameState, count: int, seed: int) -> list[Move]:
    """Moves of the decision round, as players make them, legal on the late state."""
    rng = random.Random(seed)
    roles = list(state.scenario.role_ids)
    live = {i: list(state.scenario.issue(i).option_ids) for i in state.mode_def.issues}
    out: list[Move] = []
    for _ in range(count):
        role, roll = rng.choice(roles), rng.random()
        target = f"P{rng.randint(1, len(state.proposals))}"
        if roll < 0.05:
            package = {i: rng.choice(o) for i, o in live.items()}
            out.append(Move("propose", role, {"package": package, "note": "bench"}))
        elif roll < 0.35:
            out.append(Move("support", role, {"proposal": target, "reason": "ok"}))
        elif roll < 0.45:
            out.append(Move("object", role, {"proposal": target, "reason": "te duur"}))
        elif roll < 0.55:
            out.append(Move("comment", role, {"proposal": target, "text": "En de planning?"}))
        elif roll < 0.65:
            to = rng.choice([r for r in roles if r != role])
            out.append(Move("private_message", role, {"to": to, "text": "even bellen?"}))
        else:
            out.append(Move("message", role, {"text": f"bericht {rng.random():.6f}"}))
    return out


def run(
    start: GameState, moves: list[Move], patches: bool, parts: bool, t0: float
) -> tuple[float, int, int]:
    """CPU seconds per move (apply + broadcast), bytes and messages sent per move."""
    wire = Wire()
    fanout = ViewFanout(wire.send)
    table = HostedTable(record=TableRecord(1, 1, 0.0, "S", {}, {}), state=start)
    members = sessions(start, patches, parts)
    for s in members:
        fanout.send_full(s, table, t0)
    wire.bytes = wire.messages = 0
    played = 0
    cpu = time.process_time()
    for i, move in enumerate(moves):
        now = t0 + i
        try:
            table.state, _ = apply(table.state, move, now)
        except IllegalMove:
            continue
        fanout.broadcast(table, members, now)
        played += 1
    cpu = time.process_time() - cpu
    return cpu / played, wire.bytes // played, wire.messages // played


def run_tables(
    starts: list[GameState],
    count: int,
    t0: float,
    seed: int,
    profile: cProfile.Profile | None = None,
) -> float:
    """CPU seconds per move with ``len(starts)`` late tables on one fanout, patches +
    parts, one console for all tables, ``count`` moves at tables chosen at random
    (as in benchmarks/load.py: the caches see the tables interleaved)."""
    wire = Wire()
    fanout = ViewFanout(wire.send)
    rng = random.Random(seed)
    console: Session | None = None
    tables: list[tuple[HostedTable, list[Session], list[Move]]] = []
    for state in starts:
        number = state.table
        table = HostedTable(record=TableRecord(number, 1, 0.0, "S", {}, {}), state=state)
        members = sessions(state, True, True, number, console)
        console = members[-1]
        for s in members:
            fanout.send_full(s, table, t0)
        tables.append((table, members, late_game_moves(state, count, seed + number)))
    order = [tables[rng.randrange(len(tables))] for _ in range(count)]
    played = 0
    if profile is not None:
        profile.enable()
    cpu = time.process_time()
    for i, (table, members, moves) in enumerate(order):
        now = t0 + i * 0.01
        try:
            table.state, _ = apply(table.state, moves[i], now)
        except IllegalMove:
            continue
        fanout.broadcast(table, members, now)
        played += 1
    cpu = time.process_time() - cpu
    if profile is not None:
        profile.disable()
    return cpu / played


def _size(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())


def sizes(state: GameState, now: float) -> dict[str, int]:
    """Bytes of a late player view and the console's: whole (plain protocol), as a
    ``parts`` connection's view message (proposals and messages by reference),
    and that connection's first-connect total (the message with every part);
    plus the ``plan`` answer for one proposal (the job list on demand)."""
    wire = Wire()
    fanout = ViewFanout(wire.send)
    table = HostedTable(record=TableRecord(1, 1, 0.0, "S", {}, {}), state=state)
    out: dict[str, int] = {}
    for parts in (False, True):
        for s in sessions(state, True, parts):
            if s.facilitator or s.roles.get(state.scenario.role_ids[0]) is not None:
                fanout.send_one(s, table, s.view_keys(1)[0], now)
                text = wire.last[s.ws]
                who = "console" if s.facilitator else "player"
                if parts:
                    msg = json.loads(text)
                    out[f"{who}: parts connection, view message"] = len(text) - _size(msg["parts"])
                    out[f"{who}: parts connection, first connect (view + all parts)"] = len(text)
                    out[f"{who}:   the same, deflated (zlib -6; not on the wire)"] = len(
                        zlib.compress(text, 6)
                    )
                else:
                    out[f"{who}: whole view (plain protocol)"] = len(text)
    reply = {"type": "ack", "id": 1, "table": 1, "plan": plan_view(state, proposal="P1")}
    out["plan answer for one proposal (on demand)"] = _size(reply)
    return out


def patch_sizes(
    start: GameState, moves: list[Move], t0: float
) -> dict[str, tuple[float, float, float]]:
    """Bytes per move that one seat and the console get with patches + parts:
    (median, mean, max) over all moves, and per kind of move. The first move is
    left out, as it was when the fanout sent whole views on the first move after a
    join (since the views sent at join are the first patch's base it patches too)."""
    counted: dict[Any, int] = {}

    def send(conns: Any, text: bytes) -> None:
        for ws in conns:
            counted[ws] = counted.get(ws, 0) + len(text)

    fanout = ViewFanout(send)
    table = HostedTable(record=TableRecord(1, 1, 0.0, "S", {}, {}), state=start)
    members = sessions(start, True, True)
    seat = next(s for s in members if start.scenario.role_ids[0] in s.roles)
    console = next(s for s in members if s.facilitator)
    for s in members:
        fanout.send_full(s, table, t0)
    got: dict[str, list[int]] = {}
    first = True
    for i, move in enumerate(moves):
        try:
            table.state, _ = apply(table.state, move, t0 + i)
        except IllegalMove:
            continue
        counted.clear()
        fanout.broadcast(table, members, t0 + i)
        if first:
            first = False
            continue
        for who, ws in (("seat", seat.ws), ("console", console.ws)):
            got.setdefault(f"{who}, every move", []).append(counted.get(ws, 0))
            got.setdefault(f"{who}, {move.type}", []).append(counted.get(ws, 0))
    return {
        k: (statistics.median(v), statistics.fmean(v), float(max(v)))
        for k, v in sorted(got.items())
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--moves", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="cProfile one run with parts")
    parser.add_argument(
        "--tables",
        type=int,
        default=0,
        help="only this: N late tables (seeds 1..N) on one fanout, moves at random tables",
    )
    args = parser.parse_args()
    scenario = load_scenario(LEEUWAERDENHOUT)
    log = late_moves(scenario, 1)
    t0 = float(len(log) + 1)
    if args.tables:
        return many_tables(args, scenario, t0)
    start = play(scenario, log, 1)
    moves = late_game_moves(start, args.moves, 7)
    print(f"late full-mode table: {len(start.proposals)} proposals, round {start.round_id}")
    for name, value in sizes(start, t0).items():
        print(f"  {name:58s} {value / 1000:8.1f} kB")
    print(f"per move, patches + parts, over {len(moves)} moves: median / mean / max bytes")
    for name, (median, mean, most) in patch_sizes(start, moves, t0).items():
        print(f"  {name:34s} {median / 1000:7.1f} {mean / 1000:7.1f} {most / 1000:7.1f} kB")
    # warm the caches that live for the whole server (scenario, profiles, metrics)
    run(start, moves[:20], True, True, t0)
    print(
        f"per move: apply + views for 12 seats, a room screen and the console; "
        f"CPU ms of this process over {args.repeat} runs of {len(moves)} moves"
    )
    for label, patches, parts in (
        ("whole views", False, False),
        ("patches", True, False),
        ("patches + parts", True, True),
    ):
        runs = [run(start, moves, patches, parts, t0) for _ in range(args.repeat)]
        cpu = [r[0] * 1000 for r in runs]
        print(
            f"  {label:16s} min {min(cpu):6.2f}  median {statistics.median(cpu):6.2f}  "
            f"max {max(cpu):6.2f} ms   {runs[0][1] / 1000:8.1f} kB in {runs[0][2]} messages"
        )
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        run(start, moves, True, True, t0)
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    return 0


def many_tables(args: argparse.Namespace, scenario: Any, t0: float) -> int:
    """``--tables N``: CPU per move with N tables interleaved (patches + parts)."""
    print(
        f"{args.tables} late full-mode tables, 12 seats + room screen each, one console; "
        f"CPU ms per move (patches + parts) over {args.repeat} runs of {args.moves} moves"
    )
    cpu = []
    for r in range(args.repeat):
        starts = [play(scenario, late_moves(scenario, n), n, n) for n in range(1, args.tables + 1)]
        tune_gc()  # as the host does once its tables are loaded
        cpu.append(run_tables(starts, args.moves, t0, 7 + r) * 1000)
    print(f"  min {min(cpu):6.2f}  median {statistics.median(cpu):6.2f}  max {max(cpu):6.2f} ms")
    if args.profile:
        starts = [play(scenario, late_moves(scenario, n), n, n) for n in range(1, args.tables + 1)]
        profile = cProfile.Profile()
        run_tables(starts, args.moves, t0, 99, profile)
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
