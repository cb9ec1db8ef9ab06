"""The printable role sheets render in headless Chromium to a PDF with one page per role.

Needs ``chromium`` on PATH (``.ci/run`` installs it); skipped otherwise (failed in CI). The PDF
and a PNG of its first page (when ``pdftoppm`` is there) are kept under
``artifacts/print/`` for a human to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from chromium import chromium_command, needs_chromium

from game.cli import main
from game.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini" / "mini.yaml"
LEEUWAERDENHOUT = ROOT / "scenarios" / "leeuwaerdenhout.yaml"
ARTIFACTS = ROOT / "artifacts" / "print"

pytestmark = needs_chromium


def render_pdf(html: Path, pdf: Path, profile: Path) -> None:
    command = chromium_command(
        profile, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", html.resolve().as_uri()
    )
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def page_count(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf.read_bytes()))


def long_briefing_copy(tmp_path: Path) -> Path:
    """The mini scenario with one briefing far longer than a page."""
    folder = tmp_path / "long"
    shutil.copytree(MINI.parent, folder)
    sentence = "De straat moet na de werken mooier zijn dan ervoor, met ruimte voor groen. "
    paragraph = sentence * 8
    text = "# Briefing\n\n" + "\n\n".join([paragraph] * 14) + "\n\n- een\n- twee\n"
    (folder / "roles" / "gemeente.md").write_text(text, encoding="utf-8")
    return folder / "mini.yaml"


CASES = {
    "mini": lambda tmp: MINI,
    "mini-long-briefing": long_briefing_copy,
    "leeuwaerdenhout": lambda tmp: LEEUWAERDENHOUT,
}


@pytest.mark.parametrize("case", list(CASES))
def test_rollen_prints_one_page_per_role(tmp_path: Path, case: str) -> None:
    scenario_file = CASES[case](tmp_path)
    if not scenario_file.exists():
        pytest.skip(f"{scenario_file.name} is not written yet")
    roles = len(load_scenario(scenario_file).roles)
    out = tmp_path / "out"
    assert main(["print", str(scenario_file), "-o", str(out)]) == 0
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTIFACTS / f"rollen-{case}.pdf"
    pdf.unlink(missing_ok=True)
    render_pdf(out / "rollen.html", pdf, tmp_path / "profile")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert page_count(pdf) == roles
    if shutil.which("pdftoppm"):
        prefix = ARTIFACTS / f"rollen-{case}"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", pdf, prefix],
            check=True,
            timeout=60,
        )
        assert prefix.with_suffix(".png").stat().st_size > 10_000
