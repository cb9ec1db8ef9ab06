"""The incremental ``PartViews`` gives exactly what resolving the whole patched view gives:
on random views and patches, and on the server's own messages for a late table."""

from __future__ import annotations

import json
import random
from typing import Any

from benchmarks.late_game import late_state
from game.engine import apply, facilitator_view, player_view
from game.engine.moves import IllegalMove, Move
from game.net.parts import PartViews, referenced, resolve
from game.server.fanout import ViewFanout
from game.server.limits import Limits
from game.server.session import Session

Json = dict[str, Any]


class Plain:
    """The former ``PartViews``: the patched view as sent, resolved whole every time."""

    def __init__(self) -> None:
        self.raw: dict[Any, tuple[Json, Json]] = {}

    def whole(self, key: Any, view: Json, parts: Json) -> Json:
        self.raw[key] = (view, referenced(view, parts))
        return resolve(view, parts)

    def patched(self, key: Any, msg: Json) -> Json | None:
        held = self.raw.get(key)
        if held is None or held[0].get("version") != msg.get("base"):
            return None
        raw = {**held[0], **msg.get("set", {})}
        for field in msg.get("unset", ()):
            raw.pop(field, None)
        try:
            return self.whole(key, raw, {**held[1], **msg.get("parts", {})})
        except KeyError:
            return None


def _random_messages(rng: random.Random, steps: int) -> list[Json]:
    """A whole view, then patches: lists of references that change, fields set and
    unset, parts moved between fields, now and then a reference to a lost part."""
    next_id = 0
    held: dict[str, Json] = {}

    def new_part() -> str:
        nonlocal next_id
        next_id += 1
        pid = f"p{next_id}"
        held[pid] = {"id": pid, "n": rng.random()}
        return pid

    fields = ["proposals", "messages", "private_messages", "other"]
    view: Json = {"version": 1, "plain": [1, 2]}
    for field in fields[:3]:
        view[field] = [{"$part": new_part()} for _ in range(rng.randint(0, 5))]
    out: list[Json] = [{"type": "view", "view": view, "parts": dict(held)}]
    version = 1
    for _ in range(steps):
        sent: Json = {}
        changed: Json = {"version": version + 1}
        for field in rng.sample(fields, rng.randint(0, 3)):
            items: list[Any] = list(view.get(field) or [])
            if rng.random() < 0.5 and items:
                items.pop(rng.randrange(len(items)))
            if rng.random() < 0.7:
                pid = new_part()
                sent[pid] = held[pid]
                items.insert(rng.randint(0, len(items)), {"$part": pid})
            if rng.random() < 0.2:  # a part another field already has
                other = [i for f in fields if f != field for i in view.get(f) or []]
                if other:
                    items.append(rng.choice(other))
            if rng.random() < 0.1:
                items.append({"plain": "item"})
            changed[field] = items if rng.random() < 0.9 else "scalar"
        unset = [f for f in fields if f in view and f not in changed and rng.random() < 0.05]
        if rng.random() < 0.03:
            changed["proposals"] = [{"$part": "never-sent"}]
        base = version
        if rng.random() < 0.03:
            base = version - 1  # a patch on a base we do not have
        else:
            version += 1
            view = {**view, **changed}
            for field in unset:
                view.pop(field)
        msg = {"type": "patch", "base": base, "set": changed, "unset": unset, "parts": sent}
        out.append(msg)
    return out


def _same(fast: PartViews, plain: Plain, messages: list[Json]) -> int:
    checked = 0
    for msg in messages:
        got: Json | None
        want: Json | None
        if msg["type"] == "view":
            got, want = (
                fast.whole(1, msg["view"], msg["parts"]),
                plain.whole(1, msg["view"], msg["parts"]),
            )
        else:
            got, want = fast.patched(1, msg), plain.patched(1, msg)
        assert got == want
        if want is not None:  # None: a lost base or part, both keep the view they had
            assert json.dumps(got) == json.dumps(want)  # the same order of fields too
            assert fast.raw[1][0] == plain.raw[1][0]
            assert fast.raw[1][1] == plain.raw[1][1]  # only the parts the view refers to
            checked += 1
    return checked


