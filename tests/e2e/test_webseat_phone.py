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


def test_the_briefing_shows_which_option_a_fixed_issue_is_fixed_to(live: LiveHost) -> None:
    # The whole points table was grey (one CSS rule for the builder's points
    # hit the table too): under "Kostenverdeling — vast in deze spelvorm" the
    # three options looked alike, and nothing said which one the game had fixed.
    with chromium() as browser:
        _, page, watch = open_page(
            browser, live, PHONE, live.base + "#code=" + live.role_code("net")
        )
        page.wait_for_selector("#tab-briefing")
        open_tab(page, "briefing")
        rows = page.evaluate(
            """() => [...document.querySelectorAll('table.points tbody tr:not(:first-child)')]
              .map((tr) => [tr.cells[0].textContent, getComputedStyle(tr.cells[0]).color])"""
        )
        watch.check()
    colour = dict(rows)
    preset = next(text for text in colour if text.startswith("Gedeelde kosten naar rato"))
    assert preset.endswith("✓ ligt vast"), rows
    assert [text for text in colour if "ligt vast" in text] == [preset]
    other = colour["Ieder betaalt eigen deel"]  # the same fixed issue, not chosen
    live_option = colour["Groene straat"]  # an issue on the table
    assert other != colour[preset], "the options of a fixed issue all look alike"
    assert live_option == colour[preset], "the options on the table are greyed out"
