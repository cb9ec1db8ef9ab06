"""YAML-level mistakes (syntax, tabs, duplicate keys, empty files...) and a fuzz test.

No input may produce a Python traceback: a file either loads or raises
``ScenarioError`` with problems that name file, line and column.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.cli import main
from game.scenario.loader import Problem, ScenarioError, load_scenario
from game.scenario.model import Scenario

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"
MINI_TEXT = (MINI / "mini.yaml").read_text(encoding="utf-8")


def validate_text(
    tmp_path: Path, text: str | bytes, capsys: pytest.CaptureFixture[str]
) -> tuple[int, Path, list[str]]:
    folder = tmp_path / "s"
    shutil.copytree(MINI, folder)
    path = folder / "x.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    code = main(["validate", str(path)])
    return code, path, capsys.readouterr().err.splitlines()


@pytest.mark.parametrize(
    ("text", "line", "col", "message"),
    [
        ("meta: [}\n", 1, 8, "YAML syntax error: expected the node content, but found '}'"),
        ("meta:\n  id: x\n  title: 'open\n", 3, 10, "this quote is never closed"),
        ("a: 1\n---\nb: 2\n", 2, 1, "expected a single document in the stream"),
        ("", 1, 1, "the file is empty"),
        ("# only a comment\n\n", 1, 1, "the file is empty"),
        ("- meta\n- roles\n", 1, 1, "the file's top must be a mapping (key: value), got a list"),
        ("just some text\n", 1, 1, "the file's top must be a mapping (key: value), got the text"),
        ("meta: &a\n  id: *a\n", 1, 7, "an alias refers to the value it is part of"),
        ("meta: !secret x\n", 1, 7, "cannot read this value (tag !secret)"),
        ("meta: {a: 1, <<: {b: 2}}\n", 1, 14, "merge keys ('<<') are not supported"),
        ("meta: {[a]: 1}\n", 1, 8, "a key must be plain text"),
    ],
)
def test_yaml_level_mistakes(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    line: int,
    col: int,
    message: str,
) -> None:
    code, path, lines = validate_text(tmp_path, text, capsys)
    assert code == 1
    assert any(p.startswith(f"{path}:{line}:{col}: ") and message in p for p in lines), lines


def test_tab_in_indentation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = MINI_TEXT.replace("  title: Mini-scenario", "\ttitle: Mini-scenario", 1)
    code, path, lines = validate_text(tmp_path, text, capsys)
    assert code == 1
    assert lines == [f"{path}:5:1: tab in indentation; YAML indents with spaces only"]


def test_duplicate_key_in_a_mapping(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = MINI_TEXT.replace(
        "    reservation: 40\n", "    reservation: 40\n    reservation: 90\n", 1
    )
    code, path, lines = validate_text(tmp_path, text, capsys)
    assert code == 1
    assert lines == [
        f"{path}:34:5: duplicate key 'reservation' (first at line 33); "
        "YAML would silently keep only the last one"
    ]


def test_duplicate_top_level_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = MINI_TEXT + "agreement:\n  quorum: 3\n"
    code, path, lines = validate_text(tmp_path, text, capsys)
    assert code == 1
    last = len(MINI_TEXT.splitlines()) + 1
    assert any(p.startswith(f"{path}:{last}:1: duplicate key 'agreement'") for p in lines), lines


def test_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = MINI_TEXT.replace("Mini-scenario", "Mini-sc\u00e9nario", 1).encode("latin-1")
    code, path, lines = validate_text(tmp_path, data, capsys)
    assert code == 1
    assert lines == [
        f"{path}:5:17: the file is not UTF-8 text: byte 0xe9 at line 5, column 17 "
        "(save it as UTF-8)"
    ]


def test_a_briefing_that_is_not_utf8_names_its_line_and_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 15.9: the error names the briefing file, line, column and byte."""
    _, path, _ = validate_text(tmp_path, MINI_TEXT, capsys)
    briefing = path.parent / "roles" / "gemeente.md"
    lines = briefing.read_text(encoding="utf-8").splitlines()
    lines[2] = "Caf\u00e9 " + lines[2]
    briefing.write_bytes("\n".join(lines).encode("latin-1"))
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{briefing}:3:4: the file is not UTF-8 text: byte 0xe9 at line 3, column 4 "
        "(save it as UTF-8)"
    ]


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nowhere.yaml"
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().err.startswith(f"{path}:1:1: cannot read file: ")


def test_value_yaml_reads_as_bool_gets_a_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = MINI_TEXT.replace("{id: kaal, title:", "{id: no, title:", 1)
    code, _, lines = validate_text(tmp_path, text, capsys)
    assert code == 1
    assert any(
        "'id' must be an id: YAML 1.1 reads 'no' as true/false, editors (YAML 1.2) as text" in p
        for p in lines
    ), lines


