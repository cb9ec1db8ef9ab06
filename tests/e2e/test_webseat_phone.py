"""The browser seat as a participant on her phone lives it (WORKSHOP.md, Lotte).

Each test pins a defect seen while walking the story in Chromium at 390×844:
what a person read or lost before, what she sees now.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from typing import Any

from webseat_helpers import PHONE, LiveHost, Watch, chromium, open_page, require_browser

from game.engine import Move


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


def test_the_debrief_chart_shows_her_own_role_in_bold(live: LiveHost) -> None:
    # Twelve bars alike: she had to read the names to find her own score.
    reveal(live)
    with chromium() as browser:
        _, page, watch = open_page(
            browser, live, PHONE, live.base + "#code=" + live.role_code("net")
        )
        page.wait_for_selector("#tab-debrief")
        open_tab(page, "debrief")
        weights = dict(
            page.evaluate(
                """() => [...document.querySelectorAll('.bars .bar-label')]
                  .map((el) => [el.textContent, getComputedStyle(el).fontWeight])"""
            )
        )
        watch.check()
    assert int(weights["Netbeheerder"]) > int(weights["Wethouder"]), weights


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


class FreezingProxy:
    """A TCP relay to the host that can go silent on its open connections, as a phone's
    line does in its sleep: nothing passes, nothing closes. New connections pass."""

    def __init__(self, port: int) -> None:
        self.target = port
        self.frozen: set[Any] = set()
        self.open: set[Any] = set()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.server = asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(10)
        self.port = self.server.sockets[0].getsockname()[1]

    async def _start(self) -> asyncio.Server:
        return await asyncio.start_server(self._relay, "127.0.0.1", 0)

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target)
        pair = (writer, up_writer)
        self.open.add(pair)

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError):
                while data := await src.read(65536):
                    if pair in self.frozen:
                        continue  # swallowed: the line is dead, the socket is not
                    dst.write(data)
                    await dst.drain()
            if pair not in self.frozen:
                dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    def freeze(self) -> None:
        self.loop.call_soon_threadsafe(self.frozen.update, set(self.open))

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.server.close)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


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
        _, page, watch = open_page(
            browser, live, PHONE, live.base + "#code=" + live.role_code("net")
        )
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
        page.click("#foot button:has-text('Verlaten')")
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
    # handed on to someone else.
    with chromium() as browser:
        _, page, watch = open_page(
            browser, live, PHONE, live.base + "#code=" + live.role_code("net")
        )
        page.wait_for_selector("#top .link.up")
        page.click("#foot button:has-text('Verlaten')")
        page.wait_for_selector("#codes")
        page.wait_for_timeout(1500)
        assert page.is_visible("#codes")
        assert page.query_selector("#tab-briefing") is None
        assert page.inner_text("#top") == "Botsende belangen"
        watch.check()


def test_the_builders_value_stays_in_sight_while_options_are_tapped(live: LiveHost) -> None:
    # On a phone the value against the reservation sat below every issue: a tap
    # at the top changed it out of sight, so "what is this worth to me" meant
    # scrolling down after every tap. Now it stays at the foot of the screen.
    live.facilitator("start")
    live.facilitator("next_round")
    short_phone = {"width": 390, "height": 560}
    with chromium() as browser:
        _, page, watch = open_page(
            browser, live, short_phone, live.base + "#code=" + live.role_code("net")
        )
        page.wait_for_selector("#top h1.round:has-text('Ronde 2/4')")
        open_tab(page, "builder")
        page.click("label[for='opt-fasering-samen']")
        page.click("label[for='opt-ontwerp-groen']")
        page.wait_for_selector(".summary .value")
        page.locator("label[for='opt-ontwerp-groen']").scroll_into_view_if_needed()
        before = page.inner_text(".summary .value")
        page.click("label[for='opt-ontwerp-kaal']")
        page.wait_for_function(
            "b => document.querySelector('.summary .value').textContent !== b", arg=before
        )
        box = page.evaluate(
            "(() => { const r = document.querySelector('.summary').getBoundingClientRect();"
            " const o = document.querySelector('[for=opt-ontwerp-kaal]').getBoundingClientRect();"
            " return [r.top, r.bottom, o.top, innerHeight]; })()"
        )
        watch.check()
    top, bottom, option, height = box
    assert 0 <= option < height, box
    assert top >= 0 and bottom <= height, f"the value is out of sight: {box}"


def agree(live: LiveHost) -> None:
    """A passed vote on the net's proposal in the mini game (round 3, signing open)."""
    live.facilitator("start")
    live.facilitator("next_round")
    table = live.server.tables[1]
    package = {"ontwerp": "kaal", "fasering": "los"}
    assert live.call(live.server.apply_move(table, Move("propose", "net", {"package": package})))
    live.facilitator("next_round")
    live.facilitator("call_vote", {"proposal": "P1"})
    for role in ("gemeente", "net", "winkels"):
        live.call(live.server.apply_move(table, Move("vote", role, {"choice": "yes"})))
    live.wait(lambda s: s.agreement is not None)


