"""Every help screen is in one language, Dutch (15.9)."""

from __future__ import annotations

import re

import pytest

from game.cli import COMMANDS, build_parser, main
from game.commands import help_nl

#: English words that must not appear in Dutch help (option names, choices, file names and
#: upper-case metavars such as FILE aside).
ENGLISH = re.compile(
    r"\b(the|and|or|show|default|file|write|number|only|seed|options|usage|positional)\b"
)


def test_every_option_has_a_dutch_text() -> None:
    assert help_nl.apply(build_parser()) == []


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_has_no_english(command: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"] if command else ["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: ")
    words = re.sub(r"--?[\w-]+|\{[^}]*\}|<[^>]*>|\S+\.(?:html|json|npz)\b", " ", out)
    assert ENGLISH.findall(words) == [], out


def test_join_help_says_the_address_as_shown_and_how_to_share_a_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["join", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    # it gave 'ws://192.168.1.10:8765', a form the console never shows, and no word
    # on a second --code for a shared terminal
    assert "zoals de console het toont (bijvoorbeeld 192.168.1.10:8765)" in text
    assert "ws://" not in text
    assert "herhaal --code voor elke rol aan deze terminal" in text
