"""A hosted session on disk: host config, tables, codes, PINs and the move log.

One SQLite file per host (WAL journal, ``synchronous=FULL``). Every accepted
move is one row of ``moves``, committed in its own transaction by
:meth:`Store.append` *before* the server acknowledges or broadcasts it, so a
crash loses nothing that any client has seen. Replaying ``moves`` of a table
through the engine's ``replay`` rebuilds that table's state exactly.

Schema (version 1)::

    host   (key TEXT PRIMARY KEY, value TEXT)      -- JSON values: schema, scenario,
                                                   -- scenario_sha256, mode, created,
                                                   -- facilitator, session
    tables (table_no INTEGER PRIMARY KEY, seed INTEGER, created REAL)
    codes  (code TEXT PRIMARY KEY, table_no INTEGER, role TEXT)   -- role id or "screen"
    pins   (table_no INTEGER, role TEXT, pin TEXT, PRIMARY KEY (table_no, role))
    moves  (table_no INTEGER, seq INTEGER, move TEXT, now REAL,
            PRIMARY KEY (table_no, seq))           -- move: {"type", "actor", "data"}

``seq`` counts a table's accepted moves from 1. Codes and tokens are secrets:
this module never logs them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1
SCREEN = "screen"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS host (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tables (
    table_no INTEGER PRIMARY KEY, seed INTEGER NOT NULL, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS codes (
    code TEXT PRIMARY KEY, table_no INTEGER NOT NULL, role TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pins (
    table_no INTEGER NOT NULL, role TEXT NOT NULL, pin TEXT NOT NULL,
    PRIMARY KEY (table_no, role));
CREATE TABLE IF NOT EXISTS moves (
    table_no INTEGER NOT NULL, seq INTEGER NOT NULL, move TEXT NOT NULL, now REAL NOT NULL,
    PRIMARY KEY (table_no, seq));
"""


class StoreError(Exception):
    """The file is not a usable session database (message is for the user)."""


@dataclass(frozen=True)
class HostConfig:
    """What a host was started with; fixed for the life of the database."""

    scenario: str
    mode: str
    created: float
    facilitator: str
    session: str
    scenario_sha256: str = ""

    def __repr__(self) -> str:  # never show the token
        return (
            f"HostConfig(scenario={self.scenario!r}, mode={self.mode!r}, session={self.session!r})"
        )


@dataclass(frozen=True)
class TableRecord:
    """One table: its seed, creation time, and its secrets."""

    table: int
    seed: int
    created: float
    screen: str = field(repr=False)
    roles: Mapping[str, str] = field(repr=False)  # role id -> join code
    pins: Mapping[str, str] = field(repr=False)  # role id -> 4-digit PIN


@dataclass(frozen=True)
class LoggedMove:
    table: int
    seq: int
    move: dict[str, Any]
    now: float


