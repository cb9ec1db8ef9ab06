"""What the browser seat receives and keeps holds no other role's hidden data.

As tests/protocol/test_privacy.py does for the raw protocol, but in the page:
every websocket frame the page receives (Playwright's ``framereceived``), what
it keeps (localStorage, sessionStorage) and what it shows (the DOM) are
scanned for another role's private briefing, scoring rule, points and private
messages before the reveal. Also: a shared laptop opens a role only with its
PIN and forgets it on lock, and a phone whose connection drops reconnects by
itself and keeps its seat.
"""

from __future__ import annotations

from typing import Any

from webseat_helpers import LAPTOP, LiveHost, axe_check, chromium, open_page, open_seat

SECRET = "geheim-7f3a: alleen voor de winkeliers"
GEMEENTE = (
    "Briefing gemeente",
    "Nieuw groen wordt weer opgebroken",
    '"groen":50.0,"parkeren":20.0',
)
WINKELS = ("Briefing winkels", '"groen":30.0,"parkeren":40.0')


def kept(page: Any) -> str:
    """Everything the page holds: its storage and its DOM."""
    storage = page.evaluate(
        "JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])"
    )
    return storage + page.content()


def test_the_page_never_holds_another_roles_hidden_data(live: LiveHost) -> None:
    with chromium() as browser:
        phone, phone_watch = open_seat(browser, live, "net")
        _, laptop, laptop_watch = open_page(browser, live, LAPTOP, live.base)
        _, room, room_watch = open_page(
            browser, live, LAPTOP, live.base + "#screen=" + live.screen_code()
        )
        phone.wait_for_selector("#tab-press")
        room.wait_for_selector(".room-grid")

        # A shared laptop: two roles, each behind its PIN.
        laptop.fill("#codes", f"{live.role_code('gemeente')} {live.role_code('winkels')}")
        laptop.click("button[type='submit']")
        laptop.wait_for_selector("text=Kies hierboven je rol en voer je pincode in.")
        assert "Briefing gemeente" not in kept(laptop)
        axe_check(laptop, "the shared laptop's lock screen")
        laptop.click(".rolebar button:has-text('Gemeente')")
        laptop.fill("#dialog-input", "0000" if live.pin("gemeente") != "0000" else "1111")
        laptop.click("#dialog[open] button[type='submit']")
        laptop.wait_for_selector("text=Onjuiste pincode.")
        laptop.click(".rolebar button:has-text('Gemeente')")
        laptop.fill("#dialog-input", live.pin("gemeente"))
        laptop.click("#dialog[open] button[type='submit']")
        laptop.click("#tab-briefing")
        laptop.wait_for_selector("text=Briefing gemeente")
        assert "Briefing winkels" not in kept(laptop)  # still locked

        live.facilitator("start")
        live.facilitator("next_round")
        laptop.click("#tab-chat")
        laptop.select_option("#chat-to", "winkels")
        laptop.fill("#chat-text", SECRET)
        laptop.click("form.chat-form button[type='submit']")
        laptop.wait_for_selector(f"text={SECRET}")
        laptop.click("#tab-briefing")

        # Locking forgets the role: its briefing leaves the page and nothing is stored.
        laptop.click("#lock-button")
        laptop.wait_for_selector("text=Kies hierboven je rol en voer je pincode in.")
        assert not any(s in kept(laptop) for s in (*GEMEENTE, SECRET)), (
            "the locked role stayed on the page"
        )

        # The phone: a drop of its connection, then it is back by itself with its seat.
        phone.click("#tab-chat")
        dropped = live.call(_drop_seats(live, "net"))
        assert dropped == 1
        phone.wait_for_selector(".link.down")
        phone.wait_for_selector(".link.up", timeout=10_000)
        phone.fill("#chat-text", "weer terug")
        phone.click("form.chat-form button[type='submit']")
        live.wait(lambda s: any(m.text == "weer terug" and m.sender == "net" for m in s.messages))
        phone.click("#tab-briefing")
        phone.wait_for_selector("text=Briefing net")

        phone_seen = "\n".join(phone_watch.frames) + kept(phone)
        for secret in (*GEMEENTE, *WINKELS, SECRET):
            assert secret not in phone_seen, f"the phone saw {secret!r}"
        room_seen = "\n".join(room_watch.frames) + kept(room)
        for secret in (*GEMEENTE, *WINKELS, "Briefing net", SECRET):
            assert secret not in room_seen, f"the room screen saw {secret!r}"
        laptop_frames = "\n".join(laptop_watch.frames)
        assert "Briefing gemeente" in laptop_frames and SECRET in laptop_frames  # the scan sees
        assert "Briefing winkels" not in laptop_frames  # never unlocked here
        assert '"kind":"private_message"' not in "\n".join(phone_watch.frames).replace(" ", "")
        for watch in (phone_watch, laptop_watch, room_watch):
            watch.check()


async def _drop_seats(live: LiveHost, role: str) -> int:
    """Cut the connections of ``role``'s seats, as a Wi-Fi drop would."""
    dropped = 0
    for session in list(live.server.sessions):
        if role in session.roles and session.client == "seat":
            session.ws.transport.abort()
            dropped += 1
    return dropped
