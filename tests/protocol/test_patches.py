"""Views as patches: the client rebuilds exactly the whole view; a lost base resyncs."""

from __future__ import annotations

import json
from typing import Any

from websockets.asyncio.client import connect

from game.engine import FACILITATOR, Move, apply, facilitator_view, new_game, player_view
from game.scenario.model import Scenario
from game.server.encode import ViewEncoder
from tests.protocol.conftest import Running, is_view


async def play_some_moves(running: Running) -> int:
    console = await running.console()
    net = await running.seat("net")
    await console.move("start")
    await net.move("message", {"text": "eerste"})
    await console.move("next_round")
    await net.move("propose", {"package": {"ontwerp": "groen", "fasering": "samen"}})
    await net.move("message", {"text": "tweede"})
    ack = await console.move("extend", {"minutes": 2})
    return int(ack["version"])


async def test_patched_views_equal_whole_views(mini_host: Running) -> None:
    patched = await mini_host.seat("gemeente")
    whole = await mini_host.seat("gemeente", patches=False)
    final = await play_some_moves(mini_host)
    for client in (patched, whole):
        await client.wait_for(is_view(final, "gemeente"))
    assert patched.view("gemeente") == whole.view("gemeente")
    assert patched.view("gemeente")["version"] == final  # type: ignore[index]
    kinds = {s.patches for s in mini_host.server.sessions if s.roles.get("gemeente") is not None}
    assert kinds == {True, False}


async def test_patches_carry_only_what_changed(mini_host: Running) -> None:
    seen: list[dict[str, Any]] = []
    async with connect(mini_host.url) as ws:
        hello = {
            "type": "hello",
            "protocol": 1,
            "codes": [mini_host.role_code("winkels")],
            "patches": True,
        }
        await ws.send(json.dumps(hello))
        final = await play_some_moves(mini_host)
        while True:
            msg = json.loads(await ws.recv())
            if msg["type"] in ("view", "patch"):
                seen.append(msg)
                if msg["version"] == final:
                    break
    assert seen[0]["type"] == "view"
    patches = [m for m in seen[1:] if m["type"] == "patch"]
    assert patches and all(m["base"] < m["version"] for m in patches)
    assert all("scenario" not in m["set"] for m in patches)  # static: sent once
    assert all("version" in m["set"] for m in patches)


async def test_a_client_that_lost_its_base_resyncs(mini_host: Running) -> None:
    seat = await mini_host.seat("net")
    view = seat.views[(1, "net")]
    seat.views[(1, "net")] = {**view, "version": -5}  # as if a patch got lost
    console = await mini_host.console()
    ack = await console.move("start")
    msg = await seat.wait_for(is_view(ack["version"], "net"))
    fresh = await mini_host.seat("net", patches=False)
    assert msg["view"]["version"] == fresh.view("net")["version"]  # type: ignore[index]
    assert seat.view("net")["phase"] == "running"  # type: ignore[index]


def test_encoder_gives_what_json_dumps_gives(mini: Scenario) -> None:
    """UTF-8 bytes that decode to the view; here (no floats in exponent form) the
    very text of compact ``json.dumps`` (see game.server.encode)."""
    encoder = ViewEncoder()
    state = new_game(mini, "short", seed=3, now=0.0)
    moves = [
        Move("start", FACILITATOR, {}),
        Move("message", "net", {"text": 'ë€ "quoted" \\ line\nbreak'}),
        Move("next_round", FACILITATOR, {}),
        Move("propose", "net", {"package": {"ontwerp": "groen", "fasering": "samen"}}),
        Move("support", "winkels", {"proposal": "P1"}),
    ]
    for n, move in enumerate(moves):
        state, _ = apply(state, move, float(n))
        for view in (
            player_view(state, "net", float(n), shared=True),
            player_view(state, "winkels", float(n), shared=True),
            facilitator_view(state, float(n), shared=True),
        ):
            expected = json.dumps(view, ensure_ascii=False, separators=(",", ":"))
            got = encoder.encode(view)
            assert json.loads(got) == json.loads(expected)
            assert got.decode("utf-8") == expected
    assert encoder.hits > 0
