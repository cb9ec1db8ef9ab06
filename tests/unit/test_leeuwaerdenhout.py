"""The Leeuwaerdenhout scenario: content, structure and playability."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from game.scenario.loader import load_scenario
from game.scenario.metrics import metric_issues
from game.scenario.model import Role, Scenario
from game.scenario.scoring import Scorer, effective_quorum, score_package

SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "leeuwaerdenhout.yaml"

FULL_ROUNDS = [10, 15, 15, 30, 20, 10, 20]
SHORT_ROUNDS = [8, 15, 5, 12]


@pytest.fixture(scope="module")
def sc() -> Scenario:
    return load_scenario(SCENARIO)


def _words(text: str) -> int:
    return len(re.findall(r"\S+", text))


def test_meta(sc: Scenario) -> None:
    assert sc.meta.id == "leeuwaerdenhout"
    assert sc.meta.language == "nl"
    assert "Botsende belangen team" in sc.meta.authors
    assert 180 <= _words(sc.press_release) <= 330
    assert "waterstof" in sc.press_release.lower()


def test_twelve_roles_with_short_dutch_briefings(sc: Scenario) -> None:
    assert len(sc.roles) == 12
    for role in sc.roles:
        text = role.briefing_text
        assert "## Wie je bent" in text, role.id
        assert "## Wat alleen jij weet" in text, role.id
        assert 150 <= _words(text) < 350, (role.id, _words(text))
        assert role.public, role.id


def test_core_roles_and_vetoes(sc: Scenario) -> None:
    core = [r.id for r in sc.roles if r.core]
    assert 6 <= len(core) <= 8
    assert 2 <= len(sc.veto_roles) <= 3
    assert set(sc.veto_roles) <= set(core)
    assert sc.agreement.quorum == 9


def test_area_has_a_shopping_street_and_eight_segments(sc: Scenario) -> None:
    assert len(sc.segments) >= 8
    kinds = {s.kind for s in sc.segments}
    assert {"shopping", "residential", "square", "park", "main"} <= kinds
    assert any("Kerkstraat" in s.name and s.kind == "shopping" for s in sc.segments)
    for seg in sc.segments:
        for x, y in (seg.start, seg.end):
            assert 0 <= x <= 20 and 0 <= y <= 10, seg.id


def test_issues_cover_every_kind_and_nature(sc: Scenario) -> None:
    assert len(sc.issues) >= 9
    for issue in sc.issues:
        assert 3 <= len(issue.options) <= 5, issue.id
        assert issue.nature is not None, issue.id
    assert {i.kind for i in sc.issues} == {"design", "plan"}
    assert {i.nature for i in sc.issues} == {"integrative", "distributive", "compatible"}
    phasings = {o.phasing for i in sc.issues for o in i.options if o.phasing}
    assert phasings == {"separate", "combined", "sequenced"}


def _top_options(role: Role, issue_id: str, options: tuple[str, ...]) -> set[str]:
    pts = role.scoring.points.get(issue_id, {})
    best = max(pts.get(o, 0.0) for o in options)
    return {o for o in options if pts.get(o, 0.0) == best}


def test_compatible_issue_has_one_option_everyone_prefers(sc: Scenario) -> None:
    for issue in sc.issues:
        if issue.nature != "compatible":
            continue
        shared = set(issue.option_ids)
        for role in sc.roles:
            shared &= _top_options(role, issue.id, issue.option_ids)
        assert shared, issue.id


def test_rounds_per_mode(sc: Scenario) -> None:
    full, short = sc.mode("full"), sc.mode("short")
    assert [r.minutes for r in full.rounds] == FULL_ROUNDS
    assert [r.minutes for r in short.rounds] == SHORT_ROUNDS
    assert 110 <= full.minutes <= 130
    assert 30 <= short.minutes <= 40
    for mode in (full, short):
        last = mode.rounds[-1]
        assert last.reveal and not last.events
        vote_rounds = [r for r in mode.rounds if "vote" in r.moves]
        assert len(vote_rounds) == 1
        assert "9 van de 12" in vote_rounds[0].instructions


def test_short_mode_keeps_the_core(sc: Scenario) -> None:
    short = sc.mode("short")
    assert 3 <= len(short.issues) <= 4
    assert set(short.issues).isdisjoint(short.presets)
    assert set(short.issues) | set(short.presets) == set(sc.issue_ids)
    live = [sc.issue(i) for i in short.issues]
    assert {i.nature for i in live} == {"integrative", "distributive", "compatible"}
    assert any(o.phasing for i in live for o in i.options), "the plan trade-off is live"


def test_events(sc: Scenario) -> None:
    assert len(sc.events) >= 12
    ids = {e.id for e in sc.events}
    assert "subsidie_gehalveerd" in ids
    types = {eff.type for e in sc.events for eff in e.effects}
    assert types == {"points", "reservation", "rule", "delay", "deadline", "cost", "forbid"}


def test_setback_hurts_a_plan_without_escalation_more(sc: Scenario) -> None:
    base = {i.id: i.options[0].id for i in sc.issues}
    plan = {**base, "waterstof": "ombouwen", "fasering": "een_contract"}
    losses = {}
    for regie in ("intentie", "convenant"):
        pkg = {**plan, "regie": regie}
        before = score_package(sc, "full", pkg).scores
        after = score_package(sc, "full", pkg, ["vergunning_vertraagd"]).scores
        losses[regie] = sum(before.values()) - sum(after.values())
    assert losses["intentie"] > losses["convenant"] >= 0


def test_combining_works_cuts_openings(sc: Scenario) -> None:
    status_quo = score_package(sc, "full", dict(sc.status_quo)).metrics
    combined = score_package(sc, "full", {**sc.status_quo, "fasering": "mantelbuis"}).metrics
    assert status_quo.phasing == "separate"
    assert status_quo.openings_total >= 3 * combined.openings_total
    assert combined.saved > 0
    kerkstraat = ("kerkstraat_west", "kerkstraat_oost")
    assert sum(status_quo.openings[s] for s in kerkstraat) >= 10
    assert status_quo.conflicts, "the status quo already has an underground conflict"


def test_waiting_for_hydrogen_costs_the_sewer_its_deadline(sc: Scenario) -> None:
    plan = {**sc.status_quo, "waterstof": "ombouwen"}
    waits = score_package(sc, "full", {**plan, "fasering": "een_contract"}).metrics
    prepared = score_package(sc, "full", {**plan, "fasering": "mantelbuis"}).metrics
    assert "riool_vervangen" in waits.missed
    assert "riool_vervangen" not in prepared.missed


def test_short_mode_has_a_package_that_passes_and_clears_every_core_role(sc: Scenario) -> None:
    scorer = Scorer(sc, "short")
    mode = sc.mode("short")
    reservation = scorer.reservations()
    quorum = effective_quorum(sc, len(sc.roles))
    core = [r.id for r in sc.roles if r.core]
    combos = list(itertools.product(*(sc.issue(i).option_ids for i in mode.issues)))
    good = 0
    passing = 0
    for combo in combos:
        result = scorer.score(dict(zip(mode.issues, combo, strict=True)))
        yes = {r for r, s in result.scores.items() if s >= reservation[r]}
        if len(yes) >= quorum and set(sc.veto_roles) <= yes:
            passing += 1
            good += set(core) <= yes
    assert good >= 1
    assert passing < 0.5 * len(combos), "agreement should not be automatic"


def test_each_role_best_full_package_is_about_100(sc: Scenario) -> None:
    """Exact maximum: issues that touch neither the plan metrics nor a role's rules
    add independently, so they are set to the role's best option."""
    scorer = Scorer(sc, "full")
    coupled_base = set(metric_issues(sc))
    for role in sc.roles:
        coupled = coupled_base | {i for rule in role.scoring.rules for i in rule.when}
        coupled_ids = [i.id for i in sc.issues if i.id in coupled]
        free = {
            i.id: max(i.option_ids, key=lambda o, i=i: role.scoring.points.get(i.id, {}).get(o, 0))
            for i in sc.issues
            if i.id not in coupled
        }
        best = max(
            scorer.score({**free, **dict(zip(coupled_ids, combo, strict=True))}).scores[role.id]
            for combo in itertools.product(*(sc.issue(i).option_ids for i in coupled_ids))
        )
        assert 90 <= best <= 110, (role.id, best)
        assert 0 < role.reservation < best - 20, role.id


