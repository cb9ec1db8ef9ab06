"""A seat in the browser keeps its seat when the host restarts (protocol §12).

The host stops (close code 1001, going away) and starts again on the same port
from its database; the page says it lost the connection, reconnects by itself
with backoff, gets its seat and views back, and moves again. The browser logs
its failed connection attempts while the host is down (Chromium's own
"WebSocket connection … failed" lines); those are the only console errors
this test allows.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from webseat_helpers import LiveHost, chromium, open_seat, require_browser


@pytest.fixture
def live(tmp_path: Path) -> Iterator[LiveHost]:
    require_browser()
    host = LiveHost(db=tmp_path / "game.db")
    yield host
    host.close()


def test_the_seat_comes_back_after_the_host_restarts(live: LiveHost) -> None:
    with chromium() as browser:
        phone, watch = open_seat(browser, live, "net")
        phone.wait_for_selector("#tab-press")
        live.facilitator("start")
        phone.wait_for_selector("text=Ronde 1/4")
        phone.click("#tab-chat")

        port = live.stop_host()
        phone.wait_for_selector(".link.down")
        assert "verbinding verbroken" in phone.inner_text("#top")
        phone.wait_for_timeout(1500)
        live.start_host(port)
        phone.wait_for_selector(".link.up", timeout=20_000)
        phone.wait_for_selector("text=Ronde 1/4")  # whole views again, same seat
        phone.fill("#chat-text", "Daar ben ik weer")
        phone.click("form.chat-form button[type='submit']")
        live.wait(lambda s: any(m.text == "Daar ben ik weer" for m in s.messages))
        assert phone.evaluate("sessionStorage.getItem('bb.codes')") is not None

        watch.errors = [e for e in watch.errors if "WebSocket connection to" not in e]
        watch.check()
