"""Build the model from already-validated plain data (dicts, lists, scalars).

Validation (:mod:`game.scenario.validate`) runs first and reports every
problem with its line and column; this module assumes the data is valid and
only converts it. ``briefing_texts`` maps a role id to its briefing's text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from game.scenario.model import (
    Agreement,
    Condition,
    Conflict,
    Effect,
    Event,
    Issue,
    Lesson,
    Meta,
    MetricTerm,
    Mode,
    Option,
    Role,
    Round,
    Rule,
    Scenario,
    Scoring,
    Segment,
    Settings,
    Work,
)


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def condition(data: Mapping[str, Any] | None) -> Condition:
    if not data:
        return {}
    return {str(k): _tuple(v) for k, v in data.items()}


def _rule(d: Mapping[str, Any]) -> Rule:
    return Rule(when=condition(d.get("when")), points=float(d["points"]), note=d.get("note", ""))


def _term(d: Mapping[str, Any]) -> MetricTerm:
    return MetricTerm(
        metric=d["metric"],
        weight=float(d["weight"]),
        segments=_tuple(d.get("segments")),
        owner=d.get("owner"),
        works=_tuple(d.get("works")),
        note=d.get("note", ""),
    )


def _default_reservation(value: Any) -> float:
    """One number, or per mode: the full mode's value (else the first) as the default."""
    if isinstance(value, Mapping):
        return float(value.get("full", next(iter(value.values()))))
    return float(value)


def _mode_reservations(value: Any) -> dict[str, float]:
    if isinstance(value, Mapping):
        return {str(mode): float(v) for mode, v in value.items()}
    return {}


def _role(d: Mapping[str, Any], briefing_text: str) -> Role:
    sc = d.get("scoring") or {}
    points = {
        str(issue): {str(opt): float(p) for opt, p in (opts or {}).items()}
        for issue, opts in (sc.get("points") or {}).items()
    }
    return Role(
        id=d["id"],
        name=d["name"],
        short_name=d.get("short_name", ""),
        organisation=d.get("organisation", ""),
        public=d.get("public", ""),
        briefing=d.get("briefing", ""),
        briefing_text=briefing_text,
        reservation=_default_reservation(d["reservation"]),
        reservations=_mode_reservations(d["reservation"]),
        scoring=Scoring(
            points=points,
            rules=tuple(_rule(r) for r in sc.get("rules") or ()),
            metrics=tuple(_term(t) for t in sc.get("metrics") or ()),
        ),
        core=bool(d.get("core", True)),
        veto=bool(d.get("veto", False)),
    )


def _issue(d: Mapping[str, Any]) -> Issue:
    return Issue(
        id=d["id"],
        title=d["title"],
        kind=d["kind"],
        nature=d.get("nature"),
        question=d.get("question", ""),
        options=tuple(
            Option(
                id=o["id"],
                title=o["title"],
                text=o.get("text", ""),
                cost=float(o.get("cost", 0.0)),
                phasing=o.get("phasing"),
                delays={str(k): int(v) for k, v in (o.get("delays") or {}).items()},
            )
            for o in d["options"]
        ),
    )


def _work(d: Mapping[str, Any]) -> Work:
    return Work(
        id=d["id"],
        owner=d["owner"],
        title=d["title"],
        segments=_tuple(d["segments"]),
        months=int(d["months"]),
        start=int(d.get("start", 0)),
        deadline=None if d.get("deadline") is None else int(d["deadline"]),
        cost=float(d.get("cost", 0.0)),
        civil_cost=float(d.get("civil_cost", 0.0)),
        after=_tuple(d.get("after")),
        when=condition(d.get("when")) or None,
    )


def _effect(d: Mapping[str, Any]) -> Effect:
    rule = _rule(d) if d["type"] == "rule" else None
    return Effect(
        type=d["type"],
        role=d.get("role"),
        roles=_tuple(d.get("roles")),
        issue=d.get("issue"),
        option=d.get("option"),
        work=d.get("work"),
        delta=float(d.get("delta", 0.0)),
        months=int(d.get("months", 0)),
        rule=rule,
    )


