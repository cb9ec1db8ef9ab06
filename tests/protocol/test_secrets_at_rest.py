"""The session database holds every code, PIN and the facilitator token: owner-only.

Issue 17, item 5: the database and its WAL and SHM files are created 0600 (like
the codes file), whatever the umask, and an older, looser file is tightened.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.server.hosting import open_session
from game.store import Store
from tests.protocol.conftest import MINI


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_session_database_and_its_wal_and_shm_are_owner_only(
    tmp_path: Path, loose_umask: None
) -> None:
    db = tmp_path / "sessions" / "game.db"
    hosted = open_session(MINI, "short", db=db, seed=1, now=time.time())
    try:
        hosted.store.append(1, {"type": "start", "actor": "facilitator", "data": {}}, 1.0)
        files = [db, db.with_name("game.db-wal"), db.with_name("game.db-shm")]
        assert all(f.exists() for f in files)
        assert {f.name: oct(mode(f)) for f in files} == {f.name: "0o600" for f in files}
        hosted.write_codes_file(tmp_path / "codes.json")
        assert mode(db) == mode(tmp_path / "codes.json") == 0o600
    finally:
        hosted.close()


def test_an_older_readable_database_is_tightened_when_opened(
    tmp_path: Path, loose_umask: None
) -> None:
    db = tmp_path / "old.db"
    Store.open(db).close()
    for path in tmp_path.iterdir():
        path.chmod(0o644)
    with Store.open(db) as store:
        store.append(1, {"type": "start", "actor": "facilitator", "data": {}}, 1.0)
        assert mode(db) == 0o600
        assert mode(db.with_name("old.db-wal")) == 0o600
