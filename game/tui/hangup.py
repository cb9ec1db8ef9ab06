"""Every client ends with its terminal.

When the window a seat, the room screen or the console runs in is closed,
the process gets SIGHUP, and its terminal is gone: nothing it draws reaches
anyone. Textual keeps its event loop alive through it, so without this a
closed window leaves a client connected (a seat that looks taken, a room
screen counted in the presence). :func:`exit_on_hangup` makes SIGHUP end the
process: first as an interrupt (the command closes its connection and, on the
host, the server), and if that has not finished within a few seconds, at once.
"""

from __future__ import annotations

import os
import signal
import threading
from types import FrameType

#: Exit status after a hangup (128 + SIGHUP), as a shell reports it.
HANGUP_STATUS = 129
#: Seconds the orderly exit may take before the process just ends.
GRACE = 3.0


def _hang_up(signum: int, frame: FrameType | None) -> None:
    timer = threading.Timer(GRACE, os._exit, args=(HANGUP_STATUS,))
    timer.daemon = True
    timer.start()
    raise KeyboardInterrupt


def exit_on_hangup() -> None:
    """Make SIGHUP end this process (no-op where there is no SIGHUP)."""
    if hasattr(signal, "SIGHUP") and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGHUP, _hang_up)
