"""The trainer commands' own messages (refusals and confirmations), Dutch and English.

``validate``, ``analyze``, ``export``, ``print``, ``new-scenario``, ``schema`` and
``simulate`` say what went wrong with the command line or a file in the
interface language: Dutch unless the command has ``--lang en``. (The scenario
check's own lines, ``file:line:col: message``, come from game.scenario.)
"""

from __future__ import annotations

from game.catalog import Catalog

_MESSAGES: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "no_mode": (
        "{path}: het scenario heeft geen spelvorm {mode} (wel: {known})",
        "{path}: the scenario has no mode {mode} (it has: {known})",
    ),
    "unknown_event": (
        "{path}: onbekende gebeurtenis {event} (wel: {known})",
        "{path}: unknown event {event} (it has: {known})",
    ),
    "event_not_in_mode": (
        "{path}: gebeurtenis {event} hoort niet bij spelvorm {mode} (wel: {known})",
        "{path}: event {event} is not played in mode {mode} (its events: {known})",
    ),
    "unknown_role": (
        "{path}: onbekende rol {role} (wel: {known})",
        "{path}: unknown role {role} (it has: {known})",
    ),
    "no_folder": (
        "{path}: de map {folder} bestaat niet",
        "{path}: the folder {folder} does not exist",
    ),
    "cannot_write": (
        "{path}: kan niet schrijven (bestaat de map, en mag je erin schrijven?)",
        "{path}: cannot write (does the folder exist, and may you write in it?)",
    ),
    "exists": (
        "{path}: bestaat al; er is niets geschreven",
        "{path}: already exists; nothing was written",
    ),
    "bad_name": (
        "new-scenario: de naam {name} is niet geschikt: "
        "gebruik kleine letters, cijfers, '_' en '-'",
        "new-scenario: the name {name} will not do: use lower-case letters, digits, '_' and '-'",
    ),
    "written_scenario": (
        "{path}: geschreven, met {n} rolbeschrijvingen in {folder}/",
        "{path}: written, with {n} role briefings in {folder}/",
    ),
    "check_after": (
        "Controleer na elke wijziging: botsende-belangen validate {path}",
        "Check after every change: botsende-belangen validate {path}",
    ),
}


_CATALOG = Catalog(_MESSAGES)


def say(key: str, lang: str = "nl", **values: object) -> str:
    """The message ``key`` in ``lang`` (Dutch for an unknown language), filled in."""
    return _CATALOG.label(key, lang, **values)
