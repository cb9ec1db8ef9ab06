"""Build the :class:`~game.report.model.Debrief` of a session from its replayed states.

Pure: no I/O. The command (:mod:`game.commands.report`) loads the states from
the session database; the screens can call :func:`build_debrief` on the states
they hold.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from game.engine import GameState, outcome
from game.engine.view_ballots import failed_ballots
from game.engine.view_parts import segment_json
from game.report.activity import course, proposals, seconds_since, talk
from game.report.model import Debrief, Json, rounded
from game.report.possible import SpaceCache, compare
from game.report.reveal import reveal_roles
from game.report.timeline import Timeline
from game.scenario.model import Scenario

#: How many of the better packages a table's debrief lists (best joint value first).
BEST_FEW = 5

#: The culture values, in the order the debrief shows them (keys of the engine's indicators).
CULTURE_VALUES = (
    "openness",
    "cooperation",
    "result_orientation",
    "reliability",
    "rising_above_own_interest",
)


def build_debrief(
    scenario: Scenario,
    mode: str,
    states: Sequence[GameState],
    *,
    started: Mapping[int, float] | None = None,
    timelines: Mapping[int, Timeline] | None = None,
    best_few: int = BEST_FEW,
) -> Debrief:
    """The debrief of ``states`` (one per table, final or not) of ``scenario`` in ``mode``.

    ``started`` maps a table number to the server time its session started (the
    ``start`` move); proposal times count from there (else from the table's creation).
    ``timelines`` maps a table number to its course rebuilt from the move log
    (:func:`game.report.timeline.replay_with_timeline`); without one a
    proposal's support history is its support at the end only.
    Raises ``ValueError`` when a state belongs to another scenario or mode.
    """
    if mode not in scenario.modes:
        raise ValueError(f"the scenario has no mode {mode!r}")
    for state in states:
        if state.scenario is not scenario and state.scenario != scenario:
            raise ValueError(f"table {state.table} plays another scenario")
        if state.mode != mode:
            raise ValueError(f"table {state.table} plays mode {state.mode!r}, not {mode!r}")
    cache = SpaceCache()
    tables = [
        build_table(
            s,
            started=(started or {}).get(s.table),
            timeline=(timelines or {}).get(s.table),
            cache=cache,
            best_few=best_few,
        )
        for s in sorted(states, key=lambda s: s.table)
    ]
    return Debrief(
        scenario=scenario_part(scenario, mode),
        tables=tables,
        comparison=[comparison_row(t) for t in tables],
    )


def build_table(
    state: GameState,
    *,
    started: float | None = None,
    timeline: Timeline | None = None,
    cache: SpaceCache | None = None,
    best_few: int = BEST_FEW,
) -> Json:
    """The debrief of one table (see ``docs/report.md`` for the keys)."""
    zero = state.created if started is None else started
    result = outcome(state)
    found = compare(state, result, cache or SpaceCache(), best_few)
    scenario = state.scenario
    return {
        "table": state.table,
        "phase": state.phase,
        "round": state.round_id,
        "revealed": state.revealed,
        "version": state.version,
        "events": [
            {
                "id": p.event,
                "title": scenario.event(p.event).title,
                "round": p.round,
                "seconds": seconds_since(zero, p.at),
            }
            for p in state.played
        ],
        "roles_in_play": list(state.in_play),
        "agreement": {
            "reached": bool(result["agreement"]),
            "proposal": result["proposal"],
            "package": result["package"],
            "in_time": result["in_time"],
            "signatures": list(result["signatures"]),
        },
        "joint": rounded(result["joint"]),
        "cleared": sum(bool(v) for v in result["cleared"].values()),
        "roles": reveal_roles(state, result),
        "failed": failed_ballots(state),
        **found,
        "timeline": course(state, zero, timeline),
        "proposals": proposals(state, zero, timeline),
        "talk": talk(state),
        "indicators": _indicators(result["indicators"]),
    }


def _indicators(found: Mapping[str, Any]) -> Json:
    return {
        "table": {k: found["table"].get(k) for k in CULTURE_VALUES},
        "roles": {
            role: {**{k: v.get(k) for k in CULTURE_VALUES}, "counts": dict(v["counts"])}
            for role, v in found["roles"].items()
        },
    }


def scenario_part(scenario: Scenario, mode: str) -> Json:
    """What the renderers need of the scenario: names, issues, segments, lessons."""
    m = scenario.mode(mode)
    return {
        "id": scenario.meta.id,
        "title": scenario.meta.title,
        "area": scenario.area_name,
        "mode": mode,
        "quorum": scenario.agreement.quorum,
        "issues": [
            {
                "id": i.id,
                "title": i.title,
                "kind": i.kind,
                "nature": i.nature,
                "live": i.id in m.issues,
                "preset": m.presets.get(i.id) if i.id not in m.issues else None,
                "options": [{"id": o.id, "title": o.title} for o in i.options],
            }
            for i in scenario.issues
        ],
        "roles": [
            {"id": r.id, "name": r.name, "label": r.label, "core": r.core, "veto": r.veto}
            for r in scenario.roles
        ],
        "segments": [segment_json(s, note=False) for s in scenario.segments],
        "lessons": [{"title": x.title, "text": x.text, "value": x.value} for x in scenario.lessons],
    }


def comparison_row(table: Json) -> Json:
    """One table's summary for the side-by-side comparison."""
    analysis = table["analysis"]
    plan = table["plans"]["outcome"]
    return {
        "table": table["table"],
        "revealed": table["revealed"],
        "agreement": table["agreement"]["reached"],
        "proposal": table["agreement"]["proposal"],
        "in_time": table["agreement"]["in_time"],
        "joint": table["joint"],
        "share_of_max": analysis["share_of_max"],
        "pareto_efficient": analysis["pareto_efficient"],
        "nash_distance": analysis["nash_distance"],
        "cleared": table["cleared"],
        "roles_in_play": len(table["roles_in_play"]),
        "better": table["better"]["count"],
        "openings_total": plan["openings_total"],
        "status_quo_openings": table["plans"]["status_quo"]["openings_total"],
        "nuisance_total": plan["nuisance_total"],
        "cost": plan["cost"],
        "saved": plan["saved"],
        "missed": len(plan["missed"]),
        "proposals": len(table["proposals"]),
        "messages": table["talk"]["total_public"] + table["talk"]["total_private"],
        "events": [e["id"] for e in table["events"]],
        "indicators": dict(table["indicators"]["table"]),
    }
