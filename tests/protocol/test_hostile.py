"""Hostile input is refused before anything is applied, and only strict JSON leaves.

Issue 17, items 1-3: a lone surrogate in an ``id`` or in a move's text, and
numbers a strict JSON parser cannot read (``Infinity``, ``1e308`` minutes).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect

from tests.protocol.conftest import Running


def strict(text: str | bytes) -> dict[str, Any]:
    """Parse like a browser: no NaN or Infinity, nothing but a UTF-8 text frame."""
    assert isinstance(text, str), "a binary frame"

    def refuse(name: str) -> Any:
        raise AssertionError(f"{name} is not JSON")

    obj = json.loads(text, parse_constant=refuse)
    text.encode("utf-8")  # a lone surrogate cannot be encoded
    assert isinstance(obj, dict)
    return obj


async def joined(running: Running, hello: dict[str, Any]) -> ClientConnection:
    ws = await connect(running.url, max_size=2**24)
    await ws.send(json.dumps({"type": "hello", "protocol": 1, **hello}))
    while strict(await ws.recv())["type"] != "welcome":
        pass
    return ws


async def answer(ws: ClientConnection, frame: str) -> dict[str, Any]:
    """The answer to ``frame`` (every frame on the way must be strict JSON)."""
    await ws.send(frame)
    while True:
        msg = strict(await ws.recv())
        if msg["type"] in ("error", "ack", "pong", "welcome"):
            return msg


async def started(running: Running) -> tuple[ClientConnection, ClientConnection]:
    """A console and the seat of ``net``, game started, both caught up."""
    console = await joined(running, {"facilitator": running.codes["facilitator"]})
    seat = await joined(running, {"codes": [running.role_code("net")]})
    assert (await answer(console, '{"type":"move","id":1,"as":"facilitator","move":"start"}'))[
        "type"
    ] == "ack"
    return console, seat


@pytest.mark.parametrize(
    "frame",
    [
        '{"type":"ping","id":"\\ud800"}',
        '{"type":"move","id":"\\udc00","as":"net","move":"message","data":{"text":"hoi"}}',
        '{"type":"move","id":"ok\\udbff","as":"net","move":"message","data":{"text":"hoi"}}',
    ],
)
async def test_an_id_with_a_lone_surrogate_is_answered_and_applies_nothing(
    mini_host: Running, frame: str
) -> None:
    _, seat = await started(mini_host)
    version = mini_host.server.tables[1].state.version
    reply = await answer(seat, frame)
    assert reply["type"] == "error" and reply["code"] == "bad_fields" and "id" not in reply
    assert mini_host.server.tables[1].state.version == version
    assert (await answer(seat, '{"type":"ping","id":2}'))["type"] == "pong"  # still open
    assert mini_host.server.writer.moves == version  # nothing written either


@pytest.mark.parametrize(
    ("move", "data"),
    [
        ("message", '{"text":"hallo \\ud800 daar"}'),
        ("message", '{"text":"\\udfff"}'),
        ("private_message", '{"to":"gemeente","text":"psst \\ud83d"}'),
    ],
)
async def test_text_with_a_lone_surrogate_is_bad_args(
    mini_host: Running, move: str, data: str
) -> None:
    _, seat = await started(mini_host)
    version = mini_host.server.tables[1].state.version
    frame = f'{{"type":"move","id":5,"as":"net","move":"{move}","data":{data}}}'
    reply = await answer(seat, frame)
    assert (reply["type"], reply["code"], reply["id"]) == ("error", "bad_args", 5)
    assert mini_host.server.tables[1].state.version == version


async def test_a_proposal_note_with_a_lone_surrogate_is_bad_args(mini_host: Running) -> None:
    console, seat = await started(mini_host)
    await answer(console, '{"type":"move","id":2,"as":"facilitator","move":"next_round"}')
    version = mini_host.server.tables[1].state.version
    package = '{"ontwerp":"groen","fasering":"samen"}'
    frame = (
        '{"type":"move","id":6,"as":"net","move":"propose",'
        f'"data":{{"package":{package},"note":"\\ud800"}}}}'
    )
    reply = await answer(seat, frame)
    assert (reply["type"], reply["code"]) == ("error", "bad_args")
    assert mini_host.server.tables[1].state.version == version
    ok = await answer(seat, frame.replace("\\ud800", "groen!"))  # a valid pair is fine
    assert ok["type"] == "ack", ok


async def test_a_valid_surrogate_pair_is_one_character(mini_host: Running) -> None:
    _, seat = await started(mini_host)
    text = '"hoi \\ud83d\\ude00"'
    frame = f'{{"type":"move","id":7,"as":"net","move":"message","data":{{"text":{text}}}}}'
    assert (await answer(seat, frame))["type"] == "ack"
    assert mini_host.server.tables[1].state.messages[-1].text == "hoi \U0001f600"


@pytest.mark.parametrize(
    ("minutes", "code"),
    [
        ("Infinity", "bad_json"),
        ("-Infinity", "bad_json"),
        ("NaN", "bad_json"),
        ("1e400", "bad_json"),
        ("1e308", "bad_args"),
        ("-1e308", "bad_args"),
        (str(10**300), "bad_args"),
    ],
)
async def test_numbers_a_strict_parser_cannot_take_are_refused(
    mini_host: Running, minutes: str, code: str
) -> None:
    console, seat = await started(mini_host)
    version = mini_host.server.tables[1].state.version
    frame = (
        '{"type":"move","id":8,"as":"facilitator","move":"extend",'
        f'"data":{{"minutes":{minutes}}}}}'
    )
    reply = await answer(console, frame)
    assert (reply["type"], reply["code"]) == ("error", code)
    assert mini_host.server.tables[1].state.version == version
    # and every frame that reaches the seat stays strict JSON (strict() checks each)
    assert (await answer(seat, '{"type":"sync","id":9}'))["type"] == "ack"
    ok = await answer(
        console, '{"type":"move","id":10,"as":"facilitator","move":"extend","data":{"minutes":5}}'
    )
    assert ok["type"] == "ack"
    assert (await answer(seat, '{"type":"ping","id":11}'))["type"] == "pong"
