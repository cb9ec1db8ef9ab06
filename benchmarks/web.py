"""Benchmark of the browser seat (game/webseat) in Debian's Chromium, driven by Playwright.

    .venv/bin/python benchmarks/web.py                # everything
    .venv/bin/python benchmarks/web.py --skip-memory  # no textual-serve comparison

Prints min/median/max of:

1. page weight: the bytes of every response a seat's page loads (index, ES
   modules, CSS, icon, the i18n catalog), uncompressed, as the browser got them;
2. time to a usable seat: from ``page.goto(http://127.0.0.1:PORT/#code=…)`` in
   a fresh browser context until the seat's tabs are drawn (its first view),
   over loopback, with the game server in this process (mini scenario);
3. a move on one seat until it is drawn on eleven browser seats: twelve
   pages (Leeuwaerdenhout, twelve roles, each on its chat tab); one sends a
   public message with its form; the time from the click until the last of
   the other eleven pages has the text in its DOM (``Date.now()`` in each page,
   one machine's clock);
4. the host's memory with twelve browser seats against twelve textual-serve
   seats: ``host --headless`` (and ``web``) as subprocesses; the resident
   memory (VmRSS) of the host, plus for textual-serve the ``web`` process and
   every per-browser process it started, after twelve pages typed their codes
   and 3 s to settle (the facilitator's presence message counts the roles joined).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from webseat_helpers import (  # noqa: E402
    LAPTOP,
    LEEUWAERDENHOUT,
    MINI,
    PHONE,
    LiveHost,
    chromium,
    require_browser,
)


def spread(name: str, values: list[float], unit: str) -> None:
    print(
        f"{name}: min {min(values):.1f} {unit}, median {statistics.median(values):.1f} {unit}, "
        f"max {max(values):.1f} {unit} (n={len(values)})"
    )


def page_weight(browser: Any, live: LiveHost) -> None:
    sizes: dict[str, int] = {}
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())))
    page.goto(live.base + "#code=" + live.role_code("net"))
    page.wait_for_selector("#tab-press")
    page.wait_for_timeout(300)
    context.close()
    total = sum(sizes.values())
    catalog = sum(v for k, v in sizes.items() if k.endswith("i18n.json"))
    print(
        f"page weight: {total / 1024:.1f} KiB in {len(sizes)} responses "
        f"(i18n catalog {catalog / 1024:.1f} KiB), uncompressed"
    )
    for url, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
        print(f"    {size:7d}  {url.split('/', 3)[-1] or '/'}")


def time_to_seat(browser: Any, live: LiveHost, runs: int) -> None:
    times = []
    for _ in range(runs):
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        start = time.perf_counter()
        page.goto(live.base + "#code=" + live.role_code("net"))
        page.wait_for_selector("#tab-press")
        times.append((time.perf_counter() - start) * 1000)
        context.close()
    spread("time to a usable seat (loopback)", times, "ms")


WAITER = """(text) => { window.__seen = new Promise((resolve) => {
  const seen = () => document.getElementById('main').textContent.includes(text);
  if (seen()) return resolve(Date.now());
  const watch = new MutationObserver(() => {
    if (seen()) { watch.disconnect(); resolve(Date.now()); }
  });
  watch.observe(document.body, {subtree: true, childList: true, characterData: true});
}); }"""


def fan_out(browser: Any, runs: int) -> None:
    live = LiveHost(LEEUWAERDENHOUT)
    try:
        roles = list(live.hosted.scenario.role_ids)
        pages = []
        for role in roles:
            context = browser.new_context(viewport=PHONE)
            page = context.new_page()
            page.goto(live.base + "#code=" + live.role_code(role))
            pages.append(page)
        live.facilitator("start")
        live.facilitator("next_round")
        for page in pages:
            page.wait_for_selector("text=Ronde 2/")
            page.click("#tab-chat")
            page.wait_for_selector("#chat-text")
        sender, others = pages[0], pages[1:]
        times = []
        for n in range(runs):
            text = f"bench-{n}-{time.time_ns()}"
            for page in others:
                page.evaluate(WAITER, text)
            sender.fill("#chat-text", text)
            start = sender.evaluate("Date.now()")
            sender.click("form.chat-form button[type='submit']")
            seen = [page.evaluate("window.__seen") for page in others]
            times.append(max(seen) - start)
            time.sleep(0.2)
        spread("a move on one seat until drawn on 11 browser seats", times, "ms")
    finally:
        live.close()


# -- host memory: browser seats against textual-serve seats ------------------------


def rss_kib(pid: int) -> int:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def tree(pid: int) -> list[int]:
    """``pid`` and every process below it."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children.get(p, []))
    return found


