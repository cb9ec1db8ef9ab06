"""The plan detail the views leave out (job lists, …), fetched on demand, kept per package.

A view's proposals carry their plan metrics without
:data:`game.engine.view_parts.PLAN_DETAIL`; the plan tab asks the link for
the rest (the ``plan`` request) and keeps each answer per package and the
events played (an event can change a plan).

    >>> cache = PlanCache()
    >>> view = {"events": []}
    >>> metrics, ask = cache.complete(view, {"a": "x"}, {"cost": 1.0})
    >>> metrics, ask is not None
    ({'cost': 1.0}, True)
    >>> cache.put(ask, {"jobs": [], "works": [], "nuisance": {}, "cost_by_owner": {}})
    >>> cache.complete(view, {"a": "x"}, {"cost": 1.0})[0]["jobs"]
    []
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from game.engine.view_parts import PLAN_DETAIL

PlanKey = tuple[tuple[tuple[str, str], ...], tuple[str, ...]]


def plan_key(view: Mapping[str, Any], package: Mapping[str, str]) -> PlanKey:
    """A package's plan, as of the events played in ``view``."""
    events = tuple(str(e.get("id")) for e in view.get("events") or ())
    return tuple(sorted((str(k), str(v)) for k, v in package.items())), events


class PlanCache:
    """The plans fetched so far (at most ``limit``), and the ones being fetched."""

    def __init__(self, limit: int = 256) -> None:
        self.plans: dict[PlanKey, dict[str, Any]] = {}
        self.asking: set[PlanKey] = set()
        self.limit = limit

    def complete(
        self,
        view: Mapping[str, Any],
        package: Mapping[str, str] | None,
        metrics: Mapping[str, Any] | None,
    ) -> tuple[dict[str, Any] | None, PlanKey | None]:
        """``metrics`` with the plan detail when it is here (or was there already),
        and the key to fetch when it is neither here nor being fetched."""
        if metrics is None or "jobs" in metrics or package is None:
            return (dict(metrics) if metrics is not None else None), None
        key = plan_key(view, package)
        found = self.plans.get(key)
        if found is not None:
            return {**metrics, **{k: found[k] for k in PLAN_DETAIL if k in found}}, None
        if key in self.asking:
            return dict(metrics), None
        self.asking.add(key)
        return dict(metrics), key

    def put(self, key: PlanKey, plan: Mapping[str, Any]) -> None:
        self.asking.discard(key)
        if len(self.plans) >= self.limit:
            self.plans.clear()
        self.plans[key] = dict(plan)

    def failed(self, key: PlanKey) -> None:
        """The fetch did not answer: ask again when the plan is shown next."""
        self.asking.discard(key)
