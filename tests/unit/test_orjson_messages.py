"""orjson writes every message: the same decoded content as the old ``json.dumps`` path.

The server used to write its messages with ``json.dumps(..., separators=(",", ":"),
ensure_ascii=False, allow_nan=False)`` as str; it now writes UTF-8 bytes with orjson
(game/server/encode.py). These tests compare the two on late-game views, patches,
notices and protocol messages, and pin down where they differ on purpose.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from benchmarks.late_game import late_state
from game.engine import apply, facilitator_view, player_view, room_view
from game.engine.moves import Move
from game.server import protocol as p
from game.server.encode import PartCatalog, ViewEncoder, compact, join_parts
from game.server.fanout import ViewFanout
from game.server.limits import Limits
from game.server.session import Session
from game.server.tables import HostedTable
from game.store import TableRecord


def old_dumps(value: Any) -> str:
    """The old path, exactly."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


@pytest.mark.parametrize(
    "value",
    [
        {"type": "ack", "id": 7, "table": 3, "version": 12},
        {"type": "error", "code": "bad_json", "reason": 'ë€ "q" \\ \n\t\x01\x7f\u2028 😀'},
        {"type": "pong", "id": "a", "now": 1795000000.123456},
        {"floats": [0.1, 1e16, 1e-7, -0.0, 123456789.123, 2.5e-5, 1e300, 3.0]},
        {"ints": [0, -1, 2**53, -(2**53), 2**63 - 1]},
        {"nested": {"a": [None, True, False, {}, [], ""]}, "tuple": (1, 2)},
        {1: "int key", "x": {2: 3}},
    ],
)
def test_compact_decodes_as_json_dumps(value: Any) -> None:
    got = compact(value)
    assert isinstance(got, bytes)
    got.decode("utf-8")  # valid UTF-8, for a text frame
    assert json.loads(got) == json.loads(old_dumps(value))


def test_what_orjson_writes_differently_is_still_json() -> None:
    # NaN and infinities: null (json.dumps with allow_nan=False raised). Still JSON;
    # the engine's values are checked finite and client input with them is refused.
    assert json.loads(compact({"x": float("nan"), "y": float("inf")})) == {"x": None, "y": None}
    # what cannot be written at all raises ValueError, as before
    for bad in ({"x": 2**70}, {"x": "\ud800"}, {"x": object()}):
        with pytest.raises(ValueError):
            compact(bad)


def test_late_views_patches_and_parts_decode_as_the_old_path() -> None:
    state = late_state(proposals=12)
    roles = list(state.scenario.role_ids)
    encoder = ViewEncoder()
    catalog = PartCatalog(encoder)
    moves = [
        Move("support", roles[0], {"proposal": "P3", "reason": "ja"}),
        Move("message", roles[1], {"text": "nog één ronde 😀"}),
        Move("private_message", roles[2], {"to": roles[0], "text": "bellen?"}),
        Move("object", roles[2], {"proposal": "P3", "reason": "nee"}),
    ]
    for step in range(len(moves) + 1):
        now = 5000.0 + step
        views = [player_view(state, r, now, shared=True) for r in roles]
        views += [room_view(state, now, shared=True), facilitator_view(state, now, shared=True)]
        for view in views:
            assert json.loads(encoder.encode(view)) == json.loads(old_dumps(view))
            raw = catalog.raw(view)
            for field, text in raw.fields.items():
                if field not in ("proposals", "messages", "private_messages"):
                    assert json.loads(text) == json.loads(old_dumps(view[field]))
            assert json.loads(join_parts(raw.fields))["role" if "role" in view else "kind"]
        if step < len(moves):
            state, notices = apply(state, moves[step], now)
            for notice in notices:
                msg = {"type": "notice", "table": 1, "version": state.version, "notice": notice}
                assert json.loads(p.dumps(msg)) == json.loads(old_dumps(msg))


def test_fanout_messages_are_json_bytes_equal_to_the_plain_views() -> None:
    state = late_state(proposals=8)
    role = state.scenario.role_ids[0]
    sent: list[bytes] = []
    fanout = ViewFanout(lambda conns, data: sent.append(data))
    table = HostedTable(record=TableRecord(1, 1, 0.0, "S", {}, {}), state=state)
    seat = Session(ws="seat", address="t", limits=Limits())  # type: ignore[arg-type]
    seat.joined, seat.table, seat.roles = True, 1, {role: False}
    fanout.send_full(seat, table, 5000.0)
    msg = json.loads(sent[-1])
    assert msg["type"] == "view" and msg["view"] == player_view(state, role, 5000.0)
    assert all(isinstance(data, bytes) for data in sent)
