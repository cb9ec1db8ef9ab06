"""The browser seat's parts.js resolves views with parts exactly as game.net.parts does."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from game.net.parts import PartViews

PARTS_JS = Path(__file__).parents[2] / "game" / "webseat" / "static" / "parts.js"

MESSAGES: list[dict[str, Any]] = [
    {
        "type": "view",
        "parts": {"p1": {"id": "P1", "support": {}}},
        "view": {"version": 4, "proposals": [{"$part": "p1"}], "messages": []},
    },
    {
        "type": "patch",
        "base": 4,
        "unset": [],
        "parts": {"p2": {"id": "P2", "support": {}}},
        "set": {"version": 5, "proposals": [{"$part": "p1"}, {"$part": "p2"}]},
    },
    {
        "type": "patch",
        "base": 5,
        "unset": ["messages"],
        "parts": {"p3": {"id": "P1", "support": {"net": "ja"}}},
        "set": {"version": 6, "proposals": [{"$part": "p3"}, {"$part": "p2"}]},
    },
    {"type": "patch", "base": 6, "unset": [], "parts": {}, "set": {"version": 7}},
    {"type": "patch", "base": 3, "unset": [], "parts": {}, "set": {"version": 8}},  # lost base
    {"type": "patch", "base": 7, "unset": [], "parts": {}, "set": {"proposals": [{"$part": "p1"}]}},
]


def python_results() -> list[Any]:
    views = PartViews()
    out: list[Any] = []
    for msg in MESSAGES:
        if msg["type"] == "view":
            out.append(views.whole("k", msg["view"], msg["parts"]))
        else:
            out.append(views.patched("k", msg))
        out.append(sorted(views.raw["k"][1]))  # the parts kept
    return out


def test_parts_js_gives_the_same_views(tmp_path: Path) -> None:
    if shutil.which("node") is None:  # the machine's Node.js; in CI a missing tool fails
        if os.environ.get("CI"):
            pytest.fail("node is not installed: the browser's parts.js cannot be checked")
        pytest.skip("node is not installed")
    shutil.copy(PARTS_JS, tmp_path / "parts.mjs")
    script = tmp_path / "run.mjs"
    script.write_text(
        'import { PartViews } from "./parts.mjs";\n'
        f"const messages = {json.dumps(MESSAGES)};\n"
        "const views = new PartViews(); const out = [];\n"
        "for (const m of messages) {\n"
        '  const whole = m.type === "view";\n'
        '  out.push(whole ? views.whole("k", m.view, m.parts) : views.patched("k", m));\n'
        '  out.push(Object.keys(views.raw.get("k")[1]).sort());\n'
        "}\n"
        "console.log(JSON.stringify(out));\n"
    )
    done = subprocess.run(["node", str(script)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    expected = python_results()
    assert json.loads(done.stdout) == expected
    assert expected[-2] is None and expected[-4] is None  # a missing part, a lost base
    assert expected[6] == {
        "version": 7,
        "proposals": [{"id": "P1", "support": {"net": "ja"}}, {"id": "P2", "support": {}}],
    }
