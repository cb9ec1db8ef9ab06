"""SIGKILL trials: kill -9 the host while moves are in flight; nothing acknowledged is lost.

The host runs as a real subprocess (``python -m game host ... --headless``, the
mini scenario) on one database and port. A facilitator console and a shared
terminal holding all three roles connect with :class:`game.net.client.GameClient`
(which gives every move a key and resends it with that key after a reconnect).
Each trial: every role and the facilitator send moves back to back (messages;
announcements for the facilitator), each with unique text; after a random
0-400 ms the host is killed with SIGKILL and started again at once. The moves
in flight are resent by the client when it is back. After the last trial the
database is read and checked:

- every acknowledged move is in the log at the version its ``ack`` named, with
  the same content and key (0 lost);
- every key appears at most once in the log, and every move that was in flight
  at a kill and acknowledged after the restart (a resent move) exactly once;
- no move text appears twice.

It prints, per trial, the time from the kill to the first acknowledged move
after it as min/median/max, and the totals.

    .venv/bin/python benchmarks/kill.py --trials 100
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.hostproc import ROLES, HostProcess, connect_clients, free_port
from game.net.client import ConnectionLost, GameClient, ServerError
from game.store import Store


@dataclass
class Sent:
    actor: str
    move: str
    data: dict[str, Any]
    key: str
    trial: int
    began: float
    version: int | None = None
    acked_at: float | None = None
    lost: bool = False


@dataclass
class Record:
    sent: list[Sent] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)


async def send_moves(
    client: GameClient, actor: str, trial: int, stop: asyncio.Event, record: Record
) -> None:
    n = 0
    while not stop.is_set():
        n += 1
        text = f"t{trial}-{actor}-{n}"
        move, data = (
            ("announce", {"text": text}) if actor == "facilitator" else ("message", {"text": text})
        )
        sent = Sent(actor, move, data, f"{random.getrandbits(64):016x}", trial, time.monotonic())
        record.sent.append(sent)
        try:
            ack = await client.move(move, data, as_=actor, key=sent.key, timeout=60)
        except ConnectionLost:
            sent.lost = True
            return
        except ServerError as exc:
            record.refused.append((actor, exc.code))
            return
        sent.version = int(ack["version"])
        sent.acked_at = time.monotonic()


async def run(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    random.seed(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="kill-"))
    host = HostProcess(tmp, free_port())
    await host.start()
    console, seats = await connect_clients(host, backoff_max=0.2)
    await console.move("start")
    record = Record()
    kills: list[float] = []
    recovery: list[float] = []
    began = time.perf_counter()
    try:
        for trial in range(1, args.trials + 1):
            stop = asyncio.Event()
            tasks = [
                asyncio.create_task(send_moves(seats, role, trial, stop, record)) for role in ROLES
            ]
            tasks.append(
                asyncio.create_task(send_moves(console, "facilitator", trial, stop, record))
            )
            await asyncio.sleep(rng.uniform(0.0, 0.4))
            killed_at = time.monotonic()
            await host.kill()
            dead_at = time.monotonic()  # acks after this come from the restarted host
            kills.append(killed_at)
            await host.start()
            await asyncio.sleep(rng.uniform(0.05, 0.3))  # moves resume after the restart
            stop.set()
            await asyncio.gather(*tasks)
            after = [s.acked_at for s in record.sent if s.acked_at and s.acked_at > dead_at]
            if after:
                recovery.append(min(after) - killed_at)
            if trial % 10 == 0:
                print(f"trial {trial}: {len(record.sent)} moves sent so far", flush=True)
    finally:
        resends = console.resends + seats.resends
        await console.close()
        await seats.close()
        await host.stop()
    took = time.perf_counter() - began

    with Store.open(host.db, readonly=True) as store:
        log = {m.seq: m for m in store.moves(1)}
    acked = [s for s in record.sent if s.version is not None]
    lost = [
        s
        for s in acked
        if s.version not in log
        or log[s.version].move != {"type": s.move, "actor": s.actor, "data": s.data}
        or log[s.version].key != s.key
    ]
    keys = Counter(m.key for m in log.values() if m.key is not None)
    texts = Counter(json.dumps(m.move["data"]) for m in log.values() if m.move["type"] != "start")
    twice_keys = [k for k, n in keys.items() if n > 1]
    twice_texts = [t for t, n in texts.items() if n > 1]
    in_flight = [
        s
        for s in acked
        if any(s.began < k < (s.acked_at or 0) for k in kills)  # sent before a kill, acked after
    ]
    in_flight_once = sum(1 for s in in_flight if keys[s.key] == 1)
    unacked = [s for s in record.sent if s.version is None]
    unacked_applied = sum(1 for s in unacked if keys[s.key] == 1)
    print(f"trials (SIGKILLs)          {len(kills)}")
    print(f"moves sent                 {len(record.sent)}; acknowledged {len(acked)}")
    print(f"acknowledged moves lost    {len(lost)}")
    print(f"resends by the clients     {resends}")
    print(f"in flight at a kill, acked {len(in_flight)}; applied exactly once: {in_flight_once}")
    print(f"keys in the log twice      {len(twice_keys)}; texts twice: {len(twice_texts)}")
    print(
        f"not acknowledged           {len(unacked)} (ConnectionLost {sum(s.lost for s in unacked)},"
        f" refused {len(record.refused)}); of them in the log once: {unacked_applied}"
    )
    print(f"moves in the log           {len(log)}")
    if recovery:
        r = sorted(recovery)
        print(
            f"kill to first ack (s)      min {r[0]:.3f}  median {statistics.median(r):.3f}"
            f"  max {r[-1]:.3f}"
        )
    print(f"wall time                  {took:.0f} s")
    ok = not lost and not twice_keys and not twice_texts and in_flight_once == len(in_flight)
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--seed", type=int, default=17)
    return asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
