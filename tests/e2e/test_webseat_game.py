"""A whole short game in the browser seat, in real Chromium, to the debrief.

The phone (390×844) opens the net role's QR link (``#code=…``) and plays with
the keyboard-free controls a touch screen has; a laptop (1280×800) types the
wethouder's code on the Dutch join page; the web room screen shows the table;
a live bot plays the third role. The facilitator's moves go in over the
server as the console sends them. Every page fails the test on a console
error, a request that leaves the host, sideways scrolling at 360 px, and
serious or critical axe-core violations. Screenshots land in artifacts/webseat/.
"""

from __future__ import annotations

import re
from typing import Any

from webseat_helpers import (
    LAPTOP,
    NARROW_PHONE,
    PHONE,
    LiveHost,
    axe_check,
    chromium,
    no_horizontal_scroll,
    open_page,
    open_seat,
    shot,
)


def tab(page: Any, name: str) -> None:
    selected = f"#tab-{name}[aria-selected='true']"
    for _ in range(3):  # a tap that lands while the page redraws (a new round) is tapped again
        page.click(f"#tab-{name}")
        try:
            page.wait_for_selector(selected, timeout=5000)
            return
        except Exception:
            continue
    page.wait_for_selector(selected)


def answer_dialog(page: Any, text: str) -> None:
    page.wait_for_selector("#dialog[open] #dialog-input")
    page.fill("#dialog-input", text)
    page.click("#dialog[open] button[type='submit']")


def narrow_check(page: Any) -> None:
    """No sideways scrolling at 360 px, then back to the phone's 390."""
    page.set_viewport_size(NARROW_PHONE)
    page.wait_for_timeout(50)
    no_horizontal_scroll(page)
    page.set_viewport_size(PHONE)


def header_check(page: Any, role: str) -> None:
    """The header (header.js) on a seat and the room screen: role, round, a clock counting down."""
    page.wait_for_selector("#top h1.round:has-text('Ronde 1/4')")
    assert page.inner_text("#top .role") == role
    assert page.inner_text("#top .link") == "verbonden"
    first = page.inner_text("#clock")
    assert re.fullmatch(r"\d+:\d\d", first), first
    page.wait_for_function(
        "first => document.getElementById('clock').textContent !== first", arg=first, timeout=5000
    )