def test_incremental_equals_whole_resolution_on_random_patches() -> None:
    checked = 0
    for seed in range(60):
        rng = random.Random(seed)
        checked += _same(PartViews(), Plain(), _random_messages(rng, 40))
    assert checked > 1000


def test_a_resolved_view_is_the_callers_own() -> None:
    views = PartViews()
    first = views.whole(1, {"version": 1, "proposals": [{"$part": "a"}]}, {"a": {"id": "A"}})
    first["proposals"].append({"id": "mine"})
    first["extra"] = 1
    patch = {"base": 1, "set": {"version": 2}, "unset": [], "parts": {}}
    second = views.patched(1, patch)
    assert second == {"version": 2, "proposals": [{"id": "A"}]}
    assert second is not None
    second["proposals"].clear()
    third = views.patched(1, {**patch, "base": 2, "set": {"version": 3}})
    assert third == {"version": 3, "proposals": [{"id": "A"}]}


class Wire:
    def __init__(self) -> None:
        self.sent: dict[str, list[Json]] = {}

    def send(self, conns: Any, text: str) -> None:
        for ws in conns:
            self.sent.setdefault(ws, []).append(json.loads(text))


def test_the_servers_late_game_patches_resolve_to_the_whole_views() -> None:
    state = late_state(proposals=12)
    roles = list(state.scenario.role_ids)
    wire = Wire()
    fanout = ViewFanout(wire.send)
    from game.server.tables import HostedTable
    from game.store import TableRecord

    table = HostedTable(record=TableRecord(1, 1, 0.0, "S", {}, {}), state=state)
    limits = Limits()
    sessions = []
    for n, role in enumerate(roles[:3]):
        s = Session(ws=f"seat-{role}", address="t", limits=limits, number=n)  # type: ignore[arg-type]
        s.joined, s.table, s.roles, s.patches, s.parts = True, 1, {role: False}, True, True
        sessions.append(s)
    console = Session(ws="console", address="t", limits=limits)  # type: ignore[arg-type]
    console.joined, console.facilitator, console.client = True, True, "console"
    console.patches = console.parts = True
    sessions.append(console)
    now = 9000.0
    for s in sessions:
        fanout.send_full(s, table, now)
    rng = random.Random(3)
    expected: dict[str, list[Json]] = {s.ws: [] for s in sessions}  # type: ignore[misc]
    for step in range(40):
        now += 1
        roll, role = rng.random(), rng.choice(roles[:3])
        target = f"P{rng.randint(1, len(table.state.proposals))}"
        if roll < 0.3:
            move = Move("support", role, {"proposal": target, "reason": "ja"})
        elif roll < 0.45:
            move = Move("comment", role, {"proposal": target, "text": f"c{step}"})
        elif roll < 0.6:
            move = Move("private_message", role, {"to": roles[0], "text": f"p{step}"})
        else:
            move = Move("message", role, {"text": f"m{step}"})
        try:
            table.state, _ = apply(table.state, move, now)
        except IllegalMove:
            continue
        fanout.broadcast(table, sessions, now)
        for s in sessions:
            if s.facilitator:
                expected[s.ws].append(_json(facilitator_view(table.state, now)))  # type: ignore[index]
            else:
                role_of = next(iter(s.roles))
                expected[s.ws].append(_json(player_view(table.state, role_of, now)))  # type: ignore[index]
    for s in sessions:
        views, plain = PartViews(), Plain()
        got: list[Json] = []
        for msg in wire.sent[s.ws]:  # type: ignore[index]
            if msg["type"] == "view":  # the first, and the first broadcast after it
                view = views.whole(1, msg["view"], msg["parts"])
                assert view == plain.whole(1, msg["view"], msg["parts"])
            else:
                assert msg["type"] == "patch"
                patched = views.patched(1, msg)
                assert patched is not None and patched == plain.patched(1, msg)
                view = patched
            got.append(view)
        assert got[1:] == expected[s.ws]  # type: ignore[index]
        assert sum(m["type"] == "patch" for m in wire.sent[s.ws]) > 20  # type: ignore[index]


def _json(view: Json) -> Json:
    """As a client gets it (tuples become lists)."""
    return dict(json.loads(json.dumps(view)))
