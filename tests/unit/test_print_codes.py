"""Join-code cards from the server's codes file, the QR drawing, and bad codes files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.cli import main
from game.printing.codes import _PROBLEMS, QR_MM, problem_keys
from game.printing.html import markdown
from game.printing.labels import LANGUAGES, keys, label
from game.printing.qr import qr_matrix, qr_svg

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini" / "mini.yaml"
URL = "ws://192.168.1.10:8765"
CODES = {
    "url": URL,
    "facilitator": "FAC-SECRET",
    "tables": [
        {
            "table": 1,
            "screen": "SCR-1111",
            "roles": {"gemeente": "GEM-4K7P", "net": "NET-8H2D", "winkels": "WNK-3M5T"},
            "pins": {"gemeente": "1234", "net": "5678", "winkels": "9012"},
        },
        {
            "table": 2,
            "screen": "SCR-2222",
            "roles": {"gemeente": "GEM-AAAA", "net": "NET-BBBB", "winkels": "WNK-CCCC"},
            "pins": {"gemeente": "4321", "net": "8765", "winkels": "2109"},
        },
    ],
}


def write_codes(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "codes.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_cards_have_every_code_pin_command_and_a_qr(tmp_path: Path) -> None:
    codes = write_codes(tmp_path, CODES)
    out = tmp_path / "out"
    assert main(["print", str(MINI), "--codes", str(codes), "-o", str(out)]) == 0
    text = (out / "codes.html").read_text(encoding="utf-8")
    assert 'href="codes.html"' in (out / "index.html").read_text(encoding="utf-8")
    for table in CODES["tables"]:
        for role, code in table["roles"].items():
            # the command breaks only between words, '--code' stays with its code
            assert (
                '<span class="nowrap">botsende-belangen</span> <span class="nowrap">join</span> '
                '<span class="nowrap">192.168.1.10:8765</span> '
                f'<span class="nowrap">--code {code}</span>'
            ) in text
            assert f'<div class="big">{table["pins"][role]}</div>' in text
            # the QR code opens the role's seat in a browser, already joined
            assert qr_svg(f"http://192.168.1.10:8765/#code={code}", QR_MM) in text
        assert f'<span class="nowrap">--code {table["screen"]}</span>' in text
        assert '<span class="nowrap">screen</span>' in text
        assert qr_svg(f"http://192.168.1.10:8765/#screen={table['screen']}", QR_MM) in text
    assert text.count('<div class="card">') == 8  # 2 tables x (3 roles + room screen)
    assert text.count("<svg") == 8 and 'class="qr"' in text
    assert "Tafel 2" in text and "Winkeliersvereniging" in text
    assert "FAC-SECRET" not in text  # the facilitator code is never printed
    assert "overflow-wrap: anywhere" not in text


def test_codes_text_is_escaped(tmp_path: Path) -> None:
    data = {"url": URL, "tables": [{"table": 1, "roles": {"net": "<b>X</b>"}}]}
    out = tmp_path / "out"
    codes = write_codes(tmp_path, data)
    assert main(["print", str(MINI), "--codes", str(codes), "-o", str(out)]) == 0
    text = (out / "codes.html").read_text(encoding="utf-8")
    assert "<b>X</b>" not in text and "&lt;b&gt;X&lt;/b&gt;" in text


BAD_CODES: list[tuple[object, str, str]] = [
    # content, the Dutch message (the default), the English one (--lang en)
    ("{not json", r"codes\.json:1:2: geen geldige JSON$", r"codes\.json:1:2: not valid JSON"),
    (
        [1, 2],
        r"moet een JSON-object met 'url' en 'tables' zijn",
        r"must be a JSON object with 'url' and 'tables'",
    ),
    (
        {"tables": [{"roles": {"net": "A"}}]},
        r"'url' moet het adres van het spel zijn",
        r"'url' must be the game's address",
    ),
    (
        {"url": URL, "tables": []},
        r"'tables' moet een lijst met minstens één tafel zijn",
        r"'tables' must be a non-empty list",
    ),
    (
        {"url": URL, "tables": [{"roles": {}}]},
        r"tables\[0\]\.roles moet minstens één rol",
        r"tables\[0\]\.roles must list at least one",
    ),
    (
        {"url": URL, "tables": [{"roles": {"gemeent": "A"}}]},
        r"onbekende rol 'gemeent' in dit scenario \(bedoel je 'gemeente'\?\)",
        r"unknown role 'gemeent' in this scenario \(did you mean 'gemeente'\?\)",
    ),
    (
        {"url": URL, "tables": [{"roles": {"net": ""}}]},
        r"tables\[0\]\.roles\.net moet een niet-lege tekst zijn",
        r"tables\[0\]\.roles\.net must be",
    ),
    (
        {"url": "foo bar", "tables": [3]},
        r"'url' is geen adres van een spel: 'foo bar'\n.*tables\[0\] moet een object zijn",
        r"'url' is no game address: 'foo bar'\n.*tables\[0\] must be an object",
    ),
]

ENGLISH_WORDS = re.compile(r"\b(must|cannot|unknown|valid|the|file|did you mean)\b")


@pytest.mark.parametrize(("content", "dutch", "english"), BAD_CODES)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_bad_codes_file_exits_1_and_writes_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: object,
    dutch: str,
    english: str,
    lang: str,
) -> None:
    codes = write_codes(tmp_path, content)
    out = tmp_path / "out"
    args = ["print", str(MINI), "--codes", str(codes), "-o", str(out)]
    assert main([*args, "--lang", "en"] if lang == "en" else args) == 1
    err = capsys.readouterr().err
    assert re.search(english if lang == "en" else dutch, err, re.MULTILINE), err
    assert str(codes) in err and "Traceback" not in err
    if lang == "nl":  # the Dutch interface says it in Dutch only
        assert not ENGLISH_WORDS.search(err.replace(str(codes), "")), err
    assert not out.exists()


@pytest.mark.parametrize(
    ("lang", "message"), [("nl", "het codebestand bestaat niet"), ("en", "does not exist")]
)
def test_missing_codes_file_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, message: str
) -> None:
    args = ["print", str(MINI), "--codes", str(tmp_path / "none.json"), "-o", str(tmp_path)]
    assert main([*args, "--lang", lang]) == 1
    err = capsys.readouterr().err
    assert message in err and "Errno" not in err


def test_codes_problems_exist_in_both_languages() -> None:
    for key in problem_keys():
        nl, en = _PROBLEMS.labels[key]
        assert nl.strip() and en.strip() and nl != en, key


def test_qr_svg_draws_exactly_the_dark_modules() -> None:
    text = f"botsende-belangen join {URL} --code GEM-4K7P"
    matrix = qr_matrix(text)
    svg = qr_svg(text)
    drawn = [[False] * len(matrix) for _ in matrix]
    for x, y, run in re.findall(r"M(\d+) (\d+)h(\d+)", svg):
        for dx in range(int(run)):
            drawn[int(y)][int(x) + dx] = True
    assert drawn == matrix
    assert any(any(row) for row in matrix)
    assert f'viewBox="0 0 {len(matrix)} {len(matrix)}"' in svg


def test_markdown_renders_structure_and_escapes_html() -> None:
    out = markdown("# Titel\n\nTekst met **vet** en *schuin*.\n\n- een\n- twee\n\n<i>x</i>")
    assert "<h3>Titel</h3>" in out
    assert "<strong>vet</strong>" in out and "<em>schuin</em>" in out
    assert "<li>een</li>" in out
    assert "&lt;i&gt;x&lt;/i&gt;" in out and "<i>" not in out


def test_every_label_exists_in_every_language() -> None:
    for key in keys():
        for lang in LANGUAGES:
            assert label(key, lang).strip(), (key, lang)
    assert label("confidential", "en") == "CONFIDENTIAL"