def test_root_cause_comes_before_its_consequences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An option id 'no' used as a key and a value before its definition (issue 15.2)."""
    text = re.sub(r"\bkaal\b", "no", MINI_TEXT)
    code, _, lines = validate_text(tmp_path, text, capsys)
    assert code == 1
    definition = text.count("\n", 0, text.index("{id: no,")) + 1
    assert f":{definition}:" in lines[0] and "YAML 1.1 reads 'no' as true/false" in lines[0], lines
    assert not any("unknown option" in line for line in lines), lines


# --- common YAML mistakes in plain words (issue 15.4) -------------------------------

RAW_PARSER_WORDS = ("mapping values are not allowed", "<block", "cannot start any token", "but got")

COMMON_MISTAKES = {
    "key indented too far": (
        "    veto: true\n    reservation: 40",
        "    veto: true\n      reservation: 40",
        "'reservation:' is indented further than the line above it (line 32); keys of one "
        "mapping start in the same column: move it to column 5",
    ),
    "key indented too little": (
        "    veto: true\n    reservation: 40",
        "    veto: true\n   reservation: 40",
        "this line starts in column 4, which lines up with no key above it",
    ),
    "tab after a colon": (
        "    reservation: 40",
        "    reservation:\t40",
        "a tab here; YAML allows only spaces between a ':' and its value: use a space",
    ),
    "colon in a text": (
        "    public: Wil een mooie straat.",
        "    public: Wil: een mooie straat.",
        "a ': ' inside a text ends the key and starts a value; put that text in quotes: "
        'public: "Wil: een mooie straat."',
    ),
    "colon in a text in braces": (
        "note: Weekmarkt}",
        "note: Weekmarkt: zaterdag}",
        "a ':' inside a text in {…}; put that text in quotes: note: \"Weekmarkt: zaterdag\"",
    ),
    "comma in a text in braces": (
        "note: Weekmarkt}",
        "note: Bakker, supermarkt en school}",
        "unknown key 'supermarkt en school' in segment 'plein'; a ',' inside a text in {…} "
        'ends that text: put the text in quotes, note: "Bakker, supermarkt en school"',
    ),
    "brace never closed": (
        "ontwerp: {groen: 50, parkeren: 20, kaal: 0}\n        fasering",
        "ontwerp: {groen: 50, parkeren: 20, kaal: 0\n        fasering",
        "the '{' at line 36, column 18 is never closed; end it with '}' on its line",
    ),
    "key without colon": (
        "    short_name: Wethouder",
        "    short_name Wethouder",
        "x.yaml:27:5: this line has no ':' after its key",
    ),
    "text starting with @": (
        "    public: Wil een mooie straat.",
        "    public: @gemeente wil een mooie straat.",
        "a text cannot start with '@' in YAML; put the text in quotes",
    ),
}


@pytest.mark.parametrize(("old", "new", "message"), COMMON_MISTAKES.values(), ids=COMMON_MISTAKES)
def test_common_yaml_mistakes_get_plain_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, message: str
) -> None:
    assert old in MINI_TEXT
    code, _, lines = validate_text(tmp_path, MINI_TEXT.replace(old, new, 1), capsys)
    assert code == 1
    assert any(message in line for line in lines), lines
    assert not any(word in line for line in lines for word in RAW_PARSER_WORDS), lines


# --- fuzz -------------------------------------------------------------------------

ALPHABET = ":-[]{}\t\n #&*!|>'\",.~?0123456789abcxyz"
TOKENS = [
    "0",
    "-1",
    "1e999",
    "null",
    "[]",
    "{}",
    "yes",
    "x",
    "[a, b]",
    "{a: 1}",
    "2.5",
    ".inf",
    "*a",
]


def mutate(text: str, ops: list[tuple[int, int, int, str]]) -> str:
    for kind, at, size, extra in ops:
        at %= len(text) or 1
        if kind == 0:  # delete a few characters
            text = text[:at] + text[at + size :]
        elif kind == 1:  # insert random characters
            text = text[:at] + extra + text[at:]
        elif kind == 2:  # copy a line elsewhere
            lines = text.split("\n")
            lines.insert(at % len(lines), lines[size * 7 % len(lines)])
            text = "\n".join(lines)
        else:  # replace the value after a ': '
            start = text.find(": ", at)
            if start >= 0:
                end = start + 2
                while end < len(text) and text[end] not in ",}]\n":
                    end += 1
                text = text[: start + 2] + TOKENS[size % len(TOKENS)] + text[end:]
    return text


OPS = st.lists(
    st.tuples(
        st.integers(0, 3),
        st.integers(0, len(MINI_TEXT)),
        st.integers(1, 12),
        st.text(alphabet=ALPHABET, min_size=1, max_size=4),
    ),
    min_size=1,
    max_size=3,
)


def test_fuzzed_files_load_or_raise_scenario_error() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "s"
        shutil.copytree(MINI, folder)
        path = folder / "fuzz.yaml"

        @settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(OPS)
        def check(ops: list[tuple[int, int, int, str]]) -> None:
            path.write_text(mutate(MINI_TEXT, ops), encoding="utf-8")
            try:
                result = load_scenario(path, playable=True)
            except ScenarioError as exc:
                assert exc.problems
                assert all(
                    isinstance(p, Problem) and p.line >= 1 and p.col >= 1 for p in exc.problems
                )
                assert not any("internal error" in p.message for p in exc.problems)
            else:
                assert isinstance(result, Scenario)

        check()
