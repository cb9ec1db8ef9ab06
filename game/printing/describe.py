"""Scenario rules in plain Dutch, as escaped HTML fragments.

Rules, metric terms, event effects and round moves are data in the scenario;
the printed sheets say what they mean in words a participant understands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from game.printing.html import esc, num, signed
from game.scenario.model import Condition, Effect, MetricTerm, Rule, Scenario

MOVES: dict[str, str] = {
    "disclose": "belangen bekendmaken",
    "mark": "kansen en knelpunten op straatvakken markeren",
    "propose": "een voorstel indienen",
    "amend": "een voorstel aanpassen",
    "withdraw": "een eigen voorstel intrekken",
    "support": "een voorstel steunen",
    "object": "bezwaar maken tegen een voorstel",
    "comment": "reageren op een voorstel",
    "message": "openbare berichten",
    "private_message": "privéberichten aan een andere rol",
    "vote": "stemmen",
    "sign": "het akkoord ondertekenen",
}


def moves(move_ids: Iterable[str]) -> str:
    """The moves of a round as one sentence fragment."""
    words = [MOVES.get(m, m) for m in move_ids]
    return esc(join_words(words)) if words else "—"


def join_words(words: list[str], last: str = "en") -> str:
    """``a, b en c``."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {last} " + words[-1]


def _option_title(scenario: Scenario, issue_id: str, option_id: str) -> str:
    try:
        return scenario.issue(issue_id).option(option_id).title
    except KeyError:
        return option_id


def _issue_title(scenario: Scenario, issue_id: str) -> str:
    try:
        return scenario.issue(issue_id).title
    except KeyError:
        return issue_id


def choice(scenario: Scenario, issue_id: str, option_id: str) -> str:
    """``Inrichting: <em>Groene straat</em>``."""
    title = _option_title(scenario, issue_id, option_id)
    return f"{esc(_issue_title(scenario, issue_id))}: <em>{esc(title)}</em>"


def condition(scenario: Scenario, when: Condition) -> str:
    """``Inrichting is Groene straat en Fasering is A of B``; ``altijd`` when empty."""
    parts = []
    for issue_id, options in when.items():
        titles = [f"<em>{esc(_option_title(scenario, issue_id, o))}</em>" for o in options]
        parts.append(f"{esc(_issue_title(scenario, issue_id))} is {join_words(titles, 'of')}")
    return join_words(parts) if parts else "altijd"


def points(value: float) -> str:
    word = "punt" if abs(value) == 1 else "punten"
    return f"<strong>{signed(value)} {word}</strong>"


def rule(scenario: Scenario, r: Rule, first: str = "Als") -> str:
    """``Als …: −10 punten. <note>``."""
    note = f' <span class="muted">{esc(r.note)}</span>' if r.note else ""
    return f"{first} {condition(scenario, r.when)}: {points(r.points)}.{note}"


def _name_or_id(item_id: str, name_of: Callable[[str], str]) -> str:
    """``name_of(item_id)``, or the id itself when the scenario does not know it."""
    try:
        return name_of(item_id)
    except KeyError:
        return item_id


def _segments(scenario: Scenario, ids: tuple[str, ...]) -> str:
    names = [_name_or_id(sid, lambda x: scenario.segment(x).name) for sid in ids]
    return esc(join_words(names))


def _role_name(scenario: Scenario, role_id: str) -> str:
    return _name_or_id(role_id, lambda x: scenario.role(x).name)


def _work_titles(scenario: Scenario, ids: tuple[str, ...]) -> str:
    titles = [_name_or_id(wid, lambda x: scenario.work(x).title) for wid in ids]
    return esc(join_words(titles))


def _metric_phrase(scenario: Scenario, t: MetricTerm) -> str:
    where = f" in {_segments(scenario, t.segments)}" if t.segments else ""
    if t.metric == "openings":
        return f"per keer dat een straatvak wordt opengebroken{where}"
    if t.metric == "nuisance":
        return f"per maand overlast{where} (een open winkelstraat telt zwaarder)"
    if t.metric == "cost":
        owner = f" van de werken van {esc(_role_name(scenario, t.owner))}" if t.owner else ""
        return f"per miljoen euro kosten{owner}"
    if t.metric == "saved":
        return "per miljoen euro die het combineren van werken bespaart"
    if t.metric == "missed":
        whose = ""
        if t.works:
            whose = f" ({_work_titles(scenario, t.works)})"
        elif t.owner:
            whose = f" van {esc(_role_name(scenario, t.owner))}"
        return f"per werk{whose} dat na zijn deadline klaar is"
    if t.metric == "conflicts":
        return f"per conflict in de ondergrond{where}"
    if t.metric == "duration":
        return "per maand tot het laatste werk klaar is"
    return esc(t.metric)


def metric_term(scenario: Scenario, t: MetricTerm) -> str:
    """``−2 punten per keer dat een straatvak wordt opengebroken in Dorpsstraat.``"""
    note = f' <span class="muted">{esc(t.note)}</span>' if t.note else ""
    return f"{points(t.weight)} {_metric_phrase(scenario, t)}.{note}"


def _months(value: int) -> str:
    return f"{abs(value)} {'maand' if abs(value) == 1 else 'maanden'}"


def effect(scenario: Scenario, e: Effect) -> str:
    """One event effect in words."""
    role = esc(_role_name(scenario, e.role)) if e.role else ""
    if e.type == "points" and e.issue and e.option:
        return f"{role}: {points(e.delta)} voor {choice(scenario, e.issue, e.option)}."
    if e.type == "reservation":
        return f"{role}: ondergrens {signed(e.delta)} punten."
    if e.type == "rule" and e.rule is not None:
        names = [_role_name(scenario, r) for r in e.roles]
        who = esc(join_words(names)) if names else "alle rollen"
        return f"Nieuwe regel voor {who}: {rule(scenario, e.rule, 'als')}"
    work = _work_titles(scenario, (e.work,)) if e.work else ""
    if e.type == "delay":
        return f"{work} kan pas {_months(e.months)} later beginnen."
    if e.type == "deadline":
        direction = "eerder" if e.months < 0 else "later"
        return f"De deadline van {work} komt {_months(e.months)} {direction}."
    if e.type == "cost" and e.issue and e.option:
        more = "duurder" if e.delta >= 0 else "goedkoper"
        return f"{choice(scenario, e.issue, e.option)} wordt {num(abs(e.delta))} M€ {more}."
    if e.type == "forbid" and e.issue and e.option:
        return f"{choice(scenario, e.issue, e.option)} is niet meer mogelijk."
    return esc(e.type)
