"""Scripted participants for the whole-workshop test: real seats over the network.

They run in a thread with their own event loop, so a synchronous tmux test can
let them propose, amend and vote at the moments it chooses, while the
facilitator's part is key presses in the console.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

from game.engine import FACILITATOR, Move, apply, new_game
from game.engine.state import GameState
from game.net.client import GameClient
from game.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = ROOT / "scenarios" / "leeuwaerdenhout.yaml"


def two_packages() -> tuple[dict[str, str], dict[str, str]]:
    """A package the short mode accepts, and a one-issue change of it that it accepts too."""
    scenario = load_scenario(SCENARIO)
    state: GameState = new_game(scenario, "short", seed=1, now=0.0)
    for kind in ("start", "next_round"):
        state, _ = apply(state, Move(kind, FACILITATOR, {}), 0.0)
    live = state.mode_def.issues
    options = [[o.id for o in scenario.issue(i).options] for i in live]
    good = []
    for combo in itertools.product(*options):
        package = dict(zip(live, combo, strict=True))
        try:
            apply(state, Move("propose", "stedenbouw", {"package": package}), 0.0)
        except Exception:
            continue
        good.append(package)
    first = good[0]
    for other in good[1:]:
        if sum(first[i] != other[i] for i in live) == 1:
            return first, other
    raise AssertionError("no two packages one change apart")


class Players:
    """Seats for ``roles`` (their codes from the codes file), played by this test."""

    def __init__(self, url: str, codes: dict[str, str]) -> None:
        self.url, self.codes = url, codes
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.clients: dict[str, GameClient] = {}

    def run(self, coro: Coroutine[Any, Any, Any], timeout: float = 30) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def join(self) -> None:
        async def go() -> None:
            for role, code in self.codes.items():
                client = GameClient(self.url, codes=[code], backoff_max=1.0)
                await client.connect(timeout=15)
                self.clients[role] = client

        self.run(go())

    def move(self, role: str, kind: str, data: dict[str, Any]) -> dict[str, Any]:
        return dict(self.run(self.clients[role].move(kind, data, as_=role)))

    def view(self, role: str) -> dict[str, Any] | None:
        async def get() -> dict[str, Any] | None:
            return self.clients[role].view(role)

        return self.run(get())

    def wait_view(self, role: str, check: Any, timeout: float = 30) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            view = self.view(role)
            if view is not None and check(view):
                return view
            time.sleep(0.2)
        raise AssertionError(f"{role} never saw what was expected")

    def close(self) -> None:
        async def go() -> None:
            for client in self.clients.values():
                await client.close()

        try:
            self.run(go())
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(5)
