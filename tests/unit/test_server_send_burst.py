"""Unread output: a connection over the limit is dropped when a message is sent to it,
but a burst of whole views (a console of many tables) is checked at its first message
only, so a console of 100 tables is not dropped while its first views are on the way."""

from __future__ import annotations

from typing import Any

import pytest

from game.engine import new_game
from game.scenario.loader import load_scenario
from game.server import registry
from game.server.fanout import ViewFanout
from game.server.limits import Limits
from game.server.session import Session
from game.server.tables import HostedTable
from game.store import TableRecord
from tests.conftest import MINI


class Transport:
    def __init__(self, buffered: int) -> None:
        self.buffered = buffered
        self.aborted = False

    def get_write_buffer_size(self) -> int:
        return self.buffered

    def abort(self) -> None:
        self.aborted = True


class Conn:
    def __init__(self, buffered: int) -> None:
        self.transport = Transport(buffered)


def test_send_drops_a_connection_over_the_limit_send_more_does_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    got: list[Any] = []
    monkeypatch.setattr(registry, "broadcast", lambda conns, data, **_: got.append(list(conns)))
    full, fine = Conn(registry.MAX_WRITE_BUFFER + 1), Conn(0)
    registry.send([full, fine], b"{}")  # type: ignore[list-item]
    assert full.transport.aborted and got == [[fine]]
    full.transport.aborted = False
    registry.send_more([full, fine], b"{}")  # type: ignore[list-item]
    assert not full.transport.aborted and got[-1] == [full, fine]


def test_a_burst_is_allowed_on_top_of_the_limit_until_it_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(registry, "broadcast", lambda conns, data, **_: None)
    console = Conn(0)
    burst = b"x" * 2000
    registry.send([console], burst)  # type: ignore[list-item]
    registry.send_more([console], burst)  # type: ignore[list-item]
    console.transport.buffered = registry.MAX_WRITE_BUFFER + 1500  # the burst, unread
    registry.send([console], b"{}")  # type: ignore[list-item]
    assert not console.transport.aborted
    console.transport.buffered = registry.MAX_WRITE_BUFFER  # read: the plain limit again
    registry.send([console], b"{}")  # type: ignore[list-item]
    console.transport.buffered = registry.MAX_WRITE_BUFFER + 1500
    registry.send([console], b"{}")  # type: ignore[list-item]
    assert console.transport.aborted


def test_only_the_first_view_of_a_burst_is_checked() -> None:
    scenario = load_scenario(MINI)
    tables = {
        n: HostedTable(
            record=TableRecord(n, 1, 0.0, "S", {}, {}),
            state=new_game(scenario, "short", 1, 0.0, table=n),
        )
        for n in (1, 2, 3)
    }
    checked: list[str] = []
    unchecked: list[str] = []
    fanout = ViewFanout(
        lambda conns, text: checked.append(text), lambda conns, text: unchecked.append(text)
    )
    console = Session(ws="console", address="t", limits=Limits())  # type: ignore[arg-type]
    console.joined, console.facilitator = True, True
    for n, number in enumerate(tables):  # as GameServer._send_views does
        fanout.send_full(console, tables[number], 0.0, more=n > 0)
    assert len(checked) == 1 and len(unchecked) == 2
    seat = Session(ws="seat", address="t", limits=Limits())  # type: ignore[arg-type]
    roles = list(scenario.role_ids)[:2]
    seat.joined, seat.table, seat.roles = True, 1, {r: False for r in roles}
    fanout.send_full(seat, tables[1], 0.0)
    assert len(checked) == 2 and len(unchecked) == 3
