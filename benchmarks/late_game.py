"""A late full-mode game, move by move: the state the server benchmarks start from.

``late_moves(scenario, seed)`` is the log of a Leeuwaerdenhout full-mode table
in its decision round ("besluit"): every round played, two events, disclosures,
marks, public and private messages, 50 proposals (some amended, one withdrawn)
with support, objections and comments, and two closed ballots. Auto-advance is
off so the round does not end during a measurement.

    >>> from benchmarks.late_game import late_state
    >>> state = late_state()
    >>> len(state.proposals), state.round_id
    (50, 'besluit')
"""

from __future__ import annotations

import random
from pathlib import Path

from game.engine import GameState, Move, apply, new_game
from game.engine.moves import FACILITATOR
from game.scenario.loader import load_scenario
from game.scenario.model import Scenario

ROOT = Path(__file__).resolve().parent.parent
LEEUWAERDENHOUT = ROOT / "scenarios" / "leeuwaerdenhout.yaml"
PROPOSALS = 50


def late_moves(scenario: Scenario, seed: int = 1, proposals: int = PROPOSALS) -> list[Move]:
    """Moves that bring a new full-mode game (``seed``) to a late decision round."""
    rng = random.Random(seed)
    roles = list(scenario.role_ids)
    mode = scenario.mode("full")
    live = {i: list(scenario.issue(i).option_ids) for i in mode.issues}
    events = [e.id for e in scenario.events if not mode.events or e.id in mode.events]
    moves: list[Move] = []

    def fac(move: str, **data: object) -> None:
        moves.append(Move(move, FACILITATOR, dict(data)))

    def say(role: str, move: str, **data: object) -> None:
        moves.append(Move(move, role, dict(data)))

    fac("start")
    fac("auto_advance", on=False)
    for i, role in enumerate(roles):  # opening
        say(role, "message", text=f"Goedemorgen, ik ben {role} ({i}).")
    fac("next_round")  # verkennen
    for role in roles[:8]:
        say(role, "disclose", issue=rng.choice(list(live)))
        say(
            role,
            "private_message",
            to=rng.choice([r for r in roles if r != role]),
            text="Even overleggen?",
        )
    fac("next_round")  # kaart
    segments = [s.id for s in scenario.segments]
    for role in roles:
        say(
            role,
            "mark",
            segment=rng.choice(segments),
            kind=rng.choice(["opportunity", "bottleneck"]),
            note="hier",
        )
    fac("play_event", event=events[0])
    fac("next_round")  # ontwerpen
    packages: list[dict[str, str]] = []

    def propose_some(count: int) -> None:
        for _ in range(count):
            role = rng.choice(roles)
            if packages and rng.random() < 0.3:
                parent = rng.randrange(len(packages))
                issue = rng.choice(list(live))
                option = rng.choice([o for o in live[issue] if o != packages[parent][issue]])
                packages.append({**packages[parent], issue: option})
                say(
                    role,
                    "amend",
                    proposal=f"P{parent + 1}",
                    changes={issue: option},
                    note="aanpassing",
                )
            else:
                packages.append({i: rng.choice(o) for i, o in live.items()})
                say(role, "propose", package=packages[-1], note="voorstel")
            made = len(packages)
            for other in rng.sample(roles, 4):
                say(other, "support", proposal=f"P{made}", reason="goed voor ons")
            say(rng.choice(roles), "object", proposal=f"P{made}", reason="te duur")
            say(
                rng.choice(roles),
                "comment",
                proposal=f"P{made}",
                text="Wat betekent dit voor de planning?",
            )
            say(rng.choice(roles), "message", text=f"Over P{made}: kunnen we verder?")

    propose_some(proposals * 3 // 5)
    fac("next_round")  # uitvoeringsplan
    propose_some(proposals - proposals * 3 // 5)
    fac("next_round")  # besluit
    for target in (f"P{proposals}", f"P{proposals - 1}"):
        fac("call_vote", proposal=target)
        for role in roles[:5]:
            say(role, "vote", choice="no")
        fac("close_vote")
    return moves


def play(scenario: Scenario, moves: list[Move], seed: int = 1, table: int = 1) -> GameState:
    """The state after ``moves`` (one second apart); every move must be legal."""
    state = new_game(scenario, "full", seed, 0.0, table=table)
    for i, move in enumerate(moves):
        state, _ = apply(state, move, float(i + 1))
    return state


def late_state(seed: int = 1, proposals: int = PROPOSALS) -> GameState:
    scenario = load_scenario(LEEUWAERDENHOUT)
    return play(scenario, late_moves(scenario, seed, proposals), seed)
