"""The facilitator's moves (and the clock's ``tick``).

Each handler takes the state, the move's data and ``now``, appends notices
and returns the new state, or raises ``IllegalMove``. The dispatcher
(:mod:`game.engine.apply`) has already checked the actor and the phase.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from game.engine import args
from game.engine.flow import Notice, close_ballot, enter_round, finish, reveal_index
from game.engine.moves import MAX_ROUND_MINUTES, SEAT_KINDS, IllegalMove
from game.engine.records import Announcement, Ballot, PlayedEvent, Proposal
from game.engine.state import GameState, evolve

Data = Mapping[str, Any]
Handler = Callable[[GameState, Data, float, list[Notice]], GameState]


def _running(state: GameState) -> None:
    if state.phase == "lobby":
        raise IllegalMove("not_started", "the session has not started yet")


def start(state: GameState, data: Data, now: float, notices: list[Notice]) -> GameState:
    if state.phase != "lobby":
        raise IllegalMove("not_allowed", "the session has already started")
    return enter_round(state, 0, now, notices)


def pause(state: GameState, data: Data, now: float, notices: list[Notice]) -> GameState:
    _running(state)
    if state.paused:
        raise IllegalMove("paused", "the session is already paused")
    notices.append({"kind": "paused"})
    return evolve(state, paused=True, remaining=state.remaining_at(now))


def resume(state: GameState, data: Data, now: float, notices: list[Notice]) -> GameState:
    _running(state)
    if not state.paused:
        raise IllegalMove("not_allowed", "the session is not paused")
    notices.append({"kind": "resumed"})
    return evolve(state, paused=False, deadline=now + state.remaining)


def extend(state: GameState, data: Data, now: float, notices: list[Notice]) -> GameState:
    """Add ``minutes`` to the round's time left (negative: take off, down to 0).

    Bounded by ``MAX_ROUND_MINUTES`` (``too_much_time``): no more than that in
    one move, and no more than that left after lengthening.
    """
    _running(state)
    minutes = args.number(data, "minutes")
    if abs(minutes) > MAX_ROUND_MINUTES:
        raise IllegalMove(
            "too_much_time", f"at most {MAX_ROUND_MINUTES:g} minutes at once, not {minutes:g}"
        )
    left = max(0.0, state.remaining_at(now) + minutes * 60.0)
    if minutes > 0 and left > MAX_ROUND_MINUTES * 60.0:
        raise IllegalMove(
            "too_much_time", f"a round keeps at most {MAX_ROUND_MINUTES:g} minutes left"
        )
    notices.append({"kind": "extended", "minutes": minutes, "remaining": left})
    return evolve(state, remaining=left, deadline=now + left)


def next_round(state: GameState, data: Data, now: float, notices: list[Notice]) -> GameState:
    _running(state)
    return enter_round(state, state.round_index + 1, now, notices)


def tick(state: GameState, data: Data, now: float, notices: list[Notice]) -> GameState:
    _running(state)
    if state.paused:
        raise IllegalMove("paused", "the clock is paused")
    if not state.auto_advance:
        raise IllegalMove("not_due", "auto-advance is off")
    if state.remaining_at(now) > 0:
        raise IllegalMove("not_due", "the round's time is not up")
    return enter_round(state, state.round_index + 1, now, notices)


def auto_advance(state: GameState, data: Data, now: float, notices: list[Notice]) -> GameState:
    on = args.flag(data, "on")
    notices.append({"kind": "auto_advance", "on": on})
    return evolve(state, auto_advance=on)


def play_event(state: GameState, data: Data, now: float, notices: list[Notice]) -> GameState:
    _running(state)
    rnd = state.round
    assert rnd is not None
    event_id = data.get("event")
    if event_id not in {e.id for e in state.scenario.events}:
        raise IllegalMove("unknown_id", f"there is no event {event_id!r}")
    assert isinstance(event_id, str)
    allowed = state.mode_def.events or tuple(e.id for e in state.scenario.events)
    if event_id not in allowed:
        raise IllegalMove("not_allowed", f"event {event_id!r} is not part of this mode")
    if state.revealed or not rnd.events:
        raise IllegalMove("wrong_round", f"round {rnd.id!r} allows no events")
    if event_id in state.events_played:
        raise IllegalMove("already_played", f"event {event_id!r} was played already")
    notices.append({"kind": "event_played", "event": event_id})
    return evolve(state, played=(*state.played, PlayedEvent(event_id, rnd.id, now)))


def votable(state: GameState) -> list[Proposal]:
    """Proposals a vote may still be called on: not withdrawn, not voted on yet,
    and feasible after the events played (in proposal order)."""
    voted = {b.proposal for b in state.ballots}
    forbidden = state.scorer.adj.forbidden
    return [
        p
        for p in state.proposals
        if not p.withdrawn
        and p.id not in voted
        and not any(pair in forbidden for pair in p.package.items())
    ]


def call_vote(state: GameState, data: Data, now: float, notices: list[Notice]) -> GameState:
    _running(state)
    rnd = state.round
    assert rnd is not None
    if "vote" not in rnd.moves or state.revealed:
        raise IllegalMove("wrong_round", f"round {rnd.id!r} allows no votes")
    if state.agreement is not None:
        raise IllegalMove("already_agreed", f"proposal {state.agreement} was agreed already")
    if state.open_ballot is not None:
        raise IllegalMove("vote_open", f"ballot {state.open_ballot.id} is still open")
    proposal = state.proposal(data.get("proposal"))
    if proposal.withdrawn:
        raise IllegalMove("withdrawn", f"proposal {proposal.id} was withdrawn")
    args.feasible(state, proposal.package)
    ballot = Ballot(f"V{len(state.ballots) + 1}", proposal.id, rnd.id, now, state.quorum)
    notices.append(
        {
            "kind": "vote_called",
            "ballot": ballot.id,
            "proposal": proposal.id,
            "quorum": ballot.quorum,
        }
    )
    return evolve(state, ballots=(*state.ballots, ballot))


def close_vote(state: GameState, data: Data, now: float, notices: list[Notice]) -> GameState:
    _running(state)
    if state.open_ballot is None:
        raise IllegalMove("no_vote_open", "there is no open ballot")
    return close_ballot(state, now, notices)


def announce(state: GameState, data: Data, now: float, notices: list[Notice]) -> GameState:
    message = args.text(data, "text")
    notices.append({"kind": "announcement", "text": message})
    return evolve(
        state, announcements=(*state.announcements, Announcement(message, state.round_id, now))
    )


def assign(state: GameState, data: Data, now: float, notices: list[Notice]) -> GameState:
    role_id = args.role(state, data)
    seat = args.choice(data, "seat", SEAT_KINDS)
    old = state.seats[role_id]
    if seat == "none" and state.scenario.role(role_id).core:
        raise IllegalMove("not_allowed", f"role {role_id!r} is a core role and must be played")
    if "none" in (seat, old) and seat != old and state.phase != "lobby":
        raise IllegalMove("not_allowed", "roles can be left out or brought in only before start")
    notices.append({"kind": "seat_assigned", "role": role_id, "seat": seat})
    return evolve(state, seats={**state.seats, role_id: seat})


def lock(state: GameState, data: Data, now: float, notices: list[Notice]) -> GameState:
    role_id = args.role(state, data)
    if role_id in state.locked:
        raise IllegalMove("not_allowed", f"role {role_id!r} is locked already")
    notices.append({"kind": "locked", "role": role_id})
    return evolve(state, locked=(*state.locked, role_id))


def unlock(state: GameState, data: Data, now: float, notices: list[Notice]) -> GameState:
    role_id = args.role(state, data)
    if role_id not in state.locked:
        raise IllegalMove("not_allowed", f"role {role_id!r} is not locked")
    notices.append({"kind": "unlocked", "role": role_id})
    return evolve(state, locked=tuple(r for r in state.locked if r != role_id))


def end(state: GameState, data: Data, now: float, notices: list[Notice]) -> GameState:
    state = close_ballot(state, now, notices)
    index = max(state.round_index, reveal_index(state))
    if index != state.round_index:
        rnd = state.mode_def.rounds[index]
        notices.append({"kind": "round_started", "round": rnd.id, "index": index})
    return finish(state, index, notices)


HANDLERS: dict[str, Handler] = {
    "start": start,
    "pause": pause,
    "resume": resume,
    "extend": extend,
    "next_round": next_round,
    "auto_advance": auto_advance,
    "play_event": play_event,
    "call_vote": call_vote,
    "close_vote": close_vote,
    "announce": announce,
    "assign": assign,
    "lock": lock,
    "unlock": unlock,
    "end": end,
    "tick": tick,
}
