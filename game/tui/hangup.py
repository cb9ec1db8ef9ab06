"""Every client ends with its terminal.

When the window a seat, the room screen or the console runs in is closed,
the process gets SIGHUP, and its terminal is gone: nothing it draws reaches
anyone. Textual keeps its event loop alive through it, so without this a
closed window leaves a client connected (a seat that looks taken, a room
screen counted in the presence). :func:`exit_on_hangup` makes SIGHUP end the
process: first as an interrupt (the command closes its connection and, on the
host, the server), and if that has not finished within a few seconds, at once.

Not every closed window sends SIGHUP to the client (a wrapper, a background
job, a vanished ssh session): its terminal then just reads end-of-file, which
Textual takes for a pipe and ignores. So a watchdog checks once a second
whether the terminal is still one, and hangs up when it is gone.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from types import FrameType

#: Exit status after a hangup (128 + SIGHUP), as a shell reports it.
HANGUP_STATUS = 129
#: Seconds the orderly exit may take before the process just ends.
GRACE = 3.0
#: Seconds between two looks at the terminal.
WATCH_EVERY = 1.0


def _hang_up(signum: int, frame: FrameType | None) -> None:
    timer = threading.Timer(GRACE, os._exit, args=(HANGUP_STATUS,))
    timer.daemon = True
    timer.start()
    raise KeyboardInterrupt


def _terminal_fds() -> list[int]:
    fds = []
    for stream in (sys.stdin, sys.stdout):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            fd = stream.fileno()
            if os.isatty(fd):
                fds.append(fd)
    return fds


def _watch(fds: list[int]) -> None:
    while all(os.isatty(fd) for fd in fds):
        time.sleep(WATCH_EVERY)
    os.kill(os.getpid(), signal.SIGHUP)


def exit_on_hangup() -> None:
    """Make SIGHUP, or the terminal going away, end this process (no-op without SIGHUP)."""
    if not hasattr(signal, "SIGHUP") or threading.current_thread() is not threading.main_thread():
        return
    signal.signal(signal.SIGHUP, _hang_up)
    fds = _terminal_fds()
    if fds:
        threading.Thread(target=_watch, args=(fds,), name="terminal watch", daemon=True).start()
