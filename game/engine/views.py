"""What each screen may see: ``player_view``, ``facilitator_view``, ``room_view``.

These are the only way data leaves the engine for a client. A player view
holds the role's own private data and only public data of other roles until
the reveal round has started; then everyone's briefing, scoring, scores and
indicators are in ``"reveal"`` (and why each failed ballot failed, ``"failed"``).
Every view is JSON-serialisable plain data with a deterministic key order; each
call returns fresh data unless ``shared=True`` asks for the (read-only) cached
objects.

Example::

    >>> from game.scenario.loader import load_scenario
    >>> from game.engine import new_game
    >>> sc = load_scenario("tests/fixtures/mini/mini.yaml")
    >>> view = player_view(new_game(sc, "short", 1, 0.0), "net", now=0.0)
    >>> view["kind"], view["me"]["reservation"]
    ('player', 35.0)
"""

from __future__ import annotations

import weakref
from typing import Any, TypeVar, cast

from game.analysis.possible import what_was_possible
from game.engine.moves import IllegalMove
from game.engine.outcome import outcome
from game.engine.records import Announcement, Ballot, Disclosure, Mark, Message
from game.engine.state import GameState
from game.engine.view_ballots import failed_ballots
from game.engine.view_lists import _private_messages, _record_json, _values
from game.engine.view_parts import (
    Json,
    agreement_public,
    agreement_rule,
    ballot_public,
    clock,
    current_round,
    events_public,
    private_profile,
    proposal_table,
    public_scenario,
    roles_public,
)
from game.scenario.scoring import Scorer


def _public(state: GameState, kind: str, now: float) -> Json:
    """The part of every view that any role may see (all but the clock cached per state)."""
    base: Json | None = state.__dict__.get("_public_view")
    if base is None:
        base = state.__dict__["_public_view"] = _public_base(state)
    # The clock at ``now``, kept per state: the views of one broadcast share it.
    held: tuple[float, Json] | None = state.__dict__.get("_clock_view")
    if held is None or held[0] != now:
        held = state.__dict__["_clock_view"] = (now, clock(state, now))
    return {
        "kind": kind,
        "version": state.version,
        "table": state.table,
        "phase": state.phase,
        "clock": held[1],
        **base,
    }


def _public_base(state: GameState) -> Json:
    return {
        "round": current_round(state),
        "scenario": public_scenario(state),
        "infeasible": _infeasible(state),
        "roles": roles_public(state),
        "agreement_rule": agreement_rule(state),
        "proposals": proposal_table(state)[0],
        "disclosures": _records(state.table, "disclosures", state.disclosures),
        "marks": _records(state.table, "marks", state.marks),
        "messages": _records(state.table, "messages", state.messages),
        "announcements": _records(state.table, "announcements", state.announcements),
        "events": events_public(state),
        "ballot": ballot_public(state.open_ballot) if state.open_ballot else None,
        "ballots": _ballots(state.table, state.ballots),
        "agreement": agreement_public(state),
        "revealed": state.revealed,
    }


T = TypeVar("T")

#: Per table and kind of record the last list made, with the records it was made of
#: (a new state shares the tuples of records that did not change with the state before).
_RECORDS: dict[tuple[int, str], tuple[tuple[Any, ...], list[Json]]] = {}


def _remember(key: tuple[int, str], records: tuple[Any, ...], found: list[Json]) -> None:
    if len(_RECORDS) >= 4096:
        _RECORDS.clear()
    _RECORDS[key] = (records, found)


Record = Disclosure | Mark | Message | Announcement


def _ballots(table: int, ballots: tuple[Ballot, ...]) -> list[Json]:
    """The public JSON of the ballots, made once per tuple of ballot records."""
    last = _RECORDS.get((table, "ballots"))
    if last is not None and last[0] is ballots:
        return last[1]
    found = [ballot_public(b) for b in ballots]
    _remember((table, "ballots"), ballots, found)
    return found


def _infeasible(state: GameState) -> list[list[str]]:
    """The banned (issue, option) pairs, made once per scorer."""
    scorer = state.scorer
    last = _INFEASIBLE.get("last")
    if last is not None and last[0] is scorer:
        return last[1]
    found = [list(pair) for pair in sorted(scorer.adj.forbidden)]
    _INFEASIBLE["last"] = (scorer, found)
    return found


_INFEASIBLE: dict[str, tuple[Scorer, list[list[str]]]] = {}


