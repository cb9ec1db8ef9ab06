"""The Dutch draaiboek for Leeuwaerdenhout: when and why to play each event, debrief
questions per lesson, who could have given what away, and who leads the meeting."""

from __future__ import annotations

import html
import itertools
import re
from pathlib import Path

import pytest

from game.printing.giveaway import tradeoffs
from game.printing.runsheet import mode_events, run_sheet_document
from game.scenario.loader import load_scenario
from game.scenario.model import Scenario
from game.scenario.scoring import Scorer

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


def test_giveaway_rows_follow_the_scores(sc: Scenario) -> None:
    """Stakes recomputed by brute force with the scorer: per option the best score the
    role can still reach; the row holds the largest stake and gives only cheap issues."""
    mode = sc.mode("short")
    scorer = Scorer(sc, "short")
    live = [i for i in sc.issues if i.id in mode.issues]
    packages = [
        dict(zip(mode.issues, combo, strict=True))
        for combo in itertools.product(*(sc.issue(i).option_ids for i in mode.issues))
    ]
    scored = [(p, scorer.score(p).scores) for p in packages]
    for row in tradeoffs(sc, mode):
        stakes = {}
        for issue in live:
            reach = [
                max(s[row.role.id] for p, s in scored if p[issue.id] == o) for o in issue.option_ids
            ]
            stakes[issue.id] = max(reach) - min(reach)
        assert row.stakes == pytest.approx(stakes), row.role.id
        largest = max(stakes.values())
        assert all(stakes[issue.id] == pytest.approx(largest) for issue, _ in row.holds)
        assert len(row.gives) <= 3
        assert all(stakes[i.id] <= largest / 3 + 1e-9 for i in row.gives)
        assert not {i.id for i, _ in row.holds} & {i.id for i in row.gives}


def test_the_facilitator_leads(sc: Scenario) -> None:
    text = _text(run_sheet_document(sc, sc.mode("short")))
    assert "De spelleider leidt het overleg en brengt voorstellen in stemming" in text
