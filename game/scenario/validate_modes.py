"""Checks on the modes: live issues and presets, events, rounds and their minutes.

Mode-wide problems are reported at the line of the mode's name.
"""

from __future__ import annotations

from typing import Any

from game.scenario.problems import DataPath, Reporter
from game.scenario.spec import is_number
from game.scenario.validate_refs import Refs, entries, id_items, mapping, unique_ids

#: Minutes a mode's rounds must add up to, inclusive.
MINUTES: dict[str, tuple[int, int]] = {"short": (30, 40), "full": (100, 140)}


def check_modes(data: Any, refs: Refs) -> None:
    for name, mode in mapping(data, "modes").items():
        if isinstance(mode, dict) and name in MINUTES:
            _check_mode(name, mode, refs)
    check_mode_reservations(data, refs.rep)


def check_mode_reservations(data: Any, rep: Reporter) -> None:
    """A reservation given per mode names each of the scenario's modes, and no other."""
    modes = list(mapping(data, "modes"))
    if not modes:
        return
    for i, role in entries(data, "roles"):
        per_mode = role.get("reservation")
        if not isinstance(per_mode, dict):
            continue
        path: DataPath = ("roles", i, "reservation")
        for name in per_mode:
            if name in MINUTES and name not in modes:
                rep.at((*path, name), f"the scenario has no mode '{name}'", key=True)
        missing = [m for m in modes if m not in per_mode]
        if missing:
            rep.at(
                path,
                f"role '{role.get('id')}' has no reservation for mode(s) "
                + ", ".join(f"'{m}'" for m in missing)
                + "; give one per mode ({full: 62, short: 55}) or one number for all",
                key=True,
            )


def _check_mode(name: str, mode: dict[str, Any], refs: Refs) -> None:
    rep = refs.rep
    path: DataPath = ("modes", name)
    live = _live_issues(path, mode, refs)
    presets = mapping(mode, "presets")
    for issue, option in presets.items():
        if not refs.issue((*path, "presets", issue), issue, key=True):
            continue
        refs.option((*path, "presets", issue), issue, option)
        if live is not None and issue in live:
            rep.at((*path, "presets", issue), f"issue '{issue}' is both live and preset", key=True)
    if live is not None:
        uncovered = [i for i in refs.index.issues if i not in live and i not in presets]
        if uncovered:
            rep.at(
                path,
                f"mode '{name}' neither plays nor presets issue(s) "
                + ", ".join(f"'{i}'" for i in uncovered)
                + "; add them to 'issues' or 'presets'",
                key=True,
            )
    for j, event in id_items(mode.get("events")):
        refs.event((*path, "events", *j), event)
    _check_rounds(name, mode, rep)


def _live_issues(path: DataPath, mode: dict[str, Any], refs: Refs) -> set[str] | None:
    """The live issues as listed; every issue for 'all' or none; None when unusable."""
    issues = mode.get("issues", "all")
    if issues == "all":
        return set(refs.index.issues)
    if not isinstance(issues, list):
        return None
    live: set[str] = set()
    for j, issue in id_items(issues):
        if issue in live:
            refs.rep.at((*path, "issues", *j), f"issue '{issue}' is listed twice")
        elif refs.issue((*path, "issues", *j), issue):
            live.add(issue)
    return live


def _check_rounds(name: str, mode: dict[str, Any], rep: Reporter) -> None:
    path: DataPath = ("modes", name)
    rounds = entries(mode, "rounds")
    if not rounds:
        return
    unique_ids(rep, rounds, (*path, "rounds"), f"round (in mode '{name}')")
    if not any(r.get("reveal") is True for _, r in rounds):
        rep.at(
            path,
            f"mode '{name}' has no reveal round; mark the debrief round with 'reveal: true'",
            key=True,
        )
    if not any(_allows_vote(r) for _, r in rounds):
        rep.at(path, f"mode '{name}' has no round whose moves include 'vote'", key=True)
    minutes = [float(r["minutes"]) for _, r in rounds if is_number(r.get("minutes"))]
    if len(minutes) == len(mode["rounds"]) and all(m > 0 for m in minutes):
        total = sum(minutes)
        low, high = MINUTES[name]
        if not low <= total <= high:
            rep.at(
                path,
                f"the rounds of mode '{name}' add up to {total:g} minutes; "
                f"a {name} game takes {low}–{high} minutes",
                key=True,
            )


def _allows_vote(round_: dict[str, Any]) -> bool:
    moves = round_.get("moves")
    return isinstance(moves, list) and "vote" in moves
