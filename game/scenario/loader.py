"""Load a scenario file: parse YAML with line marks, validate, build the model.

``load_scenario(path)`` returns a :class:`~game.scenario.model.Scenario` or
raises :class:`ScenarioError` carrying every problem found, each with file,
line and column. It never lets another exception escape for bad input.

The steps: :mod:`~game.scenario.yamlmarks` (syntax, tabs, duplicate keys),
:mod:`~game.scenario.validate` (shape, ids, modes, briefing files), then
:mod:`~game.scenario.build`. With ``playable=True`` (what ``validate`` on the
command line does) each mode is also checked for room to agree.
"""

from __future__ import annotations

from pathlib import Path

from game.scenario.briefing import check_briefing
from game.scenario.build import build_scenario
from game.scenario.model import Scenario
from game.scenario.problems import Problem, Reporter, decode_utf8, ordered
from game.scenario.validate import briefing_path, check_playability, validate
from game.scenario.yamlmarks import parse_marked

__all__ = ["Problem", "ScenarioError", "briefing_path", "load_scenario"]


class ScenarioError(ValueError):
    """A scenario file is invalid; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = ordered(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def _read(file: Path, name: str) -> str:
    try:
        raw = file.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ScenarioError([Problem(name, 1, 1, f"cannot read file: {reason}")]) from None
    text = decode_utf8(raw, name)
    if isinstance(text, Problem):
        raise ScenarioError([text])
    return text


def check_briefings(scenario: Scenario, data: dict[str, object], file: Path, rep: Reporter) -> None:
    """Report unknown placeholders and contradicting numbers in every briefing, at its line."""
    folder = data.get("briefings")
    for role in scenario.roles:
        if not role.briefing_text:
            continue
        path = briefing_path(file, folder if isinstance(folder, str) else None, role.briefing)
        for problem in check_briefing(scenario, role.id, str(path)):
            rep.problems.append(problem)


def load_scenario(
    path: str | Path, *, playable: bool = False, warnings: list[Problem] | None = None
) -> Scenario:
    """Load and validate ``path``. Raises :class:`ScenarioError` when invalid.

    With ``playable`` also report modes in which no package can pass, and warn
    about roles that are not core and have no room; ``warnings`` receives those.
    """
    file = Path(path)
    name = str(path)
    rep = Reporter(name)
    ok, data = parse_marked(_read(file, name), rep)
    texts = validate(data, rep, file) if ok else {}
    if rep.problems:
        raise ScenarioError(rep.problems)
    try:
        scenario = build_scenario(data, texts, source=name)
        check_briefings(scenario, data, file, rep)
        if playable:
            check_playability(scenario, rep)
    except Exception as exc:  # a gap in validation must still not show a traceback
        problem = Problem(name, 1, 1, f"internal error, please report it: {exc!r}")
        raise ScenarioError([problem]) from exc
    if any(not p.warning for p in rep.problems):
        raise ScenarioError(rep.problems)
    if warnings is not None:
        warnings.extend(ordered(rep.problems))
    return scenario
