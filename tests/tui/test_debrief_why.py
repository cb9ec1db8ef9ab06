"""The debrief says why a ballot failed: 'P1 verworpen: veto van Wethouder.' and what
P1 was worth to the alderman against its reservation value, what weighed most, and
for a ballot short of the quorum who voted no and by how much it missed. (Bram saw
the housing corporation's veto; after the reveal the debrief listed its scores and
interests apart, nothing tied them to the failed vote.)"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from game.tui.i18n import set_language
from game.tui.local_link import LocalGame
from game.tui.room import RoomApp
from game.tui.seat import SeatApp
from game.tui.widgets.debrief import DebriefPane, debrief_plain, reveal_parts
from game.tui.widgets.debrief_why import ballot_lines
from tests.tui.conftest import running, screen_text, settle, widget_texts

LOS = {"ontwerp": "parkeren", "fasering": "los"}


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("nl")


def voted_down(game: LocalGame) -> LocalGame:
    """P1 vetoed by the alderman, then P1 again: one yes of the two needed."""
    running(game)
    assert game.submit("net", "propose", {"package": LOS})["ok"]
    assert game.submit("facilitator", "next_round", {})["ok"]
    for votes in (
        (("gemeente", "no"), ("net", "yes"), ("winkels", "no")),
        (("gemeente", "yes"), ("net", "no"), ("winkels", "abstain")),
    ):
        assert game.submit("facilitator", "call_vote", {"proposal": "P1"})["ok"]
        for role, choice in votes:
            assert game.submit(role, "vote", {"choice": choice})["ok"]
    return game


def _lines(game: LocalGame, role: str = "winkels") -> list[list[str]]:
    view = game.view_for(role)
    return [ballot_lines(view, failed) for failed in view["reveal"]["failed"]]


VETO_NL = [
    "P1 verworpen: veto van Wethouder. Ook tegen: Winkeliers.",
    "P1 was 16 waard voor Wethouder (reservewaarde 40); het zwaarst woog Fasering: Ieder op"
    " eigen moment (0 van 40 punten), daarna Inrichting: Parkeerstraat (20 van 50 punten).",
]
QUORUM_NL = [
    "P1 verworpen: 1 van de 2 benodigde stemmen voor (1 te weinig). Tegen: Netbeheerder."
    " Onthouden: Winkeliers.",
    # a no from a role above its reservation value says so: a point for the debrief
    "P1 was 90 waard voor Netbeheerder, meer dan de reservewaarde (35): toch tegen; het"
    " zwaarst woog Inrichting: Parkeerstraat (30 van 40 punten).",
]


def test_a_veto_and_a_missed_quorum_in_dutch(game: LocalGame) -> None:
    voted_down(game)
    game.submit("facilitator", "next_round", {})
    assert _lines(game) == [VETO_NL, QUORUM_NL]


def test_a_veto_and_a_missed_quorum_in_english(game: LocalGame, english: None) -> None:
    voted_down(game)
    game.submit("facilitator", "next_round", {})
    assert _lines(game) == [
        [
            "P1 rejected: vetoed by Wethouder. Also against: Winkeliers.",
            "P1 was worth 16 to Wethouder (reservation value 40); what weighed most: Fasering:"
            " Ieder op eigen moment (0 of 40 points), then Inrichting: Parkeerstraat"
            " (20 of 50 points).",
        ],
        [
            "P1 rejected: 1 of the 2 votes needed (1 short). Against: Netbeheerder."
            " Abstained: Winkeliers.",
            "P1 was worth 90 to Netbeheerder, more than its reservation value (35): a no all"
            " the same; what weighed most: Inrichting: Parkeerstraat (30 of 40 points).",
        ],
    ]


def test_a_street_of_its_own_is_named_with_its_numbers(game: LocalGame) -> None:
    # the shops voted no on P1 too: their hidden interest is the Dorpsstraat
    from game.tui.widgets.debrief_why import worth_text

    voted_down(game)
    game.submit("facilitator", "next_round", {})
    view = game.view_for("gemeente")
    against = view["reveal"]["failed"][0]["against"]["winkels"]
    assert worth_text(view, "P1", "winkels", against).endswith(
        "daarna maanden overlast in Dorpsstraat: 6 (−6 punten)."
    )


async def test_nothing_of_it_before_the_reveal(game: LocalGame) -> None:
    voted_down(game)
    app = SeatApp(game.link(["winkels"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("8")
        await settle(pilot)
        texts = widget_texts(app)
        assert "De nabespreking verschijnt na de onthulling." in screen_text(app)
        assert "waard voor Wethouder" not in texts and "zwaarst" not in texts


async def test_the_seat_shows_it_at_80x24(game: LocalGame) -> None:
    voted_down(game)
    game.submit("facilitator", "next_round", {})
    app = SeatApp(game.link(["winkels"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("8")
        await settle(pilot)
        pane = app.query_one(DebriefPane)
        pane.scroll_to(y=pane.query_one("#debrief-body").virtual_region.y + 3, animate=False)
        await settle(pilot)
        text = screen_text(app)
        lines = text.splitlines()
        assert any(line.strip() == "Waarom voorstellen het niet haalden" for line in lines), text
        flowed = " ".join(line.strip(" │▐▌▊") for line in lines)
        assert "P1 verworpen: veto van Wethouder. Ook tegen: Winkeliers." in flowed, text
        assert "P1 was 16 waard voor Wethouder (reservewaarde 40); het zwaarst woog" in flowed


async def test_the_room_shows_it_at_80x24(game: LocalGame) -> None:
    voted_down(game)
    game.submit("facilitator", "next_round", {})
    app = RoomApp(game.link(["room"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pane = app.query_one(DebriefPane)
        pane.scroll_to(y=pane.query_one("#debrief-body").virtual_region.y + 3, animate=False)
        await settle(pilot)
        flowed = " ".join(line.strip() for line in screen_text(app).splitlines())
        assert "P1 verworpen: veto van Wethouder." in flowed, screen_text(app)


def test_the_plain_debrief_puts_it_under_the_outcome(game: LocalGame) -> None:
    voted_down(game)
    game.submit("facilitator", "next_round", {})
    view = game.view_for("net")
    parts = reveal_parts(view)
    assert parts is not None
    text = debrief_plain(view, *parts)
    assert text.index("Uitkomst") < text.index("Waarom voorstellen het niet haalden")
    assert text.index("Waarom voorstellen het niet haalden") < text.index("Wat had gekund")


def test_only_the_section_titles_are_underlined(game: LocalGame) -> None:
    # 'Wat had gekund', 'Verborgen belangen', 'Cultuurwaarden' and 'Lessen' underlined
    # (and made bold) every line of their section on the seat and the projector
    from rich.console import Console
    from rich.text import Text

    voted_down(game)
    game.submit("facilitator", "next_round", {})
    view = game.view_for("net")
    parts = reveal_parts(view)
    assert parts is not None
    console = Console(width=80)
    found = 0
    for part in debrief_parts_of(view, parts):
        if not isinstance(part, Text):
            continue
        title, _, rest = part.plain.partition("\n")
        if not rest.strip():
            continue
        found += 1
        assert part.get_style_at_offset(console, 0).underline, title
        body = part.get_style_at_offset(console, len(part.plain.rstrip()) - 1)  # the last line
        assert not body.underline and not body.bold, (title, rest[:40])
    assert found >= 4


def debrief_parts_of(view: dict[str, Any], parts: tuple[Any, Any]) -> list[Any]:
    from game.tui.widgets.debrief import debrief_parts

    return debrief_parts(view, *parts)


def test_a_rule_of_its_own_is_named_by_its_note(game: LocalGame) -> None:
    # mini.yaml: the alderman's rule 'groen + los' costs 10 ("Nieuw groen wordt weer
    # opgebroken.")
    running(game)
    assert game.submit("net", "propose", {"package": {"ontwerp": "groen", "fasering": "los"}})["ok"]
    assert game.submit("facilitator", "next_round", {})["ok"]
    assert game.submit("facilitator", "call_vote", {"proposal": "P1"})["ok"]
    for role, choice in (("gemeente", "no"), ("net", "yes"), ("winkels", "yes")):
        assert game.submit(role, "vote", {"choice": choice})["ok"]
    game.submit("facilitator", "next_round", {})
    (lines,) = _lines(game)
    assert lines[0] == "P1 verworpen: veto van Wethouder."
    assert lines[1].endswith(
        "het zwaarst woog Fasering: Ieder op eigen moment (0 van 40 punten),"
        " daarna de combinatie ‘Nieuw groen wordt weer opgebroken’ (−10 punten)."
    ), lines[1]


def test_two_vetoes_are_both_explained() -> None:
    # the reason names the first veto; a second veto role's no was 'Ook tegen' only
    from game.scenario.loader import load_scenario
    from tests.tui.test_workshop_items import LEEUWAERDENHOUT

    scenario = load_scenario(LEEUWAERDENHOUT)
    game = running(LocalGame(scenario, "short", seed=3))
    live = scenario.mode("short").issues
    package = {i: scenario.issue(i).option_ids[0] for i in live}
    assert game.submit("netbeheerder", "propose", {"package": package})["ok"]
    assert game.submit("facilitator", "next_round", {})["ok"]
    assert game.submit("facilitator", "call_vote", {"proposal": "P1"})["ok"]
    for role in scenario.role_ids:
        no = role in ("wethouder", "woningcorporatie", "bewoners")
        assert game.submit(role, "vote", {"choice": "no" if no else "yes"})["ok"]
    game.submit("facilitator", "next_round", {})
    (lines,) = _lines(game, "netbeheerder")
    assert lines[0] == "P1 verworpen: veto van Wethouder. Ook tegen: Corporatie en Bewoners."
    assert [line.split(" (")[0] for line in lines[1:]] == [
        "P1 was 60,9 waard voor Wethouder",
        "P1 was 38 waard voor Corporatie",
    ], lines
