"""End to end in real terminals: ``play`` in one tmux window, ``join`` in another.

Skipped when tmux is not installed, failed in CI (``.ci/run`` installs it). Each test run
uses its own tmux server socket and its own data directory.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from functools import partial
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
def tmux(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Tmux]:
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "TERM": "xterm-256color",
        "PYTHONPATH": str(ROOT),
        "TEXTUAL_ANIMATIONS": "none",
    }
    session = Tmux(f"bb-e2e-{os.getpid()}-{request.node.name[-24:]}", env)
    yield session
    session.run("kill-server")


def test_play_and_join_in_two_terminals(tmux: Tmux, tmp_path: Path) -> None:
    port = free_port()
    db = tmp_path / "workshop.db"
    python = sys.executable
    play = f"{python} -m game play --host 127.0.0.1 --port {port} --db {db}"
    tmux.run("new-session", "-d", "-s", "e2e", "-n", "play", "-x", "110", "-y", "32", play)
    console = tmux.wait_for("e2e:play", lambda s: "Rollen en spelers" in s)
    assert f"botsende-belangen join 127.0.0.1:{port} --code CODE" in console

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
    tmux.wait_for("e2e:play", lambda s: "Het spel loopt nog. Stoppen?" in s)
    tmux.run("send-keys", "-t", "e2e:play", "Down", "Enter")
    tmux.wait_for("e2e:play", lambda s: "Rollen en spelers" not in s, timeout=20)


def clock(screen: str) -> int:
    """Seconds on the console's round clock (``⏱ 14:36``)."""
    minutes, seconds = re.search(r"⏱ (\d+):(\d\d)", screen).groups()  # type: ignore[union-attr]
    return int(minutes) * 60 + int(seconds)


def pick_proposal(tmux: Tmux, pid: str) -> None:
    """Move the console's proposal list to ``pid`` (its detail pane names it)."""
    for _ in range(30):
        if re.search(rf"│ {pid} van ", tmux.capture("e2e:play")):
            return
        tmux.run("send-keys", "-t", "e2e:play", "Down")
        time.sleep(0.3)
    raise AssertionError(f"{pid} never chosen:\n{tmux.capture('e2e:play')}")


