"""Durable appends off the event loop: one writer thread owns the database.

A commit with ``synchronous=FULL`` waits for the disk (fsync), which takes from
a millisecond to a few hundred on a busy laptop. The writer thread waits
instead of the event loop, so every table keeps playing meanwhile. Moves that
arrive while the disk is busy are committed together in the next transaction
(group commit: one fsync for all of them); a move alone gets a transaction of
its own. Either way a move is durable before its future resolves, and only
then is it acknowledged or broadcast. Each table has at most one move in
flight (the server holds the table's lock from apply to broadcast), so a
table's log stays strictly ordered.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections.abc import Mapping
from typing import Any

from game.store import Store

MAX_BATCH = 256
_Entry = tuple[
    int, Mapping[str, Any], float, str | None, asyncio.AbstractEventLoop, "asyncio.Future[int]"
]


class LogWriter:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.commits = 0
        self.moves = 0
        self._queue: queue.SimpleQueue[_Entry | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="log-writer", daemon=True)
        self._thread.start()

    async def append(
        self, table: int, move: Mapping[str, Any], now: float, key: str | None = None
    ) -> int:
        """Commit one move durably, with its client ``key``; its seq. Raises what
        the store raised."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[int] = loop.create_future()
        self._queue.put((table, move, now, key, loop, future))
        return await future

    def close(self) -> None:
        """Commit what is queued, then stop the thread."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            stop = False
            while len(batch) < MAX_BATCH:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    stop = True
                    break
                batch.append(item)
            self._commit(batch)
            if stop:
                return

    def _commit(self, batch: list[_Entry]) -> None:
        try:
            seqs: list[int | None] = list(
                self.store.append_many([(t, m, n, k) for t, m, n, k, _, _ in batch])
            )
            exc: BaseException | None = None
        except Exception as failed:  # the whole transaction was rolled back
            seqs, exc = [None] * len(batch), failed
        else:
            self.commits += 1
            self.moves += len(batch)
        # One wake-up per event loop for the whole group, not one per move.
        per_loop: dict[asyncio.AbstractEventLoop, list[_Outcome]] = {}
        for (*_, loop, future), seq in zip(batch, seqs, strict=True):
            per_loop.setdefault(loop, []).append((future, seq, exc))
        for loop, outcomes in per_loop.items():
            with contextlib.suppress(RuntimeError):  # a closed loop: nobody waits any more
                loop.call_soon_threadsafe(_settle_all, outcomes)


_Outcome = tuple["asyncio.Future[int]", int | None, BaseException | None]


def _settle_all(outcomes: list[_Outcome]) -> None:
    for future, seq, exc in outcomes:
        if future.done():
            continue
        if exc is not None:
            future.set_exception(exc)
        else:
            assert seq is not None
            future.set_result(seq)
