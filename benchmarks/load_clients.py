"""The seats of benchmarks/load.py: websocket clients that parse every view, and the
open-loop driver of each table's moves. One process runs a share of the tables
(``run_share``); load.py runs one share in its own process or several in workers.
"""

from __future__ import annotations

import asyncio
import gc
import json
import random
import resource
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from benchmarks import late_game
from game.net.deflate import client_extensions
from game.net.parts import PartViews


class Seat:
    """A websocket seat that parses every view and patch, as a real client does."""

    def __init__(self, ws: ClientConnection, bench: Bench, kind: str = "seat") -> None:
        self.kind = kind
        self.ws = ws
        self.bench = bench
        self.ids = 0
        self.pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.views = PartViews()
        self.plain: dict[Any, dict[str, Any]] = {}
        self.task = asyncio.create_task(self.read())

    async def read(self) -> None:
        try:
            await self._read()
        except ConnectionClosed as exc:
            why = exc.rcvd.reason if exc.rcvd else "no close frame"
            self.bench.errors[f"{self.kind} closed: {why}"] += 1

    async def _read(self) -> None:
        async for frame in self.ws:
            text = frame if isinstance(frame, str) else frame.decode()
            if self.bench.measuring:
                self.bench.received += len(text)
                self.bench.messages += 1
            msg = json.loads(text)
            kind = msg.get("type")
            if kind in ("view", "patch"):
                self.take_view(msg)
                continue
            future = self.pending.pop(msg.get("id"), None) if "id" in msg else None
            if future is not None and not future.done():
                future.set_result(msg)

    def take_view(self, msg: dict[str, Any]) -> None:
        key = (msg["table"], msg["as"])
        view: dict[str, Any] | None
        if msg["type"] == "view":
            view = self.views.whole(key, msg["view"], msg.get("parts", {}))
        else:
            view = self.views.patched(key, msg)
        if view is None:
            self.bench.errors["lost_base"] += 1
            return
        self.plain[key] = view
        self.bench.arrived(int(msg["table"]), int(msg["version"]), self)

    async def request(self, msg: dict[str, Any]) -> dict[str, Any]:
        self.ids += 1
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.pending[self.ids] = future
        await self.ws.send(json.dumps({**msg, "id": self.ids}))
        return await asyncio.wait_for(future, 60)


class Bench:
    def __init__(self, rate: float, full: bool) -> None:
        self.rate = rate
        self.full = full
        self.seen: dict[tuple[int, int], int] = defaultdict(int)
        self.complete: dict[tuple[int, int], float] = {}
        self.waiters: dict[tuple[int, int], asyncio.Event] = {}
        self.latencies: list[float] = []
        self.acks: list[float] = []
        self.errors: dict[str, int] = defaultdict(int)
        self.seats_per_table = 12
        self.seat_set: set[Seat] = set()
        self.measuring = False
        self.received = 0
        self.messages = 0
        self.accepted = 0

    def arrived(self, table: int, version: int, seat: Seat) -> None:
        if seat not in self.seat_set:
            return  # the room screen and the console parse too, but are not waited for
        key = (table, version)
        self.seen[key] += 1
        if self.seen[key] == self.seats_per_table:
            self.complete[key] = time.perf_counter()
            del self.seen[key]
            event = self.waiters.pop(key, None)
            if event:
                event.set()

    async def until_all_seats(self, table: int, version: int) -> float:
        key = (table, version)
        if key not in self.complete:
            event = self.waiters.setdefault(key, asyncio.Event())
            await asyncio.wait_for(event.wait(), 60)
        return self.complete.pop(key)


async def join(url: str, hello: dict[str, Any], bench: Bench, kind: str = "seat") -> Seat:
    # as the terminal client connects: permessage-deflate for large messages only
    ws = await connect(
        url, compression=None, extensions=client_extensions(), max_size=2**24, open_timeout=60
    )
    seat = Seat(ws, bench, kind)
    future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
    seat.pending[0] = future
    hello = {
        "type": "hello",
        "protocol": 1,
        "id": 0,
        "patches": not bench.full,
        "parts": not bench.full,
        **hello,
    }
    await ws.send(json.dumps(hello))
    await asyncio.wait_for(future, 60)
    return seat


def choose_move(
    rng: random.Random, role: str, roles: list[str], proposals: int, live: dict[str, list[str]]
) -> tuple[str, dict[str, Any]]:
    """A move of the decision round, in the mix of benchmarks/fanout.py."""
    roll = rng.random()
    target = f"P{rng.randint(1, proposals)}"
    if roll < 0.05:
        package = {issue: rng.choice(options) for issue, options in live.items()}
        return "propose", {"package": package, "note": "bench"}
    if roll < 0.35:
        return "support", {"proposal": target, "reason": "ok"}
    if roll < 0.45:
        return "object", {"proposal": target, "reason": "te duur"}
    if roll < 0.55:
        return "comment", {"proposal": target, "text": "Wat betekent dit voor de planning?"}
    if roll < 0.65:
        to = rng.choice([r for r in roles if r != role])
        return "private_message", {"to": to, "text": "even bellen?"}
    return "message", {"text": f"bericht {rng.random():.6f}"}


