"""The participants' moves. The actor is a role in play; the dispatcher
(:mod:`game.engine.apply`) has checked the phase, the seat lock and that the
current round allows the move."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from game.engine import args
from game.engine.flow import Notice, close_ballot
from game.engine.moves import MARK_KINDS, VOTE_CHOICES, IllegalMove
from game.engine.records import Comment, Disclosure, Mark, Message, Proposal
from game.engine.state import GameState, evolve, proposal_index

Data = Mapping[str, Any]
Handler = Callable[[GameState, str, Data, float, list[Notice]], GameState]


def _round(state: GameState) -> str:
    rid = state.round_id
    assert rid is not None
    return rid


def _open(state: GameState, proposal_id: object) -> Proposal:
    proposal = state.proposal(proposal_id)
    if proposal.withdrawn:
        raise IllegalMove("withdrawn", f"proposal {proposal.id} was withdrawn")
    return proposal


def _replace_proposal(state: GameState, proposal: Proposal) -> GameState:
    index = proposal_index(proposal.id)
    proposals = (*state.proposals[:index], proposal, *state.proposals[index + 1 :])
    return evolve(state, proposals=proposals)


def disclose(state: GameState, role: str, data: Data, now: float, n: list[Notice]) -> GameState:
    scorer = state.scorer
    if data.get("reservation") is True:
        issue_id = None
        values = {"reservation": scorer.reservation(role)}
    else:
        issue_id = data.get("issue")
        if issue_id not in state.scenario.issue_ids:
            raise IllegalMove("unknown_id", f"there is no issue {issue_id!r}")
        if issue_id not in state.mode_def.issues:
            raise IllegalMove("bad_args", f"issue {issue_id!r} is preset in this mode")
        assert isinstance(issue_id, str)
        points = state.scenario.role(role).scoring.points.get(issue_id, {})
        extra = scorer.adj.points
        values = {
            o: points.get(o, 0.0) + extra.get((role, issue_id, o), 0.0)
            for o in state.scenario.issue(issue_id).option_ids
        }
    n.append({"kind": "disclosed", "role": role, "issue": issue_id})
    record = Disclosure(role, issue_id, values, _round(state), now)
    return evolve(state, disclosures=(*state.disclosures, record))


def mark(state: GameState, role: str, data: Data, now: float, n: list[Notice]) -> GameState:
    segment = data.get("segment")
    if segment not in {s.id for s in state.scenario.segments}:
        raise IllegalMove("unknown_id", f"there is no segment {segment!r}")
    assert isinstance(segment, str)
    kind = args.choice(data, "kind", MARK_KINDS)
    note = args.text(data, "note", required=False)
    n.append({"kind": "marked", "role": role, "segment": segment, "mark": kind})
    record = Mark(role, segment, kind, note, _round(state), now)
    return evolve(state, marks=(*state.marks, record))


def _add_proposal(
    state: GameState,
    role: str,
    package: dict[str, str],
    note: str,
    parent: str | None,
    now: float,
    n: list[Notice],
) -> GameState:
    args.feasible(state, package)
    pid = f"P{len(state.proposals) + 1}"
    record = Proposal(pid, role, package, note, parent, _round(state), now)
    n.append({"kind": "proposed", "proposal": pid, "author": role, "parent": parent})
    return evolve(state, proposals=(*state.proposals, record))


def propose(state: GameState, role: str, data: Data, now: float, n: list[Notice]) -> GameState:
    package = args.choices(state, data.get("package"), "package", complete=True)
    note = args.text(data, "note", required=False)
    return _add_proposal(state, role, package, note, None, now, n)


def amend(state: GameState, role: str, data: Data, now: float, n: list[Notice]) -> GameState:
    parent = _open(state, data.get("proposal"))
    changes = args.choices(state, data.get("changes"), "changes", complete=False)
    package = {**parent.package, **changes}
    if package == dict(parent.package):
        raise IllegalMove("bad_args", f"the changes leave proposal {parent.id} as it is")
    note = args.text(data, "note", required=False)
    return _add_proposal(state, role, package, note, parent.id, now, n)


def withdraw(state: GameState, role: str, data: Data, now: float, n: list[Notice]) -> GameState:
    proposal = _open(state, data.get("proposal"))
    if proposal.author != role:
        raise IllegalMove("not_author", f"only {proposal.author} may withdraw {proposal.id}")
    if state.agreement == proposal.id:
        raise IllegalMove("already_agreed", f"proposal {proposal.id} is the agreement")
    ballot = state.open_ballot
    if ballot is not None and ballot.proposal == proposal.id:
        raise IllegalMove("vote_open", f"ballot {ballot.id} on {proposal.id} is open")
    n.append({"kind": "withdrawn", "proposal": proposal.id})
    return _replace_proposal(state, evolve(proposal, withdrawn=True))


def _stance(
    state: GameState, role: str, data: Data, n: list[Notice], *, supporting: bool
) -> GameState:
    proposal = _open(state, data.get("proposal"))
    off = args.flag(data, "off", False)
    reason = args.text(data, "reason", required=not supporting and not off)
    support = {k: v for k, v in proposal.support.items() if k != role}
    objections = {k: v for k, v in proposal.objections.items() if k != role}
    if not off:
        (support if supporting else objections)[role] = reason
    kind = ("support" if supporting else "object") + ("_off" if off else "")
    n.append({"kind": kind, "role": role, "proposal": proposal.id})
    return _replace_proposal(state, evolve(proposal, support=support, objections=objections))


def support(state: GameState, role: str, data: Data, now: float, n: list[Notice]) -> GameState:
    return _stance(state, role, data, n, supporting=True)


def object_(state: GameState, role: str, data: Data, now: float, n: list[Notice]) -> GameState:
    return _stance(state, role, data, n, supporting=False)


def comment(state: GameState, role: str, data: Data, now: float, n: list[Notice]) -> GameState:
    proposal = state.proposal(data.get("proposal"))
    body = args.text(data, "text")
    n.append({"kind": "commented", "role": role, "proposal": proposal.id})
    return _replace_proposal(
        state, evolve(proposal, comments=(*proposal.comments, Comment(role, body, now)))
    )


def message(state: GameState, role: str, data: Data, now: float, n: list[Notice]) -> GameState:
    body = args.text(data, "text")
    n.append({"kind": "message", "sender": role})
    record = Message(role, None, body, _round(state), now)
    return evolve(state, messages=(*state.messages, record))


def private_message(
    state: GameState, role: str, data: Data, now: float, n: list[Notice]
) -> GameState:
    to = args.role(state, data, "to")
    if to == role:
        raise IllegalMove("bad_args", "a private message needs another role")
    if to not in state.in_play:
        raise IllegalMove("bad_args", f"role {to!r} is not in play")
    body = args.text(data, "text")
    n.append({"kind": "private_message", "sender": role, "to": to})
    record = Message(role, to, body, _round(state), now)
    return evolve(state, messages=(*state.messages, record))


def vote(state: GameState, role: str, data: Data, now: float, n: list[Notice]) -> GameState:
    if state.agreement is not None:
        raise IllegalMove("already_agreed", f"proposal {state.agreement} was agreed already")
    ballot = state.open_ballot
    if ballot is None:
        raise IllegalMove("no_vote_open", "there is no open ballot")
    if role in ballot.votes:
        raise IllegalMove("already_voted", f"role {role!r} voted on {ballot.id} already")
    chosen = args.choice(data, "choice", VOTE_CHOICES)
    ballot = evolve(ballot, votes={**ballot.votes, role: chosen})
    n.append({"kind": "voted", "role": role, "ballot": ballot.id})
    state = evolve(state, ballots=(*state.ballots[:-1], ballot))
    if all(r in ballot.votes for r in state.in_play):
        state = close_ballot(state, now, n)
    return state


def sign(state: GameState, role: str, data: Data, now: float, n: list[Notice]) -> GameState:
    if not state.scenario.agreement.signatures:
        raise IllegalMove("not_allowed", "this scenario has no signatures")
    if state.agreement is None:
        raise IllegalMove("no_agreement", "no vote has passed yet")
    if role in state.signatures:
        raise IllegalMove("already_signed", f"role {role!r} signed already")
    n.append({"kind": "signed", "role": role, "proposal": state.agreement})
    return evolve(state, signatures={**state.signatures, role: now})


HANDLERS: dict[str, Handler] = {
    "disclose": disclose,
    "mark": mark,
    "propose": propose,
    "amend": amend,
    "withdraw": withdraw,
    "support": support,
    "object": object_,
    "comment": comment,
    "message": message,
    "private_message": private_message,
    "vote": vote,
    "sign": sign,
}
