"""Headless Chromium for the browser tests: where it is, the mark, the command line.

Every browser test starts Chromium with the same quiet flags and its own profile
folder; each adds what it asks of the page (a PDF, a screenshot, a DevTools port).
"""

from __future__ import annotations

import shutil
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
