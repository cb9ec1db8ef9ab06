"""The browser seat's debrief says "1 pakket", not "1 pakketten" (the room screen's
debrief showed "1 pakketten waren voor elke rol minstens zo goed geweest.")."""

from __future__ import annotations

from webseat_helpers import LAPTOP, LiveHost, chromium, open_page

from game.tui.i18n import CATALOGS


def test_one_better_package_is_singular(live: LiveHost) -> None:
    with chromium() as browser:
        _, page, _ = open_page(browser, live, LAPTOP, live.base)
        keys = page.evaluate(
            "async () => { const m = await import('/debrief.js');"
            " return [0, 1, 2, 7].map(m.betterKey); }"
        )
    assert keys == ["debrief.better_none", "debrief.better_one", "debrief.better", "debrief.better"]
    assert CATALOGS["nl"]["debrief.better_one"].startswith("1 pakket was ")
    assert CATALOGS["en"]["debrief.better_one"].startswith("1 package would ")
