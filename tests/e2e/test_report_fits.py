"""The HTML debrief holds at 1280 px and at A4 width: nothing to read hides behind a
horizontal scrollbar or runs out of the page (issue 11, item 12).

Method: a copy of the report gets a small script that measures, after layout,
every table and chart container: its scroll width against its own width, and
its right edge against the page's ``main`` column. Chromium's ``--dump-dom``
prints the page after the script ran; the result is read from it. Needs
``chromium`` on PATH; skipped otherwise.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from chromium import measured, needs_chromium
from test_report_browser import leeuwaerdenhout_db

from game.cli import main

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "unit"))

pytestmark = needs_chromium

MEASURE = """<script>
addEventListener('load', () => {
  const main = document.querySelector('main').getBoundingClientRect();
  const bad = [];
  for (const el of document.querySelectorAll('main table, main .matrix, main .wide')) {
    const box = el.getBoundingClientRect();
    if (el.scrollWidth > el.clientWidth + 1 || box.right > main.right + 1) {
      const head = el.querySelector('th:last-child');
      bad.push((el.className || el.tagName) + ':' + (head ? head.textContent : ''));
    }
  }
  const out = document.createElement('pre');
  out.id = 'fits';
  out.textContent = 'FITS[' + bad.join('|') + ']';
  document.body.appendChild(out);
});
</script>"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fits")
    page = folder / "nabespreking.html"
    assert main(["report", str(leeuwaerdenhout_db(folder)), "-o", str(page)]) == 0
    page.write_text(page.read_text().replace("</body>", MEASURE + "</body>"))
    return page


@pytest.mark.parametrize("width", [1280, 720])
def test_no_table_of_the_debrief_is_cut(report: Path, width: int, tmp_path: Path) -> None:
    found, dom = measured(report, tmp_path / "profile", "FITS", width)
    assert found == "", f"cut at {width} px: {found}"
    assert "Bewoners" in dom
