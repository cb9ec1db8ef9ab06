"""What happened at the table: proposals over time with their support, and who talked to whom."""

from __future__ import annotations

from game.engine import GameState
from game.report.model import Json, rounded
from game.report.timeline import Timeline


def seconds_since(zero: float, at: float | None) -> float | None:
    """``at`` as seconds after ``zero`` (never negative; ``None`` stays ``None``)."""
    return None if at is None else rounded(max(0.0, at - zero))


def course(state: GameState, started: float, timeline: Timeline | None) -> Json:
    """The table's course in seconds after ``started``: round changes and the end.

    ``complete`` is false when no move log was given: then there are no round
    changes and each proposal's history is its support at the end only.
    """
    known = [started, *(p.at for p in state.proposals), *(e.at for e in state.played)]
    known += [b.closed_at or b.opened_at for b in state.ballots]
    known += list(state.signatures.values())
    rounds = []
    if timeline is not None:
        known += [t for t in (timeline.last,) if t is not None]
        mode = state.mode_def
        titles = {r.id: r.title for r in mode.rounds}
        rounds = [
            {"id": r, "title": titles.get(r, r), "seconds": seconds_since(started, at)}
            for at, r in timeline.rounds
        ]
    ended = timeline.ended if timeline is not None else None
    return {
        "complete": timeline is not None,
        "end": seconds_since(started, ended if ended is not None else max(known)),
        "ended": state.phase == "ended",
        "rounds": rounds,
    }


def proposals(state: GameState, started: float, timeline: Timeline | None = None) -> list[Json]:
    """Every proposal in order, with its time, support (and its history), votes and value."""
    roles = state.in_play
    out = []
    for p in state.proposals:
        if timeline is not None and p.id in timeline.support:
            steps = timeline.support[p.id]
        else:
            steps = [(p.at, len(p.support), len(p.objections))]
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
                "seconds": seconds_since(started, p.at),
                "package": dict(score.package),
                "note": p.note,
                "withdrawn": p.withdrawn,
                "agreement": state.agreement == p.id,
                "support": [r for r in roles if r in p.support],
                "objections": [r for r in roles if r in p.objections],
                "support_count": len(p.support),
                "withdrawn_at": seconds_since(
                    started, (timeline.withdrawn if timeline else {}).get(p.id)
                ),
                "history": [[seconds_since(started, at), n, o] for at, n, o in steps],
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
                        "opened": seconds_since(started, b.opened_at),
                        "closed": seconds_since(started, b.closed_at),
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
