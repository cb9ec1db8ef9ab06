"""Why a ballot failed, for the reveal: who voted no, what the proposal was worth
to each of them against their reservation value, and what in their hidden
interests it went against most.

Only :func:`game.engine.views` puts this in a view, and only in ``"reveal"``:
it is made of every no-voter's private scoring.

Example::

    >>> from game.scenario.loader import load_scenario
    >>> from game.engine import new_game
    >>> sc = load_scenario("tests/fixtures/mini/mini.yaml")
    >>> failed_ballots(new_game(sc, "short", 1, 0.0))
    []
"""

from __future__ import annotations

from typing import Any

from game.engine.records import Ballot
from game.engine.state import GameState, shared_scorer
from game.scenario.model import matches
from game.scenario.scoring import Scorer, metric_value

Json = dict[str, Any]

#: How many of a role's heaviest objections the reveal names.
HEAVIEST = 2

#: Per table: the ballots and scenario the last list was made of, and the list.
_FAILED: dict[int, tuple[tuple[Ballot, ...], object, str, list[Json]]] = {}


def failed_ballots(state: GameState) -> list[Json]:
    """Every closed ballot that failed, in order, with why (see the module docstring).

    Keys per ballot: ``ballot``, ``proposal``, ``reason`` (as the ballot has it),
    ``quorum``, ``yes``, ``short`` (yes votes missing), ``no`` and ``abstain``
    (roles in voting order) and ``against``: per no-voter its ``score`` and
    ``reservation`` (with the events played when the ballot opened) and
    ``heaviest``, up to :data:`HEAVIEST` items it lost most points on, largest
    first: ``{"type": "issue", "issue", "option", "points", "best"}``,
    ``{"type": "rule", "points", "note"}`` or ``{"type": "metric", "metric",
    "segments", "value", "points", "note"}``, each with its ``loss``.
    """
    earlier = _FAILED.get(state.table)
    if (
        earlier is not None
        and earlier[0] is state.ballots
        and earlier[1] is state.scenario
        and earlier[2] == state.mode
    ):
        return earlier[3]
    found = [_failed(state, b) for b in state.ballots if not b.open and b.passed is False]
    if len(_FAILED) >= 1024:
        _FAILED.clear()
    _FAILED[state.table] = (state.ballots, state.scenario, state.mode, found)
    return found


def _failed(state: GameState, ballot: Ballot) -> Json:
    events = tuple(p.event for p in state.played if p.at <= ballot.opened_at)
    scorer = shared_scorer(state.scenario, state.mode, events)
    tally = ballot.tally()
    no = [r for r, v in ballot.votes.items() if v == "no"]
    proposal = state.proposal(ballot.proposal)
    return {
        "ballot": ballot.id,
        "proposal": ballot.proposal,
        "reason": ballot.reason,
        "quorum": ballot.quorum,
        "yes": tally["yes"],
        "short": max(0, ballot.quorum - tally["yes"]),
        "no": no,
        "abstain": [r for r, v in ballot.votes.items() if v == "abstain"],
        "against": {r: _against(state, scorer, dict(proposal.package), r) for r in no},
    }


def _against(state: GameState, scorer: Scorer, live: dict[str, str], role_id: str) -> Json:
    score = scorer.score(live)
    role = state.scenario.role(role_id)
    adj = scorer.adj
    items: list[Json] = []
    for issue_id in state.mode_def.issues:  # the live issues: what a proposal chooses
        issue = state.scenario.issue(issue_id)
        options = {
            o: role.scoring.points.get(issue_id, {}).get(o, 0.0)
            + adj.points.get((role_id, issue_id, o), 0.0)
            for o in issue.option_ids
        }
        chosen = score.package[issue_id]
        best = max(options.values())
        items.append(
            {
                "type": "issue",
                "issue": issue_id,
                "option": chosen,
                "points": options[chosen],
                "best": best,
                "loss": round(best - options[chosen], 6),
            }
        )
    for rule in (*role.scoring.rules, *adj.rules.get(role_id, ())):
        if rule.points < 0 and matches(rule.when, score.package):
            items.append(
                {"type": "rule", "points": rule.points, "note": rule.note, "loss": -rule.points}
            )
    for term in role.scoring.metrics:
        value = metric_value(term, score.metrics, state.scenario)
        weighed = round(term.weight * value, 6)
        if weighed < 0:
            items.append(
                {
                    "type": "metric",
                    "metric": term.metric,
                    "segments": list(term.segments),
                    "value": round(value, 6),
                    "points": weighed,
                    "note": term.note,
                    "loss": -weighed,
                }
            )
    heaviest = sorted((i for i in items if i["loss"] > 0), key=lambda i: -i["loss"])
    return {
        "score": score.scores[role_id],
        "reservation": scorer.reservation(role_id),
        "heaviest": heaviest[:HEAVIEST],
    }
