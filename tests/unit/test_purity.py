"""The pure core loads no interface, network, database or asyncio modules."""

from __future__ import annotations

import json
import subprocess
import sys

FORBIDDEN = ("textual", "websockets", "sqlite3", "asyncio")


def test_core_imports_stay_pure() -> None:
    code = (
        "import json, sys\n"
        "import game.engine, game.scenario, game.analysis\n"
        "import game.scenario.loader, game.engine.views\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = json.loads(done.stdout)
    assert "game.engine.apply" in loaded  # the import really happened
    leaked = [m for m in loaded if m.split(".")[0] in FORBIDDEN]
    assert leaked == []