def test_the_agreement_folds_away_once_signed(live: LiveHost) -> None:
    # After the agreement its whole package stood above every tab for the rest
    # of the game: on a phone, a screen and more of it before the tab she chose.
    # Before signing she now also sees what it is worth to her.
    agree(live)
    with chromium() as browser:
        _, page, watch = open_page(
            browser, live, PHONE, live.base + "#code=" + live.role_code("net")
        )
        page.wait_for_selector("#sign")
        banner = page.inner_text(".banner.agreement")
        assert page.is_visible(".banner.agreement ul.package")
        page.click("#sign")
        live.wait(lambda s: "net" in s.signatures)
        page.wait_for_selector("#sign", state="detached")
        folded = page.is_visible(".banner.agreement ul.package")
        height = page.evaluate("document.querySelector('.banner.agreement').offsetHeight")
        page.click("#agreement-package summary")
        unfolded = page.is_visible(".banner.agreement ul.package")
        watch.check()
    assert "Waarde voor jou: 100 (reservewaarde 35)" in banner, banner
    assert not folded and unfolded
    assert height < 200, height


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


def test_a_seat_starts_in_the_hosts_language_unless_the_person_chose(live: LiveHost) -> None:
    # With "host --lang en" the console and the wrong-address page were English,
    # but every phone opened its seat in Dutch; the English button sat at the
    # foot of the press release.
    from game.tui.i18n import language, set_language

    was = language()
    set_language("en")
    try:
        with chromium() as browser:
            _, page, watch = open_page(
                browser, live, PHONE, live.base + "#code=" + live.role_code("net")
            )
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
        _, page, watch = open_page(
            browser, live, PHONE, live.base + "#code=" + live.role_code("net")
        )
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
        _, page, watch = open_page(
            browser, live, PHONE, live.base + "#code=" + live.role_code("net")
        )
        page.wait_for_selector("#top h1.round:has-text('Wachten op de start')")
        page.wait_for_selector("#tab-press")
        waiting = page.query_selector("#clock")
        live.facilitator("start")
        page.wait_for_selector("#clock")
        watch.check()
    assert waiting is None


def test_the_round_instructions_stand_apart_from_the_press_release(live: LiveHost) -> None:
    # "Lees het persbericht, je eigen briefing …" was set like the first
    # paragraph of the press release under it: it read as part of the story.
    live.facilitator("start")
    with chromium() as browser:
        _, page, watch = open_page(
            browser, live, PHONE, live.base + "#code=" + live.role_code("net")
        )
        page.wait_for_selector("p.instructions")
        looks = page.evaluate(
            """() => [document.querySelector('p.instructions'), document.querySelector('.press p')]
              .map((el) => { const s = getComputedStyle(el);
                return [s.backgroundColor, s.borderLeftWidth, s.fontWeight]; })"""
        )
        watch.check()
    instructions, press = looks
    assert instructions[0] != press[0] and instructions[1] != press[1], looks