def _round(d: Mapping[str, Any]) -> Round:
    return Round(
        id=d["id"],
        title=d["title"],
        minutes=float(d["minutes"]),
        instructions=d.get("instructions", ""),
        moves=_tuple(d.get("moves")),
        reveal=bool(d.get("reveal", False)),
        events=bool(d.get("events", True)),
    )


def _mode(name: str, d: Mapping[str, Any], all_issues: tuple[str, ...]) -> Mode:
    presets = {str(k): str(v) for k, v in (d.get("presets") or {}).items()}
    issues = d.get("issues")
    if issues is None or issues == "all":
        live = tuple(i for i in all_issues if i not in presets)
    else:
        wanted = set(_tuple(issues))
        live = tuple(i for i in all_issues if i in wanted)
    return Mode(
        name=name,
        rounds=tuple(_round(r) for r in d["rounds"]),
        issues=live,
        presets=presets,
        events=_tuple(d.get("events")),
    )


def _segment(d: Mapping[str, Any]) -> Segment:
    start = d["from"]
    end = d.get("to", start)
    return Segment(
        id=d["id"],
        name=d["name"],
        kind=d.get("kind", "other"),
        start=(int(start[0]), int(start[1])),
        end=(int(end[0]), int(end[1])),
        note=d.get("note", ""),
    )


def build_scenario(
    data: Mapping[str, Any], briefing_texts: Mapping[str, str], source: str = ""
) -> Scenario:
    meta = data["meta"]
    area = data["area"]
    issues = tuple(_issue(i) for i in data["issues"])
    issue_ids = tuple(i.id for i in issues)
    settings = data.get("settings") or {}
    agreement = data["agreement"]
    return Scenario(
        meta=Meta(
            id=meta["id"],
            title=meta["title"],
            language=meta.get("language", "nl"),
            version=str(meta.get("version", "1")),
            authors=_tuple(meta.get("authors")),
            description=meta.get("description", ""),
        ),
        press_release=data["press_release"],
        area_name=area.get("name", ""),
        segments=tuple(_segment(s) for s in area["segments"]),
        roles=tuple(_role(r, briefing_texts.get(r["id"], "")) for r in data["roles"]),
        issues=issues,
        works=tuple(_work(w) for w in data.get("works") or ()),
        conflicts=tuple(
            Conflict(
                id=c["id"],
                segment=c["segment"],
                text=c["text"],
                when=condition(c.get("when")),
                works=_tuple(c.get("works")),
            )
            for c in data.get("conflicts") or ()
        ),
        modes={name: _mode(name, m, issue_ids) for name, m in data["modes"].items()},
        events=tuple(
            Event(
                id=e["id"],
                title=e["title"],
                text=e.get("text", ""),
                effects=tuple(_effect(x) for x in e.get("effects") or ()),
                advice=e.get("advice", ""),
            )
            for e in data.get("events") or ()
        ),
        agreement=Agreement(
            quorum=int(agreement["quorum"]),
            signatures=bool(agreement.get("signatures", True)),
        ),
        status_quo={str(k): str(v) for k, v in data["status_quo"].items()},
        lessons=tuple(
            Lesson(
                title=lesson["title"],
                text=lesson.get("text", ""),
                value=lesson.get("value"),
                questions=tuple(lesson.get("questions") or ()),
            )
            for lesson in data.get("lessons") or ()
        ),
        settings=Settings(
            combine_saving=float(settings.get("combine_saving", 0.3)),
            combine_overhead=float(settings.get("combine_overhead", 0.3)),
            access_factor=float(settings.get("access_factor", 0.5)),
            horizon=int(settings.get("horizon", 60)),
        ),
        source=source,
    )
