"""Building blocks of the views: public scenario data, a role's private
profile, proposals, ballots and the clock, each as plain JSON data.

Static parts are cached per scenario (or per scorer); callers must treat the
views as read-only.
"""

from __future__ import annotations

import weakref
from typing import Any

from game.engine.moves import IllegalMove
from game.engine.preview import check_package
from game.engine.records import Ballot, Proposal
from game.engine.state import GameState
from game.scenario.briefing import render_briefing
from game.scenario.model import Role, Scenario, Segment
from game.scenario.scoring import PackageScore, Scorer

Json = dict[str, Any]

_PUBLIC: dict[tuple[int, str], tuple[Scenario, Json]] = {}
#: Per (name, table): what a part was last made of, and the part. Per table, as a
#: server interleaves the states of its tables (a single "last" entry would be made
#: afresh for nearly every state of a host with many tables).
_SEATS: dict[tuple[str, int], tuple[Any, Scenario, Any]] = {}
#: Per table the last proposal table made, with the records and scorer it was made of
#: (states that follow one another mostly share their proposal records).
_TABLE: dict[int, tuple[tuple[Proposal, ...], Scorer, tuple[list[Json], list[PackageScore]]]] = {}
#: Per (name, table): the inputs the last round or events list was made from, and it.
_LAST: dict[tuple[str, int], tuple[tuple[Any, ...], Any]] = {}
#: Entries per table cache before it is emptied (a host has tens of tables, not thousands).
PER_TABLE_MAX = 4096


def _per_table(cache: dict[Any, Any], key: Any, value: Any) -> None:
    if len(cache) >= PER_TABLE_MAX:
        cache.clear()
    cache[key] = value


_PROFILES: weakref.WeakKeyDictionary[Scorer, dict[tuple[str, tuple[str, ...]], Json]] = (
    weakref.WeakKeyDictionary()
)
_METRICS: weakref.WeakKeyDictionary[Scorer, dict[tuple[str, ...], Json]] = (
    weakref.WeakKeyDictionary()
)


def clock(state: GameState, now: float) -> Json:
    rnd = state.round
    return {
        "round": rnd.id if rnd else None,
        "index": state.round_index,
        "rounds": len(state.mode_def.rounds),
        "running": state.phase == "running" and not state.paused,
        "paused": state.paused,
        "remaining": round(state.remaining_at(now), 3),
        "auto_advance": state.auto_advance,
    }


def _round(rnd: Any) -> Json:
    return {
        "id": rnd.id,
        "title": rnd.title,
        "minutes": rnd.minutes,
        "instructions": rnd.instructions,
        "moves": list(rnd.moves),
        "reveal": rnd.reveal,
        "events": rnd.events,
    }


def current_round(state: GameState) -> Json | None:
    """The round being played (kept per table while the round is the same)."""
    rnd = state.round
    if rnd is None:
        return None
    key = ("round", state.table)
    inputs = (rnd, state.round_index)
    last = _LAST.get(key)
    if last is not None and last[0][0] is rnd and last[0][1] == state.round_index:
        return last[1]  # type: ignore[no-any-return]
    found = {"index": state.round_index, **_round(rnd)}
    _per_table(_LAST, key, (inputs, found))
    return found


def segment_json(segment: Segment, note: bool = True) -> Json:
    """One segment of the area: id, name, kind, end points and (if ``note``) its note."""
    found: Json = {
        "id": segment.id,
        "name": segment.name,
        "kind": segment.kind,
        "from": list(segment.start),
        "to": list(segment.end),
    }
    if note:
        found["note"] = segment.note
    return found


def public_scenario(state: GameState) -> Json:
    """Everything every role may see of the scenario (static per scenario and mode)."""
    sc = state.scenario
    cached = _PUBLIC.get((id(sc), state.mode))
    if cached is not None and cached[0] is sc:
        return cached[1]
    if len(_PUBLIC) > 32:
        _PUBLIC.clear()
    mode = sc.mode(state.mode)
    events = mode.events or tuple(e.id for e in sc.events)
    found = {
        "id": sc.meta.id,
        "title": sc.meta.title,
        "language": sc.meta.language,
        "press_release": sc.press_release,
        "area": sc.area_name,
        "mode": mode.name,
        "segments": [segment_json(s) for s in sc.segments],
        "issues": [
            {
                "id": i.id,
                "title": i.title,
                "question": i.question,
                "kind": i.kind,
                "live": i.id in mode.issues,
                "preset": mode.presets.get(i.id),
                "options": [
                    {"id": o.id, "title": o.title, "text": o.text, "cost": o.cost}
                    for o in i.options
                ],
            }
            for i in sc.issues
        ],
        "live_issues": list(mode.issues),
        "presets": dict(mode.presets),
        "works": [
            {
                "id": w.id,
                "owner": w.owner,
                "title": w.title,
                "segments": list(w.segments),
                "months": w.months,
                "start": w.start,
                "deadline": w.deadline,
            }
            for w in sc.works
        ],
        "conflicts": [{"id": c.id, "segment": c.segment, "text": c.text} for c in sc.conflicts],
        "rounds": [_round(r) for r in mode.rounds],
        "events": [{"id": e.id, "title": e.title} for e in sc.events if e.id in events],
        "status_quo": dict(sc.status_quo),
        "lessons": [{"title": le.title, "text": le.text, "value": le.value} for le in sc.lessons],
    }
    _PUBLIC[(id(sc), state.mode)] = (sc, found)
    return found


