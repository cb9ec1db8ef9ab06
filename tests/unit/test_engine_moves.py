"""Participant moves: each legal case and its illegal variants."""

from __future__ import annotations

from test_engine_helpers import LOS, SAMEN, go, in_round, refused, with_proposal

from game.engine import FACILITATOR, Move
from game.engine.moves import MAX_TEXT
from game.scenario.model import Scenario


def test_propose_gives_numbered_proposals(mini: Scenario) -> None:
    state = with_proposal(mini)
    state = go(state, "propose", "gemeente", package=LOS, note="Alternatief")
    assert [p.id for p in state.proposals] == ["P1", "P2"]
    assert state.proposals[1].author == "gemeente"
    assert dict(state.proposals[1].package) == LOS
    assert state.version == 4  # start, next_round, two proposals


def test_propose_refuses_bad_packages(mini: Scenario) -> None:
    state = in_round(mini, "ontwerpen")
    assert refused(state, "propose", "net", package={"ontwerp": "groen"}) == "bad_args"
    assert refused(state, "propose", "net", package={**SAMEN, "zon": "ja"}) == "unknown_id"
    assert refused(state, "propose", "net", package={**SAMEN, "ontwerp": "paars"}) == "unknown_id"
    assert refused(state, "propose", "net", package={**SAMEN, "kosten": "eigen"}) == "bad_args"
    assert refused(state, "propose", "net", package="groen") == "bad_args"


def test_participant_moves_need_their_round(mini: Scenario) -> None:
    state = in_round(mini, "opening")
    assert refused(state, "propose", "net", package=SAMEN) == "wrong_round"
    assert refused(state, "vote", "net", choice="yes") == "wrong_round"
    state = in_round(mini, "besluit")
    assert refused(state, "propose", "net", package=SAMEN) == "wrong_round"


def test_actor_must_be_a_role_in_play(mini: Scenario) -> None:
    state = in_round(mini, "ontwerpen")
    assert refused(state, "propose", FACILITATOR, package=SAMEN) == "wrong_actor"
    assert refused(state, "propose", "burgemeester", package=SAMEN) == "wrong_actor"
    assert refused(state, "start", "net") == "wrong_actor"


def test_out_of_play_role_cannot_move(mini: Scenario) -> None:
    from game.engine import new_game

    state = go(new_game(mini, "short", 1, 0.0), "assign", role="winkels", seat="none")
    state = go(go(state, "start"), "next_round")
    assert refused(state, "propose", "winkels", package=SAMEN) == "wrong_actor"
    assert state.in_play == ("gemeente", "net")


def test_moves_before_start_while_paused_and_after_end(mini: Scenario) -> None:
    from game.engine import new_game

    lobby = new_game(mini, "short", 1, 0.0)
    assert refused(lobby, "message", "net", text="hoi") == "not_started"
    paused = go(in_round(mini, "ontwerpen"), "pause")
    assert refused(paused, "propose", "net", package=SAMEN) == "paused"
    ended = go(in_round(mini, "ontwerpen"), "end")
    assert refused(ended, "message", "net", text="hoi") == "ended"
    assert refused(ended, "next_round") == "ended"


def test_locked_seat_cannot_move_until_unlocked(mini: Scenario) -> None:
    state = go(in_round(mini, "ontwerpen"), "lock", role="net")
    assert refused(state, "propose", "net", package=SAMEN) == "locked"
    assert refused(state, "lock", role="net") == "not_allowed"
    state = go(state, "unlock", role="net")
    state = go(state, "propose", "net", package=SAMEN)
    assert len(state.proposals) == 1


def test_amend_builds_on_a_parent(mini: Scenario) -> None:
    state = with_proposal(mini)
    state = go(state, "amend", "gemeente", proposal="P1", changes={"fasering": "los"})
    p2 = state.proposals[1]
    assert p2.parent == "P1"
    assert dict(p2.package) == {"ontwerp": "groen", "fasering": "los"}
    assert refused(state, "amend", "gemeente", proposal="P1", changes={"fasering": "samen"}) == (
        "bad_args"
    )
    assert refused(state, "amend", "gemeente", proposal="P9", changes={"fasering": "los"}) == (
        "unknown_id"
    )


