"""Role briefings with placeholders: numbers come from the scenario, never from prose.

A briefing (Markdown) may write, instead of a number that the YAML also holds:

======================================  ==================================================
``{{reservation}}``                     the role's reservation value in the mode played
``{{quorum}}``                          yes votes needed, for the roles in play
``{{roles_in_play}}``                   how many roles are in play
``{{veto_roles}}``                      the veto roles' names: "A, B en C"
``{{points.ISSUE.OPTION}}``             this role's own points for that option
``{{name}}``                            the role's name
======================================  ==================================================

:func:`render_briefing` is the one place that fills them in; every screen,
sheet and report that shows a briefing calls it. :func:`check_briefing` (run by
``validate``) reports unknown placeholders and numbers in the prose that
contradict the scenario, each at its line and column in the briefing file.

Example::

    >>> from game.scenario.loader import load_scenario
    >>> sc = load_scenario("scenarios/leeuwaerdenhout.yaml")  # doctest: +SKIP
    >>> render_briefing(sc, "wethouder", "short")  # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass

from game.scenario.model import Role, Scenario
from game.scenario.problems import Problem, did_you_mean
from game.scenario.scoring import effective_quorum

#: ``{{ name }}``: a placeholder, spaces inside the braces allowed.
PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")

#: The placeholder names (``points.ISSUE.OPTION`` is checked separately).
NAMES: tuple[str, ...] = ("reservation", "quorum", "roles_in_play", "veto_roles", "name")


def format_number(value: float, lang: str = "nl") -> str:
    """``62``, ``62,5``, ``−10`` (a real minus sign); a decimal point in English."""
    rounded = round(value, 2)
    if rounded == int(rounded):
        text = str(abs(int(rounded)))
    else:
        text = f"{abs(rounded):.2f}".rstrip("0")
        text = text.replace(".", ",") if lang == "nl" else text
    return ("\u2212" + text) if rounded < 0 else text


def word_list(names: list[str], lang: str = "nl") -> str:
    """``A, B en C`` (``and`` in English); ``geen`` / ``none`` for no names."""
    if not names:
        return "geen" if lang == "nl" else "none"
    if len(names) == 1:
        return names[0]
    joiner = " en " if lang == "nl" else " and "
    return ", ".join(names[:-1]) + joiner + names[-1]


def _in_play(scenario: Scenario, in_play: Collection[str] | None) -> list[Role]:
    if in_play is None:
        return list(scenario.roles)
    return [r for r in scenario.roles if r.id in in_play]


def placeholder_value(
    scenario: Scenario,
    role: Role,
    mode: str,
    name: str,
    lang: str = "nl",
    in_play: Collection[str] | None = None,
) -> str | None:
    """The text for placeholder ``name`` (as written inside the braces), or ``None`` if unknown."""
    playing = _in_play(scenario, in_play)
    simple: dict[str, Callable[[], str]] = {
        "reservation": lambda: format_number(role.reservation_for(mode), lang),
        "quorum": lambda: str(effective_quorum(scenario, len(playing))),
        "roles_in_play": lambda: str(len(playing)),
        "veto_roles": lambda: word_list([r.name for r in playing if r.veto], lang),
        "name": lambda: role.name,
    }
    if name in simple:
        return simple[name]()
    parts = name.split(".")
    if len(parts) == 3 and parts[0] == "points":
        issue_id, option_id = parts[1], parts[2]
        try:
            scenario.issue(issue_id).option(option_id)
        except KeyError:
            return None
        return format_number(role.scoring.points.get(issue_id, {}).get(option_id, 0.0), lang)
    return None


def render_briefing(
    scenario: Scenario,
    role_id: str,
    mode: str,
    lang: str = "nl",
    in_play: Collection[str] | None = None,
) -> str:
    """Role ``role_id``'s briefing with every placeholder filled in for ``mode``.

    ``lang`` is the briefing's language (the scenario's ``meta.language``):
    ``62,5`` and "A, B en C" in Dutch, ``62.5`` and "A, B and C" in English.
    ``in_play`` (role ids) sets the quorum, the roles in play and the veto
    roles named; all roles when ``None``. An unknown placeholder (which
    ``validate`` reports) is left as written. The numbers are the scenario's,
    before any event is played.
    """
    role = scenario.role(role_id)
    lang = "en" if lang.lower().startswith("en") else "nl"

    def fill(match: re.Match[str]) -> str:
        value = placeholder_value(scenario, role, mode, match.group(1), lang, in_play)
        return match.group(0) if value is None else value

    return PLACEHOLDER.sub(fill, role.briefing_text)


# -- checks -----------------------------------------------------------------


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _placeholder_problem(scenario: Scenario, name: str) -> str:
    parts = name.split(".")
    if parts[0] == "points":
        if len(parts) != 3:
            return f"'{{{{{name}}}}}' must name an issue and an option: {{{{points.ISSUE.OPTION}}}}"
        issue_id, option_id = parts[1], parts[2]
        if issue_id not in scenario.issue_ids:
            hint = did_you_mean(issue_id, scenario.issue_ids)
            return f"placeholder '{{{{{name}}}}}' names no issue '{issue_id}'{hint}"
        options = scenario.issue(issue_id).option_ids
        hint = did_you_mean(option_id, options)
        return f"placeholder '{{{{{name}}}}}': issue '{issue_id}' has no option '{option_id}'{hint}"
    known = [*NAMES, "points.ISSUE.OPTION"]
    hint = did_you_mean(name, NAMES).replace(" '", " '{{").replace("'?", "}}'?")
    return f"unknown placeholder '{{{{{name}}}}}'{hint}; known: " + ", ".join(
        f"{{{{{k}}}}}" for k in known
    )


#: A number in prose: ``45``, ``62,5``, ``2.5``; not part of a word, id or percentage.
_NUMBER = re.compile(r"(?<![\w.,\u2212-])(\d+(?:[.,]\d+)?)(?![\w%]|[.,]\d)")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n|\n#")
_WORD = re.compile(r"[\w'-]+")
_APPROXIMATE = re.compile(r"\b(ongeveer|zo'n|circa|ca\.|rond|ruim|bijna|about|around)\b", re.I)
_RESERVATION_WORDS = re.compile(
    r"ondergrens|reserv|minimaal|minimum|minstens|ten ?minste|teken|onder de|below|sign", re.I
)
_VOTE_WORDS = re.compile(r"^(ja-?)?stem(men)?$|^quorum$|^votes?$", re.I)
_POINT_WORDS = re.compile(r"^punt(en)?$|^points?$", re.I)


@dataclass(frozen=True)
class NumberInProse:
    offset: int
    value: float
    kind: str
    """``reservation``, ``votes`` or ``points``."""


def _sentence(text: str, start: int, end: int) -> tuple[str, str]:
    """The part of the number's sentence before it, and after it."""
    before = text[:start]
    cut = max((m.end() for m in _SENTENCE_END.finditer(before)), default=0)
    after = text[end:]
    stop = _SENTENCE_END.search(after)
    return before[cut:], after[: stop.start() if stop else len(after)]