async def one_move(
    table: int, seat: Seat, role: str, move: str, data: dict[str, Any], bench: Bench
) -> None:
    start = time.perf_counter()
    try:
        reply = await seat.request({"type": "move", "as": role, "move": move, "data": data})
    except TimeoutError:
        bench.errors["no_ack_in_60s"] += 1
        return
    except ConnectionClosed:
        bench.errors["move_on_a_closed_connection"] += 1
        return
    acked = time.perf_counter()
    if reply["type"] == "error":
        bench.errors[reply["code"]] += 1
        return
    measuring = bench.measuring
    bench.accepted += measuring
    try:
        done = await bench.until_all_seats(table, reply["version"])
    except TimeoutError:
        bench.errors["views_not_in_60s"] += 1
        return
    if measuring:
        bench.acks.append(acked - start)
        bench.latencies.append(done - start)


async def drive_table(
    table: int,
    seats: list[Seat],
    roles: list[str],
    bench: Bench,
    live: dict[str, list[str]],
    stop_at: float,
    rng: random.Random,
) -> None:
    """Open loop: a move starts at each Poisson moment, whatever the earlier ones do."""
    proposals = late_game.PROPOSALS
    moves: set[asyncio.Task[None]] = set()
    next_at = time.time() + rng.expovariate(bench.rate)
    while next_at < stop_at:
        await asyncio.sleep(max(0.0, next_at - time.time()))
        index = rng.randrange(len(seats))
        move, data = choose_move(rng, roles[index], roles, proposals, live)
        if move == "propose":
            proposals += 1  # if it is refused, a later move on it is refused too: counted
        task = asyncio.create_task(one_move(table, seats[index], roles[index], move, data, bench))
        moves.add(task)
        task.add_done_callback(moves.discard)
        next_at += rng.expovariate(bench.rate)
    if moves:
        await asyncio.gather(*moves)


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def run_share(
    job: dict[str, Any], joined: Callable[[dict[str, Any]], Awaitable[float]]
) -> dict[str, Any]:
    """Join this share's tables (and the console if asked), report ``joined``, which
    answers the wall-clock moment the measured window starts; then drive the tables
    and give this share's figures. ``job``: url, codes (the host's codes file),
    tables (numbers), console (bool), rate, full, live, warmup, duration, seed."""
    bench = Bench(job["rate"], job["full"])
    url, codes = job["url"], job["codes"]
    live: dict[str, list[str]] = job["live"]
    console = None
    if job["console"]:
        console = await join(
            url, {"facilitator": codes["facilitator"], "client": "console"}, bench, "console"
        )
    mine = set(job["tables"])
    tables: list[tuple[int, list[Seat], list[str]]] = []
    screens = []
    for entry in codes["tables"]:
        if entry["table"] not in mine:
            continue
        roles = list(entry["roles"])[:12]
        bench.seats_per_table = len(roles)
        seats: list[Seat] = []
        for batch in range(0, len(roles), 6):
            seats += await asyncio.gather(
                *(
                    join(url, {"codes": [entry["roles"][r]]}, bench)
                    for r in roles[batch : batch + 6]
                )
            )
        bench.seat_set.update(seats)
        screens.append(
            await join(url, {"codes": [entry["screen"]], "client": "screen"}, bench, "screen")
        )
        tables.append((entry["table"], seats, roles))
    # Every connection's first views parsed before the clock starts (at 100 tables the
    # first views weigh some 400 MB: parsing them is not part of any move).
    everyone = [s for _, seats_, _ in tables for s in seats_] + screens
    deadline = time.time() + 300
    while time.time() < deadline and not (
        all(s.plain for s in everyone)
        and (console is None or len(console.plain) >= len(codes["tables"]))
    ):
        await asyncio.sleep(0.2)
    info: dict[str, Any] = {"connections": sum(len(s) for _, s, _ in tables) + len(screens)}
    if console is not None:
        info["connections"] += 1
        late = console.plain.get((tables[0][0], "facilitator")) or {}
        info["round"] = (late.get("round") or {}).get("id")
        info["proposals"] = len(late.get("proposals", []))
    # This process holds every seat's view (a real client holds its own): after joining,
    # the heap of views is frozen, so full collections do not walk it again and again
    # (the server freezes its startup heap the same way).
    gc.collect()
    gc.freeze()
    # Even so, the views replaced by every patch refill the old generation, and a full
    # collection of 1,300 connections' views stalled this process for up to 0.7 s
    # (measured with gc.callbacks), which showed up as the server's p95. A real
    # client holds one seat's view; so the load generator's cyclic collector is off
    # while it drives the tables (its views are trees: reference counting frees
    # them). The server's collector stays on.
    gc.disable()
    start_at = await joined(info)
    measure_at = start_at + job["warmup"]
    stop_at = measure_at + job["duration"]
    rng = random.Random(job["seed"])
    drivers = [
        asyncio.create_task(
            drive_table(t, s, r, bench, live, stop_at, random.Random(rng.random() + t))
        )
        for t, s, r in tables
    ]
    await asyncio.sleep(max(0.0, measure_at - time.time()))
    bench.measuring = True
    cpu0 = cpu_seconds()
    await asyncio.sleep(max(0.0, stop_at - time.time()))
    cpu1 = cpu_seconds()
    bench.measuring = False
    accepted = bench.accepted
    await asyncio.gather(*drivers)
    gc.enable()
    return {
        **info,
        "latencies": bench.latencies,
        "acks": bench.acks,
        "errors": dict(bench.errors),
        "received": bench.received,
        "messages": bench.messages,
        "accepted": accepted,
        "cpu_s": cpu1 - cpu0,
    }
