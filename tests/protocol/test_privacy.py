"""Private data reaches only its receiver: checked on the raw traffic of every connection."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect

from game.net.client import ServerError
from tests.protocol.conftest import Running, is_view

SECRET = "geheim-7f3a: alleen voor de wethouder"


class Tap:
    """A raw connection that records every frame it receives."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.frames: list[str] = []
        self.task = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for frame in self.ws:
            self.frames.append(str(frame))

    @classmethod
    async def open(cls, url: str, hello: dict[str, Any]) -> Tap:
        ws = await connect(url)
        await ws.send(json.dumps({"type": "hello", "protocol": 1, **hello}))
        return cls(ws)

    def traffic(self) -> str:
        return "\n".join(self.frames)

    async def close(self) -> None:
        await self.ws.close()
        await self.task


async def test_private_message_reaches_only_sender_receiver_and_facilitator(
    mini_host: Running,
) -> None:
    url = mini_host.url
    taps = {
        "sender": await Tap.open(url, {"codes": [mini_host.role_code("net")]}),
        "receiver": await Tap.open(url, {"codes": [mini_host.role_code("gemeente")]}),
        "other": await Tap.open(url, {"codes": [mini_host.role_code("winkels")]}),
        "screen": await Tap.open(url, {"codes": [mini_host.screen_code()]}),
        "projector_console": await Tap.open(
            url, {"facilitator": mini_host.codes["facilitator"], "private": False}
        ),
        "console": await Tap.open(url, {"facilitator": mini_host.codes["facilitator"]}),
    }
    console = await mini_host.console()
    net = await mini_host.seat("net")
    await console.move("start")
    await console.move("next_round")  # ontwerpen allows private messages
    await net.move("private_message", {"to": "gemeente", "text": SECRET})
    await net.move("message", {"text": "openbaar bericht"})  # a marker after the secret
    for tap in taps.values():
        for _ in range(200):
            if "openbaar bericht" in tap.traffic():
                break
            await asyncio.sleep(0.01)
        assert "openbaar bericht" in tap.traffic()
    seen = {name for name, tap in taps.items() if SECRET in tap.traffic()}
    assert seen == {"sender", "receiver", "console"}
    # Even the fact that net wrote to gemeente stays between them (and the console).
    notices = {
        name
        for name, tap in taps.items()
        if '"kind":"private_message"' in tap.traffic().replace(" ", "")
    }
    assert notices == {"sender", "receiver", "console"}
    for tap in taps.values():
        await tap.close()


async def test_other_roles_private_profile_is_never_sent(mini_host: Running) -> None:
    tap = await Tap.open(mini_host.url, {"codes": [mini_host.role_code("winkels")]})
    seat = await mini_host.seat("winkels")
    assert seat.view("winkels") is not None
    await asyncio.sleep(0.05)
    traffic = tap.traffic()
    gemeente = mini_host.hosted.scenario.role("gemeente")
    assert gemeente.briefing_text and gemeente.briefing_text[:40] not in traffic
    assert "Nieuw groen wordt weer opgebroken" not in traffic  # a private scoring rule
    await tap.close()


async def test_pin_locks_a_role_on_a_shared_terminal(mini_host: Running) -> None:
    shared = await mini_host.seat("gemeente", "net", locked=True)
    assert shared.views == {}  # nothing private until a PIN opens it
    console = await mini_host.console()
    await console.move("start")
    with pytest.raises(ServerError) as info:
        await shared.move("message", {"text": "x"}, as_="net")
    assert info.value.code == "pin_required"
    with pytest.raises(ServerError) as info:
        await shared.unlock("net", "wrong")
    assert info.value.code == "bad_pin"
    await shared.unlock("net", mini_host.pin("net"))
    view = await shared.wait_for(is_view(1, "net"))
    assert view["view"]["role"] == "net"
    await shared.move("message", {"text": "nu wel"}, as_="net")
    await shared.lock("net")
    await console.move("announce", {"text": "pauze"})
    await asyncio.sleep(0.05)
    assert (1, "net") not in shared.views  # dropped on lock, and no new view came
