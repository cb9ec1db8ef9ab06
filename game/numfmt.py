"""Numbers for people, per interface language (one place for every screen and report).

Every client — the Textual seat, room screen and console, the web client, the
debrief report — formats numbers through these functions, so ``874,1`` reads the
same everywhere in Dutch and ``874.1`` in English. The formatting itself is
Babel's (CLDR data: decimal and grouping signs per locale); this module only
fixes the house style on top of it:

- no needless decimals (``22``, not ``22,0``), at most ``digits`` of them;
- a real minus sign ``−`` (U+2212), never ``-0``;
- ``None`` becomes an en dash ``–``.

>>> number(874.144, "nl")
'874,1'
>>> number(874.144, "en")
'874.1'
>>> signed(-14, "nl")
'−14'
>>> signed(3.25, "nl", digits=2)
'+3,25'
>>> integer(12500, "nl")
'12.500'

Pure Python plus Babel: no Textual, no I/O; safe to import from the core's neighbours.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

DASH = "–"
MINUS = "−"
LANGS = ("nl", "en")


@lru_cache(maxsize=8)
def _locale(lang: str) -> Locale:
    """The Babel locale of an interface language (unknown languages fall back to Dutch).

    Babel is imported here, on the first number, not when a screen starts: its
    import and locale data cost about 0.1 s that the first frame need not wait for.
    """
    from babel import Locale

    return Locale.parse(lang if lang in LANGS else "nl")


def _pattern(digits: int, *, fixed: bool) -> str:
    if digits <= 0:
        return "#,##0"
    return "#,##0." + ("0" if fixed else "#") * digits


def _format(value: float, lang: str, digits: int, *, fixed: bool) -> str:
    x = round(float(value), max(digits, 0))
    if x == 0:
        x = 0.0  # never "-0"
    from babel.numbers import format_decimal

    text = format_decimal(x, format=_pattern(digits, fixed=fixed), locale=_locale(lang))
    return text.replace("-", MINUS)


def number(value: float | int | None, lang: str = "nl", digits: int = 1) -> str:
    """A number with at most ``digits`` decimals, none that are not needed.

    >>> number(2.0, "nl"), number(-0.04, "nl"), number(None, "en")
    ('2', '0', '–')
    """
    if value is None:
        return DASH
    return _format(float(value), lang, digits, fixed=False)


def fixed(value: float | int | None, lang: str = "nl", digits: int = 2) -> str:
    """A number with exactly ``digits`` decimals (indicators such as ``0,75``).

    >>> fixed(0, "nl"), fixed(0.5, "en")
    ('0,00', '0.50')
    """
    if value is None:
        return DASH
    return _format(float(value), lang, digits, fixed=True)


def integer(value: float | int | None, lang: str = "nl") -> str:
    """A whole number, rounded, with the language's grouping sign (``12.500`` / ``12,500``)."""
    if value is None:
        return DASH
    return _format(float(value), lang, 0, fixed=False)


def signed(value: float | int | None, lang: str = "nl", digits: int = 1) -> str:
    """A change: ``+3``, ``−14``, ``0`` (a plus sign for gains, the real minus for losses)."""
    if value is None:
        return DASH
    text = number(value, lang, digits)
    if text != "0" and not text.startswith(MINUS):
        return "+" + text
    return text


def percent(share: float | None, lang: str = "nl", digits: int = 0) -> str:
    """A share 0..1 as a percentage (``87%``)."""
    if share is None:
        return DASH
    return number(share * 100, lang, digits) + "%"
