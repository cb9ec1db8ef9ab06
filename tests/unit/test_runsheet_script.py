"""The Dutch draaiboek for Leeuwaerdenhout: when and why to play each event, debrief
questions per lesson, who could have given what away, and who leads the meeting."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from game.printing.giveaway import spread, tradeoffs
from game.printing.runsheet import mode_events, run_sheet_document
from game.scenario.loader import load_scenario
from game.scenario.model import Scenario

SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "leeuwaerdenhout.yaml"


@pytest.fixture(scope="module")
def sc() -> Scenario:
    return load_scenario(SCENARIO)


def _text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.mark.parametrize("mode", ["full", "short"])
def test_every_event_says_when_and_why(sc: Scenario, mode: str) -> None:
    text = _text(run_sheet_document(sc, sc.mode(mode)))
    for event in mode_events(sc, sc.mode(mode)):
        assert event.advice, event.id
        assert " ".join(event.advice.split()) in " ".join(text.split()), event.id
    assert "Wanneer en waarom" in text
    assert "alleen in deze rondes: 2 (Ontwerpen en plannen)" in " ".join(text.split()) or (
        mode == "full"
    )


def test_lessons_have_debrief_questions(sc: Scenario) -> None:
    text = " ".join(_text(run_sheet_document(sc, sc.mode("short"))).split())
    for lesson in sc.lessons:
        assert 1 <= len(lesson.questions) <= 3, lesson.title
        for question in lesson.questions:
            assert question in text, question
    assert sum(len(lesson.questions) for lesson in sc.lessons[:5]) >= 10


def test_giveaway_table_names_every_role(sc: Scenario) -> None:
    page = run_sheet_document(sc, sc.mode("short"))
    assert "Wie had wat kunnen weggeven" in page
    table = page.split('class="giveaway"', 1)[1]
    for role in sc.roles:
        assert html.escape(role.name) in table, role.id


def test_giveaway_rows_follow_the_points(sc: Scenario) -> None:
    mode = sc.mode("short")
    live = [i for i in sc.issues if i.id in mode.issues]
    for row in tradeoffs(sc, mode):
        widest = max(spread(row.role, i) for i in live)
        assert all(spread(row.role, issue) == widest for issue, _ in row.holds)
        assert all(spread(row.role, i) <= widest / 3 for i in row.gives)
        assert not {i.id for i, _ in row.holds} & {i.id for i in row.gives}


def test_the_facilitator_leads(sc: Scenario) -> None:
    text = _text(run_sheet_document(sc, sc.mode("short")))
    assert "De spelleider leidt het overleg en brengt voorstellen in stemming" in text