def _seat_cached(state: GameState, name: str) -> Any:
    """A cache entry valid while the seats mapping and locks stay the same objects."""
    entry = _SEATS.get((name, state.table))
    if entry is not None and entry[0] is state.seats and entry[1] is state.scenario:
        return entry[2]
    return None


def roles_public(state: GameState) -> list[Json]:
    found = _seat_cached(state, "roles")
    if found is None:
        found = _roles_public(state)
        _per_table(_SEATS, ("roles", state.table), (state.seats, state.scenario, found))
    return found  # type: ignore[no-any-return]


def agreement_rule(state: GameState) -> Json:
    found = _seat_cached(state, "rule")
    if found is None:
        found = _agreement_rule(state)
        _per_table(_SEATS, ("rule", state.table), (state.seats, state.scenario, found))
    return found  # type: ignore[no-any-return]


def _roles_public(state: GameState) -> list[Json]:
    return [
        {
            "id": r.id,
            "name": r.name,
            "short_name": r.label,
            "organisation": r.organisation,
            "public": r.public,
            "core": r.core,
            "veto": r.veto,
            "seat": state.seats[r.id],
            "in_play": state.seats[r.id] != "none",
        }
        for r in state.scenario.roles
    ]


def _agreement_rule(state: GameState) -> Json:
    return {
        "quorum": state.scenario.agreement.quorum,
        "effective_quorum": state.quorum,
        "in_play": len(state.in_play),
        "signatures": state.scenario.agreement.signatures,
        "veto_roles": [r for r in state.scenario.veto_roles if r in state.in_play],
    }


def private_profile(state: GameState, role: Role) -> Json:
    """A role's private data with the events played so far applied (cached per scorer)."""
    per_role = _PROFILES.get(state.scorer)
    if per_role is None:
        per_role = _PROFILES[state.scorer] = {}
    key = (role.id, state.in_play)  # the briefing names the quorum of the roles in play
    found = per_role.get(key)
    if found is None:
        found = per_role[key] = _profile(state, role)
    return found


def _profile(state: GameState, role: Role) -> Json:
    scorer = state.scorer
    adj = scorer.adj
    points = {
        issue.id: {
            o: role.scoring.points.get(issue.id, {}).get(o, 0.0)
            + adj.points.get((role.id, issue.id, o), 0.0)
            for o in issue.option_ids
        }
        for issue in state.scenario.issues
    }
    rules = [*role.scoring.rules, *adj.rules.get(role.id, ())]
    return {
        "role": role.id,
        "briefing": render_briefing(
            state.scenario, role.id, state.mode, state.scenario.meta.language, state.in_play
        ),
        "points": points,
        "rules": [
            {"when": {k: list(v) for k, v in r.when.items()}, "points": r.points, "note": r.note}
            for r in rules
        ],
        "metric_terms": [
            {
                "metric": t.metric,
                "weight": t.weight,
                "segments": list(t.segments),
                "owner": t.owner,
                "works": list(t.works),
                "note": t.note,
            }
            for t in role.scoring.metrics
        ],
        "reservation": scorer.reservation(role.id),
        "veto": role.veto,
    }


#: The parts of a package's plan metrics the views leave out: the execution
#: schedule (``jobs``), the works planned, nuisance per segment and cost per
#: owner. No list, card or map shows them; the plan tab asks for them with
#: :func:`plan_view` (the ``plan`` request), so a late view stays small.
PLAN_DETAIL = ("jobs", "works", "nuisance", "cost_by_owner")


def package_metrics(state: GameState, package: dict[str, str] | Any) -> Json:
    """The public plan metrics of a (live) package as the views carry them,
    without :data:`PLAN_DETAIL` (cached per scorer)."""
    scorer = state.scorer
    cache = _METRICS.get(scorer)
    if cache is None:
        cache = _METRICS[scorer] = {}
    score = state.score(package)
    key = tuple(score.package.values())
    found = cache.get(key)
    if found is None:
        whole = score.metrics.to_json()
        found = {k: v for k, v in whole.items() if k not in PLAN_DETAIL}
        found["feasible"] = score.feasible
        cache[key] = found
    return found


