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
            seqs = self.store.append_many([(t, m, n, k) for t, m, n, k, _, _ in batch])
        except Exception as exc:  # the whole transaction was rolled back
            for *_, loop, future in batch:
                _tell(loop, future, None, exc)
            return
        self.commits += 1
        self.moves += len(batch)
        for (*_, loop, future), seq in zip(batch, seqs, strict=True):
            _tell(loop, future, seq, None)


def _tell(
    loop: asyncio.AbstractEventLoop,
    future: asyncio.Future[int],
    seq: int | None,
    exc: BaseException | None,
) -> None:
    with contextlib.suppress(RuntimeError):  # a closed loop: nobody waits any more
        loop.call_soon_threadsafe(_settle, future, seq, exc)


def _settle(future: asyncio.Future[int], seq: int | None, exc: BaseException | None) -> None:
    if future.done():
        return
    if exc is not None:
        future.set_exception(exc)
    else:
        assert seq is not None
        future.set_result(seq)
