"""The balance report of bot play-tests: is the scenario playable, is a role hopeless?

``game_record(session, index, seed)`` summarises one played session;
``balance(scenario, mode, records)`` turns many into the figures a trainer
reads (plain JSON data, rounded, in a fixed order — the same games give the
same report):

* ``agreement_rate``;
* per role its reservation value and score distribution (min, median, max,
  mean), the share of games it ended *above* its reservation value and the
  share it ended *below* it (an agreement that does not clear it);
* the vetoes: per veto role, the ballots its "no" sank;
* the plan: openings and cost of the outcomes against the status quo and the
  best plan (the passing package with the largest joint value, no events);
* how long it took: round and proposals until the agreement.
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from collections.abc import Sequence
from typing import Any

from game.bots.playtest import Session
from game.engine import outcome
from game.scenario.model import Scenario
from game.scenario.scoring import Scorer, effective_quorum

Json = dict[str, Any]

#: Enumerating the best plan without the analysis package stops at this many packages.
MAX_ENUMERATED = 200_000


def _r(x: float, digits: int = 3) -> float:
    return round(float(x), digits)


def game_record(session: Session, index: int, seed: int) -> Json:
    """One session as plain data: outcome, scores, ballots, plan metrics, temperaments."""
    state = session.state
    out = outcome(state)
    m = out["metrics"]
    passed = next((b for b in state.ballots if b.passed), None)
    rounds = [r.id for r in state.mode_def.rounds]
    agreed_round = rounds.index(passed.round) + 1 if passed else None
    agreed_number = int(passed.proposal[1:]) if passed else None
    return {
        "game": index,
        "seed": seed,
        "agreement": out["agreement"],
        "proposal": out["proposal"],
        "package": out["package"],
        "proposals": len(state.proposals),
        "ballots": len(state.ballots),
        "failed": [b.reason for b in state.ballots if not b.open and not b.passed],
        "agreement_round": agreed_round,
        "proposals_until_agreement": agreed_number,
        "scores": out["scores"],
        "reservations": out["reservations"],
        "events": out["events"],
        "temperaments": {
            r: {"name": t.name, "openness": t.openness} for r, t in session.temperaments.items()
        },
        "rejected": len(session.rejected),
        "metrics": {
            "openings_total": m["openings_total"],
            "nuisance_total": m["nuisance_total"],
            "cost": m["cost"],
            "saved": m["saved"],
            "missed": len(m["missed"]),
            "conflicts": len(m["conflicts"]),
            "duration": m["duration"],
        },
        "signatures": len(out["signatures"]),
    }


def best_plan(scenario: Scenario, mode: str) -> Json | None:
    """The passing package with the largest joint value (all roles in play, no events)."""
    try:
        from game.analysis.agreements import analyze_agreements
        from game.analysis.space import build_space
    except ImportError:  # pragma: no cover - the analysis package is optional here
        return _best_plan_enumerated(scenario, mode)
    space = build_space(scenario, mode)
    result = analyze_agreements(space, pareto=False)
    if result.max_welfare is None:
        return None
    return _plan(scenario, mode, space.live_choices(result.max_welfare))


def _best_plan_enumerated(scenario: Scenario, mode: str) -> Json | None:
    scorer = Scorer(scenario, mode)
    live = [i for i in scenario.issue_ids if i in scorer.mode.issues]
    options = [scenario.issue(i).option_ids for i in live]
    quorum = effective_quorum(scenario, len(scenario.roles))
    reservations = scorer.reservations()
    best: tuple[float, dict[str, str]] | None = None
    for count, combo in enumerate(itertools.product(*options)):
        if count >= MAX_ENUMERATED:
            break
        choice = dict(zip(live, combo, strict=True))
        scores = scorer.score(choice).scores
        yes = {r for r, v in scores.items() if v >= reservations[r]}
        if len(yes) < quorum or any(r not in yes for r in scenario.veto_roles):
            continue
        joint = sum(scores.values())
        if best is None or joint > best[0]:
            best = (joint, choice)
    return _plan(scenario, mode, best[1]) if best else None


def _plan(scenario: Scenario, mode: str, live: dict[str, str]) -> Json:
    score = Scorer(scenario, mode).score(live)
    return {
        "package": dict(score.package),
        "joint": _r(sum(score.scores.values())),
        "openings_total": score.metrics.openings_total,
        "cost": _r(score.metrics.cost),
    }


def _dist(values: Sequence[float]) -> Json:
    return {
        "min": _r(min(values)),
        "median": _r(statistics.median(values)),
        "max": _r(max(values)),
        "mean": _r(statistics.fmean(values)),
    }


def _mean(values: Sequence[float]) -> float | None:
    return _r(statistics.fmean(values)) if values else None


#: ``balance``'s ``best`` when the caller did not work the best plan out already.
_ASK = object()


def balance(scenario: Scenario, mode: str, games: Sequence[Json], best: object = _ASK) -> Json:
    """The balance report over ``games`` (records from :func:`game_record`); ``best``:
    :func:`best_plan` of the scenario and mode when the caller has it already (it does
    not depend on the games, so a caller may work it out while they are played)."""
    n = len(games)
    agreed = [g for g in games if g["agreement"]]
    roles = list(games[0]["scores"]) if games else []
    base = Scorer(scenario, mode).reservations()
    per_role = {}
    for r in roles:
        scores = [g["scores"][r] for g in games]
        above = sum(g["scores"][r] > g["reservations"][r] + 1e-9 for g in games)
        below = sum(g["scores"][r] < g["reservations"][r] - 1e-9 for g in games)
        per_role[r] = {
            "reservation": _r(base[r]),
            "veto": scenario.role(r).veto,
            **_dist(scores),
            "above": _r(above / n, 4),
            "below": _r(below / n, 4),
        }
    failed = Counter(reason for g in games for reason in g["failed"])
    vetoes = {r: failed.get(f"veto:{r}", 0) for r in scenario.veto_roles if r in roles}
    status_quo = Scorer(scenario, mode).score(dict(scenario.status_quo)).metrics
    return {
        "games": n,
        "agreements": len(agreed),
        "agreement_rate": _r(len(agreed) / n, 4) if n else 0.0,
        "roles": per_role,
        "ballots": sum(g["ballots"] for g in games),
        "failed_ballots": {
            "veto": sum(v for k, v in failed.items() if k.startswith("veto:")),
            "quorum": failed.get("quorum", 0),
            "infeasible": failed.get("infeasible", 0),
        },
        "vetoes": vetoes,
        "plan": {
            "openings_total": _mean([g["metrics"]["openings_total"] for g in agreed]),
            "cost": _mean([g["metrics"]["cost"] for g in agreed]),
            "joint": _mean([sum(g["scores"].values()) for g in agreed]),
            "status_quo": {
                "openings_total": status_quo.openings_total,
                "cost": _r(status_quo.cost),
            },
            "best": best_plan(scenario, mode) if best is _ASK else best,
        },
        "until_agreement": {
            "round": _mean([g["agreement_round"] for g in agreed]),
            "proposals": _mean([g["proposals_until_agreement"] for g in agreed]),
            "ballots": _mean([g["ballots"] for g in agreed]),
        },
        "proposals": _mean([g["proposals"] for g in games]),
        "rejected_moves": sum(g["rejected"] for g in games),
    }
