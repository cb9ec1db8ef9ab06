"""Checks between ids: duplicates, references to ids that do not exist, cycles.

These run after (and independently of) the structural check, on whatever part
of the data has the right shape, so that one mistake does not hide another.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from game.scenario.problems import ROOT, DataPath, Reporter, did_you_mean
from game.scenario.spec import ID_PATTERN

#: Which metrics each metric-term filter applies to.
FILTERS: dict[str, tuple[str, ...]] = {
    "segments": ("openings", "nuisance", "conflicts"),
    "owner": ("cost", "missed"),
    "works": ("missed",),
}


def entries(data: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    """The mapping items of the list ``data[key]`` with their indices."""
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def mapping(data: Any, key: str) -> dict[str, Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, dict) else {}


def id_items(value: Any) -> Iterator[tuple[DataPath, str]]:
    """The ids in an 'id or list of ids' value, with their path suffix."""
    if isinstance(value, str):
        yield (), value
    elif isinstance(value, list):
        for j, item in enumerate(value):
            if isinstance(item, str):
                yield (j,), item


def _written_id(rep: Reporter, item: dict[str, Any], path: DataPath) -> str | None:
    """An item's id as written: text, or an unquoted word YAML read otherwise (``no``)."""
    value = item.get("id")
    if isinstance(value, str):
        return value
    return rep.marks.raw.get(path)


def unique_ids(
    rep: Reporter,
    items: list[tuple[int, dict[str, Any]]],
    prefix: DataPath,
    kind: str,
    defined: dict[str, DataPath] | None = None,
) -> list[str]:
    """The ids of ``items`` in order (as written, valid or not); reports repeated ids.

    ``defined`` receives each id's path, for problems reported at a definition.
    """
    seen: dict[str, int] = {}
    for i, item in items:
        value = _written_id(rep, item, (*prefix, i, "id"))
        if value is None:
            continue
        if value in seen:
            first = rep.marks.find((*prefix, seen[value], "id"))[0]
            message = f"duplicate {kind} id '{value}' (first at line {first})"
            rep.at((*prefix, i, "id"), message, rank=ROOT)
        else:
            seen[value] = i
            if defined is not None:
                defined[value] = (*prefix, i, "id")
    return list(seen)


def valid_ids(known: Iterable[str]) -> list[str]:
    """The ids that are valid ids: only these are ever suggested."""
    return [k for k in known if re.fullmatch(ID_PATTERN, k)]


@dataclass
class Index:
    """The ids a scenario defines (as written, valid or not), and where."""

    roles: list[str] = field(default_factory=list)
    issues: dict[str, list[str]] = field(default_factory=dict)
    segments: list[str] = field(default_factory=list)
    works: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    defined: dict[str, dict[str, DataPath]] = field(default_factory=dict)
    """Kind (``role``, ``option of issue 'x'``...) → id → path of its definition."""

    def paths(self, kind: str) -> dict[str, DataPath]:
        return self.defined.setdefault(kind, {})


def build_index(data: Any, rep: Reporter) -> Index:
    index = Index()
    index.roles = unique_ids(rep, entries(data, "roles"), ("roles",), "role", index.paths("role"))
    issue_items = entries(data, "issues")
    unique_ids(rep, issue_items, ("issues",), "issue", index.paths("issue"))
    for i, issue in issue_items:
        issue_id = _written_id(rep, issue, ("issues", i, "id"))
        kind = f"option of issue '{issue_id}'"
        options = unique_ids(
            rep, entries(issue, "options"), ("issues", i, "options"), "option", index.paths(kind)
        )
        if issue_id is not None and issue_id not in index.issues:
            index.issues[issue_id] = options
    area = mapping(data, "area")
    segments = entries(area, "segments")
    index.segments = unique_ids(
        rep, segments, ("area", "segments"), "segment", index.paths("segment")
    )
    index.works = unique_ids(rep, entries(data, "works"), ("works",), "work", index.paths("work"))
    index.events = unique_ids(
        rep, entries(data, "events"), ("events",), "event", index.paths("event")
    )
    unique_ids(rep, entries(data, "conflicts"), ("conflicts",), "conflict")
    return index


