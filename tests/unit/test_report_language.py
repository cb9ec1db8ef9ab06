"""The debrief in one language: no English mode or metric names in Dutch (issue 11, item 8)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_report_helpers import played_db

from game.cli import main


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return played_db(tmp_path_factory.mktemp("language"))[0]


def render(db: Path, lang: str, tmp_path: Path) -> str:
    out = tmp_path / f"debrief-{lang}.md"
    assert main(["report", str(db), "--format", "md", "--lang", lang, "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def test_dutch_debrief_names_mode_and_plan_terms_in_dutch(db: Path, tmp_path: Path) -> None:
    md = render(db, "nl", tmp_path)
    assert "modus short" not in md and "korte versie" in md
    english = re.findall(r"× (openings|nuisance|cost|missed|duration|saved|conflicts)\b", md)
    assert not english
    assert "× keer openbreken" in md


def test_english_debrief_stays_english(db: Path, tmp_path: Path) -> None:
    md = render(db, "en", tmp_path)
    assert "short version" in md and "× openings" in md
    assert "keer openbreken" not in md and "korte versie" not in md
