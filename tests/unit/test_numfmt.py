"""game.numfmt: numbers per interface language, through Babel."""

from __future__ import annotations

import subprocess
import sys

import pytest

from game import numfmt


@pytest.mark.parametrize(
    ("value", "lang", "digits", "expected"),
    [
        (874.144, "nl", 1, "874,1"),
        (874.144, "en", 1, "874.1"),
        (22.0, "nl", 1, "22"),
        (-14, "nl", 1, "−14"),
        (-0.04, "nl", 1, "0"),
        (1234.56, "nl", 1, "1.234,6"),
        (1234.56, "en", 1, "1,234.6"),
        (3.14159, "en", 2, "3.14"),
        (None, "nl", 1, "–"),
    ],
)
def test_number(value: float | None, lang: str, digits: int, expected: str) -> None:
    assert numfmt.number(value, lang, digits) == expected


def test_integer_signed_fixed_percent() -> None:
    assert numfmt.integer(12500, "nl") == "12.500"
    assert numfmt.integer(12500, "en") == "12,500"
    assert numfmt.signed(3, "nl") == "+3"
    assert numfmt.signed(-2.5, "nl") == "−2,5"
    assert numfmt.signed(0, "en") == "0"
    assert numfmt.fixed(0, "nl") == "0,00"
    assert numfmt.fixed(0.755, "en") in {"0.76", "0.75"}
    assert numfmt.percent(0.874, "nl") == "87%"


def test_unknown_language_falls_back_to_dutch() -> None:
    assert numfmt.number(1.5, "xx") == "1,5"


def test_no_textual_import() -> None:
    code = "import sys, game.numfmt; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
