"""What happened at the table: proposals over time with their support, and who talked to whom."""

from __future__ import annotations

from game.engine import GameState
from game.report.model import Json, rounded


def proposals(state: GameState, started: float) -> list[Json]:
    """Every proposal in order, with its time, support, votes and value to the roles in play."""
    roles = state.in_play
    out = []
    for p in state.proposals:
        score = state.score(p.package)
        ballots = [b for b in state.ballots if b.proposal == p.id]
        values = {r: rounded(score.scores[r]) for r in roles}
        out.append(
            {
                "id": p.id,
                "author": p.author,
                "parent": p.parent,
                "round": p.round,
                "at": p.at,
                "minute": rounded(max(0.0, p.at - started) / 60.0),
                "package": dict(score.package),
                "note": p.note,
                "withdrawn": p.withdrawn,
                "agreement": state.agreement == p.id,
                "support": [r for r in roles if r in p.support],
                "objections": [r for r in roles if r in p.objections],
                "support_count": len(p.support),
                "comments": len(p.comments),
                "feasible": score.feasible,
                "scores": values,
                "joint": rounded(sum(score.scores[r] for r in roles)),
                "cleared": sum(score.scores[r] >= state.scorer.reservation(r) for r in roles),
                "ballots": [
                    {
                        "id": b.id,
                        "yes": sum(v == "yes" for v in b.votes.values()),
                        "no": sum(v == "no" for v in b.votes.values()),
                        "abstain": sum(v == "abstain" for v in b.votes.values()),
                        "quorum": b.quorum,
                        "passed": b.passed,
                        "reason": b.reason,
                        "votes": dict(b.votes),
                    }
                    for b in ballots
                ],
            }
        )
    return out


def talk(state: GameState) -> Json:
    """Message counts: public per sender, private as a sender → receiver matrix.

    Counts only, never the texts. The report shows this for the debrief even
    when the session never reached the reveal (``revealed`` says whether it did).
    """
    roles = list(state.in_play)
    for m in state.messages:  # a role may have left play after talking
        for r in (m.sender, m.to):
            if r is not None and r not in roles and r in state.scenario.role_ids:
                roles.append(r)
    public = dict.fromkeys(roles, 0)
    private = {r: dict.fromkeys(roles, 0) for r in roles}
    for m in state.messages:
        if m.sender not in public:
            continue
        if m.to is None:
            public[m.sender] += 1
        elif m.to in private[m.sender]:
            private[m.sender][m.to] += 1
    return {
        "revealed": state.revealed,
        "roles": roles,
        "public": public,
        "private": private,
        "total_public": sum(public.values()),
        "total_private": sum(sum(row.values()) for row in private.values()),
    }
