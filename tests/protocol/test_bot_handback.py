"""A person who joins a role that a bot plays takes the seat back."""

from __future__ import annotations

import asyncio

from tests.protocol.conftest import Running


async def test_joining_a_bots_role_gives_it_back_to_a_person(mini_host: Running) -> None:
    console = await mini_host.console()
    await console.move("assign", {"role": "winkels", "seat": "bot"}, table=1)
    table = mini_host.server.tables[1]
    assert table.state.seats["winkels"] == "bot"

    # A screen or a second role's seat does not take anything back.
    await mini_host.screen()
    await mini_host.seat("gemeente")
    await asyncio.sleep(0.1)
    assert table.state.seats["winkels"] == "bot"

    await mini_host.seat("winkels")
    for _ in range(50):
        if table.state.seats["winkels"] == "human":
            break
        await asyncio.sleep(0.02)
    assert table.state.seats["winkels"] == "human"
    assert table.state.seats["gemeente"] == "human"