def test_withdraw_only_by_author_and_once(mini: Scenario) -> None:
    state = with_proposal(mini)
    assert refused(state, "withdraw", "gemeente", proposal="P1") == "not_author"
    state = go(state, "withdraw", "net", proposal="P1")
    assert state.proposals[0].withdrawn
    assert refused(state, "withdraw", "net", proposal="P1") == "withdrawn"
    assert refused(state, "support", "gemeente", proposal="P1") == "withdrawn"
    assert refused(state, "amend", "gemeente", proposal="P1", changes=LOS) == "withdrawn"


def test_support_and_object_keep_one_stance(mini: Scenario) -> None:
    state = with_proposal(mini)
    state = go(state, "support", "gemeente", proposal="P1", reason="Groen!")
    assert dict(state.proposals[0].support) == {"gemeente": "Groen!"}
    assert refused(state, "object", "winkels", proposal="P1") == "bad_args"  # needs a reason
    state = go(state, "object", "gemeente", proposal="P1", reason="Toch niet")
    assert dict(state.proposals[0].support) == {}
    assert dict(state.proposals[0].objections) == {"gemeente": "Toch niet"}
    state = go(state, "object", "gemeente", proposal="P1", off=True)
    assert dict(state.proposals[0].objections) == {}
    assert refused(state, "support", "gemeente", proposal="P7") == "unknown_id"


def test_comment_and_messages(mini: Scenario) -> None:
    state = with_proposal(mini)
    state = go(state, "comment", "winkels", proposal="P1", text="Bereikbaarheid?")
    assert state.proposals[0].comments[0].text == "Bereikbaarheid?"
    state = go(state, "message", "net", text="Hallo allemaal")
    state = go(state, "private_message", "net", to="gemeente", text="Even onder ons")
    assert [(m.sender, m.to) for m in state.messages] == [("net", None), ("net", "gemeente")]
    assert refused(state, "message", "net", text="x" * (MAX_TEXT + 1)) == "bad_args"
    assert refused(state, "message", "net", text="  ") == "bad_args"
    assert refused(state, "private_message", "net", to="net", text="ik") == "bad_args"
    assert refused(state, "private_message", "net", to="kerk", text="hoi") == "unknown_id"
    assert refused(state, "comment", "net", proposal="P2", text="hoi") == "unknown_id"


def test_disclose_publishes_own_points(mini: Scenario) -> None:
    state = in_round(mini, "ontwerpen")
    state = go(state, "disclose", "net", issue="ontwerp")
    state = go(state, "disclose", "net", reservation=True)
    first, second = state.disclosures
    assert (first.issue, dict(first.values)) == (
        "ontwerp",
        {"groen": 10.0, "parkeren": 30.0, "kaal": 40.0},
    )
    assert (second.issue, dict(second.values)) == (None, {"reservation": 35.0})
    assert refused(state, "disclose", "net", issue="kosten") == "bad_args"  # preset in short
    assert refused(state, "disclose", "net", issue="weer") == "unknown_id"


def test_mark_segment(mini: Scenario) -> None:
    state = in_round(mini, "verkennen", mode="full")
    state = go(state, "mark", "winkels", segment="plein", kind="bottleneck", note="Markt")
    assert (state.marks[0].segment, state.marks[0].kind) == ("plein", "bottleneck")
    assert refused(state, "mark", "net", segment="maan", kind="opportunity") == "unknown_id"
    assert refused(state, "mark", "net", segment="plein", kind="leuk") == "bad_args"


def test_unknown_and_malformed_moves(mini: Scenario) -> None:
    state = in_round(mini, "ontwerpen")
    assert refused(state, "dance", "net") == "bad_move"
    import pytest

    from game.engine import IllegalMove

    for bad in (None, [], {"type": "start"}, {"type": "start", "actor": "f", "data": 3}):
        with pytest.raises(IllegalMove) as info:
            Move.from_json(bad)
        assert info.value.code == "bad_move"
    move = Move("propose", "net", {"package": SAMEN})
    assert Move.from_json(move.to_json()) == move
