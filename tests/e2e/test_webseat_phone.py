"""The browser seat as a participant on her phone lives it (WORKSHOP.md, Lotte):
her line, her place, her language, what the status line tells her.

Each test pins a defect seen while walking the story in Chromium at 390×844:
what a person read or lost before, what she sees now.
"""

from __future__ import annotations

from phone_helpers import FreezingProxy, open_tab, proposed
from webseat_helpers import PHONE, LiveHost, Watch, chromium, open_page, open_seat


def test_a_phone_back_from_its_sleep_checks_its_line_and_catches_up(live: LiveHost) -> None:
    # After a break the phone's socket can look open while the server dropped it
    # long ago: the seat said "verbonden" and showed the old round, and no ballot
    # came, until the next tap. Shown again, the seat now checks its line (a ping)
    # and connects anew when no pong comes.
    proxy = FreezingProxy(live.server.port)
    base = f"http://127.0.0.1:{proxy.port}/"
    try:
        with chromium() as browser:
            context = browser.new_context(viewport=PHONE)
            page = context.new_page()
            watch = Watch(host=f"127.0.0.1:{proxy.port}")
            watch.attach(page)
            page.goto(base + "#code=" + live.role_code("net"))
            live.facilitator("start")
            page.wait_for_selector("#top h1.round:has-text('Ronde 1/4')")
            proxy.freeze()
            live.facilitator("next_round")
            page.wait_for_timeout(1000)
            assert "Ronde 1/4" in page.inner_text("#top"), "the frozen line still carried views"
            page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
            page.wait_for_selector("#top h1.round:has-text('Ronde 2/4')", timeout=10_000)
            assert page.inner_text("#top .link") == "verbonden"
            watch.check()
    finally:
        proxy.close()


def test_a_reloaded_phone_comes_back_on_its_tab_with_its_half_built_proposal(
    live: LiveHost,
) -> None:
    # A phone that drops the tab in its sleep reloads the page: the seat came
    # back on "Pers" with an empty proposal builder, the taps and the note gone.
    live.facilitator("start")
    live.facilitator("next_round")
    with chromium() as browser:
        page, watch = open_seat(browser, live, "net")
        page.wait_for_selector("#top h1.round:has-text('Ronde 2/4')")
        open_tab(page, "builder")
        page.click("label[for='opt-ontwerp-kaal']")
        page.fill("#builder-note", "Kaal is goedkoop")
        page.evaluate("window.scrollTo(0, 300)")
        where = page.evaluate("window.scrollY")
        page.reload()
        page.wait_for_selector("#tab-builder[aria-selected='true']")
        assert page.is_checked("#opt-ontwerp-kaal")
        assert page.input_value("#builder-note") == "Kaal is goedkoop"
        assert where > 100 and abs(page.evaluate("window.scrollY") - where) <= 2
        # Leaving the seat forgets the place with the codes.
        page.click("#leave")
        page.click("#dialog-yes")
        page.wait_for_selector("#codes")
        page.wait_for_timeout(500)
        kept = page.evaluate("Object.keys(localStorage).filter((k) => k !== 'bb.lang')")
        watch.check()
    assert kept == []


def test_leave_shows_the_join_page_and_the_seat_does_not_draw_itself_back(
    live: LiveHost,
) -> None:
    # "Verlaten" showed the join page for a moment; then the closing socket
    # redrew the seat over it, role and briefing and all, on a phone that is
    # handed on to someone else. And one stray tap on it (next to "English")
    # threw her out of her seat at once: now it asks first.
    with chromium() as browser:
        page, watch = open_seat(browser, live, "net")
        page.wait_for_selector("#top .link.up")
        page.click("#leave")
        question = page.inner_text("#dialog[open]")
        page.click("#dialog-cancel")
        page.wait_for_timeout(300)
        assert page.is_visible("#tab-briefing"), "a cancelled leave left the seat"
        page.click("#leave")
        page.click("#dialog-yes")
        page.wait_for_selector("#codes")
        page.wait_for_timeout(1500)
        assert page.is_visible("#codes")
        assert page.query_selector("#tab-briefing") is None
        assert page.inner_text("#top") == "Botsende belangen"
        watch.check()
    assert "Het spel verlaten?" in question and "QR-code op je rolkaart" in question


def test_a_seat_starts_in_the_hosts_language_unless_the_person_chose(live: LiveHost) -> None:
    # With "host --lang en" the console and the wrong-address page were English,
    # but every phone opened its seat in Dutch; the English button sat at the
    # foot of the press release.
    from game.tui.i18n import language, set_language

    was = language()
    set_language("en")
    try:
        with chromium() as browser:
            page, watch = open_seat(browser, live, "net")
            page.wait_for_selector("#tab-press")
            first = [page.inner_text("#tab-press"), page.get_attribute("html", "lang")]
            page.click("#foot button[lang='nl']")  # her own choice wins from now on
            page.wait_for_selector("#tab-press:has-text('Pers')")
            page.reload()
            page.wait_for_selector("#tab-press")
            again = page.inner_text("#tab-press")
            watch.check()
    finally:
        set_language(was)
    assert first == ["Press", "en"]
    assert again == "Pers"


def test_the_skip_link_switches_language_with_the_page(live: LiveHost) -> None:
    # After "English" the first thing a screen reader (or a Tab press) met was
    # still "Naar de inhoud".
    with chromium() as browser:
        page, watch = open_seat(browser, live, "net")
        page.wait_for_selector("#tab-press")
        page.click("#foot button[lang='en']")
        page.wait_for_selector("#tab-press:has-text('Press')")
        skip = page.inner_text("#skip")
        watch.check()
    assert skip == "Skip to content"


