"""End to end in real terminals: ``play`` in one tmux window, ``join`` in another.

Skipped when tmux is not installed, failed in CI (``.ci/run`` installs it). Each test run
uses its own tmux server socket and its own data directory.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.needs_tool("tmux")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Tmux:
    def __init__(self, socket_name: str, env: dict[str, str]) -> None:
        self.socket, self.env = socket_name, env

    def run(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=20,
            check=False,
        )
        return done.stdout

    def capture(self, target: str) -> str:
        return self.run("capture-pane", "-p", "-t", target)

    def wait_for(self, target: str, check: Callable[[str], bool], timeout: float = 40) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.capture(target)
            if check(screen):
                return screen
            time.sleep(0.3)
        raise AssertionError(f"{target} never showed what was expected:\n{screen}")


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "TERM": "xterm-256color",
        "PYTHONPATH": str(ROOT),
        "TEXTUAL_ANIMATIONS": "none",
    }
    session = Tmux(f"bb-e2e-{os.getpid()}", env)
    yield session
    session.run("kill-server")


def test_play_and_join_in_two_terminals(tmux: Tmux, tmp_path: Path) -> None:
    port = free_port()
    db = tmp_path / "workshop.db"
    python = sys.executable
    play = f"{python} -m game play --host 127.0.0.1 --port {port} --db {db}"
    tmux.run("new-session", "-d", "-s", "e2e", "-n", "play", "-x", "110", "-y", "32", play)
    console = tmux.wait_for("e2e:play", lambda s: "Rollen en spelers" in s)
    assert f"botsende-belangen join ws://127.0.0.1:{port}" in console

    codes_file = db.with_suffix(".codes.json")
    deadline = time.monotonic() + 20
    while not codes_file.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    codes = json.loads(codes_file.read_text())["tables"][0]["roles"]
    code = codes["netbeheerder"]

    join = f"{python} -m game join ws://127.0.0.1:{port} --code {code}"
    tmux.run("new-window", "-t", "e2e", "-n", "seat", join)
    seat = tmux.wait_for("e2e:seat", lambda s: "Rol: " in s and "PERSBERICHT" in s)
    assert "nog niet begonnen" in seat and "Netbeheerder" in seat

    tmux.run("send-keys", "-t", "e2e:play", "b")
    seat = tmux.wait_for("e2e:seat", lambda s: "Ronde 1/" in s)
    assert "⏱" in seat

    tmux.run("send-keys", "-t", "e2e:seat", "q")
    tmux.run("send-keys", "-t", "e2e:play", "q")
    tmux.wait_for("e2e:play", lambda s: "Rollen en spelers" not in s, timeout=20)
