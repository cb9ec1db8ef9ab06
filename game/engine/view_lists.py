"""Per-role lists of the views: a role's values of the proposals, its private messages.

Both are cached per state and taken from the table's state before while what they
are made of is the same, so consecutive views share the very objects (and the
server the texts it made of them). A move renews few records: a support, an
objection or a comment replaces one proposal record of fifty, keeping its place and
its package; a message adds one record. The lists are equal to the ones built from
nothing (``tests/unit/test_values_view_reuse.py``, ``test_views_many_tables.py``).
"""

from __future__ import annotations

from typing import Any

from game.engine.records import Message, Proposal
from game.engine.state import GameState
from game.engine.view_parts import Json, proposal_table

#: Per (table, role) the proposals and scorer of the last values list built, and the list.
_VALUES: dict[tuple[int, str], tuple[tuple[Proposal, ...], object, list[Json]]] = {}
#: Per table: the scenario and private message records of the last lists, and the lists.
_PRIVATE: dict[int, tuple[object, list[Message], dict[str | None, list[Json]]]] = {}


def _values(state: GameState, role: str) -> list[Json]:
    """The live value of every proposal to ``role`` and whether it clears its reservation
    (cached per state: the seat's view and the console's share the list)."""
    per_role: dict[str, list[Json]] = state.__dict__.setdefault("_values_view", {})
    found = per_role.get(role)
    if found is not None:
        return found
    key = (state.table, role)
    earlier = _VALUES.get(key)
    if earlier is None or earlier[1] is not state.scorer:
        found = [_item(state, role, i, p, None) for i, p in enumerate(state.proposals)]
    elif earlier[0] is state.proposals:
        # A move that leaves the proposals alone (a message, a mark) keeps the list.
        found = earlier[2]
    else:
        found = _values_after(state, role, earlier[0], earlier[2])
    per_role[role] = found
    if len(_VALUES) >= 4096:
        _VALUES.clear()
    _VALUES[key] = (state.proposals, state.scorer, found)
    return found


def _values_after(
    state: GameState, role: str, before: tuple[Proposal, ...], items: list[Json]
) -> list[Json]:
    """The list from ``items``, made for the records ``before`` with the same scorer:
    only the places whose record changed are looked at again; when each of them has
    the very same item as before (an objection, a comment) it is that very list."""
    now = state.proposals
    if len(now) < len(before):
        return [_item(state, role, i, p, None) for i, p in enumerate(now)]
    changed = _changed(state, before)
    fresh = [
        (i, _item(state, role, i, now[i], before[i] if i < len(before) else None)) for i in changed
    ]
    if len(now) == len(before) and all(items[i] is item for i, item in fresh):
        return items
    found = list(items)
    for i, item in fresh:
        if i < len(found):
            found[i] = item
        else:
            found.append(item)
    return found


def _changed(state: GameState, before: tuple[Proposal, ...]) -> list[int]:
    """The places where the state's records differ from ``before`` (and new places),
    once per state for all roles."""
    cache: dict[int, tuple[tuple[Proposal, ...], list[int]]] = state.__dict__.setdefault(
        "_values_changed", {}
    )
    hit = cache.get(id(before))
    if hit is not None and hit[0] is before:
        return hit[1]
    now = state.proposals
    found = [i for i, (a, b) in enumerate(zip(now, before, strict=False)) if a is not b]
    found.extend(range(len(before), len(now)))
    cache[id(before)] = (before, found)
    return found


def _item(state: GameState, role: str, i: int, p: Proposal, replaced: Proposal | None) -> Json:
    """Proposal ``p``'s item for ``role``, kept on the record per score; ``replaced``:
    the record it took the place of (a support renews a record, not its package, so
    that one's items are right for the very same score)."""
    score = proposal_table(state)[1][i]
    entry: tuple[object, dict[str, Json]] | None = p.__dict__.get("_values_entry")
    if entry is None or entry[0] is not score:
        old = None if replaced is None else replaced.__dict__.get("_values_entry")
        if old is None or old[0] is not score or replaced is None or replaced.id != p.id:
            old = (score, {})
        entry = p.__dict__["_values_entry"] = old
    reservation = state.scorer.reservation(role)
    item = entry[1].get(role)
    if item is None or item["clears"] != (item["value"] >= reservation):
        value = score.scores[role]
        item = entry[1][role] = {"proposal": p.id, "value": value, "clears": value >= reservation}
    return item


def _private_messages(state: GameState, role: str | None) -> list[Json]:
    """The private messages ``role`` sent or got (``None``: all), cached per state and
    taken from the table's state before while its private messages are the same
    records (a public message or a support leaves every role's list as it was)."""
    per_role: dict[str | None, list[Json]] | None = state.__dict__.get("_private_view")
    if per_role is None:
        private = [m for m in state.messages if m.to is not None]
        earlier = _PRIVATE.get(state.table)
        if (
            earlier is not None
            and earlier[0] is state.scenario
            and _same_items(private, earlier[1])
        ):
            per_role = earlier[2]
        else:
            per_role = _private_lists(state, private)
            if len(_PRIVATE) >= 1024:
                _PRIVATE.clear()
            _PRIVATE[state.table] = (state.scenario, private, per_role)
        state.__dict__["_private_view"] = per_role
    return per_role.get(role, [])


def _private_lists(state: GameState, private: list[Message]) -> dict[str | None, list[Json]]:
    per_role: dict[str | None, list[Json]] = {None: [], **{r: [] for r in state.scenario.role_ids}}
    for m in private:
        item = _record_json(m)
        per_role[None].append(item)
        per_role.setdefault(m.sender, []).append(item)
        if m.to != m.sender:
            per_role.setdefault(m.to, []).append(item)
    return per_role


def _same_items(new: list[Any], old: list[Any]) -> bool:
    return len(new) == len(old) and all(a is b for a, b in zip(new, old, strict=True))


def _record_json(record: Any) -> Json:
    """A record's JSON, kept on the (never changing) record: the same object in every
    view and every later state, so the server serialises and sends it once."""
    found: Json | None = record.__dict__.get("_view_json")
    if found is None:
        found = record.__dict__["_view_json"] = record.to_json()
    return found
