"""On her phone's debrief a participant reads why a ballot failed: 'P1 verworpen:
veto van Wethouder.', what P1 was worth to the alderman against its reservation
value and what weighed most; for a ballot short of the quorum, who voted no and by
how much it missed (the same sentences as the terminal's debrief). Nothing of it
before the reveal."""

from __future__ import annotations

from phone_helpers import move, open_tab
from webseat_helpers import (
    PHONE,
    LiveHost,
    chromium,
    no_horizontal_scroll,
    open_page,
    open_seat,
    shot,
)


def _voted_down(live: LiveHost) -> None:
    live.facilitator("start")
    live.facilitator("next_round")
    assert move(live, "net", "propose", {"package": {"ontwerp": "parkeren", "fasering": "los"}})
    live.facilitator("next_round")
    for votes in (
        (("gemeente", "no"), ("net", "yes"), ("winkels", "no")),
        (("gemeente", "yes"), ("net", "no"), ("winkels", "abstain")),
    ):
        assert live.facilitator("call_vote", {"proposal": "P1"})
        for role, choice in votes:
            assert move(live, role, "vote", {"choice": choice})


def _debrief_text(live: LiveHost, lang: str = "") -> str:
    query = f"?lang={lang}" if lang else ""
    with chromium() as browser:
        _, page, watch = open_page(
            browser, live, PHONE, live.base + query + "#code=" + live.role_code("winkels")
        )
        page.wait_for_selector("#tab-debrief")
        open_tab(page, "debrief")
        text = page.inner_text("#panel")
        why = page.query_selector("section.why")
        if why is not None:
            why.scroll_into_view_if_needed()
            shot(page, f"phone-why-{lang or 'nl'}")
        no_horizontal_scroll(page)
        watch.check()
    return " ".join(text.split())


def test_not_before_the_reveal(live: LiveHost) -> None:
    _voted_down(live)
    text = _debrief_text(live)
    assert "De nabespreking verschijnt na de onthulling." in text
    assert "waard voor" not in text and "Waarom voorstellen" not in text


def test_a_veto_and_a_missed_quorum_on_the_phone(live: LiveHost) -> None:
    _voted_down(live)
    live.facilitator("next_round")
    live.wait(lambda s: s.revealed)
    text = _debrief_text(live)
    assert "Waarom voorstellen het niet haalden" in text
    assert (
        "P1 verworpen: veto van Wethouder. Ook tegen: Winkeliers."
        " P1 was 16 waard voor Wethouder (reservewaarde 40); het zwaarst woog Fasering:"
        " Ieder op eigen moment (0 van 40 punten), daarna Inrichting: Parkeerstraat"
        " (20 van 50 punten)." in text
    ), text
    assert (
        "P1 verworpen: 1 van de 2 benodigde stemmen voor (1 te weinig). Tegen: Netbeheerder."
        " Onthouden: Winkeliers. P1 was 90 waard voor Netbeheerder, meer dan de reservewaarde"
        " (35): toch tegen; het zwaarst woog" in text
    ), text


def test_in_english_too(live: LiveHost) -> None:
    _voted_down(live)
    live.facilitator("next_round")
    live.wait(lambda s: s.revealed)
    text = _debrief_text(live, "en")
    assert "P1 rejected: vetoed by Wethouder. Also against: Winkeliers." in text, text
    assert "P1 was worth 16 to Wethouder (reservation value 40); what weighed most:" in text
    assert "P1 rejected: 1 of the 2 votes needed (1 short). Against: Netbeheerder." in text


def test_two_vetoes_a_rule_and_a_street_read_as_on_the_terminal(live: LiveHost) -> None:
    view = {
        "roles": [
            {"id": "a", "short_name": "Wethouder", "veto": True},
            {"id": "b", "short_name": "Corporatie", "veto": True},
        ],
        "scenario": {"issues": [], "segments": [{"id": "m", "name": "Molenstraat"}]},
    }
    failed = {
        "proposal": "P3",
        "reason": "veto:a",
        "no": ["a", "b"],
        "against": {
            "a": {
                "score": 30,
                "reservation": 40,
                "heaviest": [
                    {"type": "rule", "points": -10, "note": "Nieuw groen wordt weer opgebroken."}
                ],
            },
            "b": {
                "score": 24.7,
                "reservation": 62,
                "heaviest": [
                    {
                        "type": "metric",
                        "metric": "nuisance",
                        "segments": ["m"],
                        "value": 7.3,
                        "points": -7.3,
                    }
                ],
            },
        },
    }
    with chromium() as browser:
        page, watch = open_seat(browser, live, "winkels")
        page.wait_for_selector("#tab-debrief")  # the catalog is loaded
        lines = page.evaluate(
            "async ([view, failed]) => (await import('/why.js')).ballotLines(view, failed)",
            [view, failed],
        )
        watch.check()
    assert lines == [
        "P3 verworpen: veto van Wethouder. Ook tegen: Corporatie.",
        "P3 was 30 waard voor Wethouder (reservewaarde 40); het zwaarst woog de combinatie"
        " ‘Nieuw groen wordt weer opgebroken’ (−10 punten).",
        "P3 was 24,7 waard voor Corporatie (reservewaarde 62); het zwaarst woog maanden"
        " overlast in Molenstraat: 7,3 (−7,3 punten).",
    ]
