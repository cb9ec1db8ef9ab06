"""A bot's hand-back summary reaches only the role it is handed to."""

from __future__ import annotations

import asyncio

from tests.protocol.conftest import Running
from tests.protocol.test_privacy import Tap

SUMMARY = "Ik heb P2 gesteund en P3 voorgesteld."


async def test_notify_role_reaches_only_that_role(mini_host: Running) -> None:
    url = mini_host.url
    net = await Tap.open(url, {"codes": [mini_host.role_code("net")]})
    gemeente = await Tap.open(url, {"codes": [mini_host.role_code("gemeente")]})
    await asyncio.sleep(0.3)  # both joined
    mini_host.server.notify_role(1, "net", {"kind": "bot_summary", "role": "net", "text": SUMMARY})
    mini_host.server.notify_role(9, "net", {"kind": "bot_summary", "text": "no such table"})
    for _ in range(50):
        if SUMMARY in net.traffic():
            break
        await asyncio.sleep(0.05)
    await net.close()
    await gemeente.close()
    assert '"kind": "bot_summary"' in net.traffic() or '"kind":"bot_summary"' in net.traffic()
    assert SUMMARY in net.traffic()
    assert SUMMARY not in gemeente.traffic()
    assert "no such table" not in net.traffic()