class Store:
    """The session database. Not thread-safe: use it from one thread."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self._conn = conn
        self.path = path
        self._last_seq: dict[int, int] = {}
        for table_no, seq in conn.execute("SELECT table_no, MAX(seq) FROM moves GROUP BY table_no"):
            self._last_seq[int(table_no)] = int(seq)

    # -- opening ----------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False) -> Store:
        """Open (and, unless ``readonly``, create) the database at ``path``.

        The connection may be handed to one other thread (the server's writer);
        it must never be used from two threads at once.
        """
        name = str(path)
        try:
            if readonly:
                if not Path(name).is_file():
                    raise StoreError(f"{name}: no such session database")
                conn = sqlite3.connect(
                    f"file:{Path(name).resolve()}?mode=ro",
                    uri=True,
                    isolation_level=None,
                    check_same_thread=False,
                )
            else:
                if name != ":memory:":
                    Path(name).parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(name, isolation_level=None, check_same_thread=False)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
                conn.executescript(_SCHEMA)
            store = cls(conn, name)
            store._check_schema()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{name}: not a session database ({exc})") from None
        except OSError as exc:
            raise StoreError(f"{name}: cannot open ({exc.strerror})") from None
        return store

    def _check_schema(self) -> None:
        raw = self._get("schema")
        if raw is not None and raw != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer version (schema {raw}); please upgrade"
            )

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- host config ------------------------------------------------------------

    def _get(self, key: str) -> Any:
        row = self._conn.execute("SELECT value FROM host WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def config(self) -> HostConfig | None:
        """The host config, or None for a new, empty database."""
        values = dict(self._conn.execute("SELECT key, value FROM host"))
        if "scenario" not in values:
            return None
        v = {k: json.loads(x) for k, x in values.items()}
        return HostConfig(
            scenario=str(v["scenario"]),
            mode=str(v["mode"]),
            created=float(v["created"]),
            facilitator=str(v["facilitator"]),
            session=str(v.get("session", "")),
            scenario_sha256=str(v.get("scenario_sha256", "")),
        )

    def init_host(self, config: HostConfig) -> None:
        """Write the host config of a new database (one transaction)."""
        rows = {
            "schema": SCHEMA_VERSION,
            "scenario": config.scenario,
            "scenario_sha256": config.scenario_sha256,
            "mode": config.mode,
            "created": config.created,
            "facilitator": config.facilitator,
            "session": config.session,
        }
        with self._transaction():
            for key, value in rows.items():
                self._conn.execute(
                    "INSERT OR REPLACE INTO host (key, value) VALUES (?, ?)",
                    (key, json.dumps(value)),
                )

    def set_meta(self, key: str, value: Any) -> None:
        """Store an extra JSON value in the host config (not one of the fixed keys)."""
        with self._transaction():
            self._conn.execute(
                "INSERT OR REPLACE INTO host (key, value) VALUES (?, ?)", (key, json.dumps(value))
            )

    def meta(self, key: str) -> Any:
        return self._get(key)

    # -- tables, codes, pins ----------------------------------------------------

    def add_table(self, record: TableRecord) -> None:
        """Add a table with its codes and PINs (one transaction)."""
        with self._transaction():
            self._conn.execute(
                "INSERT INTO tables (table_no, seed, created) VALUES (?, ?, ?)",
                (record.table, record.seed, record.created),
            )
            codes = [(record.screen, record.table, SCREEN)]
            codes += [(code, record.table, role) for role, code in record.roles.items()]
            self._conn.executemany(
                "INSERT INTO codes (code, table_no, role) VALUES (?, ?, ?)", codes
            )
            self._conn.executemany(
                "INSERT INTO pins (table_no, role, pin) VALUES (?, ?, ?)",
                [(record.table, role, pin) for role, pin in record.pins.items()],
            )

    def tables(self) -> list[TableRecord]:
        """Every table, by number, with its codes and PINs."""
        codes: dict[int, dict[str, str]] = {}
        for code, table_no, role in self._conn.execute("SELECT code, table_no, role FROM codes"):
            codes.setdefault(int(table_no), {})[str(role)] = str(code)
        pins: dict[int, dict[str, str]] = {}
        for table_no, role, pin in self._conn.execute("SELECT table_no, role, pin FROM pins"):
            pins.setdefault(int(table_no), {})[str(role)] = str(pin)
        records = []
        rows = self._conn.execute("SELECT table_no, seed, created FROM tables ORDER BY table_no")
        for table_no, seed, created in rows:
            table_codes = dict(codes.get(int(table_no), {}))
            screen = table_codes.pop(SCREEN, "")
            records.append(
                TableRecord(
                    table=int(table_no),
                    seed=int(seed),
                    created=float(created),
                    screen=screen,
                    roles=table_codes,
                    pins=pins.get(int(table_no), {}),
                )
            )
        return records

    # -- the move log -----------------------------------------------------------

    def append(self, table: int, move: Mapping[str, Any], now: float) -> int:
        """Commit one accepted move durably; returns its ``seq`` (1, 2, ...)."""
        seq = self._last_seq.get(table, 0) + 1
        text = json.dumps(move, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        with self._transaction():
            self._conn.execute(
                "INSERT INTO moves (table_no, seq, move, now) VALUES (?, ?, ?, ?)",
                (table, seq, text, now),
            )
        self._last_seq[table] = seq
        return seq

    def append_many(self, entries: Sequence[tuple[int, Mapping[str, Any], float]]) -> list[int]:
        """Commit several accepted moves ``(table, move, now)`` in one transaction.

        All or nothing; returns each move's ``seq``. The server's writer uses it
        to commit the moves that arrived while the disk was busy with one fsync.
        """
        last = dict(self._last_seq)
        rows = []
        for table, move, now in entries:
            last[table] = last.get(table, 0) + 1
            text = json.dumps(move, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
            rows.append((table, last[table], text, now))
        with self._transaction():
            self._conn.executemany(
                "INSERT INTO moves (table_no, seq, move, now) VALUES (?, ?, ?, ?)", rows
            )
        self._last_seq = last
        return [row[1] for row in rows]

    def last_seq(self, table: int) -> int:
        return self._last_seq.get(table, 0)

    def moves(self, table: int) -> list[LoggedMove]:
        """The log of one table in order."""
        return list(self.iter_moves(table))

    def iter_moves(self, table: int) -> Iterator[LoggedMove]:
        rows = self._conn.execute(
            "SELECT seq, move, now FROM moves WHERE table_no = ? ORDER BY seq", (table,)
        )
        for seq, text, now in rows:
            yield LoggedMove(table=table, seq=int(seq), move=json.loads(text), now=float(now))

    # -- helpers ----------------------------------------------------------------

    def _transaction(self) -> _Transaction:
        return _Transaction(self._conn)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, ROLLBACK on error."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __enter__(self) -> None:
        self._conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self._conn.execute("COMMIT")
        else:
            self._conn.execute("ROLLBACK")
