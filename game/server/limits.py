"""Limits that keep one client from hurting the server or other tables."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Limits:
    """Per-connection limits (see docs/protocol.md, "Limits")."""

    #: Largest message the server reads; bigger ones get ``too_big``.
    max_message: int = 64 * 1024
    #: Frames above this close the connection (websocket close code 1009).
    max_frame: int = 1024 * 1024
    #: Sustained messages per second per connection ...
    rate: float = 20.0
    #: ... and the burst allowed on top of it.
    burst: float = 40.0
    #: Messages dropped for the rate limit before the connection is closed.
    max_rate_drops: int = 200
    #: Bad codes, tokens or PINs per connection before it is closed.
    max_bad_codes: int = 5
    #: Seconds the server waits before answering a bad code (slows guessing).
    bad_code_delay: float = 0.5
    #: Bad codes per remote address per minute before that address is blocked:
    #: its codes are then checked one at a time, a bad one answered after
    #: ``blocked_delay``; valid codes still get in at once.
    bad_codes_per_minute: int = 30
    #: Seconds before a bad code from a blocked address is answered (and the next
    #: code from that address is checked).
    blocked_delay: float = 2.0
    #: Seconds a connection may take to send its ``hello``.
    hello_timeout: float = 30.0
    #: Most codes one ``hello`` may carry (a shared terminal of several roles).
    max_codes: int = 16


class TokenBucket:
    """A token bucket: ``take()`` is True while the rate and burst allow."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate = rate
        self.burst = burst
        self._tokens = burst
        self._clock = time.monotonic
        self._last = self._clock()

    def take(self, cost: float = 1.0) -> bool:
        now = self._clock()
        self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
        self._last = now
        if self._tokens >= cost:
            self._tokens -= cost
            return True
        return False


class AddressGuard:
    """Counts bad codes, tokens and PINs per remote address over a sliding window.

    An address with ``per_window`` of them in the last ``window`` seconds is
    *blocked*: the server then checks its codes one at a time and answers each
    bad one only after ``Limits.blocked_delay`` (see :mod:`game.server.joining`).
    A block never refuses a valid code. The facilitator sees the blocks and may
    lift one (``unblock``), which forgets the address's bad codes.
    """

    def __init__(
        self,
        per_window: int,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.per_window = per_window
        self.window = window
        self._clock = clock
        self._wall = wall
        self._hits: dict[str, list[float]] = {}
        self._since: dict[str, float] = {}  # address -> wall time its block began

    def blocked(self, address: str) -> bool:
        blocked = len(self._recent(address)) >= self.per_window
        if not blocked:
            self._since.pop(address, None)
        return blocked

    def record(self, address: str) -> bool:
        """Count a bad secret from ``address``; True when this begins a block."""
        was = self.blocked(address)
        self._recent(address).append(self._clock())
        if not was and self.blocked(address):
            self._since[address] = self._wall()
            return True
        return False

    def expires_in(self, address: str) -> float:
        """Seconds until ``address`` is no longer blocked if it sends no bad code."""
        hits = self._recent(address)
        if len(hits) < self.per_window:
            return 0.0
        return max(0.0, hits[-self.per_window] + self.window - self._clock())

    def lift(self, address: str) -> bool:
        """Forget the bad codes of ``address``; True when it was blocked."""
        was = self.blocked(address)
        self._hits.pop(address, None)
        self._since.pop(address, None)
        return was

    def blocks(self) -> list[dict[str, Any]]:
        """The blocked addresses: ``address``, ``bad`` (in the window), ``since`` (wall time)."""
        found = []
        for address in sorted(self._hits):
            if self.blocked(address):
                since = self._since.setdefault(address, self._wall())
                found.append({"address": address, "bad": len(self._hits[address]), "since": since})
        return found

    def _recent(self, address: str) -> list[float]:
        cutoff = self._clock() - self.window
        hits = [t for t in self._hits.get(address, []) if t > cutoff]
        self._hits[address] = hits
        if len(self._hits) > 10_000:  # forget old addresses; bounded memory
            for key in [k for k, v in self._hits.items() if not v and k != address]:
                del self._hits[key]
        return hits
