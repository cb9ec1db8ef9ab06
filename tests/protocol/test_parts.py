"""Views with parts: proposals and messages sent once, then by reference; resolved, the views
equal the whole views."""

from __future__ import annotations

import json
from typing import Any

from websockets.asyncio.client import connect

from game.engine import player_view
from game.net.parts import PartViews, resolve
from tests.protocol.conftest import Running, is_view


async def play_with_proposals(running: Running) -> int:
    console = await running.console()
    net = await running.seat("net")
    gemeente = await running.seat("gemeente")
    await console.move("start")
    await console.move("next_round")
    await net.move("propose", {"package": {"ontwerp": "groen", "fasering": "samen"}})
    await gemeente.move("propose", {"package": {"ontwerp": "groen", "fasering": "los"}})
    await gemeente.move("support", {"proposal": "P1", "reason": "prima"})
    await net.move("comment", {"proposal": "P2", "text": "en de planning?"})
    await net.move("message", {"text": "verder"})
    ack = await console.move("extend", {"minutes": 2})
    return int(ack["version"])


async def test_views_with_parts_equal_whole_views(mini_host: Running) -> None:
    with_parts = await mini_host.seat("winkels")
    patched_only = await mini_host.seat("winkels", parts=False)
    whole = await mini_host.seat("winkels", patches=False, parts=False)
    console = await mini_host.console()
    final = await play_with_proposals(mini_host)
    for client in (with_parts, patched_only, whole, console):
        await client.wait_for(is_view(final))
    assert with_parts.view("winkels") == whole.view("winkels")
    assert patched_only.view("winkels") == whole.view("winkels")
    table = mini_host.server.tables[1]
    expected = player_view(table.state, "winkels", now=0.0)
    got = dict(whole.view("winkels") or {})
    assert {**got, "clock": None} == {**expected, "clock": None}
    assert len(got["proposals"]) == 2
    modes = {(s.patches, s.parts) for s in mini_host.server.sessions if "winkels" in s.roles}
    assert modes == {(True, True), (True, False), (False, False)}


async def test_a_patch_carries_only_the_proposals_that_changed(mini_host: Running) -> None:
    messages: list[dict[str, Any]] = []
    async with connect(mini_host.url) as ws:
        hello = {
            "type": "hello",
            "protocol": 1,
            "codes": [mini_host.role_code("winkels")],
            "patches": True,
            "parts": True,
        }
        await ws.send(json.dumps(hello))
        final = await play_with_proposals(mini_host)
        while True:
            msg = json.loads(await ws.recv())
            if msg["type"] in ("view", "patch"):
                messages.append(msg)
                if msg["version"] == final:
                    break
    assert messages[0]["type"] == "view" and messages[0]["parts"] == {}
    views = PartViews()
    sent: list[str] = []
    for msg in messages:
        if msg["type"] == "view":  # the first of a view key is whole, with every part
            views.whole(1, msg["view"], msg["parts"])
            continue
        sent += [pid for pid, part in msg["parts"].items() if "package" in part]
        for field in ("proposals", "messages"):
            for item in msg["set"].get(field, []):
                assert set(item) == {"$part"}  # never the proposal or message itself
        assert views.patched(1, msg) is not None
    # P1 and P2 when proposed, P1 after its support, P2 after its comment: four parts,
    # each sent once, and not again with the message or the clock's extension.
    assert len(sent) == len(set(sent)) == 4
    raw, parts = views.raw[1]
    assert [p["id"] for p in resolve(raw, parts)["proposals"]] == ["P1", "P2"]
    assert len(parts) == 3  # only what its view refers to: two proposals, one message


def test_a_patch_with_a_missing_part_asks_for_the_whole_view() -> None:
    views = PartViews()
    views.whole(1, {"version": 1, "proposals": [{"$part": "p1"}]}, {"p1": {"id": "P1"}})
    lost = {"base": 1, "set": {"version": 3, "proposals": [{"$part": "p9"}]}, "parts": {}}
    assert views.patched(1, lost) is None
    wrong_base = {"base": 2, "set": {"version": 3}, "parts": {}}
    assert views.patched(1, wrong_base) is None
    good = {"base": 1, "set": {"version": 2}, "unset": [], "parts": {}}
    assert views.patched(1, good) == {"version": 2, "proposals": [{"id": "P1"}]}
