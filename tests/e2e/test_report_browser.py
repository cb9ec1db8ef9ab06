"""The HTML debrief in headless Chromium: not blank, no console message.

Needs ``chromium`` on PATH (``.ci/run`` installs it); skipped otherwise (failed in CI).

Method: Chromium runs with ``--enable-logging=stderr --v=0``, which prints every
console message of the page as an ``INFO:CONSOLE`` line (``console.error``,
``console.log`` and uncaught exceptions alike). The report has no scripts, so
*any* console line from the page, or an ``Uncaught`` line, fails the test. A
control page with a ``console.error`` and an exception proves the detection
works on this Chromium. The screenshot (``--screenshot``) is decoded with a tiny
PNG reader (zlib, no Pillow) and must not be one colour. Screenshots are kept
under ``artifacts/report/`` for a human to look at.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest
from chromium import chromium_command, needs_chromium

from game.cli import main
from game.engine import FACILITATOR, Move, apply, new_game
from game.scenario.loader import load_scenario
from game.store import HostConfig, Store, TableRecord

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "unit"))
from test_report_helpers import played_db  # noqa: E402

ARTIFACTS = ROOT / "artifacts" / "report"
LEEUWAERDENHOUT = ROOT / "scenarios" / "leeuwaerdenhout.yaml"

pytestmark = needs_chromium


def screenshot(page: Path, png: Path, profile: Path) -> str:
    """Render ``page`` to ``png``; return Chromium's stderr (with the console lines)."""
    command = chromium_command(
        profile,
        "--enable-logging=stderr",
        "--v=0",
        f"--screenshot={png}",
        "--window-size=1280,2000",
        "--hide-scrollbars",
        page.resolve().as_uri(),
    )
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert png.exists(), done.stderr[-2000:]
    return done.stderr


def console_problems(stderr: str) -> list[str]:
    return [
        line
        for line in stderr.splitlines()
        if ("CONSOLE" in line and "source: file://" in line) or "Uncaught" in line
    ]


def png_pixels(data: bytes) -> tuple[int, int, int, bytes]:
    """Width, height, bytes per pixel and the unfiltered pixel bytes of an 8-bit PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        header = chunk if kind == b"IHDR" else header
        idat += chunk if kind == b"IDAT" else b""
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and header[12] == 0, "only 8-bit, non-interlaced PNGs"
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    raw, stride = zlib.decompress(idat), width * bpp
    out, prev = bytearray(), bytearray(stride)
    for y in range(height):
        kind, row = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for i in range(stride):
            a = row[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                row[i] = (row[i] + a) & 255
            elif kind == 2:
                row[i] = (row[i] + b) & 255
            elif kind == 3:
                row[i] = (row[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out += row
        prev = row
    return width, height, bpp, bytes(out)


def colour_stats(png: Path) -> tuple[int, float]:
    """Distinct colours (sampled) and the share of pixels unlike the most common one."""
    width, height, bpp, pixels = png_pixels(png.read_bytes())
    counts: dict[bytes, int] = {}
    for y in range(0, height, 4):
        for x in range(0, width, 4):
            k = (y * width + x) * bpp
            key = pixels[k : k + bpp]
            counts[key] = counts.get(key, 0) + 1
    total = sum(counts.values())
    return len(counts), 1 - max(counts.values()) / total


def leeuwaerdenhout_db(folder: Path) -> Path:
    """One short Leeuwaerdenhout game to agreement, through the public store API."""
    scenario = load_scenario(LEEUWAERDENHOUT)
    db = folder / "leeuwaerdenhout.db"
    with Store.open(db) as store:
        store.init_host(HostConfig(str(LEEUWAERDENHOUT), "short", 0.0, "token", "e2e"))
        store.add_table(TableRecord(1, 1, 0.0, "S", {}, {}))
        state, at = new_game(scenario, "short", 1, 0.0), 0.0

        def go(kind: str, actor: str = FACILITATOR, **data: Any) -> None:
            nonlocal state, at
            at += 45.0
            state, _ = apply(state, Move(kind, actor, data), at)
            store.append(1, Move(kind, actor, data).to_json(), at)

        go("start")
        while "propose" not in state.round.moves:  # type: ignore[union-attr]
            go("next_round")
        roles = list(state.in_play)
        live = state.live_issues
        for k, role in enumerate(roles[:4]):
            options = [scenario.issue(i).option_ids for i in live]
            go(
                "propose",
                role,
                package={i: o[k % len(o)] for i, o in zip(live, options, strict=True)},
            )
        for k, role in enumerate(roles):
            go("support", role, proposal=f"P{1 + k % 3}")
            go("private_message", role, to=roles[(k * 5 + 1) % len(roles)], text="Even bellen?")
        go("message", roles[0], text="Welkom!")
        while "vote" not in state.round.moves:  # type: ignore[union-attr]
            go("next_round")
        go("call_vote", proposal="P2")
        for role in roles:
            go("vote", role, choice="yes")
        while not state.revealed:
            go("next_round")
    return db


def test_detection_catches_a_console_error(tmp_path: Path) -> None:
    page = tmp_path / "control.html"
    page.write_text(
        "<!DOCTYPE html><p>x</p><script>console.error('boom'); notThere();</script>",
        encoding="utf-8",
    )
    stderr = screenshot(page, tmp_path / "control.png", tmp_path / "profile")
    assert len(console_problems(stderr)) >= 1


CASES = {"mini": lambda folder: played_db(folder)[0], "leeuwaerdenhout": leeuwaerdenhout_db}


@pytest.mark.parametrize("case", list(CASES))
def test_debrief_renders_in_chromium(tmp_path: Path, case: str) -> None:
    if case == "leeuwaerdenhout" and not LEEUWAERDENHOUT.exists():
        pytest.skip("scenarios/leeuwaerdenhout.yaml is not written yet")
    db = CASES[case](tmp_path)
    page = tmp_path / f"debrief-{case}.html"
    assert main(["report", str(db), "-o", str(page)]) == 0
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    png = ARTIFACTS / f"debrief-{case}.png"
    png.unlink(missing_ok=True)
    stderr = screenshot(page, png, tmp_path / "profile")
    shutil.copy(page, ARTIFACTS / page.name)
    assert console_problems(stderr) == []
    colours, busy = colour_stats(png)
    assert colours > 20, f"the page looks blank ({colours} colours)"
    assert busy > 0.02, f"the page looks blank ({busy:.1%} of it differs from the background)"