def _records(table: int, name: str, records: tuple[Record, ...]) -> list[Json]:
    """The public JSON of ``records`` (messages: the public ones), made once per tuple."""
    last = _RECORDS.get((table, name))
    if last is not None and last[0] is records:
        return last[1]
    if name == "messages":
        found = [_record_json(m) for m in records if getattr(m, "to", None) is None]
    else:
        found = [_record_json(r) for r in records]
    _remember((table, name), records, found)
    return found


def _reveal(state: GameState) -> Json:
    """Every role's private profile and the outcome (cached per state)."""
    found: Json | None = state.__dict__.get("_reveal_view")
    if found is None:
        found = state.__dict__["_reveal_view"] = _reveal_base(state)
    return found


#: Per table: what the last outcome was computed from, and the outcome.
_Marks = tuple[object, ...]
_OUTCOMES: dict[int, tuple[tuple[object, ...], tuple[object, ...], object, _Marks, Json]] = {}


def _outcome(state: GameState) -> Json:
    """``outcome(state)`` for the views, cached per state and reused from the state
    before when everything it reads is the same (a message, a mark, a clock move, an
    objection or a comment leaves it alone): the same object, so the server's text of
    it is reused too."""
    found: Json | None = state.__dict__.get("_outcome_view")
    if found is not None:
        return found
    # Identity for the records and the scorer (never changed in place), equality for
    # the rest; the proposals by identity, else by what the outcome reads of them.
    same = (state.scenario, state.scorer, state.ballots, state.disclosures, state.signatures)
    rest = (state.agreement, state.revealed, state.in_play, state.mode)
    earlier = _OUTCOMES.get(state.table)
    marks: _Marks | None = None
    if (
        earlier is not None
        and all(a is b for a, b in zip(earlier[0], same, strict=True))
        and earlier[1] == rest
    ):
        if earlier[2] is state.proposals:
            found, marks = earlier[4], earlier[3]
        else:
            marks = _proposal_marks(state)
            if marks == earlier[3]:
                found = earlier[4]
    if found is None:
        found = outcome(state)
        if len(_OUTCOMES) >= 1024:
            _OUTCOMES.clear()
    if marks is None:
        marks = _proposal_marks(state)
    _OUTCOMES[state.table] = (same, rest, state.proposals, marks, found)
    state.__dict__["_outcome_view"] = found
    return found


def _proposal_marks(state: GameState) -> _Marks:
    """All that ``outcome`` reads of the proposals: each one's id, author, parent,
    package and supporters (not its objections, comments or note)."""
    return tuple((p.id, p.author, p.parent, p.package, tuple(p.support)) for p in state.proposals)


def _reveal_base(state: GameState) -> Json:
    result = _outcome(state)
    return {
        "profiles": {
            r: private_profile(state, state.scenario.role(r)) for r in state.scenario.role_ids
        },
        "outcome": result,
        "possible": _possible(state, result),
        "failed": failed_ballots(state),
    }


PossibleKey = tuple[tuple[str, ...], tuple[tuple[str, str], ...] | None]
#: What was possible, per scorer (scenario, mode, events) and (roles in play, package):
#: the analysis costs up to a second, the reveal is rebuilt for every later state.
_POSSIBLE: weakref.WeakKeyDictionary[Scorer, dict[PossibleKey, Json]] = weakref.WeakKeyDictionary()


def _possible(state: GameState, result: Json) -> Json:
    package = result["package"]
    key: PossibleKey = (
        tuple(state.in_play),
        None if package is None else tuple(sorted(package.items())),
    )
    found = _POSSIBLE.setdefault(state.scorer, {})
    if key not in found:
        found[key] = what_was_possible(
            state.scenario, state.mode, state.events_played, state.in_play, result["scores"]
        )
    return found[key]


#: Per (table, field, who): the last dict of that field built (see ``_kept``).
_KEPT: dict[tuple[int, str, str], Json] = {}
#: Per (table, role): the disclosures the list was made from, and the list.
_DISCLOSED: dict[tuple[int, str], tuple[object, list[str | None]]] = {}
_ABSENT = object()


