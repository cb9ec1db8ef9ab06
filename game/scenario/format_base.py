"""Building blocks of the scenario format: ids, numbers and conditions.

Shared by :mod:`game.scenario.format` and :mod:`game.scenario.format_play`.
"""

from __future__ import annotations

from game.scenario.model import POINTS_MAX, POINTS_MIN
from game.scenario.spec import ID_PATTERN, AnyOf, ListOf, MapOf, Number, Text

ID_HINT = " (letters, digits, '_', '-' or '.', no spaces)"


def ident(description: str) -> Text:
    return Text(what="an id", pattern=ID_PATTERN, hint=ID_HINT, description=description)


def ids(description: str) -> AnyOf:
    """One id or a list of ids."""
    return AnyOf(
        (ident(description), ListOf(ident(description))),
        what="an id or a list of ids",
        description=description,
    )


def text(description: str) -> Text:
    return Text(description=description)


def points(description: str) -> Number:
    return Number(minimum=POINTS_MIN, maximum=POINTS_MAX, description=description)


def months(description: str, minimum: int = 1) -> Number:
    """A whole number of months."""
    return Number(integer=True, minimum=minimum, description=description, unit="months")


def money(description: str) -> Number:
    return Number(minimum=0, description=description)


CONDITION = MapOf(
    ids("Option id(s) of this issue; the condition holds when one of them is chosen."),
    description=(
        "A condition on a package: issue id → option id or list of option ids. "
        "It holds when every named issue has one of the listed options."
    ),
)
