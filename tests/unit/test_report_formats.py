"""``report`` as Markdown and HTML: contents, self-containment and escaping."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from test_report_helpers import MINI, played_db

from game.cli import main
from game.report.labels import culture_key

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)
NASTY = '<script>alert("x")</script> & co'


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return played_db(tmp_path_factory.mktemp("formats"))[0]


@pytest.fixture(scope="module")
def nasty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini scenario with markup in a role name, an option title and a lesson."""
    folder = tmp_path_factory.mktemp("nasty")
    shutil.copytree(MINI.parent, folder / "mini")
    path = folder / "mini" / "mini.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("name: Winkeliers", f"name: '{NASTY}'")
    text = text.replace("short_name: Wethouder", "short_name: 'Wet|houder *vet*'")
    text = text.replace("title: Groene straat", "title: 'Groen <b>straat</b>'")
    text = text.replace("title: Deel je belangen", f"title: '{NASTY}'")
    path.write_text(text, encoding="utf-8")
    return played_db(folder, path)[0]


def render(db: Path, fmt: str, tmp_path: Path, *extra: str) -> str:
    out = tmp_path / f"debrief.{fmt}"
    assert main(["report", str(db), "--format", fmt, "-o", str(out), *extra]) == 0
    return out.read_text(encoding="utf-8")


def test_markdown_has_the_tables_and_the_lessons(db: Path, tmp_path: Path) -> None:
    md = render(db, "md", tmp_path)
    assert md.startswith("# Nabespreking: Mini-scenario")
    for heading in (
        "## Tafels naast elkaar",
        "## Tafel 1",
        "### Scores tegen reservewaarde",
        "### De belangen onthuld",
        "### Betere pakketten",
        "### Openingen per straat",
        "### Voorstellen in de tijd",
        "### Wie sprak met wie",
        "### Cultuurwaarden",
        "## Lessen",
    ):
        assert heading in md
    assert "| Rol | Score | Reserve | Verschil | Beste haalbaar |" in md
    assert "| Wethouder (veto) | 36 | 40 | −4 | 88 |" in md
    assert "| Dorpsstraat | 2 | 2 | 1 |" in md  # openings: outcome, status quo, best plan
    assert "**Deel je belangen** (Openheid: 0,11, 0,00, 0,00): Wie zijn belangen" in md
    assert "Tafel 3 bereikte de onthulling niet" in md
    assert not re.search(r"(?<!\\)<[a-z/]", md)  # no HTML


def test_markdown_in_english(db: Path, tmp_path: Path) -> None:
    md = render(db, "md", tmp_path, "--lang", "en")
    assert md.startswith("# Debrief: Mini-scenario")
    assert "### Better packages" in md and "## Lessons" in md


def test_html_is_one_self_contained_page(db: Path, tmp_path: Path) -> None:
    html = render(db, "html", tmp_path)
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert html.count("<svg") >= 3 * 6  # per table: scores, 3 maps, proposals, talk, culture
    assert not EXTERNAL.search(html)
    assert "<script" not in html and "<link" not in html and "@import" not in html
    assert "<style>" in html
    for text in ("Tafels naast elkaar", "Betere pakketten", "Wie sprak met wie", "Lessen"):
        assert text in html


def test_html_default_file_name(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["report", str(db)]) == 0
    assert "<svg" in (tmp_path / "debrief-mini.html").read_text(encoding="utf-8")


def test_escaping(nasty_db: Path, tmp_path: Path) -> None:
    html = render(nasty_db, "html", tmp_path)
    assert "<script" not in html and "<b>straat" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in html
    assert "Groen &lt;b&gt;straat&lt;/b&gt;" in html
    md = render(nasty_db, "md", tmp_path)
    assert not re.search(r"(?<!\\)<", md)  # every < escaped: Markdown shows it as text
    assert "Wet\\|houder \\*vet\\*" in md  # a pipe cannot break a table row
    assert "\\<script\\>" in md


def test_lesson_values_name_culture_values_in_english_or_dutch() -> None:
    assert culture_key("openness") == culture_key("Openheid") == "openness"
    assert culture_key("rising_above") == "rising_above_own_interest"
    assert culture_key("boven het eigen belang uitstijgen") == "rising_above_own_interest"
    assert culture_key("samenwerking") == "cooperation" and culture_key(None) is None


def test_html_says_where_the_debrief_is_and_what_to_do_with_it(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command printed only 'debrief-mini.html': no sentence, no folder to find it in."""
    monkeypatch.chdir(tmp_path)
    assert main(["report", str(db)]) == 0
    where = tmp_path.resolve() / "debrief-mini.html"
    assert capsys.readouterr().err.strip() == (
        f"De nabespreking staat in {where}. Open het bestand in een browser, "
        "of stuur het mee met een e-mail."
    )
    assert main(["report", str(db), "--lang", "en"]) == 0
    assert f"The debrief is in {where}." in capsys.readouterr().err


@pytest.mark.parametrize(
    ("lang", "heading", "verdict", "why"),
    [
        (
            "nl",
            "Waarom voorstellen het niet haalden",
            "P1 verworpen: veto van Wethouder.",
            "P1 was 38 waard voor Wethouder (reservewaarde 40); het zwaarst woog",
        ),
        (
            "en",
            "Why proposals failed",
            "P1 rejected: vetoed by Wethouder.",
            "P1 was worth 38 to Wethouder (reservation value 40); what weighed most",
        ),
    ],
)
def test_the_written_debrief_says_why_a_ballot_failed(
    db: Path, tmp_path: Path, lang: str, heading: str, verdict: str, why: str
) -> None:
    """The screens' debrief says who voted a proposal down and why; the HTML and
    Markdown the facilitator mails afterwards said only 'verworpen (veto)'."""
    for fmt in ("html", "md"):
        text = render(db, fmt, tmp_path, "--lang", lang)
        flat = " ".join(re.sub(r"<[^>]+>|\*\*", " ", text).split())
        assert heading in flat and verdict in flat, fmt
        assert why in flat, (fmt, flat[flat.find(verdict) : flat.find(verdict) + 300])
