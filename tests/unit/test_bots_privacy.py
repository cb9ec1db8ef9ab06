"""A bot decides from its own role's view alone: other roles' secrets change nothing."""

from __future__ import annotations

import inspect
import json
import random
from dataclasses import replace
from typing import Any

from game.bots.negotiator import NegotiatorBot
from game.bots.temperament import NAMES, temperament
from game.engine import FACILITATOR, GameState, Move, apply, new_game, player_view
from game.scenario.model import Scenario


def _other_secrets_changed(scenario: Scenario, role_id: str) -> Scenario:
    """``scenario`` with ``role_id``'s points, rules, briefing and reservation changed."""
    roles = []
    for role in scenario.roles:
        if role.id == role_id:
            points = {
                issue: {opt: 77.0 - p for opt, p in opts.items()}
                for issue, opts in role.scoring.points.items()
            }
            role = replace(
                role,
                briefing_text="Een heel andere, geheime briefing.",
                reservation=role.reservation + 23.0,
                scoring=replace(role.scoring, points=points, rules=()),
            )
        roles.append(role)
    return replace(scenario, roles=tuple(roles))


SCRIPT: list[tuple[str, str, dict[str, Any]]] = [
    ("start", FACILITATOR, {}),
    ("next_round", FACILITATOR, {}),  # verkennen
    ("disclose", "winkels", {"issue": "ontwerp"}),
    ("message", "net", {"text": "Wij moeten kabels verzwaren."}),
    ("next_round", FACILITATOR, {}),  # ontwerpen
    ("propose", "net", {"package": {"ontwerp": "kaal", "fasering": "los", "kosten": "gemeente"}}),
    (
        "propose",
        "winkels",
        {"package": {"ontwerp": "parkeren", "fasering": "per_straat", "kosten": "eigen"}},
    ),
    ("support", "net", {"proposal": "P2", "reason": "Prima."}),
    ("object", "winkels", {"proposal": "P1", "reason": "Te kaal."}),
    ("play_event", FACILITATOR, {"event": "subsidie"}),
    ("next_round", FACILITATOR, {}),  # besluit
    ("call_vote", FACILITATOR, {"proposal": "P2"}),
    ("vote", "net", {"choice": "no"}),
]


def _decisions(scenario: Scenario, name: str) -> tuple[list[str], list[list[dict[str, Any]]]]:
    """Gemeente's views and its bot's decisions at every step of the script."""
    state: GameState = new_game(scenario, "full", seed=4, now=0.0)
    bot = NegotiatorBot("gemeente", temperament(name, openness=0.7))
    rng = random.Random(99)
    views, decisions = [], []
    for k, (kind, actor, data) in enumerate(SCRIPT):
        now = 60.0 * k
        state, _ = apply(state, Move(kind, actor, data), now)
        view = player_view(state, "gemeente", now + 30.0)
        views.append(json.dumps(view, sort_keys=True))
        decisions.append(bot.decide(view, rng))
    return views, decisions


def test_decisions_do_not_depend_on_other_roles_secrets(mini: Scenario) -> None:
    changed = _other_secrets_changed(mini, "net")
    assert changed.role("net").reservation != mini.role("net").reservation
    for name in NAMES:
        views, decisions = _decisions(mini, name)
        views_changed, decisions_changed = _decisions(changed, name)
        assert views == views_changed
        assert decisions == decisions_changed
        assert any(decisions)  # the bot did act along the way


def test_own_secrets_do_change_decisions(mini: Scenario) -> None:
    """The control: the same change to the bot's own role changes what it does."""
    _, decisions = _decisions(mini, "linear")
    _, decisions_own = _decisions(_other_secrets_changed(mini, "gemeente"), "linear")
    assert decisions != decisions_own


def test_a_bot_gets_nothing_but_the_view() -> None:
    params = list(inspect.signature(NegotiatorBot.decide).parameters)
    assert params == ["self", "view", "rng"]
