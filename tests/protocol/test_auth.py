"""Codes, tokens and roles: nobody moves for someone else, no table touches another."""

from __future__ import annotations

import json

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from game.engine import FACILITATOR_MOVES
from game.net.client import ServerError
from game.server.limits import Limits
from tests.protocol.conftest import Running, StartServer


@pytest.mark.parametrize("move", FACILITATOR_MOVES)
async def test_every_facilitator_move_from_a_seat_is_refused(mini_host: Running, move: str) -> None:
    seat = await mini_host.seat("gemeente")
    with pytest.raises(ServerError) as as_role:
        await seat.move(move, {"role": "net", "seat": "bot", "minutes": 1, "on": True})
    assert as_role.value.code == "wrong_actor"
    with pytest.raises(ServerError) as as_facilitator:
        await seat.move(move, {}, as_="facilitator")
    assert as_facilitator.value.code == "not_facilitator"
    assert mini_host.server.tables[1].state.version == 0


async def test_nobody_may_move_as_the_clock(mini_host: Running) -> None:
    seat = await mini_host.seat("gemeente")
    console = await mini_host.console()
    with pytest.raises(ServerError) as info:
        await seat.move("tick", {}, as_="clock")
    assert info.value.code == "not_your_role"
    with pytest.raises(ServerError) as info:
        await console.move("tick", {}, as_="clock")
    assert info.value.code == "not_your_role"


async def test_a_seat_cannot_move_as_another_role(mini_host: Running) -> None:
    seat = await mini_host.seat("winkels")
    with pytest.raises(ServerError) as info:
        await seat.move("message", {"text": "x"}, as_="gemeente")
    assert info.value.code == "not_your_role"


async def test_code_of_table_1_cannot_touch_table_2(host: StartServer) -> None:
    running = await host(tables=2)
    console = await running.console()
    await console.move("start", table=1)
    await console.move("start", table=2)
    seat = await running.seat("net", table=1)
    with pytest.raises(ServerError) as info:
        await seat.move("message", {"text": "x"}, table=2)
    assert info.value.code == "wrong_table"
    assert running.server.tables[2].state.version == 1
    assert all(t == 1 for (t, _) in seat.views)
    with pytest.raises(ServerError) as mixed:
        await running.join(
            codes=[running.role_code("net", 1), running.role_code("gemeente", 2)], reconnect=False
        )
    assert mixed.value.code == "wrong_table"


async def test_wrong_code_and_wrong_token_are_refused(mini_host: Running) -> None:
    with pytest.raises(ServerError) as info:
        await mini_host.join(codes=["ABC-DEF"], reconnect=False)
    assert info.value.code == "bad_code"
    with pytest.raises(ServerError) as info:
        await mini_host.join(facilitator="AAAA-BBBB-CCCC", reconnect=False)
    assert info.value.code == "bad_code"


async def test_guessing_codes_closes_the_connection(host: StartServer) -> None:
    running = await host(limits=Limits(bad_code_delay=0.0, max_bad_codes=3))
    async with connect(running.url) as ws:
        replies = []
        with pytest.raises(ConnectionClosed):
            for n in range(10):
                hello = {"type": "hello", "protocol": 1, "codes": [f"ZZZ-ZZ{n + 2}"]}
                await ws.send(json.dumps(hello))
                replies.append(json.loads(await ws.recv()))
        assert [r["code"] for r in replies] == ["bad_code"] * 3
        assert ws.close_code == 1008


async def test_moves_before_hello_are_refused(mini_host: Running) -> None:
    async with connect(mini_host.url) as ws:
        await ws.send(json.dumps({"type": "move", "id": 1, "as": "net", "move": "message"}))
        reply = json.loads(await ws.recv())
    assert reply == {"type": "error", "id": 1, "code": "need_hello", "reason": "send hello first"}