@dataclass(frozen=True)
class _Miss:
    path: DataPath
    key: bool
    message: str


#: A definition is blamed for its uses' spelling when at least this many uses agree.
SAME_MISSES = 2


class Refs:
    """Reports references to ids that do not exist.

    Misses are collected and reported by :meth:`report_misses`: when several
    uses write the same near-name of one defined id, and they outnumber that
    id's own uses, the definition is the likely typo; it is reported once, there.
    """

    def __init__(self, rep: Reporter, index: Index) -> None:
        self.rep = rep
        self.index = index
        self.hits: Counter[tuple[str, str]] = Counter()
        self.misses: dict[tuple[str, str], list[_Miss]] = {}

    def _check(
        self, kind: str, value: Any, known: list[str], miss: tuple[DataPath, bool, str]
    ) -> bool:
        if not isinstance(value, str):
            return False
        if value in known:
            self.hits[(kind, value)] += 1
            return True
        path, key, message = miss
        self.misses.setdefault((kind, value), []).append(_Miss(path, key, message))
        return False

    def _ref(
        self, path: DataPath, value: Any, kind: str, known: list[str], key: bool, where: str = ""
    ) -> bool:
        message = f"unknown {kind} '{value}'{where}"
        return self._check(kind, value, known, (path, key, message))

    def role(self, path: DataPath, value: Any, key: bool = False) -> bool:
        return self._ref(path, value, "role", self.index.roles, key)

    def segment(self, path: DataPath, value: Any) -> bool:
        return self._ref(path, value, "segment", self.index.segments, False)

    def work(self, path: DataPath, value: Any, key: bool = False) -> bool:
        return self._ref(path, value, "work", self.index.works, key)

    def event(self, path: DataPath, value: Any) -> bool:
        return self._ref(path, value, "event", self.index.events, False)

    def issue(self, path: DataPath, value: Any, key: bool = False, where: str = "") -> bool:
        return self._ref(path, value, "issue", list(self.index.issues), key, where)

    def option(
        self, path: DataPath, issue: str, value: Any, key: bool = False, where: str = ""
    ) -> bool:
        """``where`` (e.g. `` in points of role 'x'``) says whose table the option is in."""
        options = self.index.issues.get(issue)
        if options is None or not isinstance(value, str):
            return True
        message = (
            f"unknown option '{value}' of issue '{issue}'{where}"
            if where
            else f"issue '{issue}' has no option '{value}'"
        )
        return self._check(f"option of issue '{issue}'", value, options, (path, key, message))

    def _known(self, kind: str) -> list[str]:
        return list(self.index.defined.get(kind, {}))

    def report_misses(self) -> None:
        """Report every collected miss: once at a mistyped definition, else at each use."""
        for (kind, value), misses in self.misses.items():
            known = self._known(kind)
            candidates = valid_ids(known)
            invalid = [k for k in known if k not in candidates]
            close_invalid = did_you_mean(value, invalid)
            if close_invalid and not did_you_mean(value, candidates):
                self._blame_invalid(kind, value, close_invalid, misses)
                continue
            hint = did_you_mean(value, candidates)
            suggestion = hint[len(" (did you mean '") : -len("'?)")] if hint else None
            if (
                suggestion is not None
                and len(misses) >= SAME_MISSES
                and len(misses) > self.hits[(kind, suggestion)]
            ):
                self._blame_definition(kind, value, suggestion, misses)
                continue
            for miss in misses:
                self.rep.at(miss.path, miss.message + hint, key=miss.key)

    def _lines(self, misses: list[_Miss]) -> str:
        lines = sorted({self.rep.marks.find(m.path, key=m.key)[0] for m in misses})
        return ", ".join(str(n) for n in lines[:8]) + (", …" if len(lines) > 8 else "")

    @staticmethod
    def _named(kind: str, ident: str) -> str:
        """``role 'x'``, or ``option 'x' of issue 'y'``."""
        if kind.startswith("option of "):
            return f"option '{ident}' {kind[len('option ') :]}"
        return f"{kind} '{ident}'"

    def _blame_definition(self, kind: str, value: str, defined: str, misses: list[_Miss]) -> None:
        uses = self.hits[(kind, defined)]
        also = f", and '{defined}' {uses} time{'s' if uses != 1 else ''}" if uses else ""
        self.rep.at(
            self.index.defined[kind][defined],
            f"{self._named(kind, defined)} is defined here, but {len(misses)} uses write "
            f"'{value}' (lines {self._lines(misses)}{also}); correct the spelling here or at "
            "those uses",
            rank=ROOT,
        )

    def _blame_invalid(self, kind: str, value: str, hint: str, misses: list[_Miss]) -> None:
        defined = hint[len(" (did you mean '") : -len("'?)")]
        self.rep.at(
            self.index.defined[kind][defined],
            f"{self._named(kind, defined)} is no valid id; {len(misses)} "
            f"use{'s' if len(misses) != 1 else ''} write '{value}' (lines "
            f"{self._lines(misses)}): write that here",
            rank=ROOT,
        )

    def ids(self, path: DataPath, value: Any, kind: str) -> None:
        check = {"role": self.role, "segment": self.segment, "work": self.work}[kind]
        for suffix, item in id_items(value):
            check((*path, *suffix), item)

    def condition(self, path: DataPath, value: Any) -> None:
        if not isinstance(value, dict):
            return
        for issue, options in value.items():
            if self.issue((*path, issue), issue, key=True):
                for suffix, option in id_items(options):
                    self.option((*path, issue, *suffix), issue, option)

    def issue_option(self, path: DataPath, item: dict[str, Any]) -> None:
        """An ``issue`` + ``option`` pair in one mapping (effects)."""
        issue = item.get("issue")
        if "issue" in item and self.issue((*path, "issue"), issue) and "option" in item:
            self.option((*path, "option"), str(issue), item.get("option"))


