"""Briefings cannot contradict the scenario: placeholders and numbers that disagree (15.1)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.cli import main
from game.engine import new_game, player_view
from game.printing.sheets import role_section
from game.report.reveal import briefing_summary
from game.scenario.briefing import format_number, render_briefing, word_list
from game.scenario.loader import ScenarioError, load_scenario


@pytest.fixture()
def template(tmp_path: Path) -> Path:
    assert main(["new-scenario", "proef", "--dir", str(tmp_path)]) == 0
    return tmp_path / "proef.yaml"


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _locate(path: Path, needle: str) -> tuple[int, int]:
    text = path.read_text(encoding="utf-8")
    at = text.index(needle)
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def test_dutch_numbers_and_lists() -> None:
    assert [format_number(x) for x in (62, 62.5, -10, 0.25)] == ["62", "62,5", "\u221210", "0,25"]
    assert format_number(62.5, "en") == "62.5"
    assert word_list(["A", "B", "C"]) == "A, B en C"
    assert word_list(["A"]) == "A"


def test_template_briefings_use_placeholders_and_render(template: Path) -> None:
    briefings = template.parent / "proef"
    for md in briefings.glob("*.md"):
        assert not re.search(r"\d+ punten", md.read_text(encoding="utf-8")), md.name
    scenario = load_scenario(template)
    text = " ".join(render_briefing(scenario, "gemeente", "short").split())
    role = scenario.role("gemeente")
    assert "{{" not in text
    assert f"Onder de {format_number(role.reservation_for('short'))} punten" in text
    assert f"({format_number(role.scoring.points['inrichting']['groen'])})" in text
    assert f"met {scenario.agreement.quorum} ja-stemmen van de 5 rollen" in text
    fewer = " ".join(
        render_briefing(scenario, "gemeente", "short", in_play=["gemeente", "netbeheerder"]).split()
    )
    assert "met 2 ja-stemmen van de 2 rollen" in fewer


def test_contradicting_reservation_in_a_briefing_is_reported_at_its_line(
    template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The trainer's case: the YAML says 70, the briefing still says 45."""
    briefing = template.parent / "proef" / "bewoners.md"
    _edit(briefing, "{{reservation}}", "45")
    text = template.read_text(encoding="utf-8")
    bewoners = text.index("id: bewoners")
    fixed = text[:bewoners] + text[bewoners:].replace("reservation: 45", "reservation: 70", 1)
    template.write_text(fixed, encoding="utf-8")
    assert main(["validate", str(template)]) == 1
    err = capsys.readouterr().err.splitlines()
    line, col = _locate(briefing, "45 punten")
    assert err == [
        f"{briefing}:{line}:{col}: the briefing says 45 points as the lower limit, but role "
        "'bewoners' has reservation 70 in the scenario; write {{reservation}} instead"
    ]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("{{reservering}}", "placeholder '{{reservering}}' (did you mean '{{reservation}}'?)"),
        ("{{points.warmte.nooit}}", "issue 'warmte' has no option 'nooit'"),
        ("{{points.wamte.nu}}", "names no issue 'wamte' (did you mean 'warmte'?)"),
        ("Er zijn 2 ja-stemmen nodig.", "says 2 votes, but the scenario's quorum is 4"),
        ("Het warmtenet levert je 33 punten op.", "the briefing says 33 points, a figure role"),
    ],
)
def test_bad_placeholders_and_numbers_are_reported(
    template: Path, written: str, expected: str
) -> None:
    briefing = template.parent / "proef" / "warmtebedrijf.md"
    _edit(briefing, "Samen\ngraven", f"{written} Samen\ngraven")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(template)
    (problem,) = caught.value.problems
    needle = re.sub(r"^\D*(?=\d)", "", written) if "{{" not in written else written
    assert (problem.file, problem.line, problem.col) == (str(briefing), *_locate(briefing, needle))
    assert expected in problem.message


def test_right_numbers_months_and_approximations_pass(template: Path) -> None:
    briefing = template.parent / "proef" / "warmtebedrijf.md"
    ok = (
        "Het warmtenet nu levert je 45 punten op. Er zijn 4 ja-stemmen nodig. "
        "Je beste pakket is ongeveer 130 punten waard. Binnen 18 maanden, 70% van de huurders."
    )
    _edit(briefing, "Samen\ngraven", f"{ok} Samen\ngraven")
    load_scenario(template)


def test_every_place_that_shows_a_briefing_renders_it(template: Path) -> None:
    scenario = load_scenario(template)
    expected = render_briefing(scenario, "gemeente", "short")
    state = new_game(scenario, "short", seed=1, now=0.0)
    assert player_view(state, "gemeente", 0.0)["me"]["briefing"] == expected
    mode = scenario.mode("short")
    sheet = role_section(scenario, scenario.role("gemeente"), mode)
    assert "{{" not in sheet and "Onder de\n55 punten" in sheet
    assert "{{" not in briefing_summary(expected)