@contextlib.contextmanager
def process(*args: str) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        args,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        yield proc
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


def read_until(proc: subprocess.Popen[str], pattern: str, timeout: float = 30) -> str:
    assert proc.stdout is not None
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        line = proc.stdout.readline()
        if found := re.search(pattern, line):
            return found.group(1)
    raise RuntimeError(f"no {pattern!r} from {proc.args}")


def seats_joined(url: str, token: str) -> int:
    """How many roles have a connection now (the facilitator's presence message)."""
    from websockets.sync.client import connect

    with connect(url.replace("http://", "ws://", 1)) as ws:  # the host prints its http:// address
        ws.send(json.dumps({"type": "hello", "protocol": 1, "facilitator": token}))
        while True:
            msg = json.loads(ws.recv(timeout=10))
            if msg["type"] == "presence":
                return sum(1 for n in msg["roles"].values() if n > 0)


def host_memory(browser: Any) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        codes_file = Path(tmp) / "codes.json"
        args = ["host", str(LEEUWAERDENHOUT), "--headless", "--host", "127.0.0.1", "--port", "0"]
        args += ["--codes-file", str(codes_file), "--db", str(Path(tmp) / "g.db"), "--quiet"]
        with process(sys.executable, "-m", "game", *args) as host:
            url = read_until(host, r"(\w+://\S+)")
            document = json.loads(codes_file.read_text())
            codes, token = document["tables"][0]["roles"], document["facilitator"]
            base = url.replace("ws://", "http://").rstrip("/") + "/"  # the host prints a "/"
            idle = rss_kib(host.pid)
            contexts = []
            for code in codes.values():
                context = browser.new_context(viewport=LAPTOP)
                page = context.new_page()
                page.goto(base + "#code=" + code)
                page.wait_for_selector("#tab-press")
                contexts.append(context)
            time.sleep(3)
            seats = rss_kib(host.pid)
            assert seats_joined(url, token) == 12
            print(
                f"host memory, 12 browser seats: {seats / 1024:.0f} MiB "
                f"(host alone before: {idle / 1024:.0f} MiB; one process)"
            )
            for context in contexts:
                context.close()
            web_args = ["web", "--host", "127.0.0.1", "--port", "0", "--server", url]
            with process(sys.executable, "-m", "game", *web_args) as web:
                address = read_until(web, r"(http://127\.0\.0\.1:\d+/)")
                before = sum(rss_kib(p) for p in tree(web.pid)) + rss_kib(host.pid)
                contexts = []
                for n, code in enumerate(codes.values()):
                    context = browser.new_context(viewport=LAPTOP)
                    page = context.new_page()
                    page.goto(address)
                    page.wait_for_selector(".xterm-helper-textarea", state="attached")
                    page.wait_for_timeout(2000)  # the entry app starts in its own process
                    page.focus(".xterm-helper-textarea")
                    page.keyboard.insert_text(code)
                    page.keyboard.press("Enter")
                    end = time.monotonic() + 15
                    while seats_joined(url, token) <= n and time.monotonic() < end:
                        time.sleep(0.5)
                    contexts.append(context)
                time.sleep(3)
                joined = seats_joined(url, token)
                pids = tree(web.pid)
                total = sum(rss_kib(p) for p in pids) + rss_kib(host.pid)
                print(
                    f"host memory, 12 textual-serve seats: {total / 1024:.0f} MiB in "
                    f"{len(pids) + 1} processes (host + web before any browser: "
                    f"{before / 1024:.0f} MiB); {joined} of 12 roles joined"
                )
                for context in contexts:
                    context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    require_browser()
    print(f"python {platform.python_version()}, {os.cpu_count()} CPUs, load {os.getloadavg()}")
    with chromium() as browser:
        live = LiveHost(MINI)
        try:
            page_weight(browser, live)
            time_to_seat(browser, live, args.runs)
        finally:
            live.close()
        fan_out(browser, args.runs)
        if not args.skip_memory:
            host_memory(browser)
    print(f"load after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
