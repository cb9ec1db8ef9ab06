"""System tools of the end-to-end tests: skipped without them, except in CI.

A test marked ``needs_tool("tmux")`` is skipped when ``tmux`` is not on PATH,
so a developer without it can run the rest; with ``CI=true`` (``.ci/run`` sets
it) it fails instead, so a CI run can never pass without its browser or
terminal tests.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "needs_tool(name): needs this program on PATH (fails in CI without it)"
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    for mark in item.iter_markers("needs_tool"):
        tool = str(mark.args[0])
        if shutil.which(tool) is None:
            message = f"{tool} is not installed"
            if in_ci():
                pytest.fail(f"CI: {message}; .ci/run installs it", pytrace=False)
            pytest.skip(message)


@pytest.fixture
def live() -> Iterator[Any]:
    """A live host for the browser seat tests (webseat_helpers.LiveHost), closed after."""
    from webseat_helpers import LiveHost, require_browser

    require_browser()
    host = LiveHost()
    yield host
    host.close()
