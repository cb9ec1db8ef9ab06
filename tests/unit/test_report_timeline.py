"""The proposals over time: support histories rebuilt from the move log, and their chart."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from test_report_helpers import MINI, Table

from game.cli import main
from game.engine import Move, replay
from game.report import build_debrief, load_session
from game.store import HostConfig, Store


def play_changing_support(t: Table) -> None:
    """Support for P1 rises, meets an objection, rises again and drops; P2 is withdrawn."""
    t.go("start", at=100.0)
    t.go("next_round", at=160.0)  # ontwerpen
    t.go("propose", "net", at=220.0, package={"ontwerp": "kaal", "fasering": "los"})
    t.go("support", "gemeente", at=280.0, proposal="P1")
    t.go("object", "winkels", at=300.0, proposal="P1", reason="Te kaal")
    t.go("comment", "winkels", at=310.0, proposal="P1", text="Echt?")  # no change of support
    t.go("support", "winkels", at=340.0, proposal="P1")  # objection becomes support
    t.go("propose", "gemeente", at=400.0, package={"ontwerp": "groen", "fasering": "samen"})
    t.go("support", "net", at=420.0, proposal="P2")
    t.go("support", "gemeente", at=460.0, proposal="P1", off=True)
    t.go("withdraw", "gemeente", at=500.0, proposal="P2")
    t.go("play_event", at=520.0, event="vertraging")
    t.go("next_round", at=600.0)  # besluit
    t.go("call_vote", at=610.0, proposal="P1")
    t.go("vote", "gemeente", at=620.0, choice="no")
    t.go("vote", "net", at=625.0, choice="yes")
    t.go("vote", "winkels", at=630.0, choice="yes")
    t.go("end", at=700.0)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("timeline") / "sessie.db"
    with Store.open(path) as store:
        store.init_host(HostConfig(str(MINI.resolve()), "short", 0.0, "token", "test"))
        play_changing_support(Table(store, MINI, 1))
    return path


@pytest.fixture(scope="module")
def table(db: Path) -> dict[str, Any]:
    out = db.parent / "debrief.json"
    assert main(["report", str(db), "--format", "json", "-o", str(out)]) == 0
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return dict(data["tables"][0])


def test_support_history_has_every_step_at_its_time(table: dict[str, Any]) -> None:
    p1, p2 = table["proposals"]
    # seconds after the start (100 s): made, +gemeente, +objection, objection → support, −gemeente
    assert p1["history"] == [[120, 0, 0], [180, 1, 0], [200, 1, 1], [240, 2, 0], [360, 1, 0]]
    assert p1["seconds"] == 120 and p1["support_count"] == 1
    assert p2["history"] == [[300, 0, 0], [320, 1, 0]]
    assert p2["withdrawn"] is True and p2["withdrawn_at"] == 400
    assert p1["withdrawn_at"] is None


def test_rounds_events_and_votes_in_seconds(table: dict[str, Any]) -> None:
    timeline = table["timeline"]
    assert timeline["complete"] is True and timeline["ended"] is True
    assert [(r["id"], r["seconds"]) for r in timeline["rounds"]] == [
        ("opening", 0),
        ("ontwerpen", 60),
        ("besluit", 500),
        ("nabespreking", 600),
    ]
    assert timeline["end"] == 600
    assert table["events"] == [
        {"id": "vertraging", "title": "Vergunning vertraagd", "round": "ontwerpen", "seconds": 420}
    ]
    ballot = table["proposals"][0]["ballots"][0]
    assert (ballot["opened"], ballot["closed"]) == (510, 530)
    assert ballot["passed"] is False and ballot["reason"] == "veto:gemeente"


def test_html_draws_the_support_chart(db: Path, tmp_path: Path) -> None:
    page = tmp_path / "debrief.html"
    assert main(["report", str(db), "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    chart = re.search(r'<svg[^>]*aria-label="Voorstellen in de tijd".*?</svg>', html, re.S)
    assert chart is not None
    svg = chart.group(0)
    line = re.search(r'<path d="([^"]+)"[^>]*><title>P1 · Netbeheerder', svg)
    assert line is not None and line.group(1).count("V") == 4  # four changes of support
    assert "steun 0 → 1 → 1 → 2 → 1" in svg.lower()
    for mark in ("▸ Ontwerpen en plannen", "▸ Besluit", "⚡ Vergunning vertraagd"):
        assert mark in svg
    assert "P1 · V1: 2/1/0 verworpen (veto van Wethouder)" in svg
    assert "▼ Bezwaren" in svg  # the objection line below the axis
    assert "P2 · Wethouder" in html  # the legend


def test_markdown_table_of_peaks(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "debrief.md"
    assert main(["report", str(db), "--format", "md", "-o", str(out)]) == 0
    md = out.read_text(encoding="utf-8")
    header = "| # | Door | Voorgesteld | Meeste steun | Steun aan het eind | Stemming | Pakket |"
    assert header in md
    assert "| P1 | Netbeheerder | 02:00 | 2 om 04:00 | 1 | V1: 2/1/0 verworpen (veto van " in md
    assert "| P2 | Wethouder | 05:00 | 1 om 05:20 | 1 | ingetrokken |" in md


def test_without_the_log_only_the_end_is_known(db: Path) -> None:
    session = load_session(db)
    debrief = build_debrief(session.scenario, "short", session.states, started=session.started)
    table = debrief.table(1)
    assert table["timeline"]["complete"] is False and table["timeline"]["rounds"] == []
    assert table["proposals"][0]["history"] == [[120, 1, 0]]


def test_the_timeline_replay_gives_the_engine_state(db: Path) -> None:
    session = load_session(db)
    with Store.open(db, readonly=True) as store:
        log = [(Move.from_json(e.move), e.now) for e in store.iter_moves(1)]
    state = replay(session.scenario, "short", 1, 0.0, log, table=1)
    assert state.to_json() == session.states[0].to_json()