def test_a_whole_game_on_a_phone_a_laptop_and_the_room_screen(live: LiveHost) -> None:
    live.bots(["winkels"])
    with chromium() as browser:
        phone, phone_watch = open_seat(browser, live, "net")
        _, laptop, laptop_watch = open_page(browser, live, LAPTOP, live.base)
        _, room, room_watch = open_page(
            browser, live, LAPTOP, live.base + "#screen=" + live.screen_code()
        )

        # The join page is Dutch; typing the code (lower case, no dash) joins.
        laptop.wait_for_selector("text=Deelnamecode van je rolkaart")
        laptop.set_viewport_size(PHONE)
        shot(laptop, "phone-join")
        laptop.set_viewport_size(LAPTOP)
        axe_check(laptop, "the join page")
        laptop.fill("#codes", live.role_code("gemeente").lower().replace("-", " "))
        laptop.click("button[type='submit']")
        laptop.wait_for_selector("#tab-press")

        phone.wait_for_selector("#tab-press")
        phone.wait_for_selector("text=Netbeheerder")
        narrow_check(phone)
        shot(phone, "phone-lobby")

        live.facilitator("start")
        phone.wait_for_selector("text=De gemeente en de netbeheerder willen")  # the press release
        header_check(phone, "Netbeheerder")
        header_check(room, "Zaalscherm")
        tab(phone, "briefing")
        phone.wait_for_selector("table.points")
        assert "Reservewaarde: 35" in phone.inner_text("#panel")
        assert "Wethouder" not in phone.inner_text("table.points")
        narrow_check(phone)
        axe_check(phone, "the phone's briefing")
        shot(phone, "phone-briefing")

        live.facilitator("next_round")  # ontwerpen: proposals, messages
        phone.wait_for_selector("text=Ronde 2/4")
        tab(phone, "builder")
        phone.check("#opt-ontwerp-groen")
        phone.wait_for_selector("text=kies bij elk onderwerp een optie")
        phone.check("#opt-fasering-samen")
        phone.wait_for_selector("text=Waarde voor mij: 50")  # the preview: own value, plan metrics
        assert "boven je reservewaarde" in phone.inner_text("#panel")
        assert "Openingen: 3" in phone.inner_text("#panel")
        phone.wait_for_selector("svg.map-svg line[data-segment='dorpsstraat']", state="attached")
        narrow_check(phone)
        axe_check(phone, "the phone's proposal builder")
        shot(phone, "phone-builder")
        phone.fill("#builder-note", "Eén keer de straat open")
        phone.click("form.builder button[type='submit']")
        phone.wait_for_selector("#status:has-text('Voorstel op tafel gelegd.')")
        live.wait(lambda s: any(p.author == "net" for p in s.proposals))
        mine = next(p.id for p in live.state.proposals if p.author == "net")

        tab(laptop, "table")
        laptop.wait_for_selector(f"#proposal-{mine}")
        laptop.click(f"#proposal-{mine} button:has-text('Steunen')")
        answer_dialog(laptop, "Groen en één keer graven")
        laptop.wait_for_selector(f"#proposal-{mine} .support:has-text('Groen en één keer graven')")
        axe_check(laptop, "the laptop's table")
        # Keyboard focus stays on its control when a new view redraws the tab.
        laptop.focus(f"#comment-{mine}")
        live.facilitator("announce", {"text": "Nog tien minuten"})
        laptop.wait_for_selector("#status:has-text('Nog tien minuten')")
        assert laptop.evaluate("document.activeElement.id") == f"comment-{mine}"
        laptop.click(f"#comment-{mine}")
        answer_dialog(laptop, "Kan de markt blijven staan?")
        laptop.wait_for_selector(f"#proposal-{mine} .comments:has-text('markt blijven staan')")
        shot(laptop, "laptop-table")

        tab(phone, "briefing")  # sharing one's points for an issue with the table
        phone.click("#disclose-fasering")
        phone.wait_for_selector(".tag.ok:has-text('gedeeld')")
        assert ("net", "fasering") in [(d.role, d.issue) for d in live.state.disclosures]

        # Amending on the laptop, an objection with its reason on the phone.
        laptop.click(f"#proposal-{mine} button:has-text('Voorstel wijzigen')")
        laptop.wait_for_selector(f"text=wijziging van {mine}")
        laptop.check("#opt-ontwerp-parkeren")
        laptop.click("form.builder button[type='submit']")
        live.wait(lambda s: any(p.author == "gemeente" and p.parent == mine for p in s.proposals))
        amended = next(p.id for p in live.state.proposals if p.author == "gemeente")
        tab(phone, "table")
        phone.click(f"#proposal-{amended} button:has-text('Bezwaar maken')")
        phone.click("#dialog[open] button[type='submit']")  # a reason is required
        phone.wait_for_selector("#dialog[open]")
        answer_dialog(phone, "Geen groen meer")
        phone.wait_for_selector(f"#proposal-{amended} .objections:has-text('Geen groen meer')")
        card = phone.inner_text(f"#proposal-{mine}")
        assert "Kosten: 4 M€" in card and "Overlast: 10,6 mnd" in card, card  # Dutch numbers

        tab(phone, "chat")
        phone.fill("#chat-text", "Zullen we samen graven?")
        phone.click("form.chat-form button[type='submit']")
        tab(laptop, "chat")
        laptop.wait_for_selector("text=Zullen we samen graven?")
        laptop.select_option("#chat-to", "net")
        laptop.fill("#chat-text", "Alleen voor jou: wij willen groen.")
        laptop.click("form.chat-form button[type='submit']")
        phone.wait_for_selector("text=Alleen voor jou: wij willen groen.")
        narrow_check(phone)

        live.facilitator("play_event", {"event": "vertraging"})
        room.wait_for_selector("text=Vergunning vertraagd")
        tab(phone, "press")
        phone.wait_for_selector("article.event:has-text('Vergunning vertraagd')")
        tab(phone, "table")
        phone.wait_for_selector(f"#proposal-{mine}")
        narrow_check(phone)
        shot(phone, "phone-table")
        tab(phone, "map")
        phone.wait_for_selector("svg.map-svg")
        phone.wait_for_selector("section.plan .plan-bar", state="attached")  # the works plan
        narrow_check(phone)
        shot(phone, "phone-map")

        live.facilitator("next_round")  # besluit: the ballot, then signing
        live.facilitator("call_vote", {"proposal": mine})
        phone.wait_for_selector("#ballot-title")
        assert "Aangenomen bij 2 van 3 stemmen voor." in phone.inner_text(".banner.ballot")
        assert "veto" in phone.inner_text(".banner.ballot")
        narrow_check(phone)
        axe_check(phone, "the phone's ballot")
        shot(phone, "phone-ballot")
        room.wait_for_selector("#room-ballot")
        room.wait_for_selector(".room-event")
        axe_check(room, "the room screen during a ballot")
        shot(room, "room-ballot")
        phone.click("button.vote-yes")
        phone.wait_for_selector("text=Je stemde: Voor.")
        laptop.click("button.vote-yes")
        live.wait(lambda s: s.open_ballot is None or len(s.open_ballot.votes) == 3)
        if live.state.open_ballot is not None:
            live.facilitator("close_vote")
        live.wait(lambda s: s.agreement == mine)
        phone.wait_for_selector("#agreement-title")
        phone.click(".banner.agreement button")
        laptop.click(".banner.agreement button")
        live.wait(lambda s: {"net", "gemeente"} <= set(s.signatures))
        phone.wait_for_selector("text=Ondertekend.")

        live.facilitator("next_round")  # the reveal
        tab(phone, "debrief")
        phone.wait_for_selector("text=Nabespreking: scores tegen reservewaarden")
        phone.wait_for_selector("figure.chart .bar")
        assert f"Akkoord over {mine}." in phone.inner_text("#panel")
        phone.click("#interests-gemeente summary")  # hidden interests, revealed now
        assert "Nieuw groen wordt weer opgebroken" in phone.inner_text("#interests-gemeente")
        live.facilitator("announce", {"text": "Dank jullie wel"})
        phone.wait_for_selector("#status:has-text('Dank jullie wel')")
        assert phone.evaluate("document.getElementById('interests-gemeente').open")  # kept open
        narrow_check(phone)
        axe_check(phone, "the phone's debrief")
        shot(phone, "phone-debrief")
        room.wait_for_selector(".room-debrief figure.chart")
        axe_check(room, "the room screen's debrief")
        shot(room, "room-debrief")
        tab(laptop, "debrief")
        laptop.wait_for_selector("figure.chart")
        shot(laptop, "laptop-debrief")

        # English on request, numbers per language.
        phone.click("#foot button[lang='en']")
        phone.wait_for_selector("text=Debrief: scores against reservation values")
        tab(phone, "table")
        card = phone.inner_text(f"#proposal-{mine}")
        assert "Cost: 4 M€" in card and "Nuisance: 10.6 months" in card, card
        phone.click("#foot button[lang='nl']")

        # The keyboard: digits switch tabs when no text field has the focus.
        laptop.click("h1.round")
        laptop.keyboard.press("3")
        laptop.wait_for_selector("#tab-map[aria-selected='true']")

        for watch in (phone_watch, laptop_watch, room_watch):
            watch.check()
