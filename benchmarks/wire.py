"""Bytes on the wire for a late full-mode seat, with and without permessage-deflate.

One late Leeuwaerdenhout table (benchmarks/late_game.py: full mode, decision
round, 50 proposals) in a session database on disk; the real ``GameServer`` on
loopback resumes it. Seats connect through a counting TCP relay
(benchmarks/proxy.py), so the figures are the bytes the server really sends:
websocket frames, headers included. Three kinds of seat, one per role of a
12-role table each:

* **browser**: ``patches`` and ``parts`` (as game/webseat does), offers
  permessage-deflate (as every browser does);
* **terminal**: ``patches`` and ``parts``, offers permessage-deflate with the
  terminal client's own extension (game/net/client.py, game/net/deflate.py);
* **plain**: ``patches`` and ``parts``, no compression (the terminal client
  before it offered deflate);
* **whole**: neither patches nor parts nor compression (the old protocol).

The server compresses only messages of at least ``--min-size`` bytes
(game/net/deflate.py's ``MIN_SIZE`` unless given; 0 compresses every message,
as the server did before).

It prints the bytes of the first connect (handshake + first view) per seat,
and after ``--moves`` late-game moves (applied by the server, as its console
would) the bytes per move per seat; and the CPU seconds per move of this
process (server and the 12 seats parsing every frame), with browser seats
against plain seats, as an upper bound of what compression costs.

    python benchmarks/wire.py [--moves 200] [--min-size BYTES]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.fanout import late_game_moves
from benchmarks.late_game import LEEUWAERDENHOUT, late_moves
from benchmarks.proxy import CountingProxy
from game.engine import IllegalMove, apply, replay
from game.net.deflate import LargeOnlyDeflate, client_extensions
from game.server.hosting import open_session
from game.server.server import GameServer

KINDS: dict[str, dict[str, Any]] = {
    "browser": {"compression": "deflate", "patches": True, "parts": True},
    "terminal": {"compression": None, "extensions": True, "patches": True, "parts": True},
    "plain": {"compression": None, "patches": True, "parts": True},
    "whole": {"compression": None, "patches": False, "parts": False},
}


def late_db(path: Path) -> None:
    now = time.time()
    hosted = open_session(LEEUWAERDENHOUT, "full", tables=1, db=path, seed=1, now=now)
    try:
        t = hosted.tables[0]
        moves = late_moves(hosted.scenario, t.record.seed)
        log = [(m, now + i * 0.01) for i, m in enumerate(moves)]
        replay(hosted.scenario, "full", t.record.seed, t.record.created, log, table=t.number)
        hosted.store.append_many([(t.number, m.to_json(), at, None) for m, at in log])
    finally:
        hosted.close()


class Seat:
    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.version = 0
        self.task = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for text in self.ws:
            msg = json.loads(text)
            if msg.get("type") in ("view", "patch"):
                self.version = max(self.version, int(msg["version"]))


async def seats_of(kind: str, server: GameServer, proxy_url: str) -> list[Seat]:
    opts = KINDS[kind]
    codes = server.hosted.codes_document()["tables"][0]["roles"]
    seats = []
    for code in codes.values():
        extensions = client_extensions() if opts.get("extensions") else None
        ws = await connect(
            proxy_url, compression=opts["compression"], extensions=extensions, max_size=2**24
        )
        hello = {"type": "hello", "protocol": 1, "codes": [code]}
        hello |= {"patches": opts["patches"], "parts": opts["parts"]}
        await ws.send(json.dumps(hello))
        seats.append(Seat(ws))
    return seats


async def until(seats: list[Seat], version: int) -> None:
    while min(s.version for s in seats) < version:
        await asyncio.sleep(0.001)


async def measure(kind: str, db: Path, moves: int) -> dict[str, Any]:
    hosted = open_session(LEEUWAERDENHOUT, "full", tables=1, db=db, now=time.time())
    server = GameServer(hosted)
    port = await server.start("127.0.0.1", 0)
    proxy = CountingProxy(port)
    table = server.tables[1]
    try:
        async with proxy.running() as url:
            seats = await seats_of(kind, server, url)
            await until(seats, table.state.version)
            await asyncio.sleep(0.2)
            first = proxy.down / len(seats)
            played, start_bytes = 0, proxy.down
            cpu = time.process_time()
            for move in late_game_moves(table.state, moves, seed=3):
                try:
                    apply(table.state, move, time.time())  # legal now? (the server re-applies)
                except IllegalMove:
                    continue
                await server.apply_move(table, move)
                await until(seats, table.state.version)
                played += 1
            cpu = time.process_time() - cpu
            per_move = (proxy.down - start_bytes) / max(1, played) / len(seats)
            for s in seats:
                await s.ws.close()
                s.task.cancel()
    finally:
        await server.stop()
        hosted.close()
    return {"first": first, "per_move": per_move, "cpu_ms": cpu / max(1, played) * 1000}


async def main_async(args: argparse.Namespace) -> None:
    if args.min_size is not None:
        LargeOnlyDeflate.min_size = args.min_size
    print(
        f"load average at start {os.getloadavg()[0]:.2f}; {args.moves} moves per run; "
        f"the server compresses messages from {LargeOnlyDeflate.min_size} bytes"
    )
    print("| seat | first connect | per move | CPU ms per move, server + 12 seats |")
    print("|---|---:|---:|---|")
    results: dict[str, list[dict[str, Any]]] = {k: [] for k in KINDS}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "late.db"
        late_db(base)
        for _ in range(args.repeat):
            for kind in KINDS:
                db = Path(tmp) / f"{kind}.db"
                db.write_bytes(base.read_bytes())
                results[kind].append(await measure(kind, db, args.moves))
                for suffix in ("-wal", "-shm"):
                    Path(str(db) + suffix).unlink(missing_ok=True)
                db.unlink()
    for kind, runs in results.items():
        first = statistics.median(r["first"] for r in runs)
        per = statistics.median(r["per_move"] for r in runs)
        cpu = sorted(r["cpu_ms"] for r in runs)
        print(
            f"| {kind} | {first / 1000:.1f} kB | {per / 1000:.2f} kB | "
            f"{cpu[0]:.2f} / {statistics.median(cpu):.2f} / {cpu[-1]:.2f} |"
        )
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--moves", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--min-size", type=int, default=None, help="compress from this size")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
