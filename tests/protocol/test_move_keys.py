"""A resent move is applied once: the client key (issue 17, item 6).

The server applies a key at most once per seat (table and actor) and answers a
resend with the first answer; keys are stored with the move and survive a
restart; the bundled client resends with the same key after a lost connection.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect

from game.store import Store
from tests.protocol.conftest import Running, StartServer


async def joined(running: Running, hello: dict[str, Any]) -> ClientConnection:
    ws = await connect(running.url, max_size=2**24)
    await ws.send(json.dumps({"type": "hello", "protocol": 1, **hello}))
    while json.loads(await ws.recv())["type"] != "welcome":
        pass
    return ws


async def answer(ws: ClientConnection, msg: dict[str, Any]) -> dict[str, Any]:
    await ws.send(json.dumps(msg))
    while True:
        reply = json.loads(await ws.recv())
        if reply["type"] in ("error", "ack"):
            return dict(reply)


def move(rid: int, actor: str, kind: str, data: dict[str, Any], key: str) -> dict[str, Any]:
    return {"type": "move", "id": rid, "as": actor, "move": kind, "data": data, "key": key}


async def playing(running: Running) -> tuple[ClientConnection, ClientConnection]:
    console = await joined(running, {"facilitator": running.codes["facilitator"]})
    seat = await joined(running, {"codes": [running.role_code("net")]})
    assert (await answer(console, move(1, "facilitator", "start", {}, "s1")))["type"] == "ack"
    assert (await answer(console, move(2, "facilitator", "next_round", {}, "s2")))["type"] == "ack"
    return console, seat


PROPOSAL = {"package": {"ontwerp": "groen", "fasering": "samen"}, "note": "samen graven"}


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        ("message", {"text": "Zullen we samen graven?"}),
        ("propose", PROPOSAL),
    ],
)
async def test_the_same_frame_sent_again_is_applied_once(
    mini_host: Running, kind: str, data: dict[str, Any]
) -> None:
    _, seat = await playing(mini_host)
    first = await answer(seat, move(10, "net", kind, data, "k-1"))
    version = mini_host.server.tables[1].state.version
    again = await answer(seat, move(11, "net", kind, data, "k-1"))
    assert first["type"] == "ack"
    assert again == {**first, "id": 11}
    assert mini_host.server.tables[1].state.version == version
    other = await answer(seat, move(12, "net", kind, data, "k-2"))  # a new key: a new move
    assert (other["type"], other["version"]) == ("ack", version + 1)


async def test_support_resent_is_applied_once_and_a_refusal_is_repeated(
    mini_host: Running,
) -> None:
    console, seat = await playing(mini_host)
    gemeente = await joined(mini_host, {"codes": [mini_host.role_code("gemeente")]})
    assert (await answer(seat, move(3, "net", "propose", PROPOSAL, "p")))["type"] == "ack"
    support = {"proposal": "P1", "reason": "goed"}
    first = await answer(gemeente, move(4, "gemeente", "support", support, "s"))
    version = mini_host.server.tables[1].state.version
    again = await answer(gemeente, move(5, "gemeente", "support", support, "s"))
    assert again["version"] == first["version"] == version
    refused = await answer(seat, move(6, "net", "vote", {"choice": "yes"}, "v"))
    again = await answer(seat, move(7, "net", "vote", {"choice": "yes"}, "v"))
    assert again == {**refused, "id": 7}
    assert refused["code"] == "wrong_round"
    # the same key from another seat is another move; from the same seat with
    # other content it is a client's mistake
    assert (await answer(seat, move(8, "net", "message", {"text": "a"}, "s")))["type"] == "ack"
    reused = await answer(seat, move(9, "net", "message", {"text": "b"}, "s"))
    assert (reused["type"], reused["code"]) == ("error", "bad_fields")
    await console.close()


@pytest.mark.parametrize("key", ["", "x" * 65, "sleutel\u00e9", "tab\there", 7])
async def test_a_bad_key_is_bad_fields(mini_host: Running, key: Any) -> None:
    _, seat = await playing(mini_host)
    reply = await answer(seat, move(3, "net", "message", {"text": "hoi"}, key))
    assert (reply["type"], reply["code"]) == ("error", "bad_fields")


async def test_keys_survive_a_restart(host: StartServer, tmp_path: Path) -> None:
    db = tmp_path / "keys.db"
    running = await host(db=db)
    _, seat = await playing(running)
    first = await answer(seat, move(3, "net", "message", {"text": "een keer"}, "blijft"))
    await seat.close()
    await running.server.stop()
    running.hosted.close()
    running.clients.clear()
    again = await host(db=db)
    seat = await joined(again, {"codes": [again.role_code("net")]})
    resent = await answer(seat, move(4, "net", "message", {"text": "een keer"}, "blijft"))
    assert resent["version"] == first["version"] == again.server.tables[1].state.version
    await seat.close()
    with Store.open(db, readonly=True) as store:
        keyed = [(m.key, m.move["data"]) for m in store.moves(1) if m.key == "blijft"]
    assert keyed == [("blijft", {"text": "een keer"})]


async def test_the_client_resends_with_its_key_after_a_lost_connection(
    mini_host: Running,
) -> None:
    console = await mini_host.console()
    await console.move("start")
    seat = await mini_host.seat("net")
    runner = mini_host.server.runner
    original = runner.apply_move
    dropped = asyncio.Event()

    async def apply_then_drop(*args: Any, **kw: Any) -> bool:
        done = await original(*args, **kw)
        if not dropped.is_set() and args[1].type == "message":
            dropped.set()
            await seat.drop()  # the ack is lost with the connection
        return done

    runner.apply_move = apply_then_drop  # type: ignore[method-assign]
    ack = await seat.move("message", {"text": "eenmaal"}, timeout=10)
    assert dropped.is_set() and seat.resends == 1
    texts = [m.text for m in mini_host.server.tables[1].state.messages]
    assert texts.count("eenmaal") == 1
    assert ack["version"] == mini_host.server.tables[1].state.version
