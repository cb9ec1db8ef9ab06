"""Broken scenarios with references, events, modes and files gone wrong.

Like ``test_validate_broken``: each case is a small text edit of the mini
fixture; exit code 1, the message, and the line of ``marker`` are asserted.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.scenario.loader import ScenarioError, load_scenario
from tests.unit.broken_cases import MINI, Case, assert_reported_at_line

CASES: dict[str, Case] = {
    # --- references ----------------------------------------------------------------
    "unknown issue in points": Case(
        "        fasering: {samen: 40,",
        "        fasring: {samen: 40,",
        "fasring",
        "unknown issue 'fasring' in points of role 'gemeente' (did you mean 'fasering'?)",
    ),
    "unknown option in points": Case(
        "ontwerp: {groen: 10,",
        "ontwerp: {gron: 10,",
        "gron: 10",
        "unknown option 'gron' of issue 'ontwerp' in points of role 'net' (did you mean 'groen'?)",
    ),
    "unknown option in rule": Case(
        "fasering: [los]}\n          points: -10",
        "fasering: [loss]}\n          points: -10",
        "[loss]",
        "issue 'fasering' has no option 'loss' (did you mean 'los'?)",
    ),
    "unknown segment in metric": Case(
        "{metric: nuisance, segments: [dorpsstraat]",
        "{metric: nuisance, segments: [dorpstraat]",
        "[dorpstraat]",
        "unknown segment 'dorpstraat' (did you mean 'dorpsstraat'?)",
    ),
    "unknown owner in metric": Case(
        "{metric: missed, owner: net,",
        "{metric: missed, owner: nett,",
        "owner: nett",
        "unknown role 'nett' (did you mean 'net'?)",
    ),
    "unknown metric": Case(
        "{metric: openings,",
        "{metric: opening,",
        "metric: opening,",
        "'metric' must be one of openings, nuisance, cost, saved, missed, conflicts, duration; "
        "got 'opening' (did you mean 'openings'?)",
    ),
    "metric filter it does not use": Case(
        "{metric: missed, owner: net,",
        "{metric: saved, owner: net,",
        "metric: saved",
        "metric 'saved' does not use 'owner' (only cost, missed do)",
    ),
    "unknown work owner": Case(
        "    owner: net\n",
        "    owner: netwerk\n",
        "owner: netwerk",
        "unknown role 'netwerk' (did you mean 'net'?)",
    ),
    "unknown segment of a work": Case(
        "    segments: [plein]",
        "    segments: [pleintje]",
        "[pleintje]",
        "unknown segment 'pleintje' (did you mean 'plein'?)",
    ),
    "unknown work in after": Case(
        "after: [riool]",
        "after: [riolering]",
        "after: [riolering]",
        "unknown work 'riolering' (did you mean 'riool'?)",
    ),
    "unknown issue in work condition": Case(
        "    when: {ontwerp: [groen]}\nconflicts",
        "    when: {ontwerpen: [groen]}\nconflicts",
        "when: {ontwerpen",
        "unknown issue 'ontwerpen' (did you mean 'ontwerp'?)",
    ),
    "unknown work in delays": Case(
        "delays: {kabels: 2}",
        "delays: {kabel: 2}",
        "kabel: 2",
        "unknown work 'kabel' (did you mean 'kabels'?)",
    ),
    "unknown segment of a conflict": Case(
        "    segment: dorpsstraat", "    segment: dorp", "segment: dorp", "unknown segment 'dorp'"
    ),
    "unknown work of a conflict": Case(
        "    works: [kabels]\nstatus_quo",
        "    works: [kabel]\nstatus_quo",
        "works: [kabel]",
        "unknown work 'kabel' (did you mean 'kabels'?)",
    ),
    "cyclic after": Case(
        "    civil_cost: 0.5\n  - id: kabels",
        "    civil_cost: 0.5\n    after: [kabels]\n  - id: kabels",
        "after: [kabels]",
        "works depend on each other in a cycle: riool → kabels → riool",
    ),
    "status_quo does not cover an issue": Case(
        "status_quo: {ontwerp: kaal, fasering: los, kosten: eigen}",
        "status_quo: {ontwerp: kaal, fasering: los}",
        "status_quo",
        "status_quo has no option for issue(s) 'kosten'",
    ),
    "status_quo unknown option": Case(
        "status_quo: {ontwerp: kaal,",
        "status_quo: {ontwerp: leeg,",
        "status_quo",
        "issue 'ontwerp' has no option 'leeg'",
    ),
    # --- events ---------------------------------------------------------------------
    "unknown effect type": Case(
        "{type: delay, work: kabels",
        "{type: delya, work: kabels",
        "type: delya",
        "unknown type 'delya' of an effect; known: points, reservation, rule, delay, deadline, "
        "cost, forbid (did you mean 'delay'?)",
    ),
    "effect missing a field": Case(
        "{type: reservation, role: net, delta: 5}",
        "{type: reservation, role: net}",
        "{type: reservation",
        "a 'reservation' effect is missing the required key 'delta'",
    ),
    "effect with a key of another type": Case(
        "{type: forbid, issue: ontwerp, option: kaal}",
        "{type: forbid, issue: ontwerp, option: kaal, months: 2}",
        "{type: forbid",
        "unknown key 'months' in a 'forbid' effect; a 'forbid' effect takes: issue, option",
    ),
    "effect unknown role": Case(
        "{type: points, role: gemeente,",
        "{type: points, role: gemeenten,",
        "role: gemeenten",
        "unknown role 'gemeenten' (did you mean 'gemeente'?)",
    ),
    "effect unknown option": Case(
        "{type: cost, issue: ontwerp, option: groen,",
        "{type: cost, issue: ontwerp, option: grijs,",
        "option: grijs",
        "issue 'ontwerp' has no option 'grijs'",
    ),
    "effect unknown work": Case(
        "{type: deadline, work: riool,",
        "{type: deadline, work: rioool,",
        "work: rioool",
        "unknown work 'rioool' (did you mean 'riool'?)",
    ),
    # --- modes ------------------------------------------------------------------------
    "preset for an issue not in the scenario": Case(
        "presets: {kosten: gedeeld}",
        "presets: {kosten: gedeeld, prijs: laag}",
        "presets:",
        "unknown issue 'prijs'",
    ),
    "preset unknown option": Case(
        "presets: {kosten: gedeeld}",
        "presets: {kosten: gedeelt}",
        "presets:",
        "issue 'kosten' has no option 'gedeelt' (did you mean 'gedeeld'?)",
    ),
    "mode does not cover every issue": Case(
        "presets: {kosten: gedeeld}",
        "presets: {}",
        "  short:",
        "mode 'short' neither plays nor presets issue(s) 'kosten'",
    ),
    "issue both live and preset": Case(
        "issues: [ontwerp, fasering]",
        "issues: [ontwerp, fasering, kosten]",
        "presets:",
        "issue 'kosten' is both live and preset",
    ),
    "mode unknown live issue": Case(
        "issues: [ontwerp, fasering]",
        "issues: [ontwerp, fasering, kosten, planning]",
        "issues: [ontwerp, fasering, kosten",
        "unknown issue 'planning'",
    ),
    "mode unknown event": Case(
        "events: [vertraging]",
        "events: [vertraagd]",
        "events: [vertraagd]",
        "unknown event 'vertraagd' (did you mean 'vertraging'?)",
    ),
    "mode without reveal round": Case(
        "moves: [message], reveal: true, events: false}\n  short",
        "moves: [message], events: false}\n  short",
        "  full:",
        "mode 'full' has no reveal round",
    ),
    "mode without vote": Case(
        "instructions: Stem., moves: [vote, sign]}",
        "instructions: Stem., moves: [sign]}",
        "  short:",
        "mode 'short' has no round whose moves include 'vote'",
    ),
    "short mode too long": Case(
        "title: Ontwerpen en plannen, minutes: 15,",
        "title: Ontwerpen en plannen, minutes: 25,",
        "  short:",
        "the rounds of mode 'short' add up to 45 minutes; a short game takes 30–40 minutes",
    ),
    "full mode too short": Case(
        "title: Ontwerpen, minutes: 50,",
        "title: Ontwerpen, minutes: 5,",
        "  full:",
        "the rounds of mode 'full' add up to 75 minutes; a full game takes 100–140 minutes",
    ),
    "mode not playable": Case(
        "    reservation: 35",
        "    reservation: 95",
        "  full:",
        "mode 'full' is not playable: no passing package gives enough to 'net' (reservation 95)",
    ),
    # --- files ------------------------------------------------------------------------
    "missing briefing file": Case(
        "briefing: net.md",
        "briefing: nett.md",
        "briefing: nett.md",
        "briefing file 'nett.md' not found in 'roles'",
    ),
    "missing briefings folder": Case(
        "briefings: roles ",
        "briefings: rollen ",
        "briefings: rollen",
        "briefings folder 'rollen' not found next to the scenario file",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_broken_scenario_is_reported_at_its_line(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_reported_at_line(CASES[name], tmp_path, capsys)


# --- a typo in a definition (issue 15.3) ---------------------------------------------


def _problems(tmp_path: Path, old: str, new: str) -> list[str]:
    text = (MINI / "mini.yaml").read_text(encoding="utf-8")
    assert old in text
    folder = tmp_path / "s"
    shutil.copytree(MINI, folder)
    path = folder / "mini.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    return [f"{p.line}: {p.message}" for p in caught.value.problems]


def test_a_mistyped_definition_is_reported_once_at_the_definition(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "{id: groen, title:", "{id: groeen, title:")
    assert len(problems) == 1, problems
    assert problems[0].startswith("79: option 'groeen' of issue 'ontwerp' is defined here, ")
    assert "8 uses write 'groen' (lines 36, 40, 54, 68, 125, 130, 164, 165)" in problems[0]


def test_one_typo_among_many_right_uses_is_reported_at_the_use(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "ontwerp: {groen: 10,", "ontwerp: {groeen: 10,")
    assert problems == [
        "54: unknown option 'groeen' of issue 'ontwerp' in points of role 'net' "
        "(did you mean 'groen'?)"
    ]


def test_an_invalid_id_is_never_suggested(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "{id: groen, title:", "{id: gr oen, title:")
    assert not any("did you mean 'gr oen'" in p for p in problems), problems
    assert problems == [
        "79: 'id' must be an id (letters, digits, '_', '-' or '.', no spaces), got 'gr oen'",
        "79: option 'gr oen' of issue 'ontwerp' is no valid id; 8 uses write 'groen' "
        "(lines 36, 40, 54, 68, 125, 130, 164, 165): write that here",
    ]
