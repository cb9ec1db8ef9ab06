"""``simulate`` plays exactly the games it played before the speed-up (issue 16).

The golden file ``tests/fixtures/simulate_golden.json`` was first written by the
code of main *before* the bots and the command were made faster (commit bc77941),
with ``python tests/unit/test_simulate_golden.py --write``, and every speed-up
since kept those games. It was rewritten once, for a deliberate change of the
bots' pacing (issue 16: 2 turns in a round of proposals instead of 6, 6 in the
voting round, and the offer's coin tossed before the look at the table; the
agreement rates of both scenarios and modes stayed within a few points, see
docs/BENCHMARKS.md, *simulate*). For every case it
holds the per-game records of ``simulate --json`` and a digest of everything
the bots did (proposals with support and objections, messages, ballots and
votes, disclosures, marks), so a faster bot that decides one move differently
fails here. Regenerate it only for a deliberate change of the bots' behaviour.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from game.bots import strategy
from game.bots.balance import game_record
from game.bots.playtest import Session, play_session
from game.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "fixtures" / "simulate_golden.json"

#: (scenario, mode, seed, temperaments, events)
CASES: list[tuple[str, str, int, str, int]] = [
    ("scenarios/leeuwaerdenhout.yaml", "full", 1, "mix", 0),
    ("scenarios/leeuwaerdenhout.yaml", "full", 2, "mix", 0),
    ("scenarios/leeuwaerdenhout.yaml", "full", 7, "boulware", 2),
    ("scenarios/leeuwaerdenhout.yaml", "short", 1, "mix", 0),
    ("scenarios/leeuwaerdenhout.yaml", "short", 3, "conceder", 1),
    ("tests/fixtures/mini/mini.yaml", "full", 21, "mix", 1),
]


def digest(session: Session) -> str:
    """A fingerprint of every record the bots left in the session."""
    s = session.state
    doc: dict[str, Any] = {
        "proposals": [
            [
                p.id,
                p.author,
                sorted(p.package.items()),
                p.note,
                p.parent,
                p.round,
                p.at,
                p.withdrawn,
                sorted(p.support.items()),
                sorted(p.objections.items()),
                [[c.role, c.text] for c in p.comments],
            ]
            for p in s.proposals
        ],
        "messages": [[m.sender, m.to, m.text, m.round, m.at] for m in s.messages],
        "ballots": [
            [b.proposal, b.round, sorted(b.votes.items()), b.passed, b.reason] for b in s.ballots
        ],
        "disclosures": [[d.role, d.issue, d.round, d.at] for d in s.disclosures],
        "marks": [[m.role, m.segment, m.kind, m.note] for m in s.marks],
        "signatures": sorted(s.signatures),
        "rejected": list(session.rejected),
    }
    return hashlib.sha256(json.dumps(doc, sort_keys=True).encode()).hexdigest()


def play(case: tuple[str, str, int, str, int]) -> dict[str, Any]:
    path, mode, seed, temperaments, events = case
    session = play_session(load_scenario(ROOT / path), mode, seed, temperaments, events)
    return {"record": game_record(session, 0, seed), "digest": digest(session)}


def _key(case: tuple[str, str, int, str, int]) -> str:
    return "|".join(str(part) for part in case)


@pytest.mark.parametrize("case", CASES, ids=_key)
def test_same_games_as_before_the_speed_up(case: tuple[str, str, int, str, int]) -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))[_key(case)]
    # JSON round trip: the golden file holds JSON values (lists, not tuples)
    assert json.loads(json.dumps(play(case))) == golden


#: The whole output of the command (records, totals, balance report) for these arguments.
COMMAND = [
    *("simulate", "leeuwaerdenhout", "--mode", "short"),
    *("--games", "4", "--seed", "5", "--json"),
]


def command_digest(argv: list[str]) -> str:
    import contextlib
    import io

    from game.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(argv) == 0
    return hashlib.sha256(out.getvalue().encode()).hexdigest()


@pytest.mark.parametrize(("case", "threshold"), [(CASES[4], 0), (CASES[5], 0), (CASES[0], 10**9)])
def test_batch_and_one_at_a_time_play_the_same(
    case: tuple[str, str, int, str, int], threshold: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Scoring in numpy batches or one package at a time: the same games."""
    monkeypatch.setattr(strategy, "BATCH_MIN_NEIGHBOURS", threshold)
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))[_key(case)]
    assert json.loads(json.dumps(play(case))) == golden


def test_command_output_as_before_the_speed_up() -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))["command"]
    assert command_digest(COMMAND) == golden


if __name__ == "__main__" and "--write" in sys.argv:
    data: dict[str, Any] = {_key(case): play(case) for case in CASES}
    data["command"] = command_digest(COMMAND)
    GOLDEN.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN}")
