"""The facilitator's console settings, remembered per game across restarts.

Kept in the user's config directory (``console.json``), keyed by the game's
database path, so the same ``play`` command after a crash finds them again.
What is remembered: whether private data is shown and whether the address
box is shown. A resumed console still starts projector-safe (the caller
decides; see :func:`game.commands.console_run.console_session`).
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

#: Games remembered at most (the oldest are forgotten first).
KEEP = 50


def settings_file() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("botsende-belangen")) / "console.json"


def _key(db: str) -> str | None:
    if not db or db == ":memory:":
        return None
    return str(Path(db).resolve())


@dataclass
class ConsoleSettings:
    """``private``: private data shown; ``address``: the address box shown."""

    private: bool = True
    address: bool = True
    db: str = field(default="", compare=False)

    @classmethod
    def load(cls, db: str) -> ConsoleSettings:
        """The settings saved for the game in ``db`` (defaults when none or unreadable)."""
        key = _key(db)
        saved: dict[str, object] = {}
        if key is not None:
            with contextlib.suppress(OSError, ValueError, AttributeError):
                saved = json.loads(settings_file().read_text(encoding="utf-8")).get(key) or {}
        return cls(
            private=bool(saved.get("private", True)),
            address=bool(saved.get("address", True)),
            db=db,
        )

    def save(self) -> None:
        """Write these settings for their game (quietly skipped when the file cannot be written)."""
        key = _key(self.db)
        if key is None:
            return
        path = settings_file()
        with contextlib.suppress(OSError, ValueError):
            try:
                every = json.loads(path.read_text(encoding="utf-8"))
                if not isinstance(every, dict):
                    every = {}
            except FileNotFoundError:
                every = {}
            every.pop(key, None)
            every[key] = {k: v for k, v in asdict(self).items() if k != "db"}
            while len(every) > KEEP:
                every.pop(next(iter(every)))
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_text(json.dumps(every, indent=2), encoding="utf-8")
            os.replace(tmp, path)
