"""``host --headless`` speaks to the facilitator in the interface language.

Dutch by default, English with ``--lang en``; the codes file (what machines
read) is the same JSON either way.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.tui.conftest import MINI

ROOT = Path(__file__).resolve().parents[2]


def host_lines(tmp: Path, *extra: str) -> tuple[list[str], str, dict[str, object]]:
    """Start the headless host, read its lines up to the database, stop it with SIGTERM."""
    codes = tmp / "codes.json"
    args = [sys.executable, "-m", "game", "host", str(MINI), "--headless", "--quiet"]
    args += ["--host", "127.0.0.1", "--port", "0", "--db", str(tmp / "g.db")]
    args += ["--codes-file", str(codes), *extra]
    with subprocess.Popen(
        args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        lines = [proc.stdout.readline().rstrip("\n") for _ in range(4)]
        document = json.loads(codes.read_text(encoding="utf-8"))
        # an answer means the loop waits for a signal: the handlers are in place
        urllib.request.urlopen(str(document["url"]), timeout=10).close()
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    return lines, err, document


def test_the_headless_host_speaks_dutch_by_default(tmp_path: Path) -> None:
    lines, err, document = host_lines(tmp_path)
    assert lines[0] == "Het spel draait: 1 tafel van mini, spelvorm short"
    assert lines[1] == f"adres: {document['url']}" and "://" in str(document["url"])
    assert lines[2] == f"codes: {tmp_path / 'codes.json'}"
    assert lines[3] == f"spelbestand: {tmp_path / 'g.db'}"
    assert "Gestopt; ga verder met dezelfde --db." in err
    assert not any(w in "\n".join(lines) + err for w in ("hosting", "url:", "database", "stopped"))


def test_the_headless_host_speaks_english_when_asked(tmp_path: Path) -> None:
    lines, err, document = host_lines(tmp_path, "--lang", "en")
    assert lines == [
        "hosting 1 table of mini, short mode",
        f"url: {document['url']}",
        f"codes: {tmp_path / 'codes.json'}",
        f"database: {tmp_path / 'g.db'}",
    ]
    assert "stopped; resume with the same --db" in err


def test_a_resumed_session_says_so_in_both_languages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from game.commands.host import announce
    from game.tui.i18n import set_language

    announce(True, 2, "leeuwaerdenhout", "full")
    try:
        set_language("en")
        announce(True, 2, "leeuwaerdenhout", "full")
    finally:
        set_language("nl")
    assert capsys.readouterr().out.splitlines() == [
        "Het spel gaat verder: 2 tafels van leeuwaerdenhout, spelvorm full",
        "resumed 2 tables of leeuwaerdenhout, full mode",
    ]


def test_the_notes_of_a_resumed_session_are_in_the_interface_language(tmp_path: Path) -> None:
    host_lines(tmp_path)  # a session of one table in g.db
    _, err, _ = host_lines(tmp_path, "--tables", "2")  # resumed, one table added
    assert "Let op: tafel 2 is toegevoegd." in err
    assert "note:" not in err and "added table" not in err
    _, err, _ = host_lines(tmp_path, "--tables", "3", "--lang", "en")
    assert "note: added table 3" in err
