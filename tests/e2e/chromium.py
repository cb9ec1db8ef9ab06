"""Headless Chromium for the browser tests: where it is, the mark, the command line.

Every browser test starts Chromium with the same quiet flags and its own profile
folder; each adds what it asks of the page (a PDF, a screenshot, a DevTools port).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium")

#: Skipped without chromium, failed without it in CI (see conftest.py here).
needs_chromium = pytest.mark.needs_tool("chromium")

#: Headless, no sandbox (containers), nothing that reaches the network or shows a first run.
QUIET_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium_command(profile: Path, *flags: str) -> list[str]:
    """The command line: Chromium, the quiet flags, ``profile`` as its data folder, ``flags``."""
    assert CHROMIUM is not None, "chromium is not installed"
    return [CHROMIUM, *QUIET_FLAGS, f"--user-data-dir={profile}", *flags]


def measured(page: Path, profile: Path, mark: str, width: int = 1280) -> tuple[str, str]:
    """Load ``page`` (with a measuring script in it that writes ``MARK[found]`` into a
    ``<pre>`` when loaded) at ``width`` px: what it found, and the whole page it saw."""
    command = chromium_command(
        profile,
        "--dump-dom",
        "--virtual-time-budget=3000",
        f"--window-size={width},1000",
        page.resolve().as_uri(),
    )
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    found = re.search(rf'<pre id="\w+">{mark}\[(.*?)\]</pre>', done.stdout)
    assert found, done.stderr[-2000:]
    return found.group(1), done.stdout
