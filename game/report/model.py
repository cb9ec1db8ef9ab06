"""The debrief as plain data: what every renderer (HTML, Markdown, JSON, terminal) reads.

A :class:`Debrief` holds JSON-ready dicts and lists only (no numpy, no model
objects), so ``json.dumps(debrief.to_json())`` always works and the keys are
the documented, stable contract of ``docs/report.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Identifies the JSON document; bump :data:`VERSION` when a key changes meaning.
FORMAT = "botsende-belangen/debrief"
VERSION = 1

Json = dict[str, Any]


@dataclass(frozen=True)
class Debrief:
    """The debrief of one session (one scenario and mode, one or more tables)."""

    scenario: Json
    """Id, title, area, mode, issues, roles, segments and lessons of the scenario."""
    tables: list[Json]
    """One debrief per table, by table number (see ``docs/report.md``)."""
    comparison: list[Json] = field(default_factory=list)
    """One summary row per table (filled for every report; shown when there are several)."""

    @property
    def mode(self) -> str:
        return str(self.scenario["mode"])

    def table(self, number: int) -> Json:
        for t in self.tables:
            if t["table"] == number:
                return t
        raise KeyError(f"no table {number}")

    def to_json(self) -> Json:
        return {
            "format": FORMAT,
            "version": VERSION,
            "scenario": self.scenario,
            "tables": self.tables,
            "comparison": self.comparison,
        }


def rounded(value: float | None, digits: int = 2) -> float | None:
    """``value`` rounded for the report (``None`` stays ``None``; -0.0 becomes 0.0)."""
    if value is None:
        return None
    out = round(float(value), digits)
    return 0.0 if out == 0 else out


def plans_shown(table: Json) -> list[tuple[str, Json, float, int, Json]]:
    """The plans a table's debrief compares, best known first.

    Each row is ``(label key, package, joint value, openings, scores per role)``:
    the outcome, the max-welfare, Nash and Kalai packages that exist, and the status quo.
    """
    analysis = table["analysis"]
    plans = table["plans"]
    outcome = plans["outcome"]
    shown: list[tuple[str, Json, float, int, Json]] = [
        (
            "outcome",
            outcome["package"],
            table["joint"],
            outcome["openings_total"],
            {r["id"]: r["score"] for r in table["roles"] if r["in_play"]},
        )
    ]
    for key in ("max_welfare", "nash", "kalai"):
        p = analysis[key]
        if p is not None:
            shown.append((key, p["package"], p["welfare"], p["openings"], p["scores"]))
    sq = plans["status_quo"]
    shown.append(("status_quo", sq["package"], sq["joint"], sq["openings_total"], sq["scores"]))
    return shown
