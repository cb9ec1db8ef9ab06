"""The browser seat under test: a live game server in a thread, Chromium pages that
watch themselves (console errors, requests that leave the host, websocket frames).

The server (mini or Leeuwaerdenhout scenario, 127.0.0.1, ephemeral port) runs
in its own event loop on a background thread; the test drives facilitator
moves into it with :meth:`LiveHost.facilitator`. Pages come from Playwright
for Python driving Debian's Chromium (``/usr/bin/chromium``). Without
Chromium or Playwright the tests are skipped, except on CI (``CI=true``),
where that is a failure.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from game.engine import FACILITATOR, Move
from game.server.hosting import HostedSession, open_session
from game.server.limits import Limits
from game.server.server import GameServer

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini" / "mini.yaml"
LEEUWAERDENHOUT = ROOT / "scenarios" / "leeuwaerdenhout.yaml"
ARTIFACTS = ROOT / "artifacts" / "webseat"
AXE = Path(__file__).with_name("vendor") / "axe.min.js"
CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
NARROW_PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}


def browser_available() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright (the test extra) is not installed"
    if CHROMIUM is None:
        return "chromium is not installed"
    return None


def require_browser() -> None:
    """Skip without a browser, but fail on CI: the browser tests must run there."""
    missing = browser_available()
    if missing is None:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI needs the browser tests: {missing}")
    pytest.skip(missing)


class LiveHost:
    """A game server on 127.0.0.1 in a thread of its own."""

    def __init__(
        self, scenario: Path = MINI, mode: str = "short", db: str | Path = ":memory:"
    ) -> None:
        self.scenario, self.mode, self.db = scenario, mode, db
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.hosted: HostedSession = self.call(self._open(scenario, mode))
        self.server: GameServer = self._server
        self.base = f"http://127.0.0.1:{self.server.port}/"
        self.pool: Any = None

    async def _open(self, scenario: Path, mode: str, port: int = 0) -> HostedSession:
        hosted = open_session(scenario, mode, tables=1, db=self.db, seed=7, now=time.time())
        self._server = GameServer(hosted, limits=Limits(bad_code_delay=0.0), tick_interval=0.1)
        port = await self._server.start("127.0.0.1", port)
        hosted.url = f"ws://127.0.0.1:{port}"
        return hosted

    def call(self, coro: Coroutine[Any, Any, Any], timeout: float = 30) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    @property
    def codes(self) -> dict[str, Any]:
        return self.hosted.codes_document()

    def role_code(self, role: str) -> str:
        return str(self.codes["tables"][0]["roles"][role])

    def screen_code(self) -> str:
        return str(self.codes["tables"][0]["screen"])

    def pin(self, role: str) -> str:
        return str(self.codes["tables"][0]["pins"][role])

    @property
    def state(self) -> Any:
        return self.server.tables[1].state

    def facilitator(self, move: str, data: dict[str, Any] | None = None) -> bool:
        """Apply a facilitator's move (as the console would send it)."""
        table = self.server.tables[1]
        return bool(self.call(self.server.apply_move(table, Move(move, FACILITATOR, data or {}))))

    def bots(self, roles: list[str], pace: float = 0.02) -> None:
        """Live bots (game.bots.live) on ``roles``, as ``play --bots`` starts them."""
        from game.bots.live import BotPool, start_bots

        async def go() -> None:
            url = f"ws://127.0.0.1:{self.server.port}"
            self.pool = BotPool(url, pace=pace, seed=3, client_options={"backoff_initial": 0.05})
            self.pool.attach(self.server)
            await start_bots(self.server, self.pool, roles)

        self.call(go())

    def wait(self, check: Callable[[Any], bool], timeout: float = 15) -> None:
        end = time.monotonic() + timeout
        while not check(self.state):
            if time.monotonic() > end:
                raise AssertionError("the game did not get there in time")
            time.sleep(0.05)

    def stop_host(self) -> int:
        """Stop the host (1001, going away); returns its port."""
        port = self.server.port
        self.call(self.server.stop())
        self.hosted.close()
        return port

    def start_host(self, port: int) -> None:
        """Start the host again on ``port`` from its database (needs a file ``db``)."""
        self.hosted = self.call(self._open(self.scenario, self.mode, port))
        self.server = self._server

    def close(self) -> None:
        async def stop() -> None:
            if self.pool is not None:
                await self.pool.stop()
            await self.server.stop()

        self.call(stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


@dataclass
class Watch:
    """What a page did that a test must fail on, and what it received."""

    host: str
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    frames: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))
        page.on("request", self._request)
        page.on("websocket", self._websocket)

    def _console(self, message: Any) -> None:
        if message.type in ("error", "assert"):
            self.errors.append(f"console {message.type}: {message.text}")

    def _request(self, request: Any) -> None:
        url = urlparse(request.url)
        if url.scheme in ("data", "blob", "about"):
            return
        if url.netloc != self.host:
            self.outside.append(request.url)

    def _websocket(self, ws: Any) -> None:
        if urlparse(ws.url).netloc != self.host:
            self.outside.append(ws.url)
        ws.on("framereceived", lambda payload: self.frames.append(str(payload)))

    def check(self) -> None:
        assert not self.errors, self.errors
        assert not self.outside, f"requests outside the host: {self.outside}"


@contextmanager
def chromium() -> Iterator[Any]:
    """A Playwright Chromium (Debian's) with the quiet flags."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_page(
    browser: Any, live: LiveHost, viewport: dict[str, int], url: str, **kw: Any
) -> tuple[Any, Any, Watch]:
    """A new context and page at ``url`` on ``viewport``, watched."""
    context = browser.new_context(viewport=viewport, **kw)
    page = context.new_page()
    watch = Watch(host=urlparse(live.base).netloc)
    watch.attach(page)
    page.set_default_timeout(20_000)  # a loaded CI machine
    page.goto(url)
    return context, page, watch


def open_seat(
    browser: Any, live: LiveHost, role: str, viewport: dict[str, int] = PHONE
) -> tuple[Any, Watch]:
    """A role's seat opened from its join card's link (``#code=…``), watched."""
    _, page, watch = open_page(browser, live, viewport, live.base + "#code=" + live.role_code(role))
    return page, watch


def no_horizontal_scroll(page: Any) -> None:
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths[0]} > {widths[1]} px"


def axe_check(page: Any, where: str) -> None:
    """axe-core (vendored) on the page: no serious or critical violation."""
    if not page.evaluate("typeof window.axe === 'object'"):
        # Evaluated over the DevTools protocol: the page's own CSP (script-src 'self') stays on.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    bad = [v for v in result if v["impact"] in ("serious", "critical")]
    summary = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in bad]
    assert not bad, (
        f"accessibility violations on {where}: {json.dumps(summary, ensure_ascii=False)}"
    )


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)
