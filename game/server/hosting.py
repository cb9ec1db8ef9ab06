"""Create a hosted session in a store, or resume one from it exactly.

A new database gets the host config, one record per table (seed, codes, PINs)
and the facilitator token. An existing one is resumed: each table's log is
replayed through the engine, so states, codes and PINs are as they were.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import secrets
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from game.engine import IllegalMove, Move, new_game, replay
from game.scenario.loader import ScenarioError, load_scenario
from game.scenario.model import Scenario
from game.server.codes import new_facilitator_token, new_join_code, new_pin
from game.server.keys import MoveKeys
from game.server.tables import HostedTable
from game.store import HostConfig, Store, StoreError, TableRecord

MAX_TABLES = 100


#: A note for the facilitator: a message key and its values.
Note = tuple[str, dict[str, Any]]


class HostError(Exception):
    """The session cannot be hosted (for the user, no traceback).

    ``key`` names the sentence in the interface catalogs (``cli.host_error.KEY``
    in game/tui/i18n) and ``values`` fill it in, so the command says it in its
    language; ``str()`` is the English sentence, for logs.
    """

    ENGLISH: ClassVar[dict[str, str]] = {
        "scenario": "the scenario is not valid:\n{problems}",
        "tables": "--tables must be 1 to {max}",
        "mode": "the scenario has no mode {mode!r} (it has: {modes})",
        "scenario_gone": "the scenario of the interrupted game, {path}, no longer exists",
        "damaged": "move {seq} of table {table} is damaged: {detail}",
        "replay": "the log of table {table} does not replay on this scenario ({detail})",
    }

    def __init__(self, key: str, /, english: str = "", **values: Any) -> None:
        self.key, self.values = key, values
        super().__init__(english or self.ENGLISH[key].format(**values))

    @classmethod
    def from_store(cls, exc: StoreError) -> HostError:
        """The store's complaint (its own English for logs); ``why`` names the cause for
        people (``cli.why.*``)."""
        why = _WHY.get(exc.errno or 0, "other") if exc.kind == "cannot_open" else "other"
        return cls(f"store.{exc.kind}", str(exc), path=exc.path, detail=exc.detail, why=why)


#: Causes of a database that cannot be opened, by errno, as the catalogs name them.
_WHY = {
    errno.EACCES: "no_access",
    errno.EPERM: "no_access",
    errno.ENOENT: "no_folder",
    errno.ENOTDIR: "no_folder",
    errno.EROFS: "read_only",
    errno.ENOSPC: "disk_full",
    errno.EISDIR: "is_folder",
}


@dataclass(eq=False)
class HostedSession:
    config: HostConfig
    scenario: Scenario
    store: Store
    tables: list[HostedTable]
    resumed: bool = False
    #: Notes for the facilitator, each a message key (``cli.note.*`` in the interface
    #: catalogs, game/tui/i18n) and its values: the command says them in its language.
    notes: list[Note] = field(default_factory=list)
    url: str = ""

    def codes_document(self) -> dict[str, Any]:
        """The codes file's content: url, facilitator token, and per table its codes and PINs."""
        return {
            "url": self.url,
            "facilitator": self.config.facilitator,
            "tables": [
                {
                    "table": t.number,
                    "screen": t.record.screen,
                    "roles": dict(t.record.roles),
                    "pins": dict(t.record.pins),
                }
                for t in self.tables
            ],
        }

    def write_codes_file(self, path: str | Path) -> None:
        """Write the codes as JSON, readable by the owner only."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(self.codes_document(), fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        os.replace(tmp, target)

    def close(self) -> None:
        self.store.close()


def file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _load(path: Path) -> Scenario:
    try:
        return load_scenario(path)
    except ScenarioError as exc:
        raise HostError("scenario", path=str(path), problems=str(exc)) from None


def open_session(
    scenario_path: Path,
    mode: str,
    *,
    tables: int = 1,
    db: str | Path = ":memory:",
    seed: int | None = None,
    now: float,
) -> HostedSession:
    """A new session in ``db``, or the one already there, resumed."""
    if not 1 <= tables <= MAX_TABLES:
        raise HostError("tables", max=MAX_TABLES)
    try:
        store = Store.open(db)
    except StoreError as exc:
        raise HostError.from_store(exc) from None
    try:
        config = store.config()
        if config is None:
            hosted = _create(store, scenario_path, mode, tables, seed, now)
        else:
            hosted = _resume(store, config, scenario_path, mode)
        _add_tables(hosted, tables, seed, now)
    except BaseException:
        store.close()
        raise
    return hosted


def _create(
    store: Store, path: Path, mode: str, count: int, seed: int | None, now: float
) -> HostedSession:
    scenario = _load(path)
    if mode not in scenario.modes:
        raise HostError("mode", mode=mode, modes=", ".join(scenario.modes))
    config = HostConfig(
        scenario=str(path.resolve()),
        mode=mode,
        created=now,
        facilitator=new_facilitator_token(),
        session=secrets.token_hex(8),
        scenario_sha256=file_digest(path),
    )
    store.init_host(config)
    return HostedSession(config=config, scenario=scenario, store=store, tables=[])


def _resume(store: Store, config: HostConfig, path: Path, mode: str) -> HostedSession:
    stored = Path(config.scenario)
    if not stored.exists():
        # The file the game began with is gone (a shipped scenario in a virtual
        # environment made anew, say). The same file elsewhere, by its digest, serves.
        if not (
            config.scenario_sha256
            and path.is_file()
            and file_digest(path) == config.scenario_sha256
        ):
            raise HostError("scenario_gone", path=str(stored))
        stored = path.resolve()
    notes: list[Note] = []
    if path.resolve() != stored or mode != config.mode:
        notes.append(("other_session", {"name": stored.name, "mode": config.mode}))
    scenario = _load(stored)
    if config.scenario_sha256 and file_digest(stored) != config.scenario_sha256:
        notes.append(("scenario_changed", {"path": str(stored)}))
    hosted = HostedSession(
        config=config, scenario=scenario, store=store, tables=[], resumed=True, notes=notes
    )
    for record in store.tables():
        log = []
        keys = MoveKeys()
        for entry in store.iter_moves(record.table):
            try:
                log.append((Move.from_json(entry.move), entry.now))
            except IllegalMove as exc:
                raise HostError(
                    "damaged", seq=entry.seq, table=record.table, detail=str(exc)
                ) from None
            if entry.key is not None:
                keys.applied(entry.move, entry.key, entry.seq)
        try:
            state = replay(
                scenario, config.mode, record.seed, record.created, log, table=record.table
            )
        except IllegalMove as exc:
            raise HostError(
                "replay", table=record.table, scenario=stored.name, detail=exc.reason
            ) from None
        hosted.tables.append(HostedTable(record=record, state=state, keys=keys))
    return hosted


def _add_tables(hosted: HostedSession, count: int, seed: int | None, now: float) -> None:
    taken = {hosted.config.facilitator}
    for t in hosted.tables:
        taken.add(t.record.screen)
        taken.update(t.record.roles.values())
    if hosted.resumed and count < len(hosted.tables):
        hosted.notes.append(("tables_kept", {"n": len(hosted.tables)}))
    for number in range(len(hosted.tables) + 1, count + 1):
        roles = {}
        for role in hosted.scenario.role_ids:
            roles[role] = new_join_code(taken)
            taken.add(roles[role])
        screen = new_join_code(taken)
        taken.add(screen)
        record = TableRecord(
            table=number,
            seed=(seed + number - 1) if seed is not None else secrets.randbits(31),
            created=now,
            screen=screen,
            roles=roles,
            pins={role: new_pin() for role in hosted.scenario.role_ids},
        )
        hosted.store.add_table(record)
        state = new_game(hosted.scenario, hosted.config.mode, record.seed, now, table=number)
        hosted.tables.append(HostedTable(record=record, state=state))
        if hosted.resumed:
            hosted.notes.append(("table_added", {"number": number}))


def warn(notes: Sequence[Note], translate: Callable[..., str]) -> None:
    """Print the notes in the interface's language (``translate``: game.tui.i18n.t)."""
    for key, values in notes:
        print(translate(f"cli.note.{key}", **values), file=sys.stderr)
