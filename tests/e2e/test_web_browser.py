"""Browser seats in headless Chromium: the entry screen, a join code, the seat's briefing.

Needs ``chromium`` on PATH (``.ci/run`` installs it) and textual-serve (the
``web`` extra, in the ``test`` extra too); skipped otherwise (failed in CI).

Method: a real ``host --headless`` (mini scenario, ephemeral port, codes file)
and ``web`` on 127.0.0.1 run as subprocesses. Chromium is driven over the
DevTools protocol (its websocket, with the ``websockets`` library): keystrokes
go in with ``Input.insertText``/``Input.dispatchKeyEvent``. The terminal is
drawn on a canvas, so the page's text is read from what the terminal received:
a script added before the page loads records the bytes of textual-serve's
websocket, and the test strips the escape sequences. Screenshots of each step
are kept under ``artifacts/web/`` for a human to look at.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import importlib.util
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import websockets
from chromium import chromium_command, needs_chromium

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini" / "mini.yaml"
ARTIFACTS = ROOT / "artifacts" / "web"

pytestmark = [
    needs_chromium,
    pytest.mark.skipif(
        importlib.util.find_spec("textual_serve") is None,
        reason="textual-serve (the web extra) is not installed",
    ),
]

#: Added to the page before it loads: keeps the text the terminal receives.
RECORDER = """
(() => {
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  window.__received = [];
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (typeof event.data !== "string") {
          window.__received.push(decoder.decode(event.data, {stream: true}));
        }
      });
    }
  };
})();
"""
ESCAPES = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.")


def start(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        args,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own group: the web's per-browser apps end with it
    )


def stop(process: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


def read_until(process: subprocess.Popen[str], pattern: str, timeout: float = 15.0) -> str:
    """The first match of ``pattern`` in the process's output (lines read as they come)."""
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        if found := re.search(pattern, line):
            return found.group(1)
    raise AssertionError(f"no {pattern!r} in output:\n{''.join(seen)}")


@contextlib.contextmanager
def running(*args: str, cwd: Path) -> Iterator[subprocess.Popen[str]]:
    process = start(*args, cwd=cwd)
    try:
        yield process
    finally:
        stop(process)


class Page:
    """One Chromium tab over the DevTools protocol."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.ids = 0
        self.requested: list[str] = []  # every URL the page asked for (Network domain)

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.ids += 1
        await self.ws.send(json.dumps({"id": self.ids, "method": method, "params": params}))
        while True:
            reply = json.loads(await asyncio.wait_for(self.ws.recv(), 15))
            if reply.get("method") == "Network.requestWillBeSent":
                self.requested.append(reply["params"]["request"]["url"])
            if reply.get("id") == self.ids:
                assert "error" not in reply, reply
                return dict(reply.get("result", {}))

    async def received(self) -> str:
        result = await self.call(
            "Runtime.evaluate", expression="window.__received.join('')", returnByValue=True
        )
        return ESCAPES.sub("", str(result["result"].get("value", "")))

    async def wait_text(self, *needles: str, timeout: float = 12.0) -> str:
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = await self.received()
            if all(n in text for n in needles):
                return text
            await asyncio.sleep(0.1)
        raise AssertionError(f"{needles} not on the page; it received:\n{text[-3000:]}")

    async def type(self, text: str) -> None:
        await self.call("Input.insertText", text=text)

    async def press_enter(self) -> None:
        key = {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13}
        await self.call("Input.dispatchKeyEvent", type="keyDown", text="\r", **key)
        await self.call("Input.dispatchKeyEvent", type="keyUp", **key)

    async def screenshot(self, path: Path) -> None:
        shot = await self.call("Page.captureScreenshot", format="png")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))


@contextlib.asynccontextmanager
async def chromium_page(profile: Path) -> AsyncIterator[Page]:
    browser = subprocess.Popen(
        chromium_command(
            profile, "--remote-debugging-port=0", "--window-size=1200,800", "about:blank"
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        active = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 15
        while not active.exists() or len(active.read_text().splitlines()) < 2:
            assert time.monotonic() < deadline, "Chromium did not open its DevTools port"
            await asyncio.sleep(0.05)
        port = active.read_text().splitlines()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as answer:
            targets = json.load(answer)
        page_url = next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")
        async with websockets.connect(page_url, max_size=2**26) as ws:
            yield Page(ws)
    finally:
        browser.kill()
        browser.wait(timeout=10)


async def test_a_participant_joins_in_the_browser_and_sees_the_briefing(tmp_path: Path) -> None:
    codes_file = tmp_path / "codes.json"
    python = sys.executable
    host_args = ["host", str(MINI), "--headless", "--host", "127.0.0.1", "--port", "0"]
    host_args += ["--codes-file", str(codes_file), "--db", str(tmp_path / "g.db"), "--quiet"]
    with running(python, "-m", "game", *host_args, cwd=ROOT) as host:
        server = read_until(host, r"(\w+://\S+)")
        code = json.loads(codes_file.read_text())["tables"][0]["roles"]["net"]
        web_args = ["web", "--host", "127.0.0.1", "--port", "0", "--server", server]
        with running(python, "-m", "game", *web_args, cwd=ROOT) as web:
            address = read_until(web, r"(http://127\.0\.0\.1:\d+/)")
            html = urllib.request.urlopen(address, timeout=5).read().decode()
            assert not re.search(r"(?:src|href)=\"https?://", html), "an asset from outside"
            async with chromium_page(tmp_path / "profile") as page:
                await page.call("Page.enable")
                await page.call("Network.enable")
                await page.call("Page.addScriptToEvaluateOnNewDocument", source=RECORDER)
                await page.call("Page.navigate", url=address)

                await page.wait_text("deelnamecode", "Meedoen")
                await page.screenshot(ARTIFACTS / "1-entry.png")

                await page.call(
                    "Runtime.evaluate",
                    expression="document.querySelector('.xterm-helper-textarea').focus()",
                )
                await page.type(code)
                await page.press_enter()
                await page.wait_text("Netbeheerder")
                await page.type("2")  # the briefing tab
                text = await page.wait_text("Briefing net", "Mijn puntentabel")
                assert "Reservewaarde" in text or "Onderwerp" in text
                await asyncio.sleep(0.3)  # let the last frame reach the canvas
                await page.screenshot(ARTIFACTS / "2-briefing.png")

                fonts = await page.call(
                    "Runtime.evaluate",
                    expression="[...document.fonts].some("
                    "f => f.family.includes('Roboto Mono') && f.status === 'loaded')",
                    returnByValue=True,
                )
                assert fonts["result"]["value"] is True, "the terminal font did not load"
                outside = [u for u in page.requested if not u.startswith(address)]
                assert page.requested and not outside, f"fetched from outside: {outside}"
