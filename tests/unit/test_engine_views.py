"""Views: what a role, the facilitator and the room may see, and JSON safety."""

from __future__ import annotations

import json

from test_engine_helpers import SAMEN, go, in_round, private_scenario, with_proposal

from game.engine import facilitator_view, new_game, player_view, room_view
from game.scenario.model import Scenario


def _dump(view: object) -> str:
    return json.dumps(view, sort_keys=False, allow_nan=False)


def test_player_view_has_own_private_data_only(mini: Scenario) -> None:
    sc = private_scenario(mini)
    state = with_proposal(sc)
    view = player_view(state, "net", now=10.0)
    text = _dump(view)
    assert "GEHEIME-BRIEFING-net" in text
    assert "GEHEIME-BRIEFING-gemeente" not in text
    assert "GEHEIM-REGEL-gemeente-0" not in text
    assert view["me"]["reservation"] == sc.role("net").reservation
    value = state.scorer.score(SAMEN).scores["net"]
    assert view["me"]["values"] == [
        {"proposal": "P1", "value": value, "clears": value >= sc.role("net").reservation}
    ]
    assert view["reveal"] is None
    assert view["agreement_rule"]["effective_quorum"] == 2
    assert view["round"]["id"] == "ontwerpen" and "propose" in view["round"]["moves"]


def test_private_messages_reach_only_sender_and_receiver(mini: Scenario) -> None:
    state = in_round(mini, "ontwerpen")
    state = go(state, "private_message", "net", to="gemeente", text="Alleen voor jou")
    assert player_view(state, "net", 0.0)["private_messages"][0]["text"] == "Alleen voor jou"
    assert player_view(state, "gemeente", 0.0)["private_messages"][0]["sender"] == "net"
    assert "Alleen voor jou" not in _dump(player_view(state, "winkels", 0.0))
    assert "Alleen voor jou" not in _dump(room_view(state, 0.0))
    assert "Alleen voor jou" not in _dump(facilitator_view(state, 0.0, private=False))
    assert "Alleen voor jou" in _dump(facilitator_view(state, 0.0))


def test_reveal_opens_every_role(mini: Scenario) -> None:
    sc = private_scenario(mini)
    state = go(with_proposal(sc), "end")
    view = player_view(state, "winkels", 0.0)
    text = _dump(view)
    assert "GEHEIME-BRIEFING-gemeente" in text
    assert set(view["reveal"]["profiles"]) == {"gemeente", "net", "winkels"}
    assert view["reveal"]["outcome"]["agreement"] is False
    assert "indicators" in view["reveal"]["outcome"]


def test_room_and_projector_views_hide_private_data(mini: Scenario) -> None:
    sc = private_scenario(mini)
    state = with_proposal(sc)
    for view in (room_view(state, 0.0), facilitator_view(state, 0.0, private=False)):
        text = _dump(view)
        assert "GEHEIME" not in text and "GEHEIM-REGEL" not in text
        assert view["proposals"][0]["metrics"]["openings_total"] >= 0
    full = facilitator_view(state, 0.0)
    assert "GEHEIME-BRIEFING-winkels" in _dump(full)
    assert full["seats"]["net"] == {"seat": "human", "locked": False}
    assert set(full["values"]) == {"gemeente", "net", "winkels"}
    assert room_view(state, 0.0)["kind"] == "room"


def test_open_ballot_shows_who_voted_not_how(mini: Scenario) -> None:
    state = go(go(with_proposal(mini), "next_round"), "call_vote", proposal="P1")
    state = go(state, "vote", "gemeente", choice="no")
    ballot = player_view(state, "net", 0.0)["ballot"]
    assert ballot["voted"] == ["gemeente"] and "votes" not in ballot
    assert player_view(state, "gemeente", 0.0)["me"]["voted"] is True
    assert facilitator_view(state, 0.0)["open_votes"] == {"gemeente": "no"}


def test_views_are_json_and_deterministic(mini: Scenario) -> None:
    a = with_proposal(mini)
    b = with_proposal(mini)
    for make in (
        lambda s: player_view(s, "net", 5.0),
        lambda s: room_view(s, 5.0),
        lambda s: facilitator_view(s, 5.0),
    ):
        assert _dump(make(a)) == _dump(make(b))
        assert json.loads(_dump(make(a))) == make(a)


def test_lobby_view(mini: Scenario) -> None:
    view = player_view(new_game(mini, "full", 3, 0.0), "gemeente", 0.0)
    assert view["phase"] == "lobby" and view["round"] is None
    assert view["clock"] == {
        "round": None,
        "index": -1,
        "rounds": 5,
        "running": False,
        "paused": False,
        "remaining": 0.0,
        "auto_advance": False,
    }
    assert [r["seat"] for r in view["roles"]] == ["human", "human", "human"]


def test_views_are_independent_unless_shared(mini: Scenario) -> None:
    state = with_proposal(mini)
    first = player_view(state, "net", 0.0)
    first["proposals"][0]["support"]["hacker"] = "x"
    first["scenario"]["issues"].clear()
    second = player_view(state, "gemeente", 0.0)
    assert second["proposals"][0]["support"] == {}
    assert second["scenario"]["issues"]
    shared = player_view(state, "gemeente", 0.0, shared=True)
    assert shared == second
