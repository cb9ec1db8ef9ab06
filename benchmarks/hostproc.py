"""The host as a real subprocess, killed and restarted on one database and port.

Shared by ``benchmarks/kill.py`` (SIGKILL trials) and ``tests/protocol/test_kill.py``
(a whole game through kill -9): ``python -m game host ... --headless`` on the mini
scenario, its codes read from the codes file (JSON), SIGKILL, a restart that
resumes the session from the database with the same codes, and a console plus a
shared terminal holding every role, connected through :class:`GameClient`.

It lives among the benchmarks because a benchmark must run with the project's
scripts alone (no test tree on the path); the tests import it from here, as they
already import ``benchmarks.late_game``.

    host = HostProcess(tmp, free_port())
    await host.start()
    console, seats = await connect_clients(host)
    await host.kill()
    await host.start()  # the clients reconnect by themselves
"""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import sys
from pathlib import Path
from typing import Any

from game.net.client import GameClient

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini" / "mini.yaml"
ROLES = ("gemeente", "net", "winkels")
"""The mini scenario's roles."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class HostProcess:
    """``host --headless`` on ``tmp/kill.db`` and ``port``; restartable after a kill.

    The host's stderr goes to ``tmp/host.log`` (appended over restarts).
    """

    def __init__(self, tmp: Path, port: int, *, seed: int = 5) -> None:
        self.db = tmp / "kill.db"
        self.codes_file = tmp / "codes.json"
        self.log = tmp / "host.log"
        self.port = port
        self.seed = seed
        self.proc: asyncio.subprocess.Process | None = None

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    async def start(self, timeout: float = 60.0) -> None:
        """Start (or resume) the host; return once it listens (its address line is out)."""
        cmd = [
            sys.executable, "-m", "game", "host", str(MINI), "--mode", "short", "--headless",
            "--db", str(self.db), "--codes-file", str(self.codes_file), "--host", "127.0.0.1",
            "--port", str(self.port), "--seed", str(self.seed), "--quiet",
        ]  # fmt: skip
        with self.log.open("a") as log:
            self.proc = await asyncio.create_subprocess_exec(
                *cmd, cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=log
            )
        assert self.proc.stdout is not None
        while True:
            line = (await asyncio.wait_for(self.proc.stdout.readline(), timeout)).decode()
            if not line:
                raise RuntimeError(f"the host did not start: {self.log.read_text()[-2000:]}")
            if "://" in line:  # the address line, in either interface language
                return

    def codes(self) -> dict[str, Any]:
        """The codes file: ``facilitator`` token and per table its role codes."""
        return dict(json.loads(self.codes_file.read_text(encoding="utf-8")))

    async def kill(self) -> None:
        """kill -9, and wait until the process is gone."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        await self.proc.wait()

    async def stop(self, timeout: float = 30.0) -> int | None:
        """SIGTERM a running host; its exit status (``None`` if it never started)."""
        if self.proc is None:
            return None
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
            await asyncio.wait_for(self.proc.wait(), timeout)
        return self.proc.returncode


async def connect_clients(
    host: HostProcess, *, backoff_max: float = 0.3, timeout: float = 30.0
) -> tuple[GameClient, GameClient]:
    """A facilitator console and a shared terminal with table 1's roles, both connected.

    They reconnect quickly (from 0.05 s, at most ``backoff_max``) after a kill.
    """
    codes = host.codes()
    fast: dict[str, Any] = {"backoff_initial": 0.05, "backoff_max": backoff_max}
    console = GameClient(host.url, facilitator=codes["facilitator"], client="console", **fast)
    seats = GameClient(host.url, codes=list(codes["tables"][0]["roles"].values()), **fast)
    await console.connect(timeout=timeout)
    await seats.connect(timeout=timeout)
    return console, seats
