"""The ``analyze`` report as a Dutch trainer reads it in an 80-column terminal."""

from __future__ import annotations

import io
import re
from functools import cache
from typing import Any

import pytest
from rich.console import Console

from game.analysis import labels
from game.analysis.summary import analyze, to_json
from game.cli import main
from game.commands.analyze import render
from game.scenario.loader import load_scenario
from game.scenario.model import Scenario
from tests.conftest import LEEUWAERDENHOUT, ROOT

ZUIDERVELD = ROOT / "scenarios" / "zuiderveld.yaml"
CASES = [
    (path, mode, lang)
    for path in (LEEUWAERDENHOUT, ZUIDERVELD)
    for mode in ("short", "full")
    for lang in ("nl", "en")
]


@cache
def _scenario(path: str) -> Scenario:
    return load_scenario(path)


@cache
def _data(path: str, mode: str, events: tuple[str, ...] = ()) -> dict[str, Any]:
    return to_json(analyze(_scenario(path), mode, events), 0.25)


def _text(path: str, mode: str, lang: str, width: int = 80, **changes: Any) -> str:
    data = {**_data(path, mode), **changes}
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    for part in render(_scenario(path), data, lang):
        console.print(part)
    return console.export_text()


def _words(text: str) -> set[str]:
    return set(text.split())


@pytest.mark.parametrize(("path", "mode", "lang"), CASES)
def test_every_line_fits_80_columns_and_no_title_is_split(path, mode, lang):
    text = _text(str(path), mode, lang)
    assert max(len(line) for line in text.splitlines()) <= 80
    words = _words(text)
    scenario = _scenario(str(path))
    data = _data(str(path), mode)
    plans = [data["status_quo"], data["max_welfare"], data["nash"], data["kalai"]]
    for plan in plans:
        for issue_id, option_id in plan["package"].items():
            if issue_id in data["issues"]:
                title = scenario.issue(issue_id).option(option_id).title
                assert set(title.split()) <= words, title  # wrapped between words, never inside


