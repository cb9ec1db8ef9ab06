"""A bot's estimate of its own value for packages that are not on the table.

The player view holds the role's own scoring table (``me.points``, with the
events applied), its interaction rules (``me.rules``) and its metric terms —
but not the plan model that turns a package into metrics (phasing, shared
trenches, deadlines). So a bot cannot compute metric terms of a hypothetical
package itself. It does two honest things instead:

* the *base* estimate is its points plus its rules over the complete package
  (live choices plus the mode's presets), ignoring metric terms;
* the *calibration*: for every proposal on the table the view gives the
  exact value (``me.values``); the difference with the base estimate is what
  the metric terms did to that package. A new package gets the weighted mean
  of those differences, weighted towards the proposals that share the most
  choices with it. A package that is on the table gets its exact value.

The estimator never sees the game state or another role's data.
"""

from __future__ import annotations

from collections.abc import Mapping
from operator import eq
from typing import Any

from game.bots.reading import View, own_values


def _key(package: Mapping[str, str], issues: list[str]) -> tuple[str, ...]:
    return tuple([package[i] for i in issues])


#: Base estimates kept across turns: (events played, proposal id) → base value (a
#: proposal's package never changes; an amendment is a new proposal).
BaseCache = dict[tuple[tuple[str, ...], str], float]


class EstimateMemory:
    """What a bot keeps of its estimators across its turns.

    The base estimates of proposals seen (a :data:`BaseCache`), the points and
    rules read from the view (kept while the view hands out the very same
    objects: shared views do that while no event changes them), and the last
    estimator, handed out again while the values it was calibrated on are
    the same. Every kept number is the one a new estimator would compute.
    """

    def __init__(self) -> None:
        self.bases: BaseCache = {}
        self._static: tuple[tuple[object, ...], _Static] | None = None
        self._last: tuple[tuple[object, ...], tuple[object, object], Estimator] | None = None
        """The last estimator, what it was made of and the view's lists it was read from
        (kept alive here, so the same objects are the same lists)."""

    def static(self, view: View) -> _Static:
        me, scenario = view["me"], view["scenario"]
        objects = (me["points"], me["rules"], scenario["live_issues"], scenario["presets"])
        kept = self._static
        if kept is None or any(a is not b for a, b in zip(kept[0], objects, strict=True)):
            kept = self._static = (objects, _Static(view))
        return kept[1]

    def estimator(self, view: View) -> Estimator:
        """The estimator of this view: the last one when it would come out the same."""
        static = self.static(view)
        events = tuple(e["id"] for e in view["events"])
        read = (view["me"]["values"], view["proposals"])
        last = self._last
        if (
            last is not None
            and last[0][0] is static
            and last[0][1] == events
            and last[1][0] is read[0]
            and last[1][1] is read[1]
        ):
            return last[2]  # the very lists the last one was made from
        values = tuple([(v["proposal"], v["value"]) for v in read[0]])
        ids = tuple([p["id"] for p in read[1]])
        sign = (static, events, values, ids)
        if last is not None and last[0] == sign:
            self._last = (sign, read, last[2])
            return last[2]
        found = Estimator(view, self.bases, static)
        self._last = (sign, read, found)
        return found


class _Static:
    """The parts of an estimator that only the events played change."""

    def __init__(self, view: View) -> None:
        me = view["me"]
        self.memo: dict[object, object] = {}
        """Other things worked out from these parts (``game.bots.batch``'s tables)."""
        self.issues: list[str] = list(view["scenario"]["live_issues"])
        self.points: dict[str, dict[str, float]] = {
            i: {o: float(v) for o, v in opts.items()} for i, opts in me["points"].items()
        }
        self.rules: list[tuple[dict[str, set[str]], float]] = [
            ({i: set(opts) for i, opts in r["when"].items()}, float(r["points"]))
            for r in me["rules"]
        ]
        self.presets: dict[str, str] = {
            str(i): str(o) for i, o in view["scenario"]["presets"].items()
        }
        self.preset_points = sum(
            self.points.get(i, {}).get(o, 0.0)
            for i, o in self.presets.items()
            if i not in self.issues
        )
        self.ranges = {i: issue_range(me["points"], i) for i in me["points"]}
        self.keys: dict[str, tuple[Mapping[str, str], tuple[str, ...] | None]] = {}
        """Per proposal id its package and key (``None``: not a complete live package)."""

    def range(self, issue: str) -> float:
        """:func:`issue_range` of the points this was read from."""
        return self.ranges.get(issue, 0.0)