def test_a_vetoed_ballot_says_who_vetoed_it_not_a_message_key(live: LiveHost) -> None:
    # Under "Stemmingen" a failed vote read "VERWORPEN (vote.reason.veto:gemeente)",
    # and the status line only "Stemming over P1: VERWORPEN".
    live.facilitator("start")
    live.facilitator("next_round")
    table = live.server.tables[1]
    package = {"ontwerp": "kaal", "fasering": "los"}
    assert live.call(live.server.apply_move(table, Move("propose", "net", {"package": package})))
    live.facilitator("next_round")
    with chromium() as browser:
        _, page, watch = open_page(
            browser, live, PHONE, live.base + "#code=" + live.role_code("net")
        )
        page.wait_for_selector("#top h1.round:has-text('Ronde 3/4')")
        open_tab(page, "table")
        live.facilitator("call_vote", {"proposal": "P1"})
        page.wait_for_selector("#vote-yes")
        for role, choice in (("gemeente", "no"), ("winkels", "yes")):
            live.call(live.server.apply_move(table, Move("vote", role, {"choice": choice})))
        page.click("#vote-yes")
        page.wait_for_selector("#status:has-text('VERWORPEN')")
        status = page.inner_text("#status")
        page.wait_for_selector("text=Stemmingen")
        listed = page.inner_text("#panel")
        watch.check()
    assert "Stemming over P1: VERWORPEN: veto van Wethouder" in status, status
    assert "VERWORPEN: veto van Wethouder" in listed and "vote.reason" not in listed, listed


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
    live.facilitator("start")
    live.facilitator("next_round")
    table = live.server.tables[1]
    package = {"ontwerp": "kaal", "fasering": "los"}
    assert live.call(live.server.apply_move(table, Move("propose", "net", {"package": package})))
    live.facilitator("next_round")
    short_phone = {"width": 390, "height": 500}
    with chromium() as browser:
        _, page, watch = open_page(
            browser, live, short_phone, live.base + "#code=" + live.role_code("net")
        )
        page.wait_for_selector("#top h1.round:has-text('Ronde 3/4')")
        open_tab(page, "briefing")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        live.facilitator("call_vote", {"proposal": "P1"})
        page.wait_for_selector("#vote-yes")
        page.wait_for_timeout(300)
        box = page.evaluate(
            "(() => { const r = document.getElementById('vote-yes').getBoundingClientRect();"
            " return [r.top, r.bottom, innerHeight]; })()"
        )
        watch.check()
    top, bottom, height = box
    assert top >= 0 and bottom <= height, f"the ballot is out of sight: {box}"


def test_the_builders_hints_start_with_a_capital(live: LiveHost) -> None:
    # The terminal's lower-case hints stood as a label and a line of their own:
    # "waarom dit pakket? (mag leeg)", "kies bij elk onderwerp een optie".
    live.facilitator("start")
    live.facilitator("next_round")
    with chromium() as browser:
        _, page, watch = open_page(
            browser, live, PHONE, live.base + "#code=" + live.role_code("net")
        )
        page.wait_for_selector("#top h1.round:has-text('Ronde 2/4')")
        open_tab(page, "builder")
        hints = [page.inner_text(".pick-all"), page.inner_text("label[for='builder-note']")]
        brackets = page.inner_text("#panel p.help")
        watch.check()
    assert hints == ["Kies bij elk onderwerp een optie", "Waarom dit pakket? (mag leeg)"]
    # "Groene straat (10)": nothing said what the number in brackets was.
    assert "Tussen haakjes: wat die optie jou oplevert." in brackets


