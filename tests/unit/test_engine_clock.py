"""The clock and the facilitator's session moves: start, pause, extend, rounds, end."""

from __future__ import annotations

from test_engine_helpers import SAMEN, go, in_round, refused

from game.engine import CLOCK, new_game, room_view
from game.engine.moves import MAX_ROUND_MINUTES
from game.scenario.model import Scenario
from game.tui.i18n import en, nl


def test_start_sets_the_first_deadline(mini: Scenario) -> None:
    lobby = new_game(mini, "short", 1, 0.0)
    assert (lobby.phase, lobby.round_id, lobby.remaining_at(50.0)) == ("lobby", None, 0.0)
    state = go(lobby, "start", at=100.0)
    assert (state.phase, state.round_id) == ("running", "opening")
    assert state.remaining_at(160.0) == 5 * 60 - 60
    assert refused(state, "start") == "not_allowed"
    assert refused(lobby, "pause") == "not_started"


def test_pause_keeps_the_remaining_time(mini: Scenario) -> None:
    state = go(new_game(mini, "short", 1, 0.0), "start", at=0.0)
    state = go(state, "pause", at=100.0)
    assert state.remaining_at(100.0) == 200.0
    assert state.remaining_at(10_000.0) == 200.0
    assert refused(state, "pause") == "paused"
    assert room_view(state, 5000.0)["clock"]["running"] is False
    state = go(state, "resume", at=1000.0)
    assert state.remaining_at(1050.0) == 150.0
    assert refused(state, "resume") == "not_allowed"


def test_extend_and_shorten_never_below_zero(mini: Scenario) -> None:
    state = go(new_game(mini, "short", 1, 0.0), "start", at=0.0)
    state = go(state, "extend", at=60.0, minutes=2)
    assert state.remaining_at(60.0) == 240.0 + 120.0
    state = go(state, "extend", at=60.0, minutes=-1.5)
    assert state.remaining_at(60.0) == 270.0
    state = go(state, "extend", at=60.0, minutes=-60)
    assert state.remaining_at(60.0) == 0.0
    paused = go(go(state, "extend", at=60.0, minutes=1), "pause", at=90.0)
    paused = go(paused, "extend", at=500.0, minutes=1)
    assert paused.remaining_at(900.0) == 90.0
    assert refused(state, "extend", minutes="veel") == "bad_args"
    assert refused(state, "extend", minutes=True) == "bad_args"


def test_extend_is_bounded_at_four_hours(mini: Scenario) -> None:
    state = go(new_game(mini, "short", 1, 0.0), "start", at=0.0)  # 5 minutes left
    assert MAX_ROUND_MINUTES == 240.0
    longest = go(state, "extend", at=0.0, minutes=235)
    assert longest.remaining_at(0.0) == 240 * 60.0
    assert refused(longest, "extend", minutes=0.5) == "too_much_time"
    assert go(longest, "extend", minutes=-240).remaining_at(0.0) == 0.0
    assert refused(state, "extend", minutes=235.5) == "too_much_time"
    for huge in (241, -241, 2**53, -(2**53), 1e300):
        assert refused(state, "extend", minutes=huge) == "too_much_time"
    for broken in (float("inf"), float("-inf"), float("nan")):
        assert refused(state, "extend", minutes=broken) == "bad_args"
    paused = go(longest, "pause", at=10.0)
    assert refused(paused, "extend", at=99.0, minutes=1) == "too_much_time"
    hours = f"{MAX_ROUND_MINUTES / 60:g}"
    assert f"{hours} uur" in nl.STRINGS["error.too_much_time"]
    assert f"{hours} hours" in en.STRINGS["error.too_much_time"]


def test_next_round_walks_to_the_end(mini: Scenario) -> None:
    state = go(new_game(mini, "short", 1, 0.0), "start")
    seen = [state.round_id]
    while state.phase == "running":
        state = go(state, "next_round", at=10.0)
        seen.append(state.round_id)
    assert seen == ["opening", "ontwerpen", "besluit", "nabespreking", "nabespreking"]
    assert state.phase == "ended" and state.revealed


def test_tick_advances_only_with_auto_advance_and_time_up(mini: Scenario) -> None:
    state = go(new_game(mini, "short", 1, 0.0), "start", at=0.0)
    assert refused(state, "tick", CLOCK, at=1000.0) == "not_due"  # auto-advance off
    state = go(state, "auto_advance", on=True)
    assert refused(state, "tick", CLOCK, at=299.0) == "not_due"
    assert refused(state, "tick", at=1000.0) == "wrong_actor"
    state = go(state, "tick", CLOCK, at=300.0)
    assert state.round_id == "ontwerpen"
    assert state.remaining_at(300.0) == 15 * 60
    assert refused(go(state, "pause", at=301.0), "tick", CLOCK, at=5000.0) == "paused"
    assert refused(state, "auto_advance", on="ja") == "bad_args"


def test_end_jumps_to_the_reveal_round(mini: Scenario) -> None:
    state = in_round(mini, "ontwerpen")
    state = go(state, "end")
    assert (state.phase, state.round_id, state.revealed) == ("ended", "nabespreking", True)
    assert state.remaining_at(0.0) == 0.0
    state = go(state, "announce", text="Dank jullie wel")
    assert state.announcements[-1].text == "Dank jullie wel"


def test_end_from_the_lobby(mini: Scenario) -> None:
    state = go(new_game(mini, "full", 1, 0.0), "end")
    assert (state.phase, state.round_id, state.agreement) == ("ended", "nabespreking", None)


def test_assign_seats(mini: Scenario) -> None:
    lobby = new_game(mini, "short", 1, 0.0)
    assert refused(lobby, "assign", role="gemeente", seat="none") == "not_allowed"  # core
    assert refused(lobby, "assign", role="kerk", seat="bot") == "unknown_id"
    assert refused(lobby, "assign", role="net", seat="robot") == "bad_args"
    state = go(go(lobby, "assign", role="net", seat="bot"), "assign", role="winkels", seat="none")
    assert dict(state.seats) == {"gemeente": "human", "net": "bot", "winkels": "none"}
    running = go(state, "start")
    assert refused(running, "assign", role="winkels", seat="human") == "not_allowed"
    running = go(running, "assign", role="net", seat="human")
    assert running.seats["net"] == "human"


def test_events_only_of_the_mode_once_and_in_event_rounds(mini: Scenario) -> None:
    state = in_round(mini, "ontwerpen")
    assert refused(state, "play_event", event="subsidie") == "not_allowed"  # not in short mode
    assert refused(state, "play_event", event="storm") == "unknown_id"
    state = go(state, "play_event", event="vertraging", at=30.0)
    assert state.events_played == ("vertraging",)
    assert refused(state, "play_event", event="vertraging") == "already_played"
    reveal = in_round(mini, "nabespreking", mode="full")
    assert refused(reveal, "play_event", event="subsidie") == "wrong_round"


def test_event_changes_scoring_from_that_moment(mini: Scenario) -> None:
    state = in_round(mini, "ontwerpen", mode="full")
    package = {**SAMEN, "kosten": "eigen"}
    before = state.scorer.score(package).scores["gemeente"]
    state = go(state, "play_event", event="subsidie")
    assert state.scorer.score(package).scores["gemeente"] == before - 10
    assert state.scorer.reservation("net") == 40.0
    kaal = {"ontwerp": "kaal", "fasering": "samen", "kosten": "eigen"}
    assert refused(state, "propose", "net", package=kaal) == "infeasible"
