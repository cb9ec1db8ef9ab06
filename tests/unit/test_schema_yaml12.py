"""The schema refuses what ``validate`` refuses, read as editors read YAML: version 1.2 (15.2).

``validate`` reads YAML 1.1 (``no`` is false); editors' YAML language servers read
1.2 (``no`` is text). Each broken case here must be refused by both.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from game.paths import default_scenario
from game.scenario.loader import ScenarioError, load_scenario
from game.scenario.schema import scenario_schema
from tests.unit.broken_cases import MINI

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "game" / "scenario" / "template" / "scenario.yaml"
MINI_TEXT = (MINI / "mini.yaml").read_text(encoding="utf-8")


def read_yaml_12(text: str) -> Any:
    return YAML(typ="safe", pure=True).load(io.StringIO(text))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(scenario_schema())


def schema_errors(validator: jsonschema.Draft202012Validator, text: str) -> list[str]:
    return [
        f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(read_yaml_12(text))
    ]


@pytest.mark.parametrize(
    "path",
    [*sorted((ROOT / "scenarios").glob("*.yaml")), MINI / "mini.yaml", TEMPLATE],
    ids=lambda p: p.name,
)
def test_valid_files_pass_the_schema_as_editors_read_them(
    validator: jsonschema.Draft202012Validator, path: Path
) -> None:
    text = path.read_text(encoding="utf-8").replace("__NAME__", "proef")
    assert schema_errors(validator, text) == []


CASES = {
    "option id no": ("{id: kaal, title:", "{id: no, title:"),
    "option id quoted no": ("{id: kaal, title:", '{id: "no", title:'),
    "option id Off": ("{id: kaal, title:", "{id: Off, title:"),
    "role id yes": ("  - id: gemeente\n", "  - id: yes\n"),
    "role id y": ("  - id: gemeente\n", "  - id: y\n"),
    "preset value on": ("status_quo: {ontwerp: kaal,", "status_quo: {ontwerp: on,"),
    "points key off": ("parkeren: 20, kaal: 0}", "parkeren: 20, off: 0}"),
    "segment id a date": ("{id: dorpsstraat,", "{id: 2024-01-01,"),
    "work id with underscores": ("  - id: kabels\n", "  - id: 1_000\n"),
    "work id 1e3": ("  - id: kabels\n", "  - id: 1e3\n"),
}


@pytest.mark.parametrize(("old", "new"), CASES.values(), ids=CASES.keys())
def test_schema_and_validate_both_refuse(
    validator: jsonschema.Draft202012Validator, tmp_path: Path, old: str, new: str
) -> None:
    assert old in MINI_TEXT
    text = MINI_TEXT.replace(old, new, 1)
    assert schema_errors(validator, text), "the schema (YAML 1.2) accepts it"
    folder = tmp_path / "s"
    shutil.copytree(MINI, folder)
    (folder / "mini.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError):
        load_scenario(folder / "mini.yaml")


def test_the_shipped_scenario_reads_alike_in_yaml_11_and_12() -> None:
    """Nothing in the shipped file depends on the YAML version."""
    import yaml

    text = default_scenario().read_text(encoding="utf-8")
    assert read_yaml_12(text) == yaml.safe_load(text)
