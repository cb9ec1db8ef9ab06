"""Bad input: each message gets an error with a code, nothing changes, the server stays up."""

from __future__ import annotations

import json
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from game.server.limits import Limits
from tests.protocol.conftest import Running, StartServer


async def joined(running: Running, role: str = "net") -> ClientConnection:
    ws = await connect(running.url, max_size=2**24)
    await ws.send(json.dumps({"type": "hello", "protocol": 1, "codes": [running.role_code(role)]}))
    while json.loads(await ws.recv())["type"] != "view":
        pass
    return ws


async def reply_to(ws: ClientConnection, frame: str | bytes) -> dict[str, Any]:
    await ws.send(frame)
    while True:
        msg = json.loads(await ws.recv())
        if msg["type"] in ("error", "ack", "pong", "welcome"):
            return msg


BAD: list[tuple[str | bytes, str]] = [
    ("{not json", "bad_json"),
    ("[1, 2, 3]", "bad_json"),
    (b'{"type": "ping"}', "bad_json"),
    ('{"type": "dance"}', "unknown_type"),
    ('{"id": 1}', "bad_fields"),
    ('{"type": "move", "id": 2, "as": "net"}', "bad_fields"),
    ('{"type": "move", "id": 3, "as": "net", "move": "message", "data": []}', "bad_fields"),
    ('{"type": "move", "id": 4, "as": "net", "move": "message", "extra": 1}', "bad_fields"),
    ('{"type": "ping", "id": {"deep": 1}}', "bad_fields"),
    ('{"type": "move", "id": 5, "as": "net", "move": "fly", "data": {}}', "bad_move"),
    ('{"type": "move", "id": 6, "as": "net", "move": "message", "table": "1"}', "bad_fields"),
    ('{"type": "hello", "protocol": 1, "codes": ["AAA-AAA"]}', "already_joined"),
    ('{"type": "options", "private": false}', "not_facilitator"),
    ('{"type": "unlock", "role": "gemeente", "pin": "0000"}', "not_your_role"),
    ("[" * 100_000 + "]" * 100_000, "too_big"),
]


@pytest.mark.parametrize(("frame", "code"), BAD)
async def test_bad_message_gets_its_error_code(
    mini_host: Running, frame: str | bytes, code: str
) -> None:
    ws = await joined(mini_host)
    reply = await reply_to(ws, frame)
    assert reply["type"] == "error" and reply["code"] == code and reply["reason"]
    assert mini_host.server.tables[1].state.version == 0
    assert (await reply_to(ws, '{"type": "ping", "id": 9}'))["type"] == "pong"
    await ws.close()


async def test_wrong_protocol_version_is_named(mini_host: Running) -> None:
    async with connect(mini_host.url) as ws:
        reply = await reply_to(ws, json.dumps({"type": "hello", "protocol": 2, "codes": ["x"]}))
    assert reply["code"] == "bad_protocol"


async def test_too_big_keeps_the_request_id(mini_host: Running) -> None:
    ws = await joined(mini_host)
    frame = json.dumps(
        {"type": "move", "id": 77, "as": "net", "move": "message", "data": {"text": "x" * 70_000}}
    )
    reply = await reply_to(ws, frame)
    assert reply == {"type": "error", "id": 77, "code": "too_big", "reason": reply["reason"]}
    await ws.close()


async def test_huge_frame_closes_only_that_connection(mini_host: Running) -> None:
    other = await joined(mini_host, "gemeente")
    ws = await joined(mini_host)
    with pytest.raises(ConnectionClosed):
        await ws.send("x" * (2 * 1024 * 1024))
        await ws.recv()
    assert ws.close_code == 1009
    assert (await reply_to(other, '{"type": "ping"}'))["type"] == "pong"
    await other.close()


async def test_flooding_is_rate_limited_and_other_tables_play_on(host: StartServer) -> None:
    running = await host(tables=2, limits=Limits(bad_code_delay=0.0, rate=5, burst=10))
    flooder = await connect(running.url)
    await flooder.send(
        json.dumps({"type": "hello", "protocol": 1, "codes": [running.role_code("net", 1)]})
    )
    for n in range(60):
        await flooder.send(json.dumps({"type": "ping", "id": n}))
    console = await running.console()
    await console.move("start", table=2)
    codes = []
    while len(codes) < 60:
        msg = json.loads(await flooder.recv())
        if msg["type"] in ("pong", "error"):
            codes.append(msg.get("code", "pong"))
    assert codes.count("rate_limited") >= 40
    assert codes[:5] == ["pong"] * 5
    assert running.server.tables[2].state.version == 1
    await flooder.close()


async def test_flooding_without_end_closes_the_connection(host: StartServer) -> None:
    limits = Limits(bad_code_delay=0.0, rate=1, burst=1, max_rate_drops=20)
    running = await host(limits=limits)
    async with connect(running.url) as ws:
        with pytest.raises(ConnectionClosed):
            for _ in range(200):
                await ws.send('{"type": "ping"}')
            while True:
                await ws.recv()
        assert ws.close_code == 1008
    assert running.server.port  # and the server serves others
    async with connect(running.url) as ws:
        assert (await reply_to(ws, '{"type": "ping"}'))["type"] == "pong"
