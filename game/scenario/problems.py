"""Problems found in a scenario file, and a reporter that places them at a line.

A :class:`Problem` is what a trainer reads: ``FILE:LINE:COL: message``.
A :class:`Reporter` turns a *path* into the data (``("roles", 2, "id")``) into
the line and column recorded by :mod:`game.scenario.yamlmarks`, falling back to
the nearest enclosing value when the path itself has no mark (a missing key).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

#: A path into the parsed data: mapping keys and list indices.
DataPath = tuple[str | int, ...]


#: Ranks of problems: root causes are listed before their consequences.
ROOT, DEFAULT, CONSEQUENCE = 0, 1, 2


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    message: str
    rank: int = field(default=DEFAULT, compare=False)
    """:data:`ROOT` (syntax, ids that define things), :data:`DEFAULT`, or :data:`CONSEQUENCE`."""
    warning: bool = field(default=False, compare=False)
    """A warning leaves the file valid (its message starts with ``warning:``)."""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"


def ordered(problems: Iterable[Problem]) -> list[Problem]:
    """Per file, root causes first, then by line and column."""
    return sorted(set(problems), key=lambda p: (p.file, p.rank, p.line, p.col, p.message))


@dataclass
class Marks:
    """1-based (line, column) of every value and every mapping key, by data path."""

    values: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    unreadable: set[DataPath] = field(default_factory=set)
    """Values the parser could not read (already reported; read as ``None``)."""
    raw: dict[DataPath, str] = field(default_factory=dict)
    """Unquoted scalars YAML read as something other than text: their text as written."""

    def find(self, path: DataPath, key: bool = False) -> tuple[int, int]:
        if key and path in self.keys:
            return self.keys[path]
        probe = path
        while True:
            if probe in self.values:
                return self.values[probe]
            if not probe:
                return (1, 1)
            probe = probe[:-1]


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def closest(word: object, candidates: Iterable[str]) -> str | None:
    """The candidate closest to ``word`` (a likely typo of it), or ``None``."""
    if not isinstance(word, str):
        return None
    known = list(candidates)
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    if not close and known:  # a shortened or lengthened id: 'riolering' for 'riool'
        best = max(known, key=lambda c: _common_prefix(c, word))
        if _common_prefix(best, word) >= 3:
            close = [best]
    return close[0] if close else None


def did_you_mean(word: object, candidates: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest candidate, or ``""``."""
    match = closest(word, candidates)
    return f" (did you mean '{match}'?)" if match else ""


@dataclass
class Reporter:
    """Collects problems for one file."""

    file: str
    marks: Marks = field(default_factory=Marks)
    problems: list[Problem] = field(default_factory=list)

    def at(
        self,
        path: DataPath,
        message: str,
        *,
        key: bool = False,
        rank: int = DEFAULT,
        warning: bool = False,
    ) -> None:
        """Report ``message`` at the value (or, with ``key``, the key) ``path`` points to."""
        line, col = self.marks.find(path, key=key)
        self.add(line, col, message, rank=rank, warning=warning)

    def add(
        self, line: int, col: int, message: str, *, rank: int = DEFAULT, warning: bool = False
    ) -> None:
        if warning:
            message = f"warning: {message}"
        problem = Problem(self.file, line, col, message, rank, warning)
        if problem not in self.problems:
            self.problems.append(problem)


def decode_utf8(raw: bytes, file: str) -> str | Problem:
    """``raw`` as text, or a problem at the line and column of the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        byte = raw[exc.start]
        message = (
            f"the file is not UTF-8 text: byte 0x{byte:02x} at line {line}, column {col} "
            "(save it as UTF-8)"
        )
        return Problem(file, line, col, message)