def test_piped_report_is_not_wider_than_the_terminal(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["analyze", "leeuwaerdenhout", "--mode", "short"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= 80


@pytest.mark.parametrize(("path", "mode", "lang"), CASES)
def test_plans_name_issues_and_options_by_their_titles(path, mode, lang):
    text = _text(str(path), mode, lang, width=120)
    scenario = _scenario(str(path))
    data = _data(str(path), mode)
    for issue_id in data["issues"]:
        issue = scenario.issue(issue_id)
        assert issue.title in text
        assert not re.search(rf"│ {issue_id}\b", text), issue_id
        for option_id in {data["max_welfare"]["package"][issue_id]}:
            assert issue.option(option_id).title in text
    for option_id in ("ieder_eigen", "naar_rato", "groen_water", "ieder_zelf"):
        assert option_id not in text
    assert "omgevingsmanager │" not in text


def test_events_are_named_by_title():
    data = _data(str(LEEUWAERDENHOUT), "short", ("wolkbreuk",))
    console = Console(width=80, record=True, file=io.StringIO())
    for part in render(_scenario(str(LEEUWAERDENHOUT)), data, "nl"):
        console.print(part)
    assert "Gebeurtenissen: Wolkbreuk" in console.export_text()


@pytest.mark.parametrize(
    ("mode", "lang", "words"),
    [
        ("short", "nl", "Versie: korte versie (40 minuten in 4 rondes)"),
        ("full", "nl", "Versie: volledige versie (120 minuten in 7 rondes)"),
        ("short", "en", "Version: short version (40 minutes in 4 rounds)"),
        ("full", "en", "Version: full version (120 minutes in 7 rounds)"),
    ],
)
def test_mode_is_named_in_words(mode, lang, words):
    text = _text(str(LEEUWAERDENHOUT), mode, lang)
    assert words in text
    assert f"modus: {mode}" not in text and f"mode: {mode}" not in text


def test_dutch_report_has_no_english_word_code_or_ascii_minus():
    for mode in ("short", "full"):
        text = _text(str(LEEUWAERDENHOUT), mode, "nl")
        for word in ("short", "full", "deal", "modus"):
            assert not re.search(rf"\b{word}\b", text), word
        assert "(-" not in text and "(−20)" in text  # a real minus sign
        assert "874.1" not in text and re.search(r"\d,\d", text)


def test_count_sentences_agree_with_their_number():
    text = _text(str(LEEUWAERDENHOUT), "short", "nl")  # one package beats the status quo
    assert "1 aangenomen pakket is voor iedere rol minstens zo goed als de status quo." in text
    assert "1 aangenomen pakketten" not in text
    sq = _data(str(LEEUWAERDENHOUT), "short")["status_quo"]
    en = _text(str(LEEUWAERDENHOUT), "short", "en", passes=1, quorum=1)
    assert "1 passing package is at least as good" in en
    assert "1 package can pass." in en
    nl = _text(str(LEEUWAERDENHOUT), "short", "nl", passes=1)
    assert "1 pakket kan worden aangenomen." in nl
    none = _text(str(LEEUWAERDENHOUT), "short", "nl", status_quo={**sq, "better_passing": 0})
    assert "Geen enkel aangenomen pakket is voor iedere rol" in none
    many = _text(str(LEEUWAERDENHOUT), "full", "nl", status_quo={**sq, "better_passing": 1234})
    assert "1.234 aangenomen pakketten zijn" in many


@pytest.mark.parametrize(
    ("key", "count", "lang", "values", "expected"),
    [
        ("better_than_sq", 0, "en", {}, "No passing package is"),
        ("better_than_sq", 1, "nl", {}, "1 aangenomen pakket is"),
        ("better_than_sq", 2, "nl", {"n": "2"}, "2 aangenomen pakketten zijn"),
        ("better_than_sq", 2, "en", {"n": "2"}, "2 passing packages are"),
        ("deal", 1, "nl", {}, "1 pakket kan worden"),
        ("deal", 3, "nl", {"n": "3"}, "3 pakketten kunnen worden"),
        ("quorum", 1, "nl", {"q": 1, "n": 1}, "quorum 1 van 1 rol"),
        ("quorum", 12, "en", {"q": 9, "n": 12}, "quorum 9 of 12 roles"),
        ("vetoes", 1, "nl", {"roles": "Wethouder"}, "Veto dat ertoe doet"),
        ("vetoes", 2, "nl", {"roles": "A en B"}, "Veto's die ertoe doen"),
        ("vetoes_idle", 1, "en", {"roles": "A"}, "Veto that blocks nothing: A"),
        ("no_room", 1, "nl", {"roles": "A"}, "Kernrol zonder ruimte: A"),
        ("no_room", 2, "en", {"roles": "A and B"}, "Core roles without room: A and B"),
        ("length", 1, "nl", {"minutes": "30", "n": 1}, "30 minuten in 1 ronde"),
    ],
)
def test_counted_labels(key, count, lang, values, expected):
    assert expected in labels.counted(key, count, lang, **values)


def test_join_names():
    assert labels.join_names([], "nl") == ""
    assert labels.join_names(["A"], "nl") == "A"
    assert labels.join_names(["A", "B", "C"], "nl") == "A, B en C"
    assert labels.join_names(["A", "B"], "en") == "A and B"


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("nl", "Rol zonder ruimte (geen kernrol): {role}; speelt ze mee, dan stemt ze tegen"),
        ("en", "Optional role without room: {role}; if it plays, it votes no on every"),
    ],
)
def test_an_optional_role_without_room_is_named_in_words(
    tmp_path: Any, capsys: pytest.CaptureFixture[str], lang: str, sentence: str
) -> None:
    import shutil

    folder = tmp_path / "mini"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", folder)
    path = folder / "mini.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("reservation: 20", "reservation: 95"), encoding="utf-8")
    role = load_scenario(path).role("winkels")
    assert not role.core and role.reservation_for("short") == 95
    assert main(["analyze", str(path), "--mode", "short", "--lang", lang]) == 0
    out = " ".join(capsys.readouterr().out.split())
    # it showed only a red number in the table: the trainer had to spot it
    assert sentence.format(role=role.label) in out, out
