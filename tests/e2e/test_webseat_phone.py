"""The browser seat as a participant on her phone lives it (WORKSHOP.md, Lotte).

Each test pins a defect seen while walking the story in Chromium at 390×844:
what a person read or lost before, what she sees now.
"""

from __future__ import annotations

from typing import Any

from webseat_helpers import PHONE, LiveHost, chromium, open_page


def reveal(live: LiveHost) -> None:
    """Start the mini game and go on to its debrief round (the reveal)."""
    live.facilitator("start")
    for _ in range(3):
        live.facilitator("next_round")
    live.wait(lambda s: s.revealed)


def open_tab(page: Any, name: str) -> None:
    page.click(f"#tab-{name}")
    page.wait_for_selector(f"#tab-{name}[aria-selected='true']")


def test_the_debrief_says_which_roles_had_a_veto_not_you_have_a_veto(live: LiveHost) -> None:
    # The hidden interests read "Wethouder — Reservewaarde 40, Je hebt een veto"
    # on every participant's phone: the briefing's second-person line.
    reveal(live)
    with chromium() as browser:
        _, page, watch = open_page(
            browser, live, PHONE, live.base + "#code=" + live.role_code("net")
        )
        page.wait_for_selector("#tab-debrief")
        open_tab(page, "debrief")
        veto = page.inner_text("#interests-gemeente summary")
        plain = page.inner_text("#interests-winkels summary")
        watch.check()
    assert veto.endswith(", vetorecht"), veto
    assert "Je hebt" not in veto
    assert "veto" not in plain
