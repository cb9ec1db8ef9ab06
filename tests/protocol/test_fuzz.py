"""Hypothesis throws random and malformed messages; the server answers each and stays up."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from websockets.sync.client import ClientConnection, connect

from game.server.limits import Limits
from tests.protocol.conftest import Running, start_server, stop_server

LIMITS = Limits(
    bad_code_delay=0.0, rate=10_000, burst=10_000, max_bad_codes=10**9, bad_codes_per_minute=10**9
)
ANSWERS = {"error", "ack", "pong", "welcome"}


@pytest.fixture(scope="module")
def server() -> Iterator[Running]:
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    running = asyncio.run_coroutine_threadsafe(start_server(limits=LIMITS), loop).result(10)
    yield running
    asyncio.run_coroutine_threadsafe(stop_server(running), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)


#: Strings with lone surrogates and numbers no strict parser reads (json.dumps
#: writes them as "\ud800" escapes and NaN/Infinity): refused at the door (issue 17).
nasty_text = st.sampled_from(["\ud800", "x\udfff", "\udbff\udbff", "\U0001f600"])
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=2**53, max_value=10**400)
    | st.floats()
    | st.text(max_size=20)
    | nasty_text,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
TYPES = ["hello", "move", "unlock", "lock", "options", "ping", "nonsense", ""]
FIELDS = [
    "id",
    "protocol",
    "codes",
    "facilitator",
    "client",
    "as",
    "move",
    "data",
    "table",
    "role",
    "pin",
    "private",
    "locked",
    "resume_version",
]
MOVES = ["start", "message", "propose", "vote", "tick", "assign", "end", "private_message"]
ACTORS = ["net", "gemeente", "winkels", "facilitator", "clock", "nobody"]

structured = st.fixed_dictionaries(
    {"type": st.sampled_from(TYPES)},
    optional={
        "id": st.integers(-5, 5) | st.text(max_size=5) | nasty_text,
        "key": st.text(max_size=70) | nasty_text,
        "as": st.sampled_from(ACTORS),
        "move": st.sampled_from(MOVES),
        "data": st.dictionaries(
            st.sampled_from(["text", "to", "role", "seat", "choice"]), json_values, max_size=3
        ),
        **{f: json_values for f in FIELDS if f not in ("id", "as", "move", "data")},
    },
).map(json.dumps)
garbage = st.text(max_size=200) | st.binary(max_size=100)
message = structured | st.dictionaries(st.text(max_size=10), json_values).map(json.dumps) | garbage


def refuse(name: str) -> Any:
    raise AssertionError(f"the server sent {name}, which is not JSON")


def answer(ws: ClientConnection, frame: str | bytes) -> dict[str, Any]:
    """The answer to ``frame``; every frame on the way must be strict JSON text."""
    ws.send(frame)
    while True:
        text = ws.recv(timeout=10)
        assert isinstance(text, str)
        msg = json.loads(text, parse_constant=refuse)
        if msg["type"] in ANSWERS:
            return dict(msg)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(frames=st.lists(message, min_size=1, max_size=8), join=st.booleans())
def test_server_answers_every_message(
    server: Running, frames: list[str | bytes], join: bool
) -> None:
    with connect(server.url) as ws:
        if join:
            hello = {"type": "hello", "protocol": 1, "codes": [server.role_code("net")]}
            assert answer(ws, json.dumps(hello))["type"] == "welcome"
        for frame in frames:
            reply = answer(ws, frame)
            if reply["type"] == "error":
                assert isinstance(reply["code"], str) and isinstance(reply["reason"], str)
        assert answer(ws, '{"type": "ping", "id": "last"}')["id"] == "last"
    with connect(server.url) as probe:  # and a fresh client is still served
        assert answer(probe, '{"type": "ping"}')["type"] == "pong"
