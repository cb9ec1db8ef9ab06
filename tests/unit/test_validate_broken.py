"""Broken scenarios (shape, ranges, duplicate ids): exit code 1, the message, the exact line.

Each case is a small text edit of the mini fixture (tests/fixtures/mini/mini.yaml),
written to a temporary folder with the fixture's briefings. The expected line is
the line of ``marker`` (its ``nth`` occurrence) in the edited text.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.cli import main
from tests.unit.broken_cases import MINI, Case, assert_reported_at_line, write

CASES: dict[str, Case] = {
    # --- shape: unknown and missing keys, types, ranges ---------------------------
    "unknown key": Case(
        "    reservation: 40",
        "    reservaton: 40",
        "reservaton",
        "unknown key 'reservaton' in role 'gemeente' (did you mean 'reservation'?)",
    ),
    "unknown top-level key": Case(
        "status_quo:", "statusquo:", "statusquo:", "did you mean 'status_quo'?"
    ),
    "missing required key": Case(
        "    title: Inrichting\n",
        "",
        "  - id: ontwerp",
        "issue 'ontwerp' is missing the required key 'title'",
    ),
    "missing required top-level key": Case(
        "press_release: |\n"
        "  De gemeente en de netbeheerder willen de Dorpsstraat tegelijk aanpakken.\n",
        "",
        "meta:",
        "the scenario is missing the required key 'press_release'",
    ),
    "wrong type number": Case(
        "    reservation: 40",
        "    reservation: veel",
        "reservation: veel",
        "'reservation' must be a number from 0 to 100, or one per mode "
        "({full: 62, short: 55}), got the text 'veel'",
    ),
    "wrong type bool": Case(
        "    veto: true",
        "    veto: ja",
        "veto: ja",
        "'veto' must be true or false, got the text 'ja'",
    ),
    "wrong type list": Case(
        "  segments:\n",
        "  segments: dorpsstraat\n  x:\n",
        "segments: dorpsstraat",
        "'segments' must be a list",
    ),
    "id is not text": Case(
        "  - id: winkels", "  - id: 7", "  - id: 7", "'id' must be an id: '7' reads as a number"
    ),
    "negative minutes": Case(
        "{id: besluit, title: Besluit, minutes: 5,",
        "{id: besluit, title: Besluit, minutes: -5,",
        "minutes: -5",
        "'minutes' must be a number above 0, got -5",
    ),
    "zero months": Case(
        "    months: 4\n",
        "    months: 0\n",
        "months: 0",
        "'months' must be a whole number of months, 1 or more, got 0",
    ),
    "months not whole": Case(
        "    months: 2\n    start: 3",
        "    months: 2.5\n    start: 3",
        "months: 2.5",
        "'months' must be a whole number of months, 1 or more, got 2.5",
    ),
    "negative delay names its field (15.9)": Case(
        "delays: {kabels: 2}",
        "delays: {kabels: -2}",
        "kabels: -2",
        "the value for work 'kabels' in 'delays' must be a whole number of months, 0 or more, "
        "got -2",
    ),
    "points out of scale": Case(
        "ontwerp: {groen: 50,",
        "ontwerp: {groen: 150,",
        "groen: 150",
        "the value for option 'groen' in 'ontwerp' must be a number from -100 to 100, got 150",
    ),
    "reservation out of range": Case(
        "    reservation: 35",
        "    reservation: -5",
        "reservation: -5",
        "'reservation' must be a number from 0 to 100, got -5",
    ),
    "quorum larger than roles": Case(
        "  quorum: 2", "  quorum: 4", "quorum: 4", "quorum 4 is more than the 3 roles"
    ),
    "quorum below one": Case(
        "  quorum: 2",
        "  quorum: 0",
        "quorum: 0",
        "'quorum' must be a whole number of 1 or more, got 0",
    ),
    "combine_saving out of range": Case(
        "combine_saving: 0.3",
        "combine_saving: 1.5",
        "combine_saving",
        "'combine_saving' must be a number from 0 to 1, got 1.5",
    ),
    "too many options": Case(
        "      - {id: gemeente, title: Gemeente betaalt herbestrating}\n",
        "      - {id: gemeente, title: Gemeente betaalt herbestrating}\n"
        "      - {id: a, title: A}\n      - {id: b, title: B}\n      - {id: c, title: C}\n",
        "options:",
        "'options' must have 3 to 5 items, it has 6",
        nth=3,
    ),
    "too few options": Case(
        "      - {id: gedeeld, title: Gedeelde kosten naar rato}\n",
        "",
        "options:",
        "'options' must have 3 to 5 items, it has 2",
        nth=3,
    ),
    "unknown enum value": Case(
        "    kind: plan\n    nature: distributive",
        "    kind: planning\n    nature: distributive",
        "kind: planning",
        "'kind' must be one of design, plan; got 'planning' (did you mean 'plan'?)",
    ),
    "unknown phasing": Case(
        "phasing: combined",
        "phasing: together",
        "phasing: together",
        "'phasing' must be one of separate, combined, sequenced; got 'together'",
    ),
    "unknown move": Case(
        "moves: [vote, sign]}",
        "moves: [vote, sing]}",
        "moves: [vote, sing]",
        "got 'sing' (did you mean 'sign'?)",
    ),
    "unknown mode": Case("  short:\n", "  shrot:\n", "  shrot:", "unknown mode 'shrot'"),
    # --- duplicate ids ------------------------------------------------------------
    "duplicate role id": Case(
        "  - id: winkels",
        "  - id: net",
        "  - id: net",
        "duplicate role id 'net' (first at line 45)",
        nth=2,
    ),
    "duplicate option id": Case(
        "{id: los, title: Ieder op eigen moment",
        "{id: samen, title: Ieder op eigen moment",
        "{id: samen, title: Ieder",
        "duplicate option id 'samen'",
    ),
    "duplicate segment id": Case(
        "{id: plein, name: Plein",
        "{id: kerkpad, name: Plein",
        "{id: kerkpad, name: Plein",
        "duplicate segment id 'kerkpad' (first at line 22)",
    ),
    "duplicate work id": Case(
        "  - id: groenvak", "  - id: kabels", "  - id: kabels", "duplicate work id 'kabels'", nth=2
    ),
    "duplicate event id": Case(
        "  - id: subsidie",
        "  - id: vertraging",
        "  - id: vertraging",
        "duplicate event id 'vertraging'",
        nth=2,
    ),
    "duplicate round id": Case(
        "{id: besluit, title: Besluitvorming",
        "{id: ontwerpen, title: Besluitvorming",
        "{id: ontwerpen, title: Besluitvorming",
        "duplicate round (in mode 'full') id 'ontwerpen'",
    ),
    "duplicate conflict id": Case(
        "    works: [kabels]\nstatus_quo",
        "    works: [kabels]\n  - {id: wortels, segment: plein, text: Nog eens.}\nstatus_quo",
        "{id: wortels, segment: plein",
        "duplicate conflict id 'wortels'",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_broken_scenario_is_reported_at_its_line(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_reported_at_line(CASES[name], tmp_path, capsys)


def test_every_problem_is_reported_not_only_the_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (MINI / "mini.yaml").read_text(encoding="utf-8")
    for old, new in [
        ("    reservation: 40", "    reservation: 400"),
        ("after: [riool]", "after: [riolering]"),
        ("events: [vertraging]", "events: [vertraagd]"),
    ]:
        text = text.replace(old, new, 1)
    shutil.copytree(MINI, tmp_path / "s")
    path = tmp_path / "s" / "three.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 3
    assert [int(p.split(":")[1]) for p in lines] == sorted(int(p.split(":")[1]) for p in lines)


def test_two_issues_setting_a_phasing_is_fine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = write(
        tmp_path,
        Case(
            "{id: eigen, title: Ieder betaalt eigen deel}",
            "{id: eigen, title: Ieder betaalt eigen deel, phasing: combined}",
            "",
            "",
        ),
    )
    assert main(["validate", str(path)]) == 0
    assert "OK" in capsys.readouterr().out
