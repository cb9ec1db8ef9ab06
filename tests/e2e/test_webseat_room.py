"""The room screen in a browser on the projector, as the room sees it arrive."""

from __future__ import annotations

from webseat_helpers import LAPTOP, LiveHost, chromium, open_page


def test_the_wall_says_how_to_join_until_the_first_round_is_over(live: LiveHost) -> None:
    # People arrive and look at the wall: it showed the round's title and the map,
    # not the address to open or the code to type.
    with chromium() as browser:
        _, room, watch = open_page(
            browser, live, LAPTOP, live.base + "#screen=" + live.screen_code()
        )
        room.wait_for_selector("section.room-join")
        text = room.inner_text("section.room-join")
        address = live.hosted.url.replace("ws://", "http://")
        live.facilitator("start")
        room.wait_for_selector("section.room-join")  # the opening round: still arriving
        live.facilitator("next_round")
        room.wait_for_selector("section.room-join", state="detached")
        watch.check()
    assert text.startswith("Meedoen"), text
    assert "scan de QR-code op je rolkaart, of open " + address in text, text
    assert "botsende-belangen join " + address.split("://")[1].rstrip("/") + " --code" in text