def _kind(before: str, after: str) -> str | None:
    """What a number between ``before`` and ``after`` (its sentence) speaks of, if anything."""
    words_after = _WORD.findall(after)[:2]
    words_before = _WORD.findall(before)[-5:]
    unit = words_after[0] if words_after else ""
    if _VOTE_WORDS.match(unit) or any(w.lower() == "quorum" for w in words_before + words_after):
        return "votes"
    is_points = bool(_POINT_WORDS.match(unit))
    if is_points and _RESERVATION_WORDS.search(before + " " + after):
        return "reservation"
    if any(_RESERVATION_WORDS.match(w) for w in words_before[-3:]) and (not unit or is_points):
        return "reservation"
    return "points" if is_points else None


def numbers_in_prose(text: str) -> Iterator[NumberInProse]:
    """Numbers that speak of points, a reservation value or votes (placeholders excluded)."""
    blanked = PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), text)
    for match in _NUMBER.finditer(blanked):
        before, after = _sentence(blanked, match.start(), match.end())
        if _APPROXIMATE.search(before):
            continue
        value = float(match.group(1).replace(",", "."))
        kind = _kind(before, after)
        if kind:
            yield NumberInProse(match.start(), value, kind)


def _role_figures(scenario: Scenario, role: Role) -> dict[str, set[float]]:
    """The numbers a briefing may rightly write about ``role``, per kind."""
    reservations = {role.reservation_for(m) for m in scenario.modes}
    for event in scenario.events:
        for effect in event.effects:
            if effect.type == "reservation" and effect.role == role.id:
                reservations |= {r + effect.delta for r in reservations} | {abs(effect.delta)}
    points: set[float] = {0.0, 100.0}
    for options in role.scoring.points.values():
        points |= {abs(p) for p in options.values()}
    points |= {abs(rule.points) for rule in role.scoring.rules}
    points |= {abs(term.weight) for term in role.scoring.metrics}
    for event in scenario.events:
        for effect in event.effects:
            if effect.type == "points" and effect.role == role.id:
                points.add(abs(effect.delta))
            if effect.type == "rule" and effect.rule and role.id in (effect.role, *effect.roles):
                points.add(abs(effect.rule.points))
    total = len(scenario.roles)
    core = sum(1 for r in scenario.roles if r.core)
    votes = {float(effective_quorum(scenario, n)) for n in range(max(core, 1), total + 1)}
    votes |= {float(total), float(core), float(len(scenario.veto_roles))}
    return {"reservation": reservations, "points": points | reservations, "votes": votes}


