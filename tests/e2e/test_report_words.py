"""The HTML debrief at 1280 px breaks no word of a table header or a proposal's id in two.

At 1280 px the proposals table showed 'Bezwa|ren', 'Voorges|teld' and 'P|1' (cells may
break anywhere so that the tables fit an A4 page; at a laptop's width they need not).
Method as in test_report_fits: a script measures every word of those cells after
layout (a word drawn on two lines has two rectangles); ``--dump-dom`` prints the result.
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
  const broken = [];
  for (const cell of document.querySelectorAll('main .wide th, main .wide td:first-child')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  const out = document.createElement('pre');
  out.id = 'words';
  out.textContent = 'BROKEN[' + broken.join('|') + ']';
  document.body.appendChild(out);
});
</script>"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("words")
    page = folder / "nabespreking.html"
    assert main(["report", str(leeuwaerdenhout_db(folder)), "-o", str(page)]) == 0
    page.write_text(page.read_text().replace("</body>", MEASURE + "</body>"))
    return page


def test_no_header_word_is_broken_at_1280(report: Path, tmp_path: Path) -> None:
    found, _ = measured(report, tmp_path / "profile", "BROKEN")
    assert found == "", f"broken at 1280 px: {found}"
