"""The browser seat's plan of a proposal: the view has no job list, so the seat
asks for it (the ``plan`` request), says "Planning laden…" while it comes,
draws the bars when it is there, and keeps it (one request per package)."""

from __future__ import annotations

import json
from typing import Any

from webseat_helpers import LiveHost, chromium, open_seat

from game.engine import Move

PACKAGE = {"ontwerp": "kaal", "fasering": "samen"}


def test_the_seat_fetches_a_proposals_plan_and_shows_it(live: LiveHost) -> None:
    live.facilitator("start")
    live.facilitator("next_round")
    table = live.server.tables[1]
    assert live.call(
        live.server.apply_move(table, Move("propose", "gemeente", {"package": PACKAGE}))
    )
    held: list[tuple[Any, Any]] = []
    answer = live.server._plan
    live.server._plan = lambda session, req: held.append((session, req))  # type: ignore[method-assign]

    with chromium() as browser:
        phone, watch = open_seat(browser, live, "net")
        sent: list[str] = []
        phone.on("websocket", lambda ws: ws.on("framesent", lambda p: sent.append(str(p))))
        phone.reload()
        phone.wait_for_selector("#tab-table")
        phone.click("#tab-table")
        phone.click("#show-P1")  # to the map with P1's openings and plan
        phone.wait_for_selector("section.plan .plan-loading:has-text('Planning laden…')")
        assert phone.locator("section.plan .plan-bar").count() == 0
        live.wait(lambda _s: len(held) == 1)
        for session, req in held:
            live.loop.call_soon_threadsafe(answer, session, req)
        phone.wait_for_selector("section.plan .plan-bar", state="attached")
        assert "Planning laden" not in phone.inner_text("section.plan")
        asked = [json.loads(f) for f in sent if '"type":"plan"' in f.replace(" ", "")]
        assert [a["package"] for a in asked] == [PACKAGE]
        # a new view (a message) draws the map again from the kept plan
        assert live.call(
            live.server.apply_move(table, Move("message", "gemeente", {"text": "hallo"}))
        )
        phone.wait_for_timeout(300)
        assert phone.locator("section.plan .plan-bar").count() > 0
        assert len(held) == 1
        watch.check()


def test_a_tap_on_a_plan_bar_says_which_work_it_is(live: LiveHost) -> None:
    """The bars said what they were only in a mouse tooltip: on a phone a bar was a
    coloured stripe, its work and months nowhere to read."""
    live.facilitator("start")
    live.facilitator("next_round")
    table = live.server.tables[1]
    assert live.call(
        live.server.apply_move(table, Move("propose", "gemeente", {"package": PACKAGE}))
    )
    with chromium() as browser:
        phone, watch = open_seat(browser, live, "net")
        phone.wait_for_selector("#tab-table")
        phone.click("#tab-table")
        phone.click("#show-P1")
        phone.wait_for_selector("section.plan .plan-bar", state="attached")
        assert "Tik op een balk" in phone.inner_text("section.plan")
        track = phone.locator("section.plan .plan-track").first
        label = track.get_attribute("aria-label") or ""
        track.scroll_into_view_if_needed()
        track.click()
        phone.wait_for_selector("#status p")
        said = phone.inner_text("#status")
        watch.check()
    assert label and said.strip() == label, (said, label)
    assert "maand" in label, label