def _contradiction(scenario: Scenario, role: Role, found: NumberInProse) -> str:
    shown = format_number(found.value, "en")
    if found.kind == "reservation":
        per_mode = " / ".join(
            f"{format_number(role.reservation_for(m), 'en')} ({m})" for m in scenario.modes
        )
        values = {role.reservation_for(m) for m in scenario.modes}
        if len(values) == 1:
            per_mode = format_number(values.pop(), "en")
        return (
            f"the briefing says {shown} points as the lower limit, but role '{role.id}' has "
            f"reservation {per_mode} in the scenario; write {{{{reservation}}}} instead"
        )
    if found.kind == "votes":
        return (
            f"the briefing says {shown} votes, but the scenario's quorum is "
            f"{scenario.agreement.quorum} of {len(scenario.roles)} roles; "
            "write {{quorum}} (and {{roles_in_play}}) instead"
        )
    return (
        f"the briefing says {shown} points, a figure role '{role.id}' has nowhere in the "
        "scenario; write {{points.ISSUE.OPTION}} or {{reservation}} instead"
    )


def check_briefing(scenario: Scenario, role_id: str, file: str) -> list[Problem]:
    """Unknown placeholders and numbers contradicting the scenario in one role's briefing."""
    role = scenario.role(role_id)
    text = role.briefing_text
    problems: list[Problem] = []
    mode = next(iter(scenario.modes))
    for match in PLACEHOLDER.finditer(text):
        if placeholder_value(scenario, role, mode, match.group(1)) is None:
            line, col = _line_col(text, match.start())
            message = _placeholder_problem(scenario, match.group(1))
            problems.append(Problem(file, line, col, message))
    unclosed = PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), text)
    for match in re.finditer(r"\{\{|\}\}", unclosed):
        line, col = _line_col(text, match.start())
        problems.append(
            Problem(file, line, col, f"'{match.group(0)}' without its partner: write {{{{name}}}}")
        )
    figures = _role_figures(scenario, role)
    for found in numbers_in_prose(text):
        if any(abs(found.value - v) < 0.005 for v in figures[found.kind]):
            continue
        line, col = _line_col(text, found.offset)
        problems.append(Problem(file, line, col, _contradiction(scenario, role, found)))
    return problems
