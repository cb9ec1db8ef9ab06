"""The log writer wakes the event loop once per committed group, not once per move."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from game.server.writer import LogWriter
from game.store import Store


def test_one_wake_up_per_commit_group(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "log.db")
    gate = threading.Event()
    real = store.append_many

    def slow_append_many(entries):  # type: ignore[no-untyped-def]
        gate.wait(5)  # the first commit waits: the other moves queue up behind it
        return real(entries)

    store.append_many = slow_append_many  # type: ignore[method-assign]
    writer = LogWriter(store)

    async def main() -> tuple[list[int], int]:
        loop = asyncio.get_running_loop()
        wake_ups = 0
        original = loop.call_soon_threadsafe

        def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
            nonlocal wake_ups
            wake_ups += 1
            return original(*args, **kwargs)

        loop.call_soon_threadsafe = counting  # type: ignore[method-assign]
        first = asyncio.ensure_future(writer.append(1, {"type": "start"}, 1.0))
        await asyncio.sleep(0.05)  # the writer holds the first move
        rest = [
            asyncio.ensure_future(writer.append(1, {"type": "m", "n": i}, 2.0)) for i in range(20)
        ]
        await asyncio.sleep(0.05)
        gate.set()
        seqs = await asyncio.gather(first, *rest)
        return list(seqs), wake_ups

    seqs, wake_ups = asyncio.run(main())
    writer.close()
    store.close()
    assert seqs == list(range(1, 22))
    assert writer.moves == 21 and writer.commits == 2
    assert wake_ups == 2  # one per commit, not 21
