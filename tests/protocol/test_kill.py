"""kill -9 the host at seeded random points; on restart every acknowledged move is there.

The host runs as a real subprocess (``python -m game host ... --headless``). A
console and a shared terminal (all three roles of the mini scenario) play a
whole short game, deciding each move from the current view, so a move whose
ack was lost in a crash is simply not repeated if the view shows it happened.
The host harness (start, codes, SIGKILL, restart) is ``benchmarks/hostproc.py``,
shared with ``benchmarks/kill.py``.
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path
from typing import Any

from benchmarks.hostproc import ROLES, HostProcess, connect_clients, free_port
from game.net.client import ConnectionLost, GameClient
from game.store import Store

SEED = 20240611
Action = tuple[str, str, dict[str, Any]]  # (as, move, data)


def next_action(view: dict[str, Any]) -> Action | None:
    """The next move of the scripted game, decided from the facilitator's view."""
    if view["phase"] == "lobby":
        return ("facilitator", "start", {})
    if view["phase"] == "ended":
        return None
    rnd = view["round"]["id"]
    said = sum(1 for m in view["messages"] if m["round"] == rnd)
    if rnd == "opening":
        if said < 3:
            return (ROLES[said % 3], "message", {"text": f"opening {said}"})
        return ("facilitator", "next_round", {})
    if rnd == "ontwerpen":
        if not view["proposals"]:
            return ("net", "propose", {"package": {"ontwerp": "groen", "fasering": "samen"}})
        backers = view["proposals"][0]["support"]
        for role in ("gemeente", "winkels"):
            if role not in backers:
                return (role, "support", {"proposal": "P1", "reason": "goed plan"})
        if said < 4:
            return (ROLES[said % 3], "message", {"text": f"ontwerpen {said}"})
        return ("facilitator", "next_round", {})
    if rnd == "besluit":
        agreement, ballot = view["agreement"], view["ballot"]
        if agreement is None and ballot is None:
            return ("facilitator", "call_vote", {"proposal": "P1"})
        if agreement is None:
            role = next(r for r in ROLES if r not in ballot["voted"])
            return (role, "vote", {"choice": "yes"})
        for role in ROLES:
            if role not in agreement["signatures"]:
                return (role, "sign", {})
        return ("facilitator", "next_round", {})
    return ("facilitator", "end", {})


async def synced(console: GameClient, seats: GameClient) -> dict[str, Any]:
    """The console's view once both clients are connected and up to date."""
    async with asyncio.timeout(30):
        while True:
            await console.connected.wait()
            await seats.connected.wait()
            view = console.view("facilitator")
            assert console.welcome is not None
            if view is not None and view["version"] >= console.welcome["versions"]["1"]:
                return view
            await asyncio.sleep(0.01)


async def test_kill_minus_nine_loses_no_acknowledged_move(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    kill_at = set(rng.sample(range(1, 24), 4))
    host = HostProcess(tmp_path, free_port())
    await host.start(timeout=30)
    codes = host.codes()
    console, seats = await connect_clients(host, backoff_max=0.3, timeout=10)
    acked: dict[int, dict[str, Any]] = {}
    kills = 0
    try:
        for step in range(200):
            view = await synced(console, seats)
            action = next_action(view)
            if action is None:
                break
            actor, move, data = action
            client = console if actor == "facilitator" else seats
            sent = asyncio.create_task(client.move(move, data, as_=actor))
            if step in kill_at:
                await asyncio.sleep(rng.uniform(0.0, 0.01))
                await host.kill()
                kills += 1
                await host.start(timeout=30)
                assert host.codes() == codes  # same codes after a restart
            try:
                ack = await sent
                acked[ack["version"]] = {"type": move, "actor": actor, "data": data}
                await console.wait_for(lambda m, v=ack["version"]: m.get("version", 0) >= v)
            except ConnectionLost:
                pass  # unknown whether it happened: the next view tells
        else:
            raise AssertionError("the game did not finish")
        final = await synced(console, seats)
        assert final["phase"] == "ended"
        assert final["agreement"]["proposal"] == "P1"
    finally:
        await console.close()
        await seats.close()
        if host.proc and host.proc.returncode is None:
            assert await host.stop(timeout=10) == 0
    assert kills == 4
    with Store.open(host.db, readonly=True) as store:
        log = {m.seq: m.move for m in store.moves(1)}
    for version, move in acked.items():
        assert log[version] == move
    assert max(log) == final["version"]