def check_roles(data: Any, refs: Refs) -> None:
    for i, role in entries(data, "roles"):
        scoring = mapping(role, "scoring")
        base: DataPath = ("roles", i, "scoring")
        rid = role.get("id")
        where = f" in points of role '{rid}'" if isinstance(rid, str) else ""
        for issue, table in mapping(scoring, "points").items():
            known = refs.issue((*base, "points", issue), issue, key=True, where=where)
            if known and isinstance(table, dict):
                for option in table:
                    at = (*base, "points", issue, option)
                    refs.option(at, issue, option, key=True, where=where)
        for j, rule in entries(scoring, "rules"):
            refs.condition((*base, "rules", j, "when"), rule.get("when"))
        for j, term in entries(scoring, "metrics"):
            check_term(refs, (*base, "metrics", j), term)


def check_term(refs: Refs, path: DataPath, term: dict[str, Any]) -> None:
    metric = term.get("metric")
    for name, metrics in FILTERS.items():
        if name in term and isinstance(metric, str) and metric not in metrics:
            refs.rep.at(
                (*path, name),
                f"metric '{metric}' does not use '{name}' (only {', '.join(metrics)} do)",
                key=True,
            )
    refs.ids((*path, "segments"), term.get("segments"), "segment")
    refs.ids((*path, "works"), term.get("works"), "work")
    if "owner" in term:
        refs.role((*path, "owner"), term.get("owner"))


def check_issues(data: Any, refs: Refs) -> None:
    for i, issue in entries(data, "issues"):
        for j, option in entries(issue, "options"):
            for work in mapping(option, "delays"):
                refs.work(("issues", i, "options", j, "delays", work), work, key=True)


