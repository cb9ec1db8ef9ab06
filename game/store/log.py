"""A hosted session on disk: host config, tables, codes, PINs and the move log.

One SQLite file per host (WAL journal, ``synchronous=FULL``), readable by its
owner only (0600, and so are its ``-wal`` and ``-shm`` files): it holds every
join code, PIN and the facilitator token. Every accepted
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
    moves  (table_no INTEGER, seq INTEGER, move TEXT, now REAL, key TEXT,
            PRIMARY KEY (table_no, seq))           -- move: {"type", "actor", "data"}

``seq`` counts a table's accepted moves from 1 (it is the table's version
after the move). ``key`` is the client's key of the move, or NULL: the server
applies a key at most once per seat (table and actor), also after a restart.
A database written before keys existed gets the column when opened for writing.
Codes and tokens are secrets: this module never logs them.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

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
    key TEXT, PRIMARY KEY (table_no, seq));
"""

#: The database and SQLite's companion files: owner-only, like the codes file.
PRIVATE_MODE = 0o600
_COMPANIONS = ("", "-wal", "-shm", "-journal")

#: A move's entry for :meth:`Store.append_many`: (table, move, now) or (table, move, now, key).
Entry = tuple[int, Mapping[str, Any], float] | tuple[int, Mapping[str, Any], float, str | None]


class StoreError(Exception):
    """The file is not a usable session database.

    ``kind`` says what is wrong — ``missing``, ``not_db``, ``cannot_open`` or
    ``newer`` — so a command can say it in the interface language; ``path`` is
    the file and ``detail`` the technical reason (SQLite's or the system's words,
    or the schema version). ``str()`` is an English sentence for logs.
    """

    ENGLISH: ClassVar[dict[str, str]] = {
        "missing": "{path}: no such session database",
        "not_db": "{path}: not a session database ({detail})",
        "cannot_open": "{path}: cannot open ({detail})",
        "newer": "{path}: written by a newer version (schema {detail}); please upgrade",
    }

    def __init__(self, kind: str, path: str, detail: str = "", errno: int | None = None) -> None:
        self.kind, self.path, self.detail, self.errno = kind, path, detail, errno
        super().__init__(self.ENGLISH[kind].format(path=path, detail=detail))


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
    key: str | None = None


class Store:
    """The session database. Not thread-safe: use it from one thread."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self._conn = conn
        self.path = path
        columns = {row[1] for row in conn.execute("PRAGMA table_info(moves)")}
        self._has_keys = "key" in columns
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
                    raise StoreError("missing", name)
                conn = sqlite3.connect(
                    f"file:{Path(name).resolve()}?mode=ro",
                    uri=True,
                    isolation_level=None,
                    check_same_thread=False,
                )
            else:
                if name != ":memory:":
                    _make_private(Path(name))
                conn = sqlite3.connect(name, isolation_level=None, check_same_thread=False)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
                conn.executescript(_SCHEMA)
                _add_key_column(conn)
                if name != ":memory:":
                    _make_private(Path(name))  # the -wal and -shm files SQLite just made
            store = cls(conn, name)
            store._check_schema()
        except sqlite3.DatabaseError as exc:
            raise StoreError("not_db", name, str(exc)) from None
        except OSError as exc:
            raise StoreError("cannot_open", name, exc.strerror or "", exc.errno) from None
        return store

    def _check_schema(self) -> None:
        raw = self._get("schema")
        if raw is not None and raw != SCHEMA_VERSION:
            raise StoreError("newer", self.path, str(raw))

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

    def append(
        self, table: int, move: Mapping[str, Any], now: float, key: str | None = None
    ) -> int:
        """Commit one accepted move durably (with its client ``key``, if any);
        returns its ``seq`` (1, 2, ...)."""
        return self.append_many([(table, move, now, key)])[0]

    def append_many(self, entries: Sequence[Entry]) -> list[int]:
        """Commit several accepted moves ``(table, move, now[, key])`` in one transaction.

        All or nothing; returns each move's ``seq``. The server's writer uses it
        to commit the moves that arrived while the disk was busy with one fsync.
        """
        last = dict(self._last_seq)
        rows = []
        for entry in entries:
            table, move, now = entry[0], entry[1], entry[2]
            key = entry[3] if len(entry) > 3 else None
            last[table] = last.get(table, 0) + 1
            rows.append((table, last[table], move_text(move), now, key))
        with self._transaction():
            self._conn.executemany(
                "INSERT INTO moves (table_no, seq, move, now, key) VALUES (?, ?, ?, ?, ?)", rows
            )
        self._last_seq = last
        return [row[1] for row in rows]

    def last_seq(self, table: int) -> int:
        return self._last_seq.get(table, 0)

    def moves(self, table: int) -> list[LoggedMove]:
        """The log of one table in order."""
        return list(self.iter_moves(table))

    def iter_moves(self, table: int) -> Iterator[LoggedMove]:
        key = "key" if self._has_keys else "NULL"
        rows = self._conn.execute(
            f"SELECT seq, move, now, {key} FROM moves WHERE table_no = ? ORDER BY seq", (table,)
        )
        for seq, text, now, client_key in rows:
            yield LoggedMove(
                table=table, seq=int(seq), move=json.loads(text), now=float(now), key=client_key
            )

    # -- helpers ----------------------------------------------------------------

    def _transaction(self) -> _Transaction:
        return _Transaction(self._conn)


def move_text(move: Mapping[str, Any]) -> str:
    """A move as the log stores it: compact JSON with sorted keys (strict: no NaN)."""
    return json.dumps(
        move, ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False
    )


def _make_private(path: Path) -> None:
    """Create the database file owner-only (SQLite gives its -wal and -shm files
    the database's mode) and tighten an older one and its companions."""
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE))
    for suffix in _COMPANIONS:
        companion = path.with_name(path.name + suffix)
        with contextlib.suppress(OSError):  # absent, or not ours to change
            if companion.stat().st_mode & 0o077:
                companion.chmod(PRIVATE_MODE)


def _add_key_column(conn: sqlite3.Connection) -> None:
    """Give a database from before client keys its ``key`` column."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(moves)")}
    if "key" not in columns:
        conn.execute("ALTER TABLE moves ADD COLUMN key TEXT")


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
