"""A simple bot: greedy proposals, support for what clears its reservation.

It estimates a package's value from its own points table and interaction
rules (it cannot compute plan metrics), but trusts the exact ``values`` of
proposals on the table that its view gives it.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

from game.bots.base import MoveDict

View = dict[str, Any]


def _estimate(me: Mapping[str, Any], package: Mapping[str, str]) -> float:
    total = 0.0
    for issue, option in package.items():
        total += me["points"].get(issue, {}).get(option, 0.0)
    for rule in me["rules"]:
        if all(package.get(i) in opts for i, opts in rule["when"].items()):
            total += rule["points"]
    return total


def _options(view: View) -> dict[str, list[str]]:
    """Live issue → its feasible options."""
    banned = {(i, o) for i, o in view["infeasible"]}
    live = set(view["scenario"]["live_issues"])
    return {
        issue["id"]: [o["id"] for o in issue["options"] if (issue["id"], o["id"]) not in banned]
        for issue in view["scenario"]["issues"]
        if issue["id"] in live
    }


class SimpleBot:
    """Plays ``role``; see the module docstring for its strategy."""

    def __init__(self, role: str, candidates: int = 6) -> None:
        self.role = role
        self.candidates = candidates

    def _best_package(self, view: View, rng: random.Random) -> dict[str, str]:
        me = view["me"]
        options = _options(view)
        greedy: dict[str, str] = {}
        for issue, opts in options.items():
            points: dict[str, float] = me["points"].get(issue, {})
            greedy[issue] = max(opts, key=lambda o: points.get(o, 0.0))
        pool = [greedy]
        for _ in range(self.candidates):
            pool.append({issue: rng.choice(opts) for issue, opts in options.items()})
        return max(pool, key=lambda p: _estimate(me, p))

    def decide(self, view: View, rng: random.Random) -> list[MoveDict]:
        me = view["me"]
        rnd = view["round"]
        if view["phase"] != "running" or view["clock"]["paused"] or me["locked"] or not rnd:
            return []
        allowed = set(rnd["moves"])
        role = self.role
        values = {v["proposal"]: v for v in me["values"]}
        open_props = [p for p in view["proposals"] if not p["withdrawn"]]
        moves: list[MoveDict] = []

        if "disclose" in allowed and not me["disclosed"] and rng.random() < 0.5:
            live = view["scenario"]["live_issues"]
            spread = {
                i: max(me["points"][i].values()) - min(me["points"][i].values()) for i in live
            }
            moves.append({"type": "disclose", "data": {"issue": max(live, key=spread.__getitem__)}})
        if "mark" in allowed and not any(m["role"] == role for m in view["marks"]):
            segment = rng.choice(view["scenario"]["segments"])["id"]
            kind = rng.choice(("opportunity", "bottleneck"))
            moves.append({"type": "mark", "data": {"segment": segment, "kind": kind, "note": ""}})
        if "propose" in allowed and not any(p["author"] == role for p in open_props):
            moves.append({"type": "propose", "data": {"package": self._best_package(view, rng)}})
        if "amend" in allowed and rng.random() < 0.3:
            moves.extend(self._amend(view, open_props, values))
        if "support" in allowed or "object" in allowed:
            for p in open_props:
                clears = values[p["id"]]["clears"]
                if clears and role not in p["support"] and "support" in allowed:
                    moves.append({"type": "support", "data": {"proposal": p["id"]}})
                elif not clears and role not in p["objections"] and "object" in allowed:
                    reason = "Dit haalt ons minimum niet."
                    moves.append(
                        {"type": "object", "data": {"proposal": p["id"], "reason": reason}}
                    )
        ballot = view["ballot"]
        if "vote" in allowed and ballot and ballot["open"] and not me["voted"]:
            clears = values[ballot["proposal"]]["clears"]
            moves.append({"type": "vote", "data": {"choice": "yes" if clears else "no"}})
        agreement = view["agreement"]
        signable = "sign" in allowed and agreement and not me["signed"]
        if signable and values[agreement["proposal"]]["clears"]:
            moves.append({"type": "sign", "data": {}})
        return moves

    def _amend(
        self, view: View, open_props: list[dict[str, Any]], values: Mapping[str, Any]
    ) -> list[MoveDict]:
        """Amend the best other proposal that does not clear: switch one issue our way."""
        me = view["me"]
        others = [
            p for p in open_props if p["author"] != self.role and not values[p["id"]]["clears"]
        ]
        if not others:
            return []
        target = max(others, key=lambda p: (values[p["id"]]["value"], p["id"]))
        base = dict(target["package"])
        base_value = _estimate(me, base)
        best_gain, best_change = 0.0, None
        for issue, opts in _options(view).items():
            for option in opts:
                if option == base[issue]:
                    continue
                gain = _estimate(me, {**base, issue: option}) - base_value
                if gain > best_gain:
                    best_gain, best_change = gain, {issue: option}
        if best_change is None:
            return []
        return [{"type": "amend", "data": {"proposal": target["id"], "changes": best_change}}]
