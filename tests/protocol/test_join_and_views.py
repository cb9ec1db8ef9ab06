"""Joining with codes, moves with ack, and view pushes to every connection."""

from __future__ import annotations

import pytest

from game.net.client import ServerError
from tests.protocol.conftest import Running, StartServer, is_view


async def test_seat_joins_and_gets_its_own_view(mini_host: Running) -> None:
    net = await mini_host.seat("net")
    assert net.welcome is not None
    assert net.welcome["seats"] == [{"table": 1, "role": "net", "locked": False}]
    assert net.welcome["protocol"] == 1
    view = net.view("net")
    assert view is not None and view["kind"] == "player" and view["role"] == "net"
    assert "codes" not in net.welcome
    # the one address participants use: the room screen puts it on the wall
    assert net.welcome["address"] == mini_host.hosted.url


async def test_codes_are_typed_loosely(mini_host: Running) -> None:
    code = mini_host.role_code("net").lower().replace("-", " ")
    seat = await mini_host.join(codes=[code])
    assert seat.view("net") is not None


async def test_move_is_acked_and_pushed_to_every_connection(mini_host: Running) -> None:
    console = await mini_host.console()
    seats = {r: await mini_host.seat(r) for r in ("gemeente", "net", "winkels")}
    twin = await mini_host.seat("net")  # a second player of the same role
    screen = await mini_host.screen()
    ack = await console.move("start")
    assert ack == {"type": "ack", "id": ack["id"], "table": 1, "version": 1}
    ack = await seats["net"].move("message", {"text": "Wie graaft er mee?"})
    assert ack["version"] == 2
    got = {}
    for name, client in [*seats.items(), ("twin", twin), ("room", screen), ("console", console)]:
        msg = await client.wait_for(is_view(2))
        texts = [m["text"] for m in msg["view"]["messages"]]
        assert texts == ["Wie graaft er mee?"]
        got[name] = msg["as"]
    assert got == {
        "gemeente": "gemeente",
        "net": "net",
        "winkels": "winkels",
        "twin": "net",
        "room": "room",
        "console": "facilitator",
    }


async def test_notices_follow_the_move(mini_host: Running) -> None:
    console = await mini_host.console()
    seat = await mini_host.seat("winkels")
    await console.move("start")
    notice = await seat.wait_for(lambda m: m["type"] == "notice")
    assert notice["notice"]["kind"] == "round_started"
    assert notice["version"] == 1


async def test_illegal_move_is_refused_and_changes_nothing(mini_host: Running) -> None:
    seat = await mini_host.seat("net")
    with pytest.raises(ServerError) as info:
        await seat.move("message", {"text": "te vroeg"})
    assert info.value.code == "not_started"
    assert mini_host.server.tables[1].state.version == 0


async def test_shared_terminal_holds_several_roles(mini_host: Running) -> None:
    shared = await mini_host.seat("gemeente", "winkels")
    assert {v for (_, v) in shared.views} == {"gemeente", "winkels"}
    console = await mini_host.console()
    await console.move("start")
    await shared.move("message", {"text": "namens de winkels"}, as_="winkels")
    with pytest.raises(ServerError) as info:
        await shared.move("message", {"text": "namens net"}, as_="net")
    assert info.value.code == "not_your_role"


async def test_facilitator_sees_every_table_and_the_codes(host: StartServer) -> None:
    running = await host(tables=2)
    console = await running.console()
    assert console.welcome is not None
    assert console.welcome["tables"] == [1, 2]
    assert console.welcome["codes"]["tables"][1]["roles"]["net"] == running.role_code("net", 2)
    assert set(console.views) == {(1, "facilitator"), (2, "facilitator")}
    with pytest.raises(ServerError) as info:
        await console.move("start")  # which table?
    assert info.value.code == "bad_fields"
    await console.move("start", table=2)
    assert running.server.tables[2].state.version == 1
    assert running.server.tables[1].state.version == 0


async def test_presence_tells_the_console_who_joined(mini_host: Running) -> None:
    console = await mini_host.console()
    await mini_host.seat("net")
    msg = await console.wait_for(lambda m: m["type"] == "presence" and m["roles"]["net"] == 1)
    assert msg["roles"]["gemeente"] == 0


async def test_projector_safe_console_gets_no_private_data(mini_host: Running) -> None:
    console = await mini_host.console(private=False)
    view = console.view("facilitator")
    assert view is not None and view["private"] is False and "profiles" not in view
    await console.set_private(True)
    msg = await console.wait_for(lambda m: m["type"] == "view" and m["view"]["private"])
    assert "profiles" in msg["view"]
    assert console.view("facilitator") == msg["view"]


async def test_ping_gets_pong(mini_host: Running) -> None:
    seat = await mini_host.seat("net")
    reply = await seat.ping()
    assert reply["type"] == "pong" and isinstance(reply["now"], float)


async def test_assign_bot_calls_the_launcher_hook(mini_host: Running) -> None:
    launched: list[tuple[int, str, str]] = []
    mini_host.server.bot_launcher = lambda table, role, code: launched.append((table, role, code))
    console = await mini_host.console()
    await console.move("assign", {"role": "winkels", "seat": "bot"})
    assert launched == [(1, "winkels", mini_host.role_code("winkels"))]
    await console.move("assign", {"role": "winkels", "seat": "human"})
    assert len(launched) == 1