def test_an_option_an_event_forbade_is_named_and_cannot_be_tapped() -> None:
    # After an event card forbade an option, the builder said "⚠ niet meer
    # mogelijk: ontwerp + kaal" (the scenario's ids) and still offered it.
    require_browser()
    live = LiveHost(mode="full")
    try:
        live.facilitator("start")
        live.facilitator("next_round")
        live.facilitator("next_round")
        with chromium() as browser:
            _, page, watch = open_page(
                browser, live, PHONE, live.base + "#code=" + live.role_code("net")
            )
            page.wait_for_selector("#top h1.round:has-text('Ronde 3/5')")
            open_tab(page, "builder")
            page.click("label[for='opt-fasering-samen']")
            page.click("label[for='opt-kosten-eigen']")
            page.click("label[for='opt-ontwerp-kaal']")
            page.wait_for_selector(".summary .value")
            live.facilitator("play_event", {"event": "subsidie"})
            page.wait_for_selector(".summary p.low")
            said = page.inner_text(".summary p.low")
            disabled = page.is_disabled("#opt-ontwerp-kaal")
            label = page.inner_text("label[for='opt-ontwerp-kaal']")
            watch.check()
    finally:
        live.close()
    assert said == "⚠ niet meer mogelijk: Inrichting: Terug zoals het was", said
    assert disabled and label.endswith("niet meer mogelijk"), label


def test_an_empty_required_field_is_explained_in_the_games_language(live: LiveHost) -> None:
    # The join page and the objection dialog left the sentence to the browser:
    # on a phone set to English, "Please fill out this field." on a Dutch page.
    live.facilitator("start")
    live.facilitator("next_round")
    table = live.server.tables[1]
    package = {"ontwerp": "kaal", "fasering": "los"}
    assert live.call(
        live.server.apply_move(table, Move("propose", "gemeente", {"package": package}))
    )
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


def test_what_a_role_shares_reaches_the_table_and_sharing_twice_is_not_offered(
    live: LiveHost,
) -> None:
    # "Gedeeld met de tafel." said the phone, but no seat showed what anyone had
    # shared; and "Reservewaarde delen" stayed after sharing, to be tapped again.
    live.facilitator("start")
    live.facilitator("next_round")
    table = live.server.tables[1]
    live.call(live.server.apply_move(table, Move("disclose", "gemeente", {"issue": "ontwerp"})))
    with chromium() as browser:
        _, page, watch = open_page(
            browser, live, PHONE, live.base + "#code=" + live.role_code("net")
        )
        page.wait_for_selector("#top h1.round:has-text('Ronde 2/4')")
        open_tab(page, "briefing")
        page.click("#disclose-reservation")
        live.wait(lambda s: any(d.role == "net" and d.issue is None for d in s.disclosures))
        page.wait_for_selector("#disclose-reservation", state="detached")
        reservation = page.inner_text("p.reservation")
        open_tab(page, "table")
        shared = page.inner_text("ul.disclosures")
        watch.check()
    assert reservation.startswith("Reservewaarde: 35gedeeld"), reservation
    assert shared.splitlines() == [
        "Wethouder — Inrichting: Groene straat 50 · Parkeerstraat 20 · Terug zoals het was 0",
        "Netbeheerder — Reservewaarde 35",
    ]


def test_after_voting_the_ballot_says_what_she_voted(live: LiveHost) -> None:
    # "Voor" and "Tegen" sit side by side under a thumb; after the tap the
    # ballot only said "Je hebt al gestemd.", not which of the two it took.
    live.facilitator("start")
    live.facilitator("next_round")
    table = live.server.tables[1]
    package = {"ontwerp": "kaal", "fasering": "los"}
    assert live.call(
        live.server.apply_move(table, Move("propose", "gemeente", {"package": package}))
    )
    live.facilitator("next_round")
    live.facilitator("call_vote", {"proposal": "P1"})
    with chromium() as browser:
        _, page, watch = open_page(
            browser, live, PHONE, live.base + "#code=" + live.role_code("net")
        )
        page.click("#vote-no")
        page.wait_for_selector("#vote-no", state="detached")
        live.wait(lambda s: "net" in s.ballots[-1].votes)
        said = page.inner_text(".banner.ballot strong")
        watch.check()
    assert said == "Je stemde: Tegen."
