"""``botsende-belangen schema``: a valid draft 2020-12 schema that accepts the shipped files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from game.cli import main
from game.paths import default_scenario

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini" / "mini.yaml"
TEMPLATE = Path(__file__).resolve().parents[2] / "game" / "scenario" / "template" / "scenario.yaml"


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["schema"]) == 0
    result: dict[str, Any] = json.loads(buffer.getvalue())
    return result


def errors(schema: dict[str, Any], data: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def test_schema_is_draft_2020_12(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["additionalProperties"] is False
    role = schema["properties"]["roles"]["items"]
    assert role["additionalProperties"] is False
    assert "reservation" in role["required"]
    assert role["properties"]["reservation"]["description"]


@pytest.mark.parametrize(
    "path", [MINI, default_scenario(), TEMPLATE], ids=["mini", "shipped", "template"]
)
def test_shipped_files_validate(schema: dict[str, Any], path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8").replace("__NAME__", "proef"))
    assert errors(schema, data) == []


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("    reservation: 40", "    reservaton: 40", "['roles', 0]"),
        ("  quorum: 2", "  quorum: 0", "['agreement', 'quorum']"),
        (
            "{type: delay, work: kabels, months: 3}",
            "{type: delay, work: kabels}",
            "['events', 0, 'effects', 0]",
        ),
        ("phasing: combined", "phasing: together", "['issues', 1, 'options', 0, 'phasing']"),
    ],
)
def test_schema_rejects_mistakes(schema: dict[str, Any], old: str, new: str, where: str) -> None:
    text = MINI.read_text(encoding="utf-8")
    assert old in text
    found = errors(schema, yaml.safe_load(text.replace(old, new, 1)))
    assert any(e.startswith(where) for e in found), found


def test_schema_to_file(tmp_path: Path) -> None:
    target = tmp_path / "scenario.schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"].startswith("Botsende belangen")