def plan_view(state: GameState, proposal: str | None = None, package: Any = None) -> Json:
    """The plan detail of a proposal (by id) or of a package of live choices:
    public data, the same for every role (the ``plan`` request answers it).

    Keys: ``proposal`` (the id, or ``None`` for a package), ``package`` (the
    live choices), ``events`` (the events played, which the plan depends on)
    and every key of :data:`PLAN_DETAIL`; with a view's ``metrics`` of the
    same package they make the whole :meth:`Metrics.to_json`.
    ``IllegalMove``: ``unknown_id`` for an unknown proposal, issue or option,
    ``bad_args`` for neither or both of ``proposal`` and ``package`` or an
    incomplete package.

        >>> from game.scenario.loader import load_scenario
        >>> from game.engine.state import new_game
        >>> sc = load_scenario("tests/fixtures/mini/mini.yaml")
        >>> state = new_game(sc, "short", seed=1, now=0.0)
        >>> found = plan_view(state, package={"ontwerp": "kaal", "fasering": "los"})
        >>> sorted(found)
        ['cost_by_owner', 'events', 'jobs', 'nuisance', 'package', 'proposal', 'works']
        >>> found["jobs"][0]["segment"]
        'dorpsstraat'
    """
    if (proposal is None) == (package is None):
        raise IllegalMove("bad_args", "give either a proposal or a package")
    if proposal is not None:
        live = dict(state.proposal(proposal).package)
    else:
        live = check_package(state, package)
    whole = state.score(live).metrics.to_json()
    return {
        "proposal": proposal,
        "package": live,
        "events": list(state.events_played),
        **{k: whole[k] for k in PLAN_DETAIL},
    }


def proposal_table(state: GameState) -> tuple[list[Json], list[PackageScore]]:
    """Every proposal's public JSON and its score for every role, in proposal order.

    Cached on the state, and per proposal record (records never change; a
    record's entry is renewed when the events played change the scorer).
    """
    cached: tuple[list[Json], list[PackageScore]] | None = state.__dict__.get("_proposal_table")
    if cached is not None:
        return cached
    scorer = state.scorer
    last = _TABLE.get(state.table)
    if last is not None and last[0] is state.proposals and last[1] is scorer:
        # the same records and scorer as the state before: the same table
        state.__dict__["_proposal_table"] = last[2]
        return last[2]
    jsons: list[Json] = []
    scores: list[PackageScore] = []
    for p in state.proposals:
        entry = p.__dict__.get("_view_entry")
        if entry is None or entry[0] is not scorer:
            entry = (scorer, _proposal_json(state, p), state.score(p.package))
            p.__dict__["_view_entry"] = entry
        jsons.append(entry[1])
        scores.append(entry[2])
    result = (jsons, scores)
    state.__dict__["_proposal_table"] = result
    _per_table(_TABLE, state.table, (state.proposals, scorer, result))
    return result


def _proposal_json(state: GameState, p: Proposal) -> Json:
    return {
        "id": p.id,
        "author": p.author,
        "package": dict(p.package),
        "note": p.note,
        "parent": p.parent,
        "round": p.round,
        "at": p.at,
        "withdrawn": p.withdrawn,
        "support": dict(p.support),
        "objections": dict(p.objections),
        "comments": [c.to_json() for c in p.comments],
        "metrics": package_metrics(state, p.package),
    }


def ballot_public(b: Ballot) -> Json:
    """A ballot: while open, who voted and the tally; once closed, every vote too."""
    out: Json = {
        "id": b.id,
        "proposal": b.proposal,
        "round": b.round,
        "quorum": b.quorum,
        "open": b.open,
        "voted": list(b.votes),
        "tally": b.tally(),
        "passed": b.passed,
        "reason": b.reason,
        "in_time": b.in_time,
    }
    if not b.open:
        out["votes"] = dict(b.votes)
    return out


def events_public(state: GameState) -> list[Json]:
    """The events played (kept per table while they are the same records)."""
    key = ("events", state.table)
    last = _LAST.get(key)
    if last is not None and last[0][0] is state.played and last[0][1] is state.scenario:
        return last[1]  # type: ignore[no-any-return]
    found = _events_public(state)
    _per_table(_LAST, key, ((state.played, state.scenario), found))
    return found


def _events_public(state: GameState) -> list[Json]:
    out = []
    for played in state.played:
        event = state.scenario.event(played.event)
        out.append(
            {
                "id": event.id,
                "title": event.title,
                "text": event.text,
                "round": played.round,
                "at": played.at,
            }
        )
    return out


def agreement_public(state: GameState) -> Json | None:
    if state.agreement is None:
        return None
    proposal = state.proposal(state.agreement)
    return {
        "proposal": proposal.id,
        "package": state.full_package(proposal),
        "signatures": list(state.signatures),
    }
