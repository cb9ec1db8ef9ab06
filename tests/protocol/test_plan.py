"""The ``plan`` request: the plan detail (job list, …) the views leave out, for
any joined client of the table; bad input is refused and changes nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest
from websockets.asyncio.client import connect

from game.engine.view_parts import PLAN_DETAIL
from game.net.client import ServerError
from tests.protocol.conftest import Running, StartServer, is_view

PACKAGE = {"ontwerp": "groen", "fasering": "samen"}


async def with_a_proposal(running: Running) -> tuple[Any, Any]:
    console = await running.console()
    net = await running.seat("net")
    await console.move("start")
    await console.move("next_round")
    await net.move("propose", {"package": PACKAGE})
    return console, net


async def test_any_client_of_the_table_gets_a_proposals_plan(mini_host: Running) -> None:
    console, net = await with_a_proposal(mini_host)
    screen = await mini_host.screen()
    locked = await mini_host.seat("gemeente", "winkels", locked=True)
    state = mini_host.server.tables[1].state
    whole = state.score(PACKAGE).metrics.to_json()
    for client in (net, screen, locked, console):
        reply = await client.plan(proposal="P1")
        assert reply["type"] == "ack" and reply["table"] == 1
        plan = reply["plan"]
        assert plan["proposal"] == "P1" and plan["package"] == PACKAGE
        assert plan["jobs"] == whole["jobs"] and plan["jobs"]
        assert {k: plan[k] for k in PLAN_DETAIL} == {k: whole[k] for k in PLAN_DETAIL}
    by_package = (await net.plan(package=PACKAGE))["plan"]
    assert by_package["proposal"] is None and by_package["jobs"] == whole["jobs"]


async def test_the_view_and_the_fetched_plan_make_the_whole_metrics(mini_host: Running) -> None:
    """A view without the plan detail, plus the plans fetched, equals what the
    whole metrics were (every part of them, for every proposal)."""
    _, net = await with_a_proposal(mini_host)
    await net.move("propose", {"package": {"ontwerp": "kaal", "fasering": "los"}})
    ack = await net.move("amend", {"proposal": "P1", "changes": {"fasering": "los"}})
    await net.wait_for(is_view(int(ack["version"]), "net"))
    view = net.view("net")
    assert view is not None and len(view["proposals"]) == 3
    state = mini_host.server.tables[1].state
    for proposal in view["proposals"]:
        metrics = proposal["metrics"]
        assert not set(PLAN_DETAIL) & set(metrics)
        plan = (await net.plan(proposal=proposal["id"]))["plan"]
        joined = {**metrics, **{k: plan[k] for k in PLAN_DETAIL}}
        score = state.score(proposal["package"])
        assert joined == {**score.metrics.to_json(), "feasible": score.feasible}


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ({"proposal": "P9"}, "unknown_id"),
        ({"proposal": "X1"}, "unknown_id"),
        ({"package": {"ontwerp": "goud", "fasering": "samen"}}, "unknown_id"),
        ({"package": {"ontwerp": "groen", "fasering": "samen", "extra": "x"}}, "unknown_id"),
        ({"package": {"ontwerp": "groen"}}, "bad_args"),
        ({"package": "groen"}, "bad_args"),
        ({"proposal": 3}, "bad_args"),
        ({"proposal": ""}, "bad_args"),
        ({}, "bad_args"),
        ({"proposal": "P1", "package": PACKAGE}, "bad_args"),
        ({"proposal": "\ud800"}, "bad_args"),
        ({"package": {"ontwerp": "\ud800"}}, "bad_args"),
        ({"proposal": "P1", "who": "me"}, "bad_fields"),
        ({"proposal": "P1", "table": "1"}, "bad_fields"),
        ({"proposal": "P1", "table": 2}, "wrong_table"),
    ],
)
async def test_bad_plan_requests_are_refused_and_change_nothing(
    mini_host: Running, message: dict[str, Any], code: str
) -> None:
    _, net = await with_a_proposal(mini_host)
    state = mini_host.server.tables[1].state
    with pytest.raises(ServerError) as refused:
        await net.request({"type": "plan", **message})
    assert refused.value.code == code
    assert mini_host.server.tables[1].state is state
    assert (await net.plan(proposal="P1"))["plan"]["jobs"]  # the connection goes on


async def test_a_lone_surrogate_in_raw_json_is_bad_args(mini_host: Running) -> None:
    await with_a_proposal(mini_host)
    async with connect(mini_host.url) as ws:
        hello = {"type": "hello", "protocol": 1, "codes": [mini_host.screen_code()]}
        await ws.send(json.dumps(hello))
        await ws.send('{"type": "plan", "id": 5, "proposal": "P\\ud800"}')
        while (msg := json.loads(await ws.recv()))["type"] != "error":
            pass
    assert msg == {"type": "error", "id": 5, "code": "bad_args", "reason": msg["reason"]}


async def test_another_tables_plan_is_wrong_table(host: StartServer) -> None:
    running = await host(tables=2)
    console = await running.console()
    for table in (1, 2):
        await console.move("start", table=table)
        await console.move("next_round", table=table)
    other = await running.seat("net", table=2)
    await other.move("propose", {"package": PACKAGE})
    seat = await running.seat("net", table=1)
    with pytest.raises(ServerError) as refused:
        await seat.plan(proposal="P1", table=2)
    assert refused.value.code == "wrong_table"
    with pytest.raises(ServerError) as missing:
        await seat.plan(proposal="P1")  # table 1 has no P1
    assert missing.value.code == "unknown_id"
    assert (await console.plan(proposal="P1", table=2))["plan"]["package"] == PACKAGE
    with pytest.raises(ServerError) as unsaid:
        await console.plan(proposal="P1")  # two tables: say which
    assert unsaid.value.code == "bad_fields"