def _all_text(sc: Scenario) -> str:
    parts = [sc.press_release]
    parts += [r.public + "\n" + r.briefing_text for r in sc.roles]
    parts += [
        i.question + " " + " ".join(o.title + " " + o.text for o in i.options) for i in sc.issues
    ]
    parts += [e.title + " " + e.text + " " + e.advice for e in sc.events]
    parts += [r.instructions for m in sc.modes.values() for r in m.rounds]
    parts += [rule.note for r in sc.roles for rule in r.scoring.rules]
    parts += [t.note for r in sc.roles for t in r.scoring.metrics]
    parts += [lesson.text + " " + " ".join(lesson.questions) for lesson in sc.lessons]
    return "\n".join(parts)


def test_dutch_spelling_and_no_jargon(sc: Scenario) -> None:
    text = _all_text(sc)
    for wrong in ("open gaat", "kernpartij", "Je werkt van de", "komt er waarschijnlijk te weinig"):
        assert wrong not in text, wrong


def test_one_chair_rule(sc: Scenario) -> None:
    """The facilitator leads and calls votes; no role chairs the meeting."""
    text = _all_text(sc).lower()
    assert "voorzitter van het overleg" not in text and "zit het overleg voor" not in text
    for mode in sc.modes.values():
        vote = next(r for r in mode.rounds if "vote" in r.moves)
        assert "De spelleider brengt voorstellen in stemming" in vote.instructions, mode.name
        assert "spelleider leidt het overleg" in mode.rounds[0].instructions, mode.name


