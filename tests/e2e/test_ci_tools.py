"""CI cannot pass without its browser and terminal tests (issue 17, item 7).

``.ci/run`` fails with a clear message when it cannot install chromium or tmux,
and with ``CI=true`` a test that needs a missing tool fails instead of skipping.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ci_run_stops_with_a_clear_message_when_it_cannot_install(tmp_path: Path) -> None:
    """A sandbox PATH without chromium or tmux, where apt-get fails (a held lock)."""
    repo = tmp_path / "repo"
    (repo / ".ci").mkdir(parents=True)
    shutil.copy(ROOT / ".ci" / "run", repo / ".ci" / "run")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("dirname", "id", "sleep", "python3"):
        found = shutil.which(tool)
        assert found is not None
        (bin_dir / tool).symlink_to(found)
    apt = bin_dir / "apt-get"
    apt.write_text(f"#!{shutil.which('bash')}\necho 'E: Could not get lock' >&2\nexit 100\n")
    apt.chmod(0o755)
    (bin_dir / "sleep").unlink()
    fake_sleep = bin_dir / "sleep"
    fake_sleep.write_text(f"#!{shutil.which('bash')}\nexit 0\n")  # no real waiting here
    fake_sleep.chmod(0o755)
    env = {"PATH": str(bin_dir), "HOME": str(tmp_path)}
    out = subprocess.run(
        [shutil.which("bash") or "bash", str(repo / ".ci" / "run")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 1, out.stderr
    assert "CI: chromium is not installed" in out.stderr
    assert "CI: tmux is not installed" in out.stderr
    assert not (repo / ".ci" / "venv").exists()  # it stopped before the test run


def run_e2e(tmp_path: Path, ci: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PATH"] = str(tmp_path)  # nothing on it: no tmux, no chromium
    if ci:
        env["CI"] = "true"
    tests = ["tests/e2e/test_tmux.py", "tests/e2e/test_report_browser.py"]
    plugins = ["-p", "no:cacheprovider", "-p", "no:xdist"]
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-rfs", *plugins, *tests],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_missing_tools_fail_the_tests_in_ci_and_skip_them_elsewhere(tmp_path: Path) -> None:
    in_ci = run_e2e(tmp_path, ci=True)
    assert in_ci.returncode == 1, in_ci.stdout
    assert "CI: tmux is not installed" in in_ci.stdout
    assert "CI: chromium is not installed" in in_ci.stdout
    assert "SKIPPED" not in in_ci.stdout and "PASSED" not in in_ci.stdout
    local = run_e2e(tmp_path, ci=False)
    assert local.returncode == 0, local.stdout
    assert "SKIPPED" in local.stdout and "tmux is not installed" in local.stdout
    assert "FAILED" not in local.stdout
