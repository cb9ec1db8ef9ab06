"""``botsende-belangen new-scenario``: a starting scenario that passes ``validate``."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.scenario.loader import load_scenario


def test_new_scenario_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new-scenario", "havenkwartier", "--dir", str(tmp_path / "mijn")]) == 0
    path = tmp_path / "mijn" / "havenkwartier.yaml"
    briefings = sorted(p.name for p in (tmp_path / "mijn" / "havenkwartier").iterdir())
    assert len(briefings) == 5
    capsys.readouterr()
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: OK (5 rollen, 4 kwesties, spelvormen full/short)\n"
    scenario = load_scenario(path)
    assert scenario.meta.id == "havenkwartier"
    assert sorted(f"{r.id}.md" for r in scenario.roles) == briefings
    assert all("## Wat alleen jij weet" in r.briefing_text for r in scenario.roles)
    assert len(scenario.events) >= 3 and scenario.lessons
    text = path.read_text(encoding="utf-8")
    assert "# Check the file after every change" in text


@pytest.mark.parametrize("name", ["dijk", "dijkversterking", "een_heel_lange_scenarionaam_x"])
def test_the_id_comment_stays_in_its_column(tmp_path: Path, name: str) -> None:
    assert main(["new-scenario", name, "--dir", str(tmp_path)]) == 0
    lines = (tmp_path / f"{name}.yaml").read_text(encoding="utf-8").splitlines()
    id_line = next(line for line in lines if line.startswith("  id: "))
    title_line = next(line for line in lines if line.startswith("  title: "))
    assert id_line.startswith(f"  id: {name}  ")
    if len(name) < 20:  # it was pushed right: 'id: dijkversterking                # unique id'
        assert id_line.index("# unique id") == title_line.index("# shown on every screen")
    assert f"botsende-belangen validate {name}.yaml" in lines[4]
    assert f"briefings: {name}" in lines


def test_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    existing = tmp_path / "proef.yaml"
    existing.write_text("mine\n", encoding="utf-8")
    assert main(["new-scenario", "proef", "--dir", str(tmp_path)]) == 1
    assert "bestaat al; er is niets geschreven" in capsys.readouterr().err
    assert existing.read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / "proef").exists()


def test_refuses_when_the_briefings_folder_exists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "proef").mkdir()
    assert main(["new-scenario", "proef", "--dir", str(tmp_path)]) == 1
    assert f"{tmp_path / 'proef'}: bestaat al" in capsys.readouterr().err
    assert not (tmp_path / "proef.yaml").exists()


def test_bad_name_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new-scenario", "Mijn Scenario", "--dir", str(tmp_path)]) == 2
    assert "de naam" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