def test_no_clock_reads_0_00_before_the_game_starts(live: LiveHost) -> None:
    # Waiting for the start, the header read "Wachten op de start" next to a big
    # "0:00", as if the time were already up.
    with chromium() as browser:
        page, watch = open_seat(browser, live, "net")
        page.wait_for_selector("#top h1.round:has-text('Wachten op de start')")
        page.wait_for_selector("#tab-press")
        waiting = page.query_selector("#clock")
        live.facilitator("start")
        page.wait_for_selector("#clock")
        watch.check()
    assert waiting is None


def test_the_phone_says_when_the_game_ends_and_when_a_private_message_comes_in(
    live: LiveHost,
) -> None:
    # The seat listened for a notice kind "ended" that the engine never sends:
    # the end of the game, a withdrawn proposal, the reveal and a private
    # message from the wethouder all passed without a word on the phone.
    view = {
        "me": {"role": "net"},
        "roles": [{"id": "gemeente", "short_name": "Wethouder"}, {"id": "net", "name": "Net"}],
    }
    notices = [
        {"kind": "session_ended", "agreement": None},
        {"kind": "withdrawn", "proposal": "P2"},
        {"kind": "revealed"},
        {"kind": "private_message", "sender": "gemeente", "to": "net"},
        {"kind": "private_message", "sender": "net", "to": "gemeente"},
    ]
    with chromium() as browser:
        _, page, watch = open_page(browser, live, PHONE, live.base)
        page.wait_for_selector("#codes")
        texts = page.evaluate(
            """async ([notices, view]) => {
              const { noticeText } = await import('/notices.js');
              return notices.map((n) => noticeText(n, view));
            }""",
            [notices, view],
        )
        watch.check()
    assert texts == [
        "Het spel is afgelopen.",
        "Voorstel P2 is ingetrokken",
        "De belangen zijn onthuld: de nabespreking begint.",
        "Privébericht van Wethouder aan Net",
        "",  # her own message: it stands in her list already
    ]


def test_the_ballot_comes_into_sight_when_the_vote_is_called(live: LiveHost) -> None:
    # Reading far down her briefing when the vote opened, she saw a toast at the
    # foot of the screen; the ballot itself sat above, out of sight.
    proposed(live, "net")
    live.facilitator("next_round")
    short_phone = {"width": 390, "height": 500}
    with chromium() as browser:
        page, watch = open_seat(browser, live, "net", short_phone)
        page.wait_for_selector("#top h1.round:has-text('Ronde 3/4')")
        open_tab(page, "briefing")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        live.facilitator("call_vote", {"proposal": "P1"})
        page.wait_for_selector("#vote-yes")
        page.wait_for_timeout(300)
        box = page.evaluate(
            "(() => { const r = document.getElementById('vote-yes').getBoundingClientRect();"
            " const title = document.getElementById('ballot-title').getBoundingClientRect();"
            " const top = document.getElementById('top').getBoundingClientRect();"
            " return [r.top, r.bottom, innerHeight, title.top, top.bottom]; })()"
        )
        watch.check()
    top, bottom, height, title, header = box
    assert top >= 0 and bottom <= height, f"the ballot is out of sight: {box}"
    assert title >= header, f"the ballot's title is under the header: {box}"


def test_an_empty_required_field_is_explained_in_the_games_language(live: LiveHost) -> None:
    # The join page and the objection dialog left the sentence to the browser:
    # on a phone set to English, "Please fill out this field." on a Dutch page.
    proposed(live, "gemeente")
    with chromium() as browser:
        _, page, watch = open_page(browser, live, PHONE, live.base, locale="en-US")
        page.click("form button[type='submit']")
        joining = page.evaluate("document.getElementById('codes').validationMessage")
        page.goto(live.base + "#code=" + live.role_code("net"))
        page.wait_for_selector("#top h1.round:has-text('Ronde 2/4')")
        open_tab(page, "table")
        page.click("#object-P1")
        page.fill("#dialog-input", "   ")
        page.click("#dialog[open] button[type='submit']")
        objecting = page.evaluate("document.getElementById('dialog-input').validationMessage")
        watch.check()
    assert [joining, objecting] == ["Vul dit veld in.", "Vul dit veld in."]


def test_the_veto_rule_names_any_one_of_the_veto_roles(live: LiveHost) -> None:
    # "Een nee van Wethouder, Netbeheerder, Corporatie is een veto." read as if
    # all three had to say no (as the terminal screens said before s6-anna).
    view = {
        "agreement_rule": {"effective_quorum": 9, "in_play": 12, "veto_roles": ["a", "b", "c"]},
        "roles": [
            {"id": "a", "short_name": "Wethouder"},
            {"id": "b", "short_name": "Netbeheerder"},
            {"id": "c", "short_name": "Corporatie"},
        ],
    }
    with chromium() as browser:
        _, page, watch = open_page(browser, live, PHONE, live.base)
        page.wait_for_selector("#codes")
        texts = page.evaluate(
            """async (view) => {
              const i18n = await import('/i18n.js');
              const { ruleText } = await import('/viewdata.js');
              const nl = ruleText(view);
              i18n.setLanguage('en');
              const en = ruleText(view);
              i18n.setLanguage('nl');
              return [nl, en];
            }""",
            view,
        )
        watch.check()
    assert texts[0].endswith("Een nee van Wethouder, Netbeheerder of Corporatie is een veto."), (
        texts
    )
    assert "A no from Wethouder, Netbeheerder or Corporatie is a veto." in texts[1], texts
