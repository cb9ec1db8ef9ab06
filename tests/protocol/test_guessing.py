"""Guessing codes stays slow without locking out an address (issue 17, item 4).

Many people share one address (a NAT, or every browser seat relayed by one
local process): a blocked address's codes are checked one at a time and a bad
one is answered slowly, but a valid code still gets in. The facilitator's
consoles see the blocks and can lift one.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect

from game.net.client import GameClient, ServerError
from game.server.limits import Limits
from tests.protocol.conftest import Running, StartServer

BLOCKED_DELAY = 0.3
LIMITS = Limits(
    bad_code_delay=0.0, max_bad_codes=2, bad_codes_per_minute=4, blocked_delay=BLOCKED_DELAY
)


async def hello(url: str, codes: list[str]) -> tuple[ClientConnection, dict[str, Any]]:
    ws = await connect(url)
    await ws.send(json.dumps({"type": "hello", "protocol": 1, "codes": codes}))
    return ws, json.loads(await ws.recv())


async def block(running: Running) -> None:
    """Four bad codes from 127.0.0.1, over two connections (two each is their limit)."""
    for _ in range(2):
        ws = await connect(running.url)
        for _ in range(2):
            await ws.send(json.dumps({"type": "hello", "protocol": 1, "codes": ["ZZZ-ZZZ"]}))
            assert json.loads(await ws.recv())["code"] == "bad_code"
        await ws.close()
    assert running.server.doorman.guard.blocked("127.0.0.1")


async def blocks(console: GameClient) -> list[dict[str, Any]]:
    msg = await console.wait_for(lambda m: m.get("type") == "blocks")
    return list(msg["blocks"])


async def test_a_valid_code_gets_in_from_a_blocked_address(host: StartServer) -> None:
    running = await host(limits=LIMITS)
    await block(running)
    ws, welcome = await hello(running.url, [running.role_code("net")])
    assert welcome["type"] == "welcome" and welcome["seats"][0]["role"] == "net"
    await ws.close()
    seat = await running.seat("gemeente")  # the bundled client too
    assert seat.view("gemeente") is not None


async def test_a_blocked_address_guesses_one_code_at_a_time(host: StartServer) -> None:
    running = await host(limits=LIMITS)
    await block(running)
    began = time.monotonic()
    guesses = await asyncio.gather(*(hello(running.url, [f"ZZZ-ZZ{n}"]) for n in range(2, 6)))
    took = time.monotonic() - began
    assert [reply["code"] for _, reply in guesses] == ["bad_code"] * 4
    assert took >= 4 * BLOCKED_DELAY * 0.95  # in turn, however many connections
    for ws, _ in guesses:
        await ws.close()


async def test_a_blocked_pin_guess_waits_its_turn(host: StartServer) -> None:
    running = await host(limits=LIMITS)
    await block(running)
    seat = await running.seat("net", "gemeente", locked=True)
    began = time.monotonic()
    with pytest.raises(ServerError) as info:
        await seat.unlock("net", "0000" if running.pin("net") != "0000" else "1111")
    assert info.value.code == "bad_pin"
    assert time.monotonic() - began >= BLOCKED_DELAY * 0.95
    assert (await seat.unlock("gemeente", running.pin("gemeente")))["type"] == "ack"


async def test_the_console_sees_a_block_and_lifts_it(host: StartServer) -> None:
    running = await host(limits=LIMITS)
    console = await running.console()
    assert await blocks(console) == []  # after its welcome: nothing blocked
    await block(running)
    [blocked] = await blocks(console)
    assert blocked["address"] == "127.0.0.1" and blocked["bad"] == 4
    assert isinstance(blocked["since"], float)
    seat = await running.seat("net")
    with pytest.raises(ServerError) as info:
        await seat.request({"type": "unblock", "address": "127.0.0.1"})
    assert info.value.code == "not_facilitator"
    assert (await console.unblock("127.0.0.1"))["lifted"] is True
    assert await blocks(console) == []
    assert not running.server.doorman.guard.blocked("127.0.0.1")
    assert (await console.unblock("127.0.0.1"))["lifted"] is False


async def test_a_block_runs_out_by_itself_and_the_console_hears_it(host: StartServer) -> None:
    running = await host(limits=LIMITS)
    running.server.doorman.guard.window = 2.0
    console = await running.console()
    assert await blocks(console) == []
    await block(running)
    assert len(await blocks(console)) == 1
    assert await blocks(console) == []  # the window passed