def check_works(data: Any, refs: Refs) -> None:
    for i, work in entries(data, "works"):
        path: DataPath = ("works", i)
        if "owner" in work:
            refs.role((*path, "owner"), work.get("owner"))
        refs.ids((*path, "segments"), work.get("segments"), "segment")
        refs.ids((*path, "after"), work.get("after"), "work")
        refs.condition((*path, "when"), work.get("when"))
    check_cycles(data, refs.rep)
    for i, conflict in entries(data, "conflicts"):
        path = ("conflicts", i)
        if "segment" in conflict:
            refs.segment((*path, "segment"), conflict.get("segment"))
        refs.condition((*path, "when"), conflict.get("when"))
        refs.ids((*path, "works"), conflict.get("works"), "work")


def check_cycles(data: Any, rep: Reporter) -> None:
    """Reports each cycle of ``after`` dependencies once."""
    after: dict[str, list[str]] = {}
    index: dict[str, int] = {}
    for i, work in entries(data, "works"):
        work_id = work.get("id")
        if isinstance(work_id, str) and work_id not in after:
            after[work_id] = [dep for _, dep in id_items(work.get("after"))]
            index[work_id] = i
    reported: set[frozenset[str]] = set()
    done: set[str] = set()

    def visit(work_id: str, stack: list[str]) -> None:
        if work_id in stack:
            cycle = [*stack[stack.index(work_id) :], work_id]
            members = frozenset(cycle)
            if members not in reported:
                reported.add(members)
                first = min(cycle[:-1], key=lambda w: index[w])
                start = cycle.index(first)
                ordered = [*cycle[start:-1], *cycle[:start], first]
                rep.at(
                    ("works", index[first], "after"),
                    "works depend on each other in a cycle: " + " → ".join(ordered),
                )
            return
        if work_id in done:
            return
        for dep in after.get(work_id, ()):
            if dep in after:
                visit(dep, [*stack, work_id])
        done.add(work_id)

    for work_id in after:
        visit(work_id, [])


def check_status_quo(data: Any, refs: Refs) -> None:
    if not isinstance(data, dict) or not isinstance(data.get("status_quo"), dict):
        return
    status_quo = data["status_quo"]
    for issue, option in status_quo.items():
        if refs.issue(("status_quo", issue), issue, key=True):
            refs.option(("status_quo", issue), issue, option)
    missing = [i for i in refs.index.issues if i not in status_quo]
    if missing:
        refs.rep.at(
            ("status_quo",),
            "status_quo has no option for issue(s) " + ", ".join(f"'{i}'" for i in missing),
        )


def check_agreement(data: Any, refs: Refs) -> None:
    quorum = mapping(data, "agreement").get("quorum")
    roles = len(entries(data, "roles"))
    if isinstance(quorum, int) and not isinstance(quorum, bool) and roles and quorum > roles:
        refs.rep.at(
            ("agreement", "quorum"),
            f"quorum {quorum} is more than the {roles} roles in the scenario",
        )


def check_events(data: Any, refs: Refs) -> None:
    for i, event in entries(data, "events"):
        for j, eff in entries(event, "effects"):
            path: DataPath = ("events", i, "effects", j)
            if "role" in eff:
                refs.role((*path, "role"), eff.get("role"))
            refs.ids((*path, "roles"), eff.get("roles"), "role")
            if "work" in eff:
                refs.work((*path, "work"), eff.get("work"))
            refs.issue_option(path, eff)
            if eff.get("type") == "rule":
                refs.condition((*path, "when"), eff.get("when"))


def check_references(data: Any, rep: Reporter) -> Refs:
    """Run every id check; returns the references (with the index) for the mode checks."""
    index = build_index(data, rep)
    refs = Refs(rep, index)
    check_roles(data, refs)
    check_issues(data, refs)
    check_works(data, refs)
    check_status_quo(data, refs)
    check_agreement(data, refs)
    check_events(data, refs)
    return refs
