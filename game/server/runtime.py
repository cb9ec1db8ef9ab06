"""Process settings for a long-running host."""

from __future__ import annotations

import gc
import sys


def tune_gc() -> None:
    """Keep the cyclic garbage collector from pausing the event loop.

    A host holds a large, long-lived, acyclic heap (the scenario, engine states
    and their cached views). A full collection walks all of it and, measured
    under load, paused the loop for 100-200 ms every few seconds while finding
    next to nothing. So: collect once, freeze what startup built (never scanned
    again), and make young collections rarer and full ones much rarer.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(5_000, 20, 100)
    # The log writer thread hands each commit back to the event loop; a short
    # switch interval keeps that hand-over from adding milliseconds per move.
    sys.setswitchinterval(0.0005)
