"""The reveal: every role's hidden interests and its score against its reservation value."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from game.engine import GameState, facilitator_view
from game.report.model import Json, rounded
from game.scenario.briefing import render_briefing
from game.scenario.model import Scenario

#: Headings that start the private part of a briefing (first match wins).
_PRIVATE_HEADINGS = re.compile(
    r"^#+\s*(wat alleen jij|vertrouwelijk|geheim|what only you|confidential)", re.I
)
SUMMARY_CHARS = 360


def briefing_summary(text: str, limit: int = SUMMARY_CHARS) -> str:
    """The first paragraph of the briefing's private part (or of the briefing), shortened."""
    lines = text.splitlines()
    start = next((k + 1 for k, line in enumerate(lines) if _PRIVATE_HEADINGS.match(line)), 0)
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines[start:]:
        stripped = line.strip()
        if stripped.startswith("#") or not stripped:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            if stripped.startswith("#") and paragraphs:
                break
            continue
        current.append(stripped.lstrip("-* ").strip())
    if current:
        paragraphs.append(" ".join(current))
    summary = paragraphs[0] if paragraphs else ""
    summary = re.sub(r"[*_`]", "", summary)
    if len(summary) <= limit:
        return summary
    cut = summary[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + " …"


def _profiles(state: GameState) -> Mapping[str, Any]:
    view = facilitator_view(state, state.created, private=True, shared=True)
    profiles: Mapping[str, Any] = view["profiles"]
    return profiles


def reveal_roles(state: GameState, result: Mapping[str, Any]) -> list[Json]:
    """Per role of the scenario (in play or not): profile, interests and score."""
    scenario = state.scenario
    profiles = _profiles(state)
    in_play = set(state.in_play)
    scores: Mapping[str, float] = result["scores"]
    cleared: Mapping[str, bool | None] = result["cleared"]
    out = []
    for role in scenario.roles:
        profile = profiles[role.id]
        playing = role.id in in_play
        score = scores.get(role.id) if playing else None
        reservation = float(profile["reservation"])
        out.append(
            {
                "id": role.id,
                "name": role.name,
                "label": role.label,
                "organisation": role.organisation,
                "public": role.public,
                "core": role.core,
                "veto": role.veto,
                "in_play": playing,
                "seat": state.seats.get(role.id, "none"),
                "score": rounded(score),
                "reservation": rounded(reservation),
                "margin": None if score is None else rounded(score - reservation),
                "cleared": cleared.get(role.id) if playing else None,
                "points": _points(scenario, profile["points"]),
                "rules": [
                    {"when": dict(r["when"]), "points": rounded(r["points"]), "note": r["note"]}
                    for r in profile["rules"]
                ],
                "metric_terms": [
                    {
                        "metric": t["metric"],
                        "weight": rounded(t["weight"], 3),
                        "segments": list(t["segments"]),
                        "owner": t["owner"],
                        "works": list(t["works"]),
                        "note": t["note"],
                    }
                    for t in profile["metric_terms"]
                ],
                "briefing_summary": briefing_summary(
                    render_briefing(scenario, role.id, state.mode, scenario.meta.language, in_play)
                ),
            }
        )
    return out


def _points(scenario: Scenario, points: Mapping[str, Mapping[str, float]]) -> Json:
    return {
        issue.id: {o: rounded(points[issue.id][o]) for o in issue.option_ids}
        for issue in scenario.issues
    }
