"""Load benchmark: N tables x 12 seats as real websocket clients on loopback.

The host runs in its own process (``python -m game host ... --headless``). This
process opens, per table, 12 seat connections and a room screen, plus one
facilitator console for all tables; it starts every table, moves it to the
design round, and then each table's seats make moves (public messages,
proposals, support, comments) at random moments (Poisson, ``--rate`` moves per
second per table). For every accepted move it measures the time from sending it
to the moment *every* seat of that table has received the view of the new
version. It prints p50/p95/p99 of that, the ack latency, and the server's RSS
and CPU over the measured window.

    .venv/bin/python benchmarks/load.py --tables 50 --duration 30
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import resource
import socket
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

ROOT = Path(__file__).resolve().parents[1]
VIEW_HEAD = re.compile(r'^\{"type":"(?:view|patch)","as":"[^"]*","table":(\d+),"version":(\d+)')
TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ServerProcess:
    def __init__(self, args: argparse.Namespace, tmp: Path) -> None:
        self.args = args
        self.tmp = tmp
        self.port = free_port()
        self.proc: asyncio.subprocess.Process | None = None

    async def start(self) -> dict[str, Any]:
        a = self.args
        cmd = [
            sys.executable,
            "-m",
            "game",
            "host",
            a.scenario,
            "--mode",
            "short",
            "--headless",
            "--tables",
            str(a.tables),
            "--db",
            str(Path(a.db_dir or self.tmp) / f"load-{os.getpid()}.db"),
            "--codes-file",
            str(self.tmp / "codes.json"),
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--seed",
            "1",
            "--quiet",
        ]
        self.proc = await asyncio.create_subprocess_exec(
            *cmd, cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=sys.stderr
        )
        assert self.proc.stdout is not None
        while True:
            line = (await self.proc.stdout.readline()).decode()
            if not line:
                raise SystemExit("the host did not start")
            if line.startswith("url:"):
                break
        return dict(json.loads((self.tmp / "codes.json").read_text()))

    def cpu_seconds(self) -> float:
        assert self.proc is not None
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS

    def rss_mib(self, key: str = "VmRSS") -> float:
        assert self.proc is not None
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
        return 0.0

    async def stop(self) -> None:
        if self.proc and self.proc.returncode is None:
            self.proc.terminate()
            await self.proc.wait()


class Seat:
    """A raw websocket seat: reads view headers only, resolves acks by id."""

    def __init__(self, ws: ClientConnection, bench: Bench) -> None:
        self.ws = ws
        self.bench = bench
        self.ids = 0
        self.pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.task = asyncio.create_task(self.read())

    async def read(self) -> None:
        async for frame in self.ws:
            text = frame if isinstance(frame, str) else frame.decode()
            if self.bench.measuring:
                self.bench.received += len(text)
            head = VIEW_HEAD.match(text)
            if head:
                self.bench.arrived(int(head[1]), int(head[2]))
                continue
            msg = json.loads(text)
            future = self.pending.pop(msg.get("id"), None) if "id" in msg else None
            if future is not None and not future.done():
                future.set_result(msg)

    async def request(self, msg: dict[str, Any]) -> dict[str, Any]:
        self.ids += 1
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.pending[self.ids] = future
        await self.ws.send(json.dumps({**msg, "id": self.ids}))
        return await asyncio.wait_for(future, 30)


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.seen: dict[tuple[int, int], int] = defaultdict(int)
        self.complete: dict[tuple[int, int], float] = {}
        self.waiters: dict[tuple[int, int], asyncio.Event] = {}
        self.latencies: list[float] = []
        self.acks: list[float] = []
        self.errors: dict[str, int] = defaultdict(int)
        self.seats_per_table = 12
        self.measuring = False
        self.received = 0

    def arrived(self, table: int, version: int) -> None:
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
            await asyncio.wait_for(event.wait(), 30)
        return self.complete.pop(key)


async def join(url: str, hello: dict[str, Any], bench: Bench) -> Seat:
    ws = await connect(url, compression=None, max_size=2**24, open_timeout=30)
    seat = Seat(ws, bench)
    future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
    seat.pending[0] = future
    hello = {"type": "hello", "protocol": 1, "id": 0, "patches": not bench.args.full, **hello}
    await ws.send(json.dumps(hello))
    await asyncio.wait_for(future, 30)
    return seat


def choose_move(rng: random.Random, proposals: int, live: dict[str, list[str]]) -> tuple[str, dict]:
    roll = rng.random()
    if proposals == 0 or roll < 0.15:
        package = {issue: rng.choice(options) for issue, options in live.items()}
        return "propose", {"package": package, "note": "bench"}
    target = f"P{rng.randint(1, proposals)}"
    if roll < 0.40:
        return "support", {"proposal": target, "reason": "ok"}
    if roll < 0.50:
        return "comment", {"proposal": target, "text": "Wat betekent dit voor de planning?"}
    return "message", {"text": f"bericht {rng.random():.6f}"}


async def drive_table(
    table: int,
    seats: list[Seat],
    roles: list[str],
    bench: Bench,
    live: dict[str, list[str]],
    stop_at: float,
    rng: random.Random,
) -> None:
    proposals = 0
    while True:
        await asyncio.sleep(rng.expovariate(bench.args.rate))
        if time.perf_counter() >= stop_at:
            return
        index = rng.randrange(len(seats))
        move, data = choose_move(rng, proposals, live)
        start = time.perf_counter()
        reply = await seats[index].request(
            {"type": "move", "as": roles[index], "move": move, "data": data}
        )
        acked = time.perf_counter()
        if reply["type"] == "error":
            bench.errors[reply["code"]] += 1
            continue
        if move == "propose":
            proposals += 1
        done = await bench.until_all_seats(table, reply["version"])
        if bench.measuring:
            bench.acks.append(acked - start)
            bench.latencies.append(done - start)


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def run(args: argparse.Namespace) -> dict[str, Any]:
    bench = Bench(args)
    with tempfile.TemporaryDirectory() as tmp:
        server = ServerProcess(args, Path(tmp))
        codes = await server.start()
        url = f"ws://127.0.0.1:{server.port}"
        try:
            return await measure(args, bench, server, codes, url)
        finally:
            await server.stop()


async def measure(
    args: argparse.Namespace, bench: Bench, server: ServerProcess, codes: dict[str, Any], url: str
) -> dict[str, Any]:
    from game.paths import resolve_scenario
    from game.scenario.loader import load_scenario

    scenario = load_scenario(resolve_scenario(args.scenario))
    mode = scenario.mode("short")
    live = {i: list(scenario.issue(i).option_ids) for i in mode.issues}
    console = await join(url, {"facilitator": codes["facilitator"], "client": "console"}, bench)
    tables: list[tuple[int, list[Seat], list[str]]] = []
    screens = []
    for entry in codes["tables"]:
        roles = list(entry["roles"])[:12]
        bench.seats_per_table = len(roles)
        seats = []
        for batch in range(0, len(roles), 6):
            seats += await asyncio.gather(
                *(
                    join(url, {"codes": [entry["roles"][r]]}, bench)
                    for r in roles[batch : batch + 6]
                )
            )
        screens.append(await join(url, {"codes": [entry["screen"]], "client": "screen"}, bench))
        tables.append((entry["table"], seats, roles))
    for table, _, _ in tables:
        for move in ("start", "next_round"):
            msg = {"type": "move", "as": "facilitator", "move": move, "table": table}
            while (reply := await console.request(msg))["type"] == "error":
                if reply["code"] != "rate_limited":
                    raise SystemExit(f"cannot {move} table {table}: {reply}")
                await asyncio.sleep(0.1)
    connections = 1 + sum(len(s) for _, s, _ in tables) + len(screens)
    rss_joined = server.rss_mib()

    rng = random.Random(args.seed)
    start = time.perf_counter()
    stop_at = start + args.warmup + args.duration
    drivers = [
        asyncio.create_task(drive_table(t, s, r, bench, live, stop_at, random.Random(rng.random())))
        for t, s, r in tables
    ]
    await asyncio.sleep(args.warmup)
    bench.measuring = True
    cpu0, wall0 = server.cpu_seconds(), time.perf_counter()
    self0 = resource.getrusage(resource.RUSAGE_SELF)
    peak = 0.0
    while time.perf_counter() < stop_at:
        await asyncio.sleep(0.5)
        peak = max(peak, server.rss_mib())
    cpu1, wall1 = server.cpu_seconds(), time.perf_counter()
    self1 = resource.getrusage(resource.RUSAGE_SELF)
    await asyncio.gather(*drivers)
    lat = bench.latencies
    return {
        "tables": len(tables),
        "connections": connections,
        "rate_per_table": args.rate,
        "duration_s": round(wall1 - wall0, 1),
        "moves": len(lat),
        "moves_per_s": round(len(lat) / (wall1 - wall0), 1),
        "all_seats_ms": {
            "p50": pct(lat, 0.50),
            "p95": pct(lat, 0.95),
            "p99": pct(lat, 0.99),
            "max": pct(lat, 1.0),
            "mean": statistics.fmean(lat) * 1000 if lat else float("nan"),
        },
        "ack_ms": {"p50": pct(bench.acks, 0.50), "p95": pct(bench.acks, 0.95)},
        "errors": dict(bench.errors),
        "received_kib_per_move": round(bench.received / 1024 / max(1, len(lat)), 1),
        "server_rss_mib": {
            "joined": round(rss_joined, 1),
            "peak": round(peak, 1),
            "hwm": round(server.rss_mib("VmHWM"), 1),
        },
        "server_cpu_pct": round(100 * (cpu1 - cpu0) / (wall1 - wall0), 1),
        "client_cpu_pct": round(
            100
            * ((self1.ru_utime + self1.ru_stime) - (self0.ru_utime + self0.ru_stime))
            / (wall1 - wall0),
            1,
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tables", type=int, default=1)
    parser.add_argument("--duration", type=float, default=20.0, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--rate", type=float, default=1.0, help="moves/s per table")
    parser.add_argument("--scenario", default="leeuwaerdenhout")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db-dir", help="where the session database goes (default: a temp dir)")
    parser.add_argument("--full", action="store_true", help="whole views, no patches")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = asyncio.run(run(args))
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    lat = result["all_seats_ms"]
    print(
        f"tables {result['tables']}  connections {result['connections']}  "
        f"rate {result['rate_per_table']}/s/table  measured {result['duration_s']} s"
    )
    print(f"moves {result['moves']} ({result['moves_per_s']}/s)  errors {result['errors']}")
    print(
        f"move -> all 12 seats have the view: p50 {lat['p50']:.1f} ms  p95 {lat['p95']:.1f} ms"
        f"  p99 {lat['p99']:.1f} ms  max {lat['max']:.1f} ms"
    )
    print(
        f"ack: p50 {result['ack_ms']['p50']:.1f} ms  p95 {result['ack_ms']['p95']:.1f} ms"
        f"  clients received {result['received_kib_per_move']} KiB per move"
    )
    rss = result["server_rss_mib"]
    print(
        f"server RSS {rss['joined']} MiB after joining, peak {rss['peak']} MiB (HWM {rss['hwm']})"
        f"  server CPU {result['server_cpu_pct']}%  client CPU {result['client_cpu_pct']}%"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
