"""Restart on the same database: every table exactly back, same codes; clients reconnect."""

from __future__ import annotations

import asyncio
import shutil
import time
from pathlib import Path

import pytest

from game.commands.join import host_error_text
from game.net.client import ConnectionLost, GameClient, ServerError
from game.server.hosting import HostError, open_session
from game.tui.i18n import set_language
from tests.protocol.conftest import MINI, Running, StartServer, is_view


async def test_restart_resumes_every_table_with_the_same_codes(
    host: StartServer, tmp_path: Path
) -> None:
    db = tmp_path / "sessie.db"
    first = await host(tables=2, db=db)
    console = await first.console()
    await console.move("start", table=1)
    await console.move("start", table=2)
    seat = await first.seat("net", table=2)
    await seat.move("message", {"text": "blijf ik bewaard?"})
    before = {n: t.state.to_json() for n, t in first.server.tables.items()}
    codes = first.codes
    await first.server.stop()
    first.hosted.close()

    again = open_session(MINI, "short", tables=2, db=db, now=time.time())
    try:
        assert again.resumed
        assert {t.number: t.state.to_json() for t in again.tables} == before
        assert again.codes_document()["tables"] == codes["tables"]
        assert again.codes_document()["facilitator"] == codes["facilitator"]
    finally:
        again.close()


async def test_more_tables_on_resume_are_added(host: StartServer, tmp_path: Path) -> None:
    db = tmp_path / "sessie.db"
    first = await host(tables=1, db=db)
    await first.server.stop()
    first.hosted.close()
    again = open_session(MINI, "short", tables=3, db=db, now=time.time())
    try:
        assert [t.number for t in again.tables] == [1, 2, 3]
        assert len({t.record.roles["net"] for t in again.tables}) == 3
    finally:
        again.close()


def test_a_file_that_is_no_session_database_is_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("this is not sqlite " * 100)
    with pytest.raises(HostError, match="not a session database"):
        open_session(MINI, "short", db=junk, now=0.0)


def test_unknown_mode_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(HostError, match="no mode 'long'"):
        open_session(MINI, "long", db=tmp_path / "x.db", now=0.0)


def _copy_of_mini(where: Path) -> Path:
    shutil.copytree(MINI.parent, where)
    return where / MINI.name


async def test_a_game_resumes_when_its_scenario_file_moved(
    host: StartServer, tmp_path: Path
) -> None:
    # 'play' after the package was installed in a new virtual environment: the
    # database named the shipped scenario of the old one, and the game did not start
    # ("Het scenario .../.venv/.../leeuwaerdenhout.yaml klopt niet: cannot read file").
    db = tmp_path / "sessie.db"
    first = await host(_copy_of_mini(tmp_path / "old"), db=db)
    console = await first.console()
    await console.move("start", table=1)
    before = first.server.tables[1].state.to_json()
    await first.server.stop()
    first.hosted.close()
    shutil.rmtree(tmp_path / "old")

    again = open_session(_copy_of_mini(tmp_path / "new"), "short", db=db, now=time.time())
    try:
        assert again.resumed
        assert again.tables[0].state.to_json() == before
        assert again.notes == []  # the same scenario: not "another session"
    finally:
        again.close()


def test_a_game_whose_scenario_is_gone_says_so(tmp_path: Path) -> None:
    first_copy = _copy_of_mini(tmp_path / "old")
    db = tmp_path / "sessie.db"
    open_session(first_copy, "short", db=db, now=0.0).close()
    first_copy.unlink()
    other = _copy_of_mini(tmp_path / "other")
    other.write_text(other.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    with pytest.raises(HostError) as caught:
        open_session(other, "short", db=db, now=1.0)
    assert caught.value.key == "scenario_gone"
    assert caught.value.values == {"path": str(first_copy.resolve())}
    set_language("nl")
    assert "is er niet meer" in host_error_text(caught.value)


async def test_client_reconnects_by_itself_and_resumes(host: StartServer, tmp_path: Path) -> None:
    db = tmp_path / "sessie.db"
    first = await host(db=db)
    console = await first.console()
    await console.move("start")
    client = GameClient(
        first.url, codes=[first.role_code("net")], backoff_initial=0.05, backoff_max=0.2
    )
    first.clients.append(client)
    await client.connect(timeout=30)
    await client.move("message", {"text": "voor de crash"})

    await first.server.stop()  # the laptop "crashes"; clients stay
    first.hosted.close()
    lost = await client.wait_for(lambda m: m["type"] == "connection")
    assert lost["state"] == "lost"
    with pytest.raises(ConnectionLost):
        await client.move("message", {"text": "tijdens de crash"})

    port = int(first.url.rsplit(":", 1)[1])
    await host(db=db, port=port)
    restored = await client.wait_for(lambda m: m["type"] == "connection", timeout=30)
    assert restored["state"] == "restored"
    view = client.view("net")
    assert view is not None and view["version"] == 2
    assert [m["text"] for m in view["messages"]] == ["voor de crash"]
    ack = await client.move("message", {"text": "na de crash"})
    assert ack["version"] == 3
    msg = await client.wait_for(is_view(3))
    assert [m["text"] for m in msg["view"]["messages"]] == ["voor de crash", "na de crash"]
    assert client.reconnects == 1


async def test_dropped_connection_comes_back(host: StartServer) -> None:
    running = await host()
    client = await running.seat("net")
    await client.drop()
    restored = await client.wait_for(
        lambda m: m["type"] == "connection" and m["state"] == "restored", timeout=30
    )
    assert restored and client.connected.is_set()
    assert (await client.ping())["type"] == "pong"


async def test_client_stays_away_after_a_policy_close(mini_host: Running) -> None:
    client = await mini_host.seat("net")
    for _ in range(5):  # guessing the PIN: the server closes the connection (1008)
        with pytest.raises((ServerError, ConnectionLost)):
            await client.unlock("net", "0000" if mini_host.pin("net") != "0000" else "1111")
    closed = await client.wait_for(lambda m: m["type"] == "connection", timeout=30)
    assert closed["state"] == "closed"
    await asyncio.sleep(0.2)
    assert not client.connected.is_set() and client.reconnects == 0
