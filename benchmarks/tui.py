"""Figures for the screens: seat time to first frame and memory, and move-to-screens latency.

Run: ``.venv/bin/python benchmarks/tui.py`` (prints the figures; takes about a minute).

1. *First frame*: a fresh Python process starts ``join``'s seat app (headless
   Textual driver) against a running ``host --headless`` server; the time from
   process start to the first rendered view, and the process RSS then.
2. *Latency*: a real server and twelve seat apps in one process (one event
   loop, websockets over 127.0.0.1); one seat sends a chat message and we time
   until each of the other eleven apps has rendered the view that holds it.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SCENARIO = ROOT / "scenarios" / "leeuwaerdenhout.yaml"
RUNS = 5
MOVES = 20


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def probe(url: str, code: str, started: float, result: str) -> None:
    """In the child process: run a seat until its first view is on screen."""
    from game.tui.net_link import NetLink
    from game.tui.seat import SeatApp

    marks = {"imported": time.time() - started}

    class Probe(SeatApp):
        def render_view(self, view: dict[str, Any]) -> None:
            super().render_view(view)
            if not getattr(self, "_measured", False):
                self._measured = True
                self.call_after_refresh(self.done)

        def done(self) -> None:
            figures = {"first_frame": time.time() - started, "rss_mib": rss_mib(), **marks}
            Path(result).write_text(json.dumps(figures))  # stdout belongs to Textual
            self.exit()

    async def main() -> None:
        link = NetLink.for_seat(url, [code])
        await link.connect()
        marks["connected"] = time.time() - started
        await Probe(link).run_async(headless=True, size=(80, 24))
        await link.close()

    asyncio.run(main())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def first_frame() -> tuple[list[float], list[float]]:
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        codes_file = Path(tmp) / "codes.json"
        host = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "game",
                "host",
                str(SCENARIO),
                "--headless",
                "--quiet",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--db",
                f"{tmp}/s.db",
                "--codes-file",
                str(codes_file),
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 30
            while not codes_file.exists() and time.monotonic() < deadline:
                time.sleep(0.1)
            time.sleep(0.3)
            code = json.loads(codes_file.read_text())["tables"][0]["roles"]["netbeheerder"]
            times, rss, parts = [], [], []
            for _ in range(RUNS):
                result = Path(tmp) / "probe.json"
                started = time.time()
                subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--probe",
                        f"ws://127.0.0.1:{port}",
                        code,
                        repr(started),
                        str(result),
                    ],
                    cwd=ROOT,
                    capture_output=True,
                    text=True,
                    timeout=60,
                    check=True,
                )
                found = json.loads(result.read_text())
                times.append(found["first_frame"])
                parts.append(found)
                rss.append(found["rss_mib"])
            median = {k: statistics.median(p[k] for p in parts) for k in ("imported", "connected")}
            print(
                f"  of which: imports done at {median['imported']:.2f} s, "
                f"joined the server at {median['connected']:.2f} s (medians)"
            )
            return times, rss
        finally:
            host.terminate()
            host.wait(10)


async def latency() -> list[float]:
    from game.server.hosting import open_session
    from game.server.server import GameServer
    from game.tui.net_link import NetLink
    from game.tui.seat import SeatApp

    seen: dict[str, float] = {}

    class Timed(SeatApp):
        def render_view(self, view: dict[str, Any]) -> None:
            super().render_view(view)
            if view["messages"]:
                seen.setdefault(f"{view['role']}:{len(view['messages'])}", time.perf_counter())

    with tempfile.TemporaryDirectory() as tmp:
        hosted = open_session(SCENARIO, "short", db=f"{tmp}/l.db", seed=1, now=time.time())
        server = GameServer(hosted)
        port = await server.start("127.0.0.1", 0)
        url = f"ws://127.0.0.1:{port}"
        apps, links, contexts = [], [], []
        try:
            for code in hosted.tables[0].record.roles.values():
                link = NetLink.for_seat(url, [code])
                await link.connect()
                app = Timed(link)
                ctx = app.run_test(size=(80, 24))
                await ctx.__aenter__()
                apps.append(app)
                links.append(link)
                contexts.append(ctx)
            table = server.tables[1]
            from game.engine import FACILITATOR, Move

            for kind in ("start", "next_round"):
                applied = server.apply_move(table, Move(kind, FACILITATOR, {}))
                if asyncio.iscoroutine(applied):
                    await applied
                server.broadcast_views(table)
            await asyncio.sleep(1.0)
            sender, others = links[0], [a.link.roles[0] for a in apps[1:]]
            spans = []
            for n in range(1, MOVES + 1):
                t0 = time.perf_counter()
                ack = await sender.send(sender.roles[0], "message", {"text": f"bericht {n}"})
                assert ack.get("ok"), ack
                deadline = time.monotonic() + 10
                keys = [f"{r}:{n}" for r in others]
                while not all(k in seen for k in keys) and time.monotonic() < deadline:
                    await asyncio.sleep(0.001)
                spans.append(max(seen[k] for k in keys) - t0)
                await asyncio.sleep(0.05)
            return spans
        finally:
            for ctx in contexts:
                await ctx.__aexit__(None, None, None)
            for link in links:
                await link.close()
            await server.stop()
            hosted.close()


def main() -> None:
    if len(sys.argv) == 6 and sys.argv[1] == "--probe":
        probe(sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5])
        return
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.system()} {platform.release()}"
    )
    times, rss = first_frame()
    print(
        f"seat first frame (process start → first view drawn), {RUNS} runs: "
        f"median {statistics.median(times):.2f} s, max {max(times):.2f} s  (goal ≤ 0.5 s)"
    )
    print(
        f"seat RSS at first frame: median {statistics.median(rss):.1f} MiB, "
        f"max {max(rss):.1f} MiB  (goal ≤ 60 MiB)"
    )
    spans = asyncio.run(latency())
    print(
        f"move on one seat → view drawn on the other 11 seats, {MOVES} moves: "
        f"median {statistics.median(spans) * 1000:.0f} ms, max {max(spans) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
