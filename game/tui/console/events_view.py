"""The Events tab's detail: a card's text, its effects, when to play it, what it changed."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rich.text import Text

from game.scenario.model import Scenario
from game.tui.i18n import t
from game.tui.viewdata import View

#: Effects anyone may know (the rest change a role's private scoring).
PUBLIC_EFFECTS = ("cost", "delay", "deadline", "forbid")


def _plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def effect_lines(scenario: Scenario | None, event_id: str, private: bool) -> list[str]:
    """The card's effects in words; private ones (points, reservation, rules) if ``private``."""
    if scenario is None:
        return []
    from game.printing.describe import effect

    try:
        event = next(e for e in scenario.events if e.id == event_id)
    except StopIteration:
        return []
    return [
        _plain(effect(scenario, e)) for e in event.effects if private or e.type in PUBLIC_EFFECTS
    ]


def suggested_rounds(view: View) -> list[str]:
    """The rounds of this mode in which the scenario lets the facilitator play events."""
    rounds = list(view.get("scenario", {}).get("rounds", ()))
    return [
        t("header.round", n=n, total=len(rounds), title=r["title"])
        for n, r in enumerate(rounds, 1)
        if r.get("events") and not r.get("reveal")
    ]


def _num(value: float, digits: int = 1) -> str:
    from game.numfmt import fixed
    from game.tui.i18n import language

    return fixed(value, language(), digits)


@dataclass
class EventImpact:
    """What changed on the table when an event was played: per open proposal, before → after."""

    cost: dict[str, tuple[float, float]] = field(default_factory=dict)
    clears: dict[str, tuple[int, int]] = field(default_factory=dict)
    roles: int = 0

    @classmethod
    def between(cls, before: View, after: View) -> EventImpact:
        impact = cls(roles=len(after.get("values") or {}))
        old = {p["id"]: p for p in before.get("proposals", [])}
        for p in after.get("proposals", []):
            if p.get("withdrawn") or p["id"] not in old:
                continue
            was = float((old[p["id"]].get("metrics") or {}).get("cost", 0.0))
            now = float((p.get("metrics") or {}).get("cost", 0.0))
            impact.cost[p["id"]] = (was, now)
        for pid in impact.cost:
            was_n, now_n = _clearing(before, pid), _clearing(after, pid)
            if was_n is not None and now_n is not None:
                impact.clears[pid] = (was_n, now_n)
        return impact


def _clearing(view: View, pid: str) -> int | None:
    values: Mapping[str, Any] = view.get("values") or {}
    if not values:
        return None
    return sum(
        1 for rows in values.values() for row in rows if row["proposal"] == pid and row["clears"]
    )


def event_detail(
    view: View, event_id: str, scenario: Scenario | None, impact: EventImpact | None
) -> Text:
    """Everything the facilitator needs before (and after) playing ``event_id``."""
    private = bool(view.get("private"))
    cards = view.get("event_cards") or view.get("scenario", {}).get("events", [])
    card = next((c for c in cards if c["id"] == event_id), None)
    if card is None:
        return Text("")
    played = next((e for e in view.get("events", []) if e["id"] == event_id), None)
    out = Text(card["title"] + "\n", "bold")
    if card.get("text"):
        out.append(card["text"] + "\n")
    effects = effect_lines(scenario, event_id, private)
    if effects:
        out.append("\n" + t("console.events.effects") + "\n", "bold")
        for line in effects:
            out.append(f"• {line}\n")
    out.append("\n")
    if played is None:
        rounds = suggested_rounds(view)
        if rounds:
            out.append(t("console.events.when", rounds="; ".join(rounds)) + "\n", "cyan")
        out.append(t("console.events.how") + "\n", "dim")
        return out
    out.append(t("console.events.played") + "\n", "green")
    if impact is None:
        return out
    out.append(t("console.events.changed") + "\n", "bold")
    if not impact.cost:
        out.append(t("console.events.no_proposals") + "\n", "dim")
    for pid, (was, now) in impact.cost.items():
        line = t("console.events.cost", proposal=pid, was=_num(was), now=_num(now))
        if pid in impact.clears:
            was_n, now_n = impact.clears[pid]
            line += " " + t("console.events.clears", was=was_n, now=now_n, n=impact.roles)
        out.append(line + "\n")
    return out
