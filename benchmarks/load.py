"""Load benchmark: N late full-mode tables x 12 seats as real websocket clients on loopback.

Before the host starts, this process writes a session database in which every
table has played the log of ``benchmarks/late_game.py`` (Leeuwaerdenhout, full
mode, decision round, 50 proposals); the host (``python -m game host --db ...
--headless``, its own process, the database on disk with ``synchronous=FULL``)
resumes it. This process then opens, per table, 12 seat connections and a room
screen, plus one facilitator console for all tables. Every connection parses
every view and patch it gets (``json.loads``, and proposals by reference resolved
as game.net.parts does), as the real clients do.

The load is open loop: each table's moves (support, objections, comments,
public and private messages, now and then a proposal) start at Poisson moments
(``--rate`` per second per table) whether or not the earlier ones are done, so
an overloaded server shows as growing latency, not as a lower offered rate. For
every accepted move it measures the time from sending it to the moment *every*
seat of that table has parsed the view of its version. It prints p50/p95/p99 of
that, the ack latency (the move is durable on disk before its ack), the
server's CPU milliseconds per move, RSS, and the bytes clients received.

    python benchmarks/load.py --tables 100 --rate 2 --duration 30
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
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
from websockets.exceptions import ConnectionClosed

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import late_game
from game.net.parts import PartViews

ROOT = Path(__file__).resolve().parents[1]
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

    async def start(self, db: Path) -> dict[str, Any]:
        a = self.args
        cmd = [
            sys.executable,
            "-m",
            "game",
            "host",
            a.scenario,
            "--mode",
            "full",
            "--headless",
            "--tables",
            str(a.tables),
            "--db",
            str(db),
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
            if "://" in line:  # the address line, in either interface language
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
    """A websocket seat that parses every view and patch, as a real client does."""

    def __init__(self, ws: ClientConnection, bench: Bench) -> None:
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
            self.bench.errors[f"closed: {exc.rcvd.reason if exc.rcvd else 'no close frame'}"] += 1

    async def _read(self) -> None:
        async for frame in self.ws:
            text = frame if isinstance(frame, str) else frame.decode()
            if self.bench.measuring:
                self.bench.received += len(text)
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
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
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


async def join(url: str, hello: dict[str, Any], bench: Bench) -> Seat:
    ws = await connect(url, compression=None, max_size=2**24, open_timeout=60)
    seat = Seat(ws, bench)
    future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
    seat.pending[0] = future
    hello = {
        "type": "hello",
        "protocol": 1,
        "id": 0,
        "patches": not bench.args.full,
        "parts": not bench.args.full,
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
    next_at = time.perf_counter() + rng.expovariate(bench.args.rate)
    while next_at < stop_at:
        await asyncio.sleep(max(0.0, next_at - time.perf_counter()))
        index = rng.randrange(len(seats))
        move, data = choose_move(rng, roles[index], roles, proposals, live)
        if move == "propose":
            proposals += 1  # if it is refused, a later move on it is refused too: counted
        task = asyncio.create_task(one_move(table, seats[index], roles[index], move, data, bench))
        moves.add(task)
        task.add_done_callback(moves.discard)
        next_at += rng.expovariate(bench.args.rate)
    if moves:
        await asyncio.gather(*moves)


def late_database(args: argparse.Namespace, path: Path) -> None:
    """A session database whose tables have each played the late-game log."""
    from game.engine import replay
    from game.paths import resolve_scenario
    from game.server.hosting import open_session

    now = time.time()
    hosted = open_session(
        resolve_scenario(args.scenario), "full", tables=args.tables, db=path, seed=1, now=now
    )
    try:
        scenario = hosted.scenario
        for t in hosted.tables:
            moves = late_game.late_moves(scenario, t.record.seed)
            log = [(m, now + i * 0.01) for i, m in enumerate(moves)]
            replay(scenario, "full", t.record.seed, t.record.created, log, table=t.number)
            hosted.store.append_many([(t.number, m.to_json(), at, None) for m, at in log])
    finally:
        hosted.close()


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def run(args: argparse.Namespace) -> dict[str, Any]:
    bench = Bench(args)
    with tempfile.TemporaryDirectory(dir=args.db_dir) as tmp:
        db = Path(tmp) / "load.db"
        built = time.perf_counter()
        late_database(args, db)
        print(
            f"database of {args.tables} late tables written in "
            f"{time.perf_counter() - built:.1f} s; the host replays it",
            file=sys.stderr,
        )
        server = ServerProcess(args, Path(tmp))
        codes = await server.start(db)
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
    mode = scenario.mode("full")
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
        bench.seat_set.update(seats)
        screens.append(await join(url, {"codes": [entry["screen"]], "client": "screen"}, bench))
        tables.append((entry["table"], seats, roles))
    late = console.plain.get((tables[0][0], "facilitator")) or {}
    round_id = (late.get("round") or {}).get("id")
    print(
        f"{len(tables)} tables joined; table {tables[0][0]}: round {round_id}, "
        f"{len(late.get('proposals', []))} proposals",
        file=sys.stderr,
    )
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
    bench.measuring = False
    accepted = bench.accepted
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
        "server_cpu_ms_per_move": round(1000 * (cpu1 - cpu0) / max(1, accepted), 2),
        "accepted_in_window": accepted,
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
    parser.add_argument(
        "--full", action="store_true", help="whole views: no patches, no parts (the old protocol)"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs, each with a fresh host")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = [asyncio.run(run(args)) for _ in range(args.repeat)]
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    for result in results:
        show(result)
    if len(results) > 1:
        for label, get in (
            ("p95 move -> all 12 seats parsed (ms)", lambda r: r["all_seats_ms"]["p95"]),
            ("server CPU per move (ms)", lambda r: r["server_cpu_ms_per_move"]),
        ):
            values = [get(r) for r in results]
            print(
                f"{label}: min {min(values):.1f}  median {statistics.median(values):.1f}  "
                f"max {max(values):.1f} over {len(values)} runs"
            )
    return 0


def show(result: dict[str, Any]) -> None:
    lat = result["all_seats_ms"]
    print(
        f"tables {result['tables']}  connections {result['connections']}  "
        f"rate {result['rate_per_table']}/s/table (open loop)  measured {result['duration_s']} s"
    )
    print(f"moves {result['moves']} ({result['moves_per_s']}/s)  errors {result['errors']}")
    print(
        f"move -> all 12 seats have parsed the view: p50 {lat['p50']:.1f} ms  "
        f"p95 {lat['p95']:.1f} ms  p99 {lat['p99']:.1f} ms  max {lat['max']:.1f} ms"
    )
    print(
        f"ack (durable on disk): p50 {result['ack_ms']['p50']:.1f} ms  "
        f"p95 {result['ack_ms']['p95']:.1f} ms  "
        f"clients received {result['received_kib_per_move']} KiB per move"
    )
    rss = result["server_rss_mib"]
    print(
        f"server RSS {rss['joined']} MiB after joining, peak {rss['peak']} MiB (HWM {rss['hwm']})"
        f"  server CPU {result['server_cpu_pct']}% = {result['server_cpu_ms_per_move']} ms "
        f"per accepted move  client CPU {result['client_cpu_pct']}%"
    )


if __name__ == "__main__":
    raise SystemExit(main())
