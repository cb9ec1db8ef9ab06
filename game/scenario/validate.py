"""Validate parsed scenario data: shape, ids, modes and briefing files.

:func:`validate` reports every problem it finds into a
:class:`~game.scenario.problems.Reporter` and returns the briefing texts it
read. :func:`check_playability` runs on a built scenario (it needs scoring).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from game.scenario.format import SCENARIO
from game.scenario.model import Scenario
from game.scenario.problems import Problem, Reporter, decode_utf8
from game.scenario.spec import check
from game.scenario.validate_modes import check_modes
from game.scenario.validate_refs import check_references, entries


def briefing_path(scenario_file: Path, briefings_dir: str | None, briefing: str) -> Path:
    """Where a role's briefing lives: relative to ``briefings`` (itself relative to the file)."""
    base = scenario_file.parent
    if briefings_dir:
        base = base / briefings_dir
    return base / briefing


def read_briefings(data: dict[str, Any], file: Path, rep: Reporter) -> dict[str, str]:
    """Role id → briefing text; reports missing or unreadable briefing files."""
    folder = data.get("briefings")
    folder = folder if isinstance(folder, str) else None
    if folder is not None and not (file.parent / folder).is_dir():
        rep.at(("briefings",), f"briefings folder '{folder}' not found next to the scenario file")
        return {}
    texts: dict[str, str] = {}
    for i, role in entries(data, "roles"):
        name = role.get("briefing")
        if not isinstance(name, str):
            continue
        path = briefing_path(file, folder, name)
        where = f"'{folder}'" if folder else "the scenario's folder"
        try:
            decoded = decode_utf8(path.read_bytes(), str(path))
        except FileNotFoundError:
            rep.at(("roles", i, "briefing"), f"briefing file '{name}' not found in {where}")
            continue
        except OSError as exc:
            rep.at(("roles", i, "briefing"), f"cannot read briefing file '{name}': {exc.strerror}")
            continue
        if isinstance(decoded, Problem):
            rep.problems.append(decoded)
            continue
        text = decoded
        if not text.strip():
            rep.at(("roles", i, "briefing"), f"briefing file '{name}' is empty")
        role_id = role.get("id")
        if isinstance(role_id, str):
            texts[role_id] = text
    return texts


def validate(data: Any, rep: Reporter, file: Path) -> dict[str, str]:
    """Check everything that can be checked before building; returns briefing texts."""
    check(SCENARIO, data, (), rep)
    if not isinstance(data, dict):
        return {}
    refs = check_references(data, rep)
    check_modes(data, refs)
    refs.report_misses()
    return read_briefings(data, file, rep)


def _warn_optional(scenario: Scenario, mode: str, result: Any, rep: Reporter) -> None:
    """Warn about each role that is not core and reaches its reservation in no passing package."""
    if result.passes == 0:
        return
    for role_id in result.optional_no_room:
        role = scenario.role(role_id)
        reservation = role.reservation_for(mode)
        room = result.room[role_id]
        rep.at(
            ("roles", scenario.role_ids.index(role_id), "reservation"),
            f"role '{role_id}' (not core) has no room in mode '{mode}': its best passing "
            f"package gives {round(reservation + room, 1):g}, its reservation is {reservation:g} "
            f"(room {round(room, 1):+g}); if it plays, it votes no on every package. "
            "Lower its reservation or give it more points",
            warning=True,
        )


def check_playability(scenario: Scenario, rep: Reporter) -> None:
    """Report each mode where no package passes with every core role at its reservation value.

    Uses :func:`game.analysis.playability.playability`; skipped when that is not
    installed or the mode has too many packages to enumerate.
    """
    try:
        module = importlib.import_module("game.analysis.playability")
    except ImportError:
        return
    for name in scenario.modes:
        try:
            result = module.playability(scenario, name)
        except ValueError:  # SpaceTooLarge: too many packages to count
            continue
        no_room = tuple(result.no_room)
        _warn_optional(scenario, name, result, rep)
        if result.passes > 0 and not no_room:
            continue
        if result.passes == 0:
            vetoes = ", ".join(scenario.veto_roles) or "none"
            detail = (
                f"no package gets {scenario.agreement.quorum} yes votes without a veto "
                f"(veto roles: {vetoes})"
            )
        else:
            who = ", ".join(
                f"'{r}' (reservation {scenario.role(r).reservation_for(name):g})" for r in no_room
            )
            detail = f"no passing package gives enough to {who}"
        rep.at(
            ("modes", name),
            f"mode '{name}' is not playable: {detail}; "
            "lower a reservation value or change the points",
            key=True,
        )