def test_a_whole_short_workshop_with_a_crash(tmux: Tmux, tmp_path: Path) -> None:
    from tests.e2e.workshop import Players, two_packages

    port = free_port()
    db = tmp_path / "workshop.db"
    python = sys.executable
    play = f"{python} -m game play --host 127.0.0.1 --port {port} --db {db} --bot-pace 0.5"
    keep = "; sleep 120"  # the window stays, so its last words can be read
    tmux.run("new-session", "-d", "-s", "e2e", "-n", "play", "-x", "120", "-y", "40", play + keep)
    tmux.run("set-option", "-t", "e2e", "default-size", "120x40")  # respawned windows too
    tmux.wait_for("e2e:play", lambda s: "Rollen en spelers" in s, timeout=90)
    assert f"botsende-belangen join 127.0.0.1:{port} --code CODE" in tmux.capture("e2e:play")
    codes_doc = json.loads(db.with_suffix(".codes.json").read_text())
    codes = codes_doc["tables"][0]["roles"]
    screen = f"{python} -m game screen http://127.0.0.1:{port}/#screen={codes_doc['tables'][0]['screen']}"
    tmux.run("new-window", "-t", "e2e", "-n", "room", screen)
    tmux.wait_for("e2e:room", lambda s: "nog niet begonnen" in s)
    bots = ("warmtebedrijf", "bewoners")
    people = Players(f"ws://127.0.0.1:{port}", {r: c for r, c in codes.items() if r not in bots})
    try:
        people.join()
        send = partial(tmux.run, "send-keys", "-t", "e2e:play")
        # Bots for two empty roles: the seat list has the focus; Warmte is row 10, Bewoners 12.
        for downs, name in ((9, "Warmte"), (2, "Bewoners")):
            send(*["Down"] * downs, "o")
            tmux.wait_for("e2e:play", lambda s, name=name: f"Wie speelt {name}?" in s)
            send("Enter")
            tmux.wait_for("e2e:play", lambda s, name=name: re.search(rf"{name}\s+bot", s))
        send("f")  # projector-safe before the room screen shows anything
        tmux.wait_for("e2e:play", lambda s: "PROJECTORVEILIG" in s)
        send("b")
        tmux.wait_for("e2e:room", lambda s: "Ronde 1/4" in s)
        send("n")
        tmux.wait_for("e2e:play", lambda s: "Ronde 2/4: Ontwerpen en plannen" in s)
        first, amended = two_packages()
        assert people.move("stedenbouw", "propose", {"package": first})
        send("e")
        tmux.wait_for("e2e:play", lambda s: "Welke gebeurtenis?" in s)
        send("Enter")  # the first event card
        tmux.wait_for("e2e:room", lambda s: "Subsidie gehalveerd" in s)
        before = clock(tmux.capture("e2e:play"))
        send("+")
        tmux.wait_for("e2e:play", lambda s: clock(s) > before + 30)

        # The laptop crashes mid-round; the same command again.
        pid = int(tmux.run("list-panes", "-t", "e2e:play", "-F", "#{pane_pid}").split()[0])
        host = subprocess.run(
            ["pgrep", "-P", str(pid), "-f", "game play"], capture_output=True, text=True
        ).stdout.split()
        assert host, "the play process"
        os.kill(int(host[0]), signal.SIGKILL)
        tmux.run("respawn-window", "-k", "-t", "e2e:play", play + keep)
        tmux.run("resize-window", "-t", "e2e:play", "-x", "120", "-y", "40")
        tmux.wait_for("e2e:play", lambda s: "Verder spelen? [J/n]" in s, timeout=90)
        send("Enter")
        console = tmux.wait_for(
            "e2e:play",
            lambda s: "PROJECTORVEILIG" in s and "Ronde 2/4" in s and "leeg" not in s,
            timeout=90,
        )
        assert "Waarde van" not in console  # no private values on the wall
        assert len(re.findall(r"\s(speler|bot)\s", console)) >= 12  # every seat is back
        tmux.wait_for("e2e:room", lambda s: "Ronde 2/4" in s, timeout=30)

        send("n")  # Besluit
        tmux.wait_for("e2e:play", lambda s: "Ronde 3/4: Besluit" in s)
        send("1")  # the table tab, with the keyboard in its list of proposals
        pick_proposal(tmux, "P1")
        send("s")
        people.wait_view("wethouder", lambda v: v.get("ballot") is not None)
        for role in people.clients:
            people.move(role, "vote", {"choice": "no" if role == "wethouder" else "yes"})
        failed = tmux.wait_for("e2e:play", lambda s: "VERWORPEN: veto van Wethouder" in s, timeout=60)
        assert re.search(r"Wethouder ★\s+speler\s+tegen", failed)
        reply = people.move(
            "stedenbouw", "amend", {"proposal": "P1", "changes": amended, "note": "bijgesteld"}
        )
        view = people.wait_view(
            "stedenbouw", lambda v: any(p.get("note") == "bijgesteld" for p in v["proposals"])
        )
        mine = [p["id"] for p in view["proposals"] if p.get("note") == "bijgesteld"]
        assert reply and mine
        pick_proposal(tmux, mine[0])
        send("s")
        people.wait_view("wethouder", lambda v: (v.get("ballot") or {}).get("proposal") == mine[0])
        for role in people.clients:
            people.move(role, "vote", {"choice": "yes"})
        tmux.wait_for("e2e:play", lambda s: "AANGENOMEN" in s, timeout=60)

        send("n")  # the debrief
        tmux.wait_for("e2e:room", lambda s: "Nabespreking" in s, timeout=30)
        send("5")
        tmux.wait_for("e2e:play", lambda s: f"Akkoord over {mine[0]}" in s, timeout=30)
        send("q")
        tmux.wait_for("e2e:play", lambda s: "botsende-belangen report" in s, timeout=30)
    finally:
        people.close()

    report = tmp_path / "debrief.html"
    done = subprocess.run(
        [python, "-m", "game", "report", str(db), "-o", str(report)],
        cwd=ROOT,
        env=tmux.env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert mine[0] in report.read_text(encoding="utf-8")

    # The next workshop: the same command starts a fresh game and keeps the old one.
    tmux.run("respawn-window", "-k", "-t", "e2e:play", play + keep)
    fresh = tmux.wait_for("e2e:play", lambda s: "nog niet begonnen" in s, timeout=90)
    assert "Ronde" not in fresh
    new_codes = json.loads(db.with_suffix(".codes.json").read_text())["tables"][0]["roles"]
    assert new_codes != codes
    assert len(list(tmp_path.glob("workshop-*.db"))) == 1  # the old game, kept for its report

    # The room screen ends with its window.
    tmux.run("kill-window", "-t", "e2e:room")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        alive = subprocess.run(["pgrep", "-f", f"screen http://127.0.0.1:{port}/"], check=False)
        if alive.returncode != 0:
            break
        time.sleep(0.3)
    else:
        raise AssertionError("the room screen outlived its window")
    tmux.run("send-keys", "-t", "e2e:play", "q")
