"""A whole short-mode game over the network: 12 seats, a console and a room screen."""

from __future__ import annotations

import asyncio

from game.net.client import GameClient
from game.scenario.loader import load_scenario
from tests.protocol.conftest import LEEUWAERDENHOUT, MINI, StartServer, is_view


def scenario_with_twelve_seats() -> tuple[object, list[str]]:
    """Leeuwaerdenhout (12 roles, one seat each) or, while it is missing, the mini
    scenario with four seats per role."""
    try:
        scenario = load_scenario(LEEUWAERDENHOUT)
    except Exception:
        scenario = load_scenario(MINI)
        return MINI, [r for r in scenario.role_ids for _ in range(4)]
    return LEEUWAERDENHOUT, list(scenario.role_ids)


async def test_short_game_from_start_to_outcome_with_twelve_seats(host: StartServer) -> None:
    path, seat_roles = scenario_with_twelve_seats()
    running = await host(path)
    assert len(seat_roles) == 12
    console = await running.console()
    screen = await running.screen()
    seats: list[GameClient] = [await running.seat(role) for role in seat_roles]
    roles = list(dict.fromkeys(seat_roles))
    first = {role: seats[seat_roles.index(role)] for role in roles}
    scenario = running.hosted.scenario
    live = scenario.mode("short").issues
    package = {issue: scenario.issue(issue).option_ids[0] for issue in live}

    await console.move("start")
    await first[roles[0]].move("message", {"text": "Goedemorgen allemaal"})
    await console.move("next_round")  # ontwerpen
    await first[roles[0]].move("propose", {"package": package, "note": "Een begin"})
    for role in roles[1:4]:
        await first[role].move("support", {"proposal": "P1", "reason": "prima"})
    await first[roles[1]].move("private_message", {"to": roles[2], "text": "onder ons"})
    await console.move("next_round")  # besluit
    await console.move("call_vote", {"proposal": "P1"})
    await asyncio.gather(*(first[role].move("vote", {"choice": "yes"}) for role in roles))
    await asyncio.gather(*(first[role].move("sign") for role in roles))
    await console.move("next_round")  # nabespreking: the reveal
    ack = await console.move("end")
    final = ack["version"]

    for client in [*seats, screen, console]:
        msg = await client.wait_for(is_view(final), timeout=10)
        view = msg["view"]
        assert view["phase"] == "ended"
        assert view["agreement"] is not None and view["agreement"]["proposal"] == "P1"
        assert view["reveal"] is not None
    seat_view = seats[0].view()
    assert seat_view is not None and seat_view["version"] == final
    assert running.hosted.store.last_seq(1) == final
