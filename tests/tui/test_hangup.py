"""Every client ends with its terminal, even when no SIGHUP comes (item 13)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import os
import time
from game.tui.hangup import exit_on_hangup
try:  # the hangup may come as soon as "ready" is read, on a busy machine before the sleep
    exit_on_hangup()
    # one system call and nothing after it: the test closes the terminal as soon as
    # it reads this, and anything print still does then (a flush) fails with EIO
    os.write(1, b"ready\\n")
    time.sleep(60)
except KeyboardInterrupt:
    raise SystemExit(130)
"""


def test_a_client_exits_when_its_terminal_goes_away_without_a_signal() -> None:
    master, slave = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD],
        stdin=slave,
        stdout=slave,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        start_new_session=True,  # not its controlling terminal: closing it sends no SIGHUP
    )
    os.close(slave)
    try:
        deadline = time.monotonic() + 20
        seen = b""
        while b"ready" not in seen and time.monotonic() < deadline:
            seen += os.read(master, 100)
        assert b"ready" in seen
        os.close(master)  # the window closes
        assert child.wait(timeout=10) == 130
    finally:
        if child.poll() is None:
            child.kill()
