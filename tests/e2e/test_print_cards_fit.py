"""Join cards hold their whole command, and the command breaks only between words.

A role name on two lines pushed the command's second line off the card (cut by
its border), and ``--code`` broke at its dashes (``... 192.0.2.2:35310 -`` /
``-code YCS-5JJ``). Method as in test_report_fits: a script measures every card
after layout, and Chromium's ``--dump-dom`` prints the result. Needs
``chromium`` on PATH; skipped otherwise.
"""

from __future__ import annotations

import json
from pathlib import Path

from chromium import measured, needs_chromium

from game.cli import main

ROOT = Path(__file__).resolve().parents[2]
LEEUWAERDENHOUT = ROOT / "scenarios" / "leeuwaerdenhout.yaml"

pytestmark = needs_chromium

MEASURE = """<script>
addEventListener('load', () => {
  const bad = [];
  for (const card of document.querySelectorAll('.card')) {
    const box = card.getBoundingClientRect();
    const code = card.querySelector('code');
    const title = card.querySelector('.card-title').textContent;
    if (code.getBoundingClientRect().bottom > box.bottom - 2) bad.push('cut:' + title);
    for (const word of code.querySelectorAll('span')) {
      if (word.getClientRects().length !== 1) bad.push('broken:' + word.textContent);
    }
  }
  const out = document.createElement('pre');
  out.id = 'fits';
  out.textContent = 'FITS[' + bad.join('|') + ']';
  document.body.appendChild(out);
});
</script>"""


def test_every_card_holds_its_unbroken_command(tmp_path: Path) -> None:
    roles = {
        "wethouder": "ZXZ-H2P",  # 'Wethouder Openbare Ruimte en Energie': two lines
        "kl_coordinator": "99A-RF2",
        "riolering": "DBE-7TP",
    }
    codes = {
        "url": "http://192.168.100.200:35310/",
        "tables": [{"table": 1, "screen": "YCS-5JJ", "roles": roles, "pins": {}}],
    }
    codes_file = tmp_path / "codes.json"
    codes_file.write_text(json.dumps(codes), encoding="utf-8")
    out = tmp_path / "out"
    args = ["print", str(LEEUWAERDENHOUT), "--codes", str(codes_file), "-o", str(out)]
    assert main(args) == 0
    page = out / "codes.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"))
    found, dom = measured(page, tmp_path / "profile", "FITS")
    assert found == "", found
    assert "Wethouder Openbare Ruimte en Energie" in dom
