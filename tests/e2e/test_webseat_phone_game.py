"""The browser seat as a participant on her phone lives it (WORKSHOP.md, Lotte):
her briefing, the builder, the table, the ballot, the agreement, the debrief.

Each test pins a defect seen while walking the story in Chromium at 390×844:
what a person read or lost before, what she sees now.
"""

from __future__ import annotations

from phone_helpers import PACKAGE, agree, move, open_tab, proposed, reveal
from webseat_helpers import LiveHost, chromium, open_seat, require_browser


def test_the_debrief_says_which_roles_had_a_veto_not_you_have_a_veto(live: LiveHost) -> None:
    # The hidden interests read "Wethouder — Reservewaarde 40, Je hebt een veto"
    # on every participant's phone: the briefing's second-person line.
    reveal(live)
    with chromium() as browser:
        page, watch = open_seat(browser, live, "net")
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
        page, watch = open_seat(browser, live, "net")
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
        page, watch = open_seat(browser, live, "net")
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


def test_the_builders_value_stays_in_sight_while_options_are_tapped(live: LiveHost) -> None:
    # On a phone the value against the reservation sat below every issue: a tap
    # at the top changed it out of sight, so "what is this worth to me" meant
    # scrolling down after every tap. Now it stays at the foot of the screen.
    live.facilitator("start")
    live.facilitator("next_round")
    short_phone = {"width": 390, "height": 560}
    with chromium() as browser:
        page, watch = open_seat(browser, live, "net", short_phone)
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


def test_the_agreement_folds_away_once_signed(live: LiveHost) -> None:
    # After the agreement its whole package stood above every tab for the rest
    # of the game: on a phone, a screen and more of it before the tab she chose.
    # Before signing she now also sees what it is worth to her.
    agree(live)
    with chromium() as browser:
        page, watch = open_seat(browser, live, "net")
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


def test_the_round_instructions_stand_apart_from_the_press_release(live: LiveHost) -> None:
    # "Lees het persbericht, je eigen briefing …" was set like the first
    # paragraph of the press release under it: it read as part of the story.
    live.facilitator("start")
    with chromium() as browser:
        page, watch = open_seat(browser, live, "net")
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
    proposed(live, "net")
    live.facilitator("next_round")
    with chromium() as browser:
        page, watch = open_seat(browser, live, "net")
        page.wait_for_selector("#top h1.round:has-text('Ronde 3/4')")
        open_tab(page, "table")
        live.facilitator("call_vote", {"proposal": "P1"})
        page.wait_for_selector("#vote-yes")
        for role, choice in (("gemeente", "no"), ("winkels", "yes")):
            move(live, role, "vote", {"choice": choice})
        page.click("#vote-yes")
        page.wait_for_selector("#status:has-text('VERWORPEN')")
        status = page.inner_text("#status")
        page.wait_for_selector("text=Stemmingen")
        listed = page.inner_text("#panel")
        watch.check()
    assert "Stemming over P1: VERWORPEN: veto van Wethouder" in status, status
    assert "VERWORPEN: veto van Wethouder" in listed and "vote.reason" not in listed, listed


def test_the_builders_hints_start_with_a_capital(live: LiveHost) -> None:
    # The terminal's lower-case hints stood as a label and a line of their own:
    # "waarom dit pakket? (mag leeg)", "kies bij elk onderwerp een optie".
    live.facilitator("start")
    live.facilitator("next_round")
    with chromium() as browser:
        page, watch = open_seat(browser, live, "net")
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
            page, watch = open_seat(browser, live, "net")
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


def test_what_a_role_shares_reaches_the_table_and_sharing_twice_is_not_offered(
    live: LiveHost,
) -> None:
    # "Gedeeld met de tafel." said the phone, but no seat showed what anyone had
    # shared; and "Reservewaarde delen" stayed after sharing, to be tapped again.
    live.facilitator("start")
    live.facilitator("next_round")
    for _ in range(2):  # shared twice: listed once, with the latest numbers
        move(live, "gemeente", "disclose", {"issue": "ontwerp"})
    with chromium() as browser:
        page, watch = open_seat(browser, live, "net")
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
    proposed(live, "gemeente")
    live.facilitator("next_round")
    live.facilitator("call_vote", {"proposal": "P1"})
    with chromium() as browser:
        page, watch = open_seat(browser, live, "net")
        page.click("#vote-no")
        page.wait_for_selector("#vote-no", state="detached")
        live.wait(lambda s: "net" in s.ballots[-1].votes)
        said = page.inner_text(".banner.ballot strong")
        watch.check()
    assert said == "Je stemde: Tegen."


def test_a_notice_leaves_the_builders_value_in_sight(live: LiveHost) -> None:
    # A notice ('Wethouder deed een voorstel', eight seconds) sat at the foot of
    # the screen, over the builder's value against the reservation she was
    # watching while tapping options. It now stands above that bar; a tap puts it away.
    live.facilitator("start")
    live.facilitator("next_round")
    with chromium() as browser:
        page, watch = open_seat(browser, live, "net")
        page.wait_for_selector("#top h1.round:has-text('Ronde 2/4')")
        open_tab(page, "builder")
        page.click("label[for='opt-fasering-samen']")
        page.click("label[for='opt-ontwerp-groen']")
        page.wait_for_selector(".summary .value")
        assert move(live, "gemeente", "propose", {"package": dict(PACKAGE)})
        page.wait_for_selector("#status p")
        boxes = page.evaluate(
            "(() => { const s = document.getElementById('status').getBoundingClientRect();"
            " const v = document.querySelector('.builder > .summary').getBoundingClientRect();"
            " return [s.top, s.bottom, v.top, v.bottom, innerHeight]; })()"
        )
        top, bottom, value_top, value_bottom, height = boxes
        assert value_bottom <= height + 1, boxes  # the value bar is at the foot, in sight
        assert bottom <= value_top and top >= 0, f"the notice covers the value: {boxes}"
        page.click("#status")
        page.wait_for_function("() => !document.querySelector('#status p')", timeout=3000)
        watch.check()
