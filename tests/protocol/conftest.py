"""A real game server on 127.0.0.1 (ephemeral port) and clients for it."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from game.net.client import GameClient
from game.server.hosting import HostedSession, open_session
from game.server.limits import Limits
from game.server.server import GameServer

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini" / "mini.yaml"
LEEUWAERDENHOUT = ROOT / "scenarios" / "leeuwaerdenhout.yaml"

FAST_LIMITS = Limits(bad_code_delay=0.0)


@dataclass
class Running:
    server: GameServer
    hosted: HostedSession
    url: str
    clients: list[GameClient] = field(default_factory=list)

    @property
    def codes(self) -> dict[str, Any]:
        return self.hosted.codes_document()

    def role_code(self, role: str, table: int = 1) -> str:
        return str(self.codes["tables"][table - 1]["roles"][role])

    def screen_code(self, table: int = 1) -> str:
        return str(self.codes["tables"][table - 1]["screen"])

    def pin(self, role: str, table: int = 1) -> str:
        return str(self.codes["tables"][table - 1]["pins"][role])

    async def seat(self, *roles: str, table: int = 1, **kw: Any) -> GameClient:
        codes = [self.role_code(r, table) for r in roles]
        return await self.join(codes=codes, **kw)

    async def screen(self, table: int = 1) -> GameClient:
        return await self.join(codes=[self.screen_code(table)], client="screen")

    async def console(self, **kw: Any) -> GameClient:
        return await self.join(facilitator=self.codes["facilitator"], client="console", **kw)

    async def join(self, **kw: Any) -> GameClient:
        kw.setdefault("backoff_initial", 0.05)
        client = GameClient(self.url, **kw)
        self.clients.append(client)
        await client.connect(timeout=10)
        return client


StartServer = Callable[..., Awaitable[Running]]


async def start_server(
    scenario: Path = MINI,
    *,
    mode: str = "short",
    tables: int = 1,
    db: str | Path = ":memory:",
    limits: Limits = FAST_LIMITS,
    port: int = 0,
) -> Running:
    hosted = open_session(scenario, mode, tables=tables, db=db, seed=7, now=time.time())
    server = GameServer(hosted, limits=limits, tick_interval=0.05)
    port = await server.start("127.0.0.1", port)
    hosted.url = f"ws://127.0.0.1:{port}"
    return Running(server=server, hosted=hosted, url=hosted.url)


async def stop_server(running: Running) -> None:
    for client in running.clients:
        await client.close()
    await running.server.stop()
    running.hosted.close()


@pytest.fixture
async def host() -> AsyncIterator[StartServer]:
    """Start servers (any options); every one is stopped at the end of the test."""
    started: list[Running] = []

    async def start(*args: Any, **kw: Any) -> Running:
        running = await start_server(*args, **kw)
        started.append(running)
        return running

    yield start
    for running in started:
        await stop_server(running)


@pytest.fixture
async def mini_host(host: StartServer) -> Running:
    """One table of the mini scenario (roles gemeente, net, winkels), short mode."""
    return await host()


def is_view(version: int, as_: str | None = None) -> Callable[[dict[str, Any]], bool]:
    def check(msg: dict[str, Any]) -> bool:
        return (
            msg.get("type") == "view"
            and msg.get("version") == version
            and (as_ is None or msg.get("as") == as_)
        )

    return check
