"""The interface string catalogs: Dutch (default) and English.

Every string the screens show comes from here: ``t("key", name=...)``. The
catalogs are plain dicts in :mod:`nl` and :mod:`en` with the same keys (a test
checks). Engine error codes are translated with :func:`error_text`.
"""

from __future__ import annotations

from collections.abc import Mapping

from game import numfmt
from game.tui.i18n import en, nl

CATALOGS: Mapping[str, Mapping[str, str]] = {"nl": nl.STRINGS, "en": en.STRINGS}
LANGUAGES: tuple[str, ...] = tuple(CATALOGS)

_current = {"lang": "nl"}


def set_language(lang: str) -> None:
    """Switch the interface language (``nl`` or ``en``)."""
    if lang not in CATALOGS:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current["lang"] = lang


def language() -> str:
    return _current["lang"]


def t(key: str, /, **values: object) -> str:
    """The string for ``key`` in the current language, formatted with ``values``."""
    catalog = CATALOGS[_current["lang"]]
    text = catalog.get(key) or CATALOGS["nl"].get(key) or key
    if values:
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def error_text(code: str, reason: str = "") -> str:
    """A user-facing sentence for an engine or server error code.

    ``reason`` is the engine's English explanation for developers and logs: it
    never reaches the screen (an unknown code gets a general sentence).
    """
    key = f"error.{code}"
    if key in CATALOGS[_current["lang"]]:
        return t(key)
    return t("error.unknown")


def num(value: float | int | None, digits: int = 1) -> str:
    """A number in the interface language (``874,1`` in Dutch, ``874.1`` in English)."""
    return numfmt.number(value, _current["lang"], digits)


def signed(value: float | int | None, digits: int = 1) -> str:
    """A change with its sign in the interface language (``+3``, ``−14``)."""
    return numfmt.signed(value, _current["lang"], digits)