def _kept(state: GameState, field: str, who: str, fresh: Json) -> Json:
    """``fresh``, or the dict built for the state before when that one holds the very
    same objects under the same keys (then the server's text of it is reused too)."""
    key = (state.table, field, who)
    earlier = _KEPT.get(key)
    if earlier is not None and len(earlier) == len(fresh):
        for k, v in fresh.items():
            if earlier.get(k, _ABSENT) is not v:
                break
        else:
            return earlier
    if len(_KEPT) >= 8192:
        _KEPT.clear()
    _KEPT[key] = fresh
    return fresh


def _disclosed(state: GameState, role: str) -> list[str | None]:
    """The issues ``role`` disclosed (None: its reservation), kept while the
    disclosures are the same."""
    key = (state.table, role)
    found = _DISCLOSED.get(key)
    if found is None or found[0] is not state.disclosures:
        if len(_DISCLOSED) >= 8192:
            _DISCLOSED.clear()
        issues = [d.issue for d in state.disclosures if d.role == role]
        found = _DISCLOSED[key] = (state.disclosures, issues)
    return found[1]


def copy_json(value: T) -> T:
    """A deep copy of plain JSON data (dicts, lists and scalars)."""
    return cast(T, _copy(value))


def _copy(value: Any) -> Any:
    kind = type(value)
    if kind is dict:
        return {k: _copy(v) for k, v in value.items()}
    if kind is list:
        return [_copy(v) for v in value]
    return value


def player_view(state: GameState, role: str, now: float, *, shared: bool = False) -> dict[str, Any]:
    """What the seat of ``role`` may see at ``now``.

    With ``shared=True`` parts of the result are cached objects shared with
    other views (much faster; the caller must not change the result).
    """
    if role not in state.scenario.role_ids:
        raise IllegalMove("unknown_id", f"there is no role {role!r}")
    view = _public(state, "player", now)
    me = dict(private_profile(state, state.scenario.role(role)))
    me["seat"] = state.seats[role]
    me["in_play"] = state.seats[role] != "none"
    me["locked"] = role in state.locked
    me["disclosed"] = _disclosed(state, role)
    me["values"] = _values(state, role)
    me["voted"] = bool(state.open_ballot and role in state.open_ballot.votes)
    me["signed"] = role in state.signatures
    view["role"] = role
    view["me"] = _kept(state, "me", role, me)
    view["private_messages"] = _private_messages(state, role)
    view["reveal"] = _reveal(state) if state.revealed else None
    return view if shared else copy_json(view)


def room_view(state: GameState, now: float, *, shared: bool = False) -> dict[str, Any]:
    """The projector's view: public data only (and the reveal once it started)."""
    view = _public(state, "room", now)
    view["reveal"] = _reveal(state) if state.revealed else None
    return view if shared else copy_json(view)


def facilitator_view(
    state: GameState, now: float, private: bool = True, *, shared: bool = False
) -> dict[str, Any]:
    """Everything (``private=True``), or the room view plus seat status (projector-safe)."""
    view = _public(state, "facilitator", now)
    view["private"] = private
    view["seats"] = {
        r: {"seat": state.seats[r], "locked": r in state.locked} for r in state.scenario.role_ids
    }
    view["open_votes"] = None
    if private:
        profiles = {
            r: private_profile(state, state.scenario.role(r)) for r in state.scenario.role_ids
        }
        view["profiles"] = _kept(state, "profiles", "", profiles)
        view["values"] = _kept(state, "values", "", {r: _values(state, r) for r in state.in_play})
        view["private_messages"] = _private_messages(state, None)
        ballot = state.open_ballot
        view["open_votes"] = dict(ballot.votes) if ballot else None
        view["outcome"] = _outcome(state)
        # Event cards with their text, for the console to choose from (added for game/tui).
        view["event_cards"] = _event_cards(state)
    view["reveal"] = _reveal(state) if state.revealed else None
    return view if shared else copy_json(view)


_CARDS: dict[tuple[int, str], tuple[object, list[Json]]] = {}


def _event_cards(state: GameState) -> list[Json]:
    """The mode's event cards with their text (static: cached per scenario and mode)."""
    key = (id(state.scenario), state.mode)
    found = _CARDS.get(key)
    if found is None or found[0] is not state.scenario:
        cards = state.mode_def.events or tuple(e.id for e in state.scenario.events)
        items = [
            {"id": e.id, "title": e.title, "text": e.text}
            for e in state.scenario.events
            if e.id in cards
        ]
        if len(_CARDS) > 32:
            _CARDS.clear()
        found = _CARDS[key] = (state.scenario, items)
    return found[1]
