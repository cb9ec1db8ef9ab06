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

    python benchmarks/load.py --tables 100 --rate 2 --duration 30 [--procs 2]

The load generator parses every view too, so at 100 tables one client process can
run out of CPU before the server does; it then reports itself SATURATED (its CPU
per cent of one core is printed). ``--procs N`` splits the tables over N client
processes (each table's seats stay in one process). Either way the clients share
the machine's cores with the server: the whole machine's busy per cent and the
load average are printed with every run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import late_game
from benchmarks.load_clients import run_share

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
        profile = ["-m", "cProfile", "-o", a.profile_server] if a.profile_server else []
        cmd = [
            sys.executable,
            *profile,
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
            return await measure(args, server, codes, url)
        finally:
            await server.stop()


def machine_busy() -> tuple[float, float]:
    """Busy and total CPU ticks of the whole machine (all cores) from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]
    return float(sum(fields) - idle), float(sum(fields))


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


class Worker:
    """A share of the tables in a process of its own (``--procs``)."""

    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc

    @classmethod
    async def start(cls, job: dict[str, Any]) -> Worker:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            str(Path(__file__).resolve()),
            "--worker",
            cwd=ROOT,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=sys.stderr,
            limit=2**26,
        )
        assert proc.stdin is not None
        proc.stdin.write((json.dumps(job) + "\n").encode())
        await proc.stdin.drain()
        return cls(proc)

    async def line(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        text = await self.proc.stdout.readline()
        if not text:
            raise SystemExit("a load worker died")
        return dict(json.loads(text))

    async def go(self, start_at: float) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{start_at}\n".encode())
        await self.proc.stdin.drain()


async def worker_main() -> int:
    """``--worker``: a job on stdin; ``joined`` info out; the start moment in; results out."""
    loop = asyncio.get_running_loop()
    job = json.loads(await loop.run_in_executor(None, sys.stdin.readline))

    async def joined(info: dict[str, Any]) -> float:
        print(json.dumps(info), flush=True)
        return float(await loop.run_in_executor(None, sys.stdin.readline))

    result = await run_share(job, joined)
    print(json.dumps(result), flush=True)
    return 0


async def measure(
    args: argparse.Namespace, server: ServerProcess, codes: dict[str, Any], url: str
) -> dict[str, Any]:
    from game.paths import resolve_scenario
    from game.scenario.loader import load_scenario

    scenario = load_scenario(resolve_scenario(args.scenario))
    mode = scenario.mode("full")
    live = {i: list(scenario.issue(i).option_ids) for i in mode.issues}
    numbers = [int(entry["table"]) for entry in codes["tables"]]
    procs = max(1, min(args.procs, len(numbers)))
    jobs = [
        {
            "url": url,
            "codes": codes,
            "tables": numbers[i::procs],
            "console": i == 0,
            "rate": args.rate,
            "full": args.full,
            "live": live,
            "warmup": args.warmup,
            "duration": args.duration,
            "seed": args.seed * 1000 + i,
        }
        for i in range(procs)
    ]
    infos: list[dict[str, Any]] = []
    if procs == 1:
        started = asyncio.get_running_loop().create_future()
        go: asyncio.Future[float] = asyncio.get_running_loop().create_future()

        async def joined(info: dict[str, Any]) -> float:
            started.set_result(info)
            return await go

        share = asyncio.create_task(run_share(jobs[0], joined))
        infos.append(await started)
    else:
        workers = [await Worker.start(job) for job in jobs]
        infos = [await w.line() for w in workers]
    print(
        f"{len(numbers)} tables joined ({procs} client process{'es' if procs > 1 else ''}); "
        f"table {numbers[0]}: round {infos[0].get('round')}, "
        f"{infos[0].get('proposals')} proposals",
        file=sys.stderr,
    )
    rss_joined = server.rss_mib()
    load_before = loadavg()
    start_at = time.time() + 0.5
    if procs == 1:
        go.set_result(start_at)
    else:
        for w in workers:
            await w.go(start_at)
    await asyncio.sleep(max(0.0, start_at + args.warmup - time.time()))
    cpu0, wall0, busy0 = server.cpu_seconds(), time.perf_counter(), machine_busy()
    peak = 0.0
    while time.time() < start_at + args.warmup + args.duration:
        await asyncio.sleep(0.5)
        peak = max(peak, server.rss_mib())
    cpu1, wall1, busy1 = server.cpu_seconds(), time.perf_counter(), machine_busy()
    load_after = loadavg()
    if procs == 1:
        results = [await share]
    else:
        results = [await w.line() for w in workers]
        for w in workers:
            await w.proc.wait()
    return summarise(
        args,
        results,
        {
            "tables": len(numbers),
            "client_processes": procs,
            "wall": wall1 - wall0,
            "server_cpu_s": cpu1 - cpu0,
            "machine_busy_pct": round(
                100 * (busy1[0] - busy0[0]) / max(1.0, busy1[1] - busy0[1]), 1
            ),
            "rss_joined": rss_joined,
            "rss_peak": peak,
            "rss_hwm": server.rss_mib("VmHWM"),
            "load_before": load_before,
            "load_after": load_after,
        },
    )


def summarise(
    args: argparse.Namespace, results: list[dict[str, Any]], run: dict[str, Any]
) -> dict[str, Any]:
    lat = [x for r in results for x in r["latencies"]]
    acks = [x for r in results for x in r["acks"]]
    errors: dict[str, int] = defaultdict(int)
    for r in results:
        for code, n in r["errors"].items():
            errors[code] += n
    accepted = sum(r["accepted"] for r in results)
    wall = run["wall"]
    client_pct = [round(100 * r["cpu_s"] / wall, 1) for r in results]
    return {
        "tables": run["tables"],
        "connections": sum(r["connections"] for r in results),
        "rate_per_table": args.rate,
        "duration_s": round(wall, 1),
        "moves": len(lat),
        "moves_per_s": round(len(lat) / wall, 1),
        "all_seats_ms": {
            "p50": pct(lat, 0.50),
            "p95": pct(lat, 0.95),
            "p99": pct(lat, 0.99),
            "max": pct(lat, 1.0),
            "mean": statistics.fmean(lat) * 1000 if lat else float("nan"),
        },
        "ack_ms": {"p50": pct(acks, 0.50), "p95": pct(acks, 0.95)},
        "errors": dict(errors),
        "messages_per_move": round(sum(r["messages"] for r in results) / max(1, accepted), 1),
        "received_kib_per_move": round(
            sum(r["received"] for r in results) / 1024 / max(1, accepted), 1
        ),
        "server_rss_mib": {
            "joined": round(run["rss_joined"], 1),
            "peak": round(run["rss_peak"], 1),
            "hwm": round(run["rss_hwm"], 1),
        },
        "server_cpu_pct": round(100 * run["server_cpu_s"] / wall, 1),
        "server_cpu_ms_per_move": round(1000 * run["server_cpu_s"] / max(1, accepted), 2),
        "accepted_in_window": accepted,
        "client_processes": run["client_processes"],
        "client_cpu_pct": client_pct,
        "client_cpu_ms_per_move": round(
            1000 * sum(r["cpu_s"] for r in results) / max(1, accepted), 2
        ),
        # A client process near 100 % of a core cannot read as fast as the server sends:
        # then the latencies measure the load generator, not the server.
        "client_saturated": max(client_pct) >= SATURATED,
        "machine_busy_pct": run["machine_busy_pct"],
        "cores": os.cpu_count(),
        "load_before": run["load_before"],
        "load_after": run["load_after"],
    }


#: Per cent of one core above which a client process counts as saturated (an event
#: loop that also waits for its sockets is at its limit well before 100 %).
SATURATED = 80.0


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
    parser.add_argument(
        "--procs",
        type=int,
        default=1,
        help="client processes, each with a share of the tables (they share the cores "
        "with the server)",
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--profile-server", metavar="FILE", help="run the host under cProfile")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return asyncio.run(worker_main())
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
        f"clients received {result['received_kib_per_move']} KiB in "
        f"{result['messages_per_move']} messages per move"
    )
    rss = result["server_rss_mib"]
    print(
        f"server RSS {rss['joined']} MiB after joining, peak {rss['peak']} MiB (HWM {rss['hwm']})"
        f"  server CPU {result['server_cpu_pct']}% = {result['server_cpu_ms_per_move']} ms "
        f"per accepted move"
    )
    clients = " + ".join(f"{p}%" for p in result["client_cpu_pct"])
    verdict = (
        "SATURATED: the latencies measure the load generator, not only the server"
        if result["client_saturated"]
        else "not saturated"
    )
    print(
        f"load generator: {result['client_processes']} process(es) at {clients} of a core "
        f"({result['client_cpu_ms_per_move']} ms per move), {verdict}"
    )
    print(
        f"machine: {result['machine_busy_pct']}% of {result['cores']} cores busy in the window; "
        f"load average {result['load_before']} before, {result['load_after']} after"
    )


if __name__ == "__main__":
    raise SystemExit(main())
