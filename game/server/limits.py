"""Limits that keep one client from hurting the server or other tables."""

from __future__ import annotations

import time
from dataclasses import dataclass


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
    #: Bad codes per remote address per minute before that address is refused.
    bad_codes_per_minute: int = 30
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
    """Counts bad codes per remote address over a sliding minute."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._hits: dict[str, list[float]] = {}

    def blocked(self, address: str) -> bool:
        return len(self._recent(address)) >= self.per_minute

    def record(self, address: str) -> None:
        self._recent(address).append(time.monotonic())

    def _recent(self, address: str) -> list[float]:
        cutoff = time.monotonic() - 60.0
        hits = [t for t in self._hits.get(address, []) if t > cutoff]
        self._hits[address] = hits
        if len(self._hits) > 10_000:  # forget old addresses; bounded memory
            for key in [k for k, v in self._hits.items() if not v]:
                del self._hits[key]
        return hits
