"""The outcome of a session: scores, plan metrics and behaviour indicators.

``outcome(state)`` is a pure function of the state. It is final once the
reveal round has started (``state.revealed``); before that it is provisional
and no view shows it to a participant. The indicators are defined in
``docs/engine.md`` (section *Behaviour indicators*).
"""

from __future__ import annotations

from typing import Any

from game.engine.state import GameState
from game.scenario.scoring import PackageScore


def _mean(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(sum(present) / len(present), 4) if present else None


def _joint(score: PackageScore, roles: tuple[str, ...]) -> float:
    """The joint score of the roles in play (kept on the never-changing score)."""
    kept: dict[tuple[str, ...], float] = score.__dict__.setdefault("_joint", {})
    found = kept.get(roles)
    if found is None:
        found = kept[roles] = round(sum(score.scores[r] for r in roles), 6)
    return found


def _scored(state: GameState) -> dict[str, PackageScore]:
    """Each proposal's score, kept on its (never-changing) record per scorer."""
    scorer = state.scorer
    out: dict[str, PackageScore] = {}
    for p in state.proposals:
        entry: tuple[object, PackageScore] | None = p.__dict__.get("_outcome_score")
        if entry is None or entry[0] is not scorer:
            entry = p.__dict__["_outcome_score"] = (scorer, state.score(p.package))
        out[p.id] = entry[1]
    return out


#: Per proposal id the joint score of the roles in play; per role its first best proposal.
_Ranking = tuple[dict[str, float], dict[str, str]]
#: Per table: the scores the last ranking was made of, and the ranking (see _ranking).
_RANKINGS: dict[int, tuple[tuple[str, ...], tuple[PackageScore, ...], _Ranking]] = {}


def _ranking(state: GameState, scored: dict[str, PackageScore]) -> _Ranking:
    """Joint scores and each role's best proposal, kept per table while the proposals'
    scores are the same objects (a support, an objection or a comment changes a
    proposal's record, never its package: only a new proposal or an event does)."""
    roles = state.in_play
    scores = tuple(scored.values())
    earlier = _RANKINGS.get(state.table)
    if (
        earlier is not None
        and earlier[0] == roles
        and len(earlier[1]) == len(scores)
        and all(a is b for a, b in zip(earlier[1], scores, strict=True))
        and list(scored) == list(earlier[2][0])
    ):
        return earlier[2]
    joint = {pid: _joint(score, roles) for pid, score in scored.items()}
    pids = list(scored)
    best: dict[str, str] = {}
    if pids:
        for role in roles:
            own = [scored[pid].scores[role] for pid in pids]
            best[role] = pids[own.index(max(own))]  # the first best, as max() picks it
    if len(_RANKINGS) >= 1024:
        _RANKINGS.clear()
    _RANKINGS[state.table] = (roles, scores, (joint, best))
    return joint, best


#: Per (table, role): what the role's indicators were last made of, and them (the
#: dict is shared between outcomes: read-only, as the views are).
_PER_ROLE: dict[tuple[int, str], tuple[tuple[object, ...], dict[str, Any]]] = {}


def indicators(state: GameState) -> dict[str, Any]:
    """Per role and for the table: openness, cooperation, result orientation,
    reliability and rising above own interest (each 0..1, or ``None`` when it
    does not apply), with the counts they come from."""
    roles = state.in_play
    live = set(state.mode_def.issues)
    passed = next((b for b in state.ballots if b.passed), None)
    table_result = 0.0 if passed is None else (1.0 if passed.in_time else 0.5)
    per_role: dict[str, dict[str, Any]] = {}
    scored = _scored(state)
    joint, best_of = _ranking(state, scored)
    # One pass over the records (a late game: tens of proposals, twelve roles).
    author = {p.id: p.author for p in state.proposals}
    authored: dict[str, int] = {}
    amends: dict[str, set[str]] = {}  # role -> the proposals its amendments amend
    supports: dict[str, list[str]] = {}  # role -> the proposals it supports, in order
    for p in state.proposals:
        authored[p.author] = authored.get(p.author, 0) + 1
        if p.parent:
            amends.setdefault(p.author, set()).add(p.parent)
        for supporter in p.support:
            supports.setdefault(supporter, []).append(p.id)
    disclosures: dict[str, set[str | None]] = {}
    for d in state.disclosures:
        disclosures.setdefault(d.role, set()).add(d.issue)
    yes: dict[str, set[str]] = {}
    for b in state.ballots:
        for voter, vote in b.votes.items():
            if vote == "yes":
                yes.setdefault(voter, set()).add(b.proposal)
    signing = _signing(state)
    ranking = (joint, best_of)
    if len(_PER_ROLE) >= 4096:
        _PER_ROLE.clear()
    for role in roles:
        disclosed = disclosures.get(role, set())
        own_amends = amends.get(role, set())
        own_supports = supports.get(role, [])
        own_yes = yes.get(role, set())
        voted_yes = passed is not None and passed.votes.get(role) == "yes"
        signed = role in state.signatures
        # Everything this role's indicators are made of (a proposal's author and
        # package never change): a support changes one role's, the others are kept.
        inputs = (
            live,
            len(state.proposals) - authored.get(role, 0),
            frozenset(disclosed),
            frozenset(own_amends),
            tuple(own_supports),
            frozenset(own_yes),
            voted_yes,
            table_result,
            signed,
            signing,
            ranking,
        )
        kept = _PER_ROLE.get((state.table, role))
        if kept is not None and kept[0] == inputs:
            per_role[role] = kept[1]
            continue
        openness = (len(disclosed & live) + (None in disclosed)) / (len(live) + 1)

        others = inputs[1]
        amended_others = {pid for pid in own_amends if author.get(pid, role) != role}
        supported_others = [pid for pid in own_supports if author[pid] != role]
        built_on = amended_others | set(supported_others)
        cooperation = len(built_on) / others if others else None

        result = table_result if voted_yes else 0.0
        reliability = (1.0 if signed else 0.0) if voted_yes and signing else None

        backed = set(own_supports) | own_yes
        rising = None
        if backed and scored:
            best_pid = best_of[role]
            best = scored[best_pid]
            gave_up = [
                pid
                for pid in sorted(backed)
                if scored[pid].scores[role] < best.scores[role] and joint[pid] > joint[best_pid]
            ]
            rising = len(gave_up) / len(backed)
        per_role[role] = {
            "openness": round(openness, 4),
            "cooperation": None if cooperation is None else round(cooperation, 4),
            "result_orientation": result,
            "reliability": reliability,
            "rising_above_own_interest": None if rising is None else round(rising, 4),
            "counts": {
                "disclosed": len(disclosed),
                "amendments_of_others": len(amended_others),
                "support_given": len(supported_others),
                "backed": len(backed),
            },
        }
        _PER_ROLE[(state.table, role)] = (inputs, per_role[role])
    yes_voters = [r for r in roles if passed is not None and passed.votes.get(r) == "yes"]
    table_reliability = (
        round(sum(r in state.signatures for r in yes_voters) / len(yes_voters), 4)
        if yes_voters and _signing(state)
        else None
    )
    names = ("openness", "cooperation", "rising_above_own_interest")
    table: dict[str, Any] = {k: _mean([per_role[r][k] for r in roles]) for k in names}
    table["result_orientation"] = table_result
    table["reliability"] = table_reliability
    return {"roles": per_role, "table": {k: table[k] for k in sorted(table)}}


def _signing(state: GameState) -> bool:
    return state.scenario.agreement.signatures


def outcome(state: GameState) -> dict[str, Any]:
    """Agreement, package, per-role scores and reservation values, plan metrics,
    the status quo for comparison, and the behaviour indicators.

    Without agreement every role scores its reservation value (its no-deal value);
    the status quo's ``scores`` are those same values, never the status-quo
    package scored as a plan. A role's indicators are shared with the outcomes of
    other states while what they are made of is the same: read-only, as views are."""
    scorer = state.scorer
    roles = state.in_play
    reservations = {r: scorer.reservation(r) for r in roles}
    status_quo = scorer.score(state.scenario.status_quo)
    status_quo_metrics = status_quo.metrics.to_json()
    agreed = state.proposal(state.agreement) if state.agreement else None
    passed = next((b for b in state.ballots if b.passed), None)
    if agreed is not None:
        result = state.score(agreed.package)
        scores = {r: result.scores[r] for r in roles}
        cleared: dict[str, bool | None] = {r: scores[r] >= reservations[r] for r in roles}
        metrics = result.metrics.to_json()
        package: dict[str, str] | None = dict(result.package)
    else:
        scores = dict(reservations)
        cleared = {r: None for r in roles}
        metrics = status_quo_metrics
        package = None
    return {
        "final": state.revealed,
        "agreement": agreed is not None,
        "proposal": agreed.id if agreed else None,
        "package": package,
        "in_time": passed.in_time if passed else None,
        "events": list(state.events_played),
        "roles": list(roles),
        "scores": scores,
        "reservations": reservations,
        "cleared": cleared,
        "joint": round(sum(scores.values()), 6),
        "metrics": metrics,
        # One no-deal value: without agreement each role gets its reservation value,
        # so the status quo scores every role at exactly that (its street metrics
        # are those of the status-quo package: everyone digs on its own timing).
        "status_quo": {
            "package": dict(status_quo.package),
            "scores": dict(reservations),
            "metrics": status_quo_metrics,
        },
        "signatures": list(state.signatures),
        "indicators": indicators(state),
    }
