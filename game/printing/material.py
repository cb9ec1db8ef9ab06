"""All printable material of one scenario and mode: file name → HTML, and writing it out."""

from __future__ import annotations

import re
from pathlib import Path

from game.printing.codes import Codes, cards_document
from game.printing.html import document, esc
from game.printing.labels import label
from game.printing.public import issues_document, press_document
from game.printing.runsheet import run_sheet_document
from game.printing.sheets import role_document, roles_document
from game.printing.svgmap import map_document
from game.scenario.model import Scenario

INDEX = "index.html"
ROLES = "rollen.html"
PRESS = "persbericht.html"
ISSUES = "kwesties.html"
MAP = "kaart.html"
RUN_SHEET = "draaiboek.html"
CODES = "codes.html"


def role_file(role_id: str) -> str:
    """The file name of one role's sheet (safe for any role id)."""
    return "rol-" + re.sub(r"[^A-Za-z0-9_-]", "_", role_id) + ".html"


def _index(scenario: Scenario, entries: list[tuple[str, str]], lang: str) -> str:
    links = "".join(f'<li><a href="{esc(f)}">{esc(text)}</a></li>' for f, text in entries)
    body = (
        '<section class="page">'
        f'<div class="kicker">{esc(label("index", lang))}</div>'
        f"<h1>{esc(scenario.meta.title)}</h1>"
        f'<p class="muted">{esc(label("index_note", lang))}</p><ul>{links}</ul></section>'
    )
    return document(f"{label('index', lang)} — {scenario.meta.title}", body, lang)


def render_material(
    scenario: Scenario,
    mode: str,
    lang: str = "nl",
    codes: Codes | None = None,
    start: tuple[int, int] | None = None,
) -> dict[str, str]:
    """Every printable file for ``mode`` as file name → HTML text (the index first)."""
    m = scenario.mode(mode)
    files: dict[str, str] = {
        RUN_SHEET: run_sheet_document(scenario, m, lang, start),
        PRESS: press_document(scenario, lang),
        ISSUES: issues_document(scenario, m, lang),
        MAP: map_document(scenario, lang),
        ROLES: roles_document(scenario, m, lang),
    }
    entries = [
        (RUN_SHEET, label("run_sheet", lang)),
        (PRESS, label("press_release", lang)),
        (ISSUES, label("issues", lang)),
        (MAP, label("area_map", lang)),
        (ROLES, label("role_sheets", lang)),
    ]
    for role in scenario.roles:
        name = role_file(role.id)
        files[name] = role_document(scenario, role, m, lang)
        entries.append((name, f"{label('role_sheet', lang)}: {role.name}"))
    if codes is not None:
        files[CODES] = cards_document(scenario, codes, lang)
        entries.append((CODES, label("join_cards", lang)))
    return {INDEX: _index(scenario, entries, lang), **files}


def write_material(files: dict[str, str], out_dir: str | Path) -> list[Path]:
    """Write ``files`` into ``out_dir`` (created when missing); returns the paths written."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