class Estimator:
    """Own value of a live package, from the view's points, rules and exact values.

    ``cache`` (kept by the bot across its turns) holds the base estimates of
    proposals already seen; they depend only on the events played, which decide
    the points and rules in the view (``static``: those read from this view).
    """

    def __init__(
        self, view: View, cache: BaseCache | None = None, static: _Static | None = None
    ) -> None:
        if static is None:
            static = _Static(view)
        self.static = static
        self.memo: dict[object, object] = {}
        """Other things worked out from this estimator (``game.bots.batch``'s tables)."""
        self.issues = static.issues
        self.points = static.points
        self.rules = static.rules
        self.presets = static.presets
        self.preset_points = static.preset_points
        values = own_values(view)
        self.exact: dict[tuple[str, ...], float] = {}
        self.residuals: list[tuple[tuple[str, ...], float]] = []
        self._memo: dict[tuple[str, ...], float] = {}
        events = tuple(e["id"] for e in view["events"])
        issues = set(self.issues)
        keys = static.keys
        for p in view["proposals"]:
            if p["id"] not in values:
                continue
            package = p["package"]
            kept = keys.get(p["id"])
            if kept is not None and (kept[0] is package or kept[0] == package):
                key = kept[1]
            else:
                key = None if set(package) != issues else _key(package, self.issues)
                keys[p["id"]] = (package, key)
            if key is None:
                continue
            if key in self.exact:
                continue
            self.exact[key] = values[p["id"]]
            if cache is None:
                base = self.base(p["package"])
            else:
                seen = (events, str(p["id"]))
                found = cache.get(seen)
                base = cache[seen] = self.base(p["package"]) if found is None else found
            self.residuals.append((key, values[p["id"]] - base))

    def base(self, package: Mapping[str, str]) -> float:
        """Points plus rules over the complete package; metric terms left out."""
        total = self.preset_points
        for issue in self.issues:
            total += self.points.get(issue, {}).get(package[issue], 0.0)
        for when, points in self.rules:
            if all(self._choice(package, i) in opts for i, opts in when.items()):
                total += points
        return total

    def _choice(self, package: Mapping[str, str], issue: str) -> str | None:
        found = package.get(issue)
        return found if found is not None else self.presets.get(issue)

    def residual(self, package: Mapping[str, str]) -> float:
        """What the metric terms probably add, learnt from the proposals on the table."""
        if not self.residuals:
            return 0.0
        key = _key(package, self.issues)
        n = len(self.issues) or 1
        total = weights = 0.0
        for known, diff in self.residuals:
            same = sum(map(eq, key, known))  # the keys have one choice per live issue
            weight = 4.0 ** (same - n)  # every choice in common counts four times as much
            total += weight * diff
            weights += weight
        return total / weights

    def value(self, package: Mapping[str, str]) -> float:
        """The exact value when the package is on the table, else the calibrated estimate."""
        key = _key(package, self.issues)
        found = self.exact.get(key)
        if found is None:
            found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self.base(package) + self.residual(package)
        return found

    def is_exact(self, package: Mapping[str, str]) -> bool:
        return _key(package, self.issues) in self.exact


def issue_range(points: Mapping[str, Mapping[str, Any]], issue: str) -> float:
    """How much an issue matters to the role: its best minus its worst option."""
    values = [float(v) for v in points.get(issue, {}).values()]
    return max(values) - min(values) if values else 0.0
