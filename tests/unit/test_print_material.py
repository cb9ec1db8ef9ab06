"""``botsende-belangen print``: the files, the role sheets, escaping, the run sheet, the map."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini" / "mini.yaml"
LEEUWAERDENHOUT = ROOT / "scenarios" / "leeuwaerdenhout.yaml"
SHEET = '<section class="page sheet"'


def run_print(*args: str) -> int:
    return main(["print", *(str(a) for a in args)])


@pytest.fixture(scope="module")
def full_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("print_full")
    assert run_print(MINI, "--mode", "full", "-o", out) == 0
    return out


def test_every_file_is_written_and_linked_from_the_index(full_out: Path) -> None:
    expected = {
        "index.html", "rollen.html", "persbericht.html", "kaart.html", "draaiboek.html",
        "kwesties.html", "rol-gemeente.html", "rol-net.html", "rol-winkels.html",
    }  # fmt: skip
    assert {p.name for p in full_out.iterdir()} == expected
    index = (full_out / "index.html").read_text(encoding="utf-8")
    for name in expected - {"index.html"}:
        assert f'href="{name}"' in index


def test_files_are_self_contained(full_out: Path) -> None:
    for path in full_out.iterdir():
        text = path.read_text(encoding="utf-8")
        assert "@page" in text and "size: A4" in text, path.name
        assert not re.search(r'(src|href)="(https?:)?//', text), path.name
        assert "<link" not in text, path.name


def test_each_role_sheet_has_its_briefing_points_reservation_and_veto(full_out: Path) -> None:
    mini = load_scenario(MINI)
    for role in mini.roles:
        text = (full_out / f"rol-{role.id}.html").read_text(encoding="utf-8")
        assert "VERTROUWELIJK" in text
        assert f"<h1>{role.name}</h1>" in text
        assert f"Briefing {role.id}" not in text  # the briefing's title: the <h1> says it
        assert "Wat alleen jij weet." in text
        assert f'<div class="value">{role.reservation:g} punten</div>' in text
        assert f'<div class="value">{"Ja" if role.veto else "Nee"}</div>' in text
        for issue in mini.issues:
            for option in issue.options:
                value = role.scoring.points.get(issue.id, {}).get(option.id, 0.0)
                pattern = rf"{re.escape(option.title)}</td><td class=\"num\">(<strong>)?{value:g}<"
                assert re.search(pattern, text.replace("\u2212", "-")), (role.id, option.id)


def test_rules_and_metric_terms_are_in_plain_dutch(full_out: Path) -> None:
    text = (full_out / "rol-gemeente.html").read_text(encoding="utf-8")
    assert "Als Inrichting is <em>Groene straat</em> en Fasering is" in text
    assert "\u221210 punten" in text
    assert "per keer dat een straatvak wordt opengebroken in Dorpsstraat" in text
    net = (full_out / "rol-net.html").read_text(encoding="utf-8")
    assert "per werk van Netbeheerder dat na zijn deadline klaar is" in net


def test_rollen_has_one_page_per_role(full_out: Path) -> None:
    text = (full_out / "rollen.html").read_text(encoding="utf-8")
    assert text.count(SHEET) == 3
    assert ".page { page-break-after: always; break-after: page; }" in text
    for name in ("Wethouder", "Netbeheerder", "Winkeliers"):
        assert text.count(f"<h1>{name}</h1>") == 1


def test_short_mode_shows_presets_as_fixed(tmp_path: Path) -> None:
    assert run_print(MINI, "--mode", "short", "-o", tmp_path) == 0
    text = (tmp_path / "rol-net.html").read_text(encoding="utf-8")
    assert "Vastgelegd in deze spelvorm" in text
    assert 'Kostenverdeling: Gedeelde kosten naar rato</td><td class="num">20<' in text
    assert "Ieder betaalt eigen deel" not in text  # the preset issue's other options
    run_sheet = (tmp_path / "draaiboek.html").read_text(encoding="utf-8")
    assert "Vergunning vertraagd" in run_sheet and "Subsidie gehalveerd" not in run_sheet


def test_run_sheet_has_rounds_clock_agreement_events_and_lessons(tmp_path: Path) -> None:
    assert run_print(MINI, "--start", "09:00", "-o", tmp_path) == 0
    text = (tmp_path / "draaiboek.html").read_text(encoding="utf-8")
    for title in ("Opening", "Belangen verkennen", "Ontwerpen", "Besluitvorming"):
        assert f"<strong>{title}</strong>" in text
    assert "09:00–09:10" in text and "10:40–11:00" in text
    assert "privéberichten aan een andere rol" in text  # moves in words
    assert "minstens <strong>2 van de 3</strong>" in text and "(Wethouder)" in text
    assert "Laagspanning verzwaren kan pas 3 maanden later beginnen." in text
    assert "Inrichting: <em>Terug zoals het was</em> is niet meer mogelijk." in text
    assert "Deel je belangen" in text


def test_map_draws_every_segment(full_out: Path) -> None:
    text = (full_out / "kaart.html").read_text(encoding="utf-8")
    assert text.count("<svg") >= 1
    for name in ("Dorpsstraat", "Kerkpad", "Plein", "Weekmarkt"):
        assert name in text
    assert text.count("<line ") == 2 and "<rect x=" in text  # two streets, one square


def test_english_labels(tmp_path: Path) -> None:
    assert run_print(MINI, "--lang", "en", "-o", tmp_path) == 0
    text = (tmp_path / "rollen.html").read_text(encoding="utf-8")
    assert "CONFIDENTIAL" in text and "VERTROUWELIJK" not in text
    assert '<html lang="en">' in text


def _hostile_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "hostile"
    shutil.copytree(MINI.parent, folder)
    evil = "<script>alert(1)</script>"
    yaml_path = folder / "mini.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    for old, new in (
        ("public: Wil een mooie straat.", f'public: "Wil een mooie straat {evil}"'),
        ("title: Groene straat,", f'title: "Groene straat {evil}",'),
        ("name: Dorpsstraat,", f'name: "Dorpsstraat {evil}",'),
        ("instructions: Lees je briefing.", f'instructions: "Lees {evil}"'),
        ("title: Subsidie gehalveerd", f'title: "Subsidie {evil}"'),
        ("name: Dorp\n", f'name: "Dorp {evil}"\n'),
    ):
        assert old in text, old
        text = text.replace(old, new)
    yaml_path.write_text(text, encoding="utf-8")
    briefing = folder / "roles" / "gemeente.md"
    briefing.write_text(briefing.read_text(encoding="utf-8") + f"\n\n{evil} **vet**\n")
    return yaml_path


def test_scenario_text_is_escaped_everywhere(tmp_path: Path) -> None:
    scenario = _hostile_copy(tmp_path)
    out = tmp_path / "out"
    assert run_print(scenario, "-o", out) == 0
    for path in out.iterdir():
        assert "<script>alert" not in path.read_text(encoding="utf-8"), path.name
    roles = (out / "rollen.html").read_text(encoding="utf-8")
    assert "Wil een mooie straat &lt;script&gt;alert(1)&lt;/script&gt;" in roles
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <strong>vet</strong>" in roles
    assert "&lt;script&gt;" in (out / "draaiboek.html").read_text(encoding="utf-8")


def test_invalid_scenario_exits_1_with_located_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINI.read_text(encoding="utf-8").replace("kind: design", "kind: desgin"))
    out = tmp_path / "out"
    assert run_print(bad, "-o", out) == 1
    err = capsys.readouterr().err
    assert re.search(rf"{re.escape(str(bad))}:\d+:\d+: .*desgin", err)
    assert "Traceback" not in err
    assert not out.exists()


def test_missing_scenario_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_print(tmp_path / "nope.yaml", "-o", tmp_path / "out") == 1
    assert "nope.yaml:1:1:" in capsys.readouterr().err


@pytest.mark.skipif(not LEEUWAERDENHOUT.exists(), reason="scenario not written yet")
@pytest.mark.parametrize("mode", ["full", "short"])
def test_leeuwaerdenhout_prints_every_role(tmp_path: Path, mode: str) -> None:
    scenario = load_scenario(LEEUWAERDENHOUT)
    assert run_print("leeuwaerdenhout", "--mode", mode, "-o", tmp_path) == 0
    roles = (tmp_path / "rollen.html").read_text(encoding="utf-8")
    assert roles.count(SHEET) == len(scenario.roles)
    for role in scenario.roles:
        sheet = (tmp_path / f"rol-{role.id}.html").read_text(encoding="utf-8")
        assert role.name.replace("&", "&amp;") in sheet
        assert "VERTROUWELIJK" in sheet