def test_owners_as_practitioners_expect(sc: Scenario) -> None:
    """The grid operator builds and runs the hydrogen network; the municipality builds
    the rainwater works (duty of care), the water board co-funds."""
    for work in sc.works:
        if work.id.startswith("waterstof_"):
            assert work.owner == "netbeheerder", work.id
    assert sc.work("wadi_parkrand").owner == "riolering"
    assert sc.work("waterplein_berging").owner == "riolering"


def test_tree_zone_strip_is_the_hidden_alliance(sc: Scenario) -> None:
    """NEN 7171-1: an ordered strip under the pavement with a separate tree zone is what
    both Groen and the grid operator rank first, though they look like opponents."""
    for role_id in ("groen", "netbeheerder", "drinkwater", "kl_coordinator"):
        top = _top_options(sc.role(role_id), "profiel", sc.issue("profiel").option_ids)
        assert top == {"leidingstrook"}, role_id
    assert sc.mode("short").presets["profiel"] == "leidingstrook"


def test_early_ducts_are_no_free_hedge(sc: Scenario) -> None:
    """The permit delay costs a plan with early ducts (mantelbuis) something too."""
    pkg = {**sc.status_quo, "waterstof": "ombouwen", "fasering": "mantelbuis", "regie": "convenant"}
    before = score_package(sc, "full", pkg).scores
    after = score_package(sc, "full", pkg, ["vergunning_vertraagd"]).scores
    assert after["nieuwe_energie"] < before["nieuwe_energie"]
    assert after["netbeheerder"] < before["netbeheerder"]


def test_households_event_stays_under_the_threshold(sc: Scenario) -> None:
    text = sc.event("huishoudens_haken_af").text
    first, second, third = (int(n) for n in re.findall(r"\d+", text)[:3])
    assert first == 42 and second / first >= 0.7 > third / first
