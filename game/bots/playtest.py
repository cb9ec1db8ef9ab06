"""Whole sessions played by negotiating bots, headless, on a simulated clock.

A scripted facilitator starts the session and runs every round for its full
time. Within a round the bots take turns in passes spread evenly over the
round's minutes (so the clock in their views runs down as in a workshop);
in rounds that allow voting the facilitator calls a ballot on the most
supported proposal not voted on yet, up to :data:`MAX_BALLOTS` times, the
later ones near the end of the round. With ``events`` it plays that many
random events of the mode, one in the middle of each of the first rounds
that allow events. Everything is seeded: the same seed gives the same game.

Every bot move goes through the engine's ``apply`` as the role's move; the
moves the engine refuses are counted (``rejected``) — with these bots there
are none, a property the tests check.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from game.bots.negotiator import NegotiatorBot
from game.bots.opponents import BeliefStore
from game.bots.temperament import Temperament, draw
from game.engine import FACILITATOR, GameState, IllegalMove, Move, apply, new_game, player_view
from game.engine.facilitator import votable
from game.scenario.model import Scenario

NEGOTIATING_PASSES = 2
"""Turns every bot gets in a round where proposals are made but no votes. More turns
there hardly change how often the bots agree, and cost time (Leeuwaerdenhout's full
mode, 400 games: 76 % agreements with 2 such turns, 75.5 % with 3; 73.5 % with the
earlier 6 turns in every negotiating round)."""
VOTING_PASSES = 6
"""Turns in a round where votes are made; the ballots come in its last two. Fewer
turns there make the bots agree less often (with 3 turns in the other rounds, 400
full games: 75.5 % with 6, 62.5 % with 5, 57 % with 3)."""
OTHER_PASSES = 1
"""Turns in the other rounds (opening, exploring, the map)."""
EXPLORING_PASSES = 3
"""Turns in rounds that allow disclosing or marking but no proposals."""
MAX_BALLOTS = 2
"""Ballots the facilitator calls per voting round at most."""
BOT_STEP = 2.0
"""Simulated seconds between two bots' turns within a pass."""


@dataclass
class Session:
    """One played session: the ended state and what happened on the way."""

    state: GameState
    temperaments: dict[str, Temperament]
    rejected: list[tuple[str, str, str]] = field(default_factory=list)
    """Bot moves the engine refused: (role, move type, code)."""


def make_bots(roles: list[str], seed: int, choice: str = "mix") -> dict[str, NegotiatorBot]:
    """One bot per role; ``choice`` is ``mix`` or a temperament name (openness is drawn)."""
    rng = random.Random(f"{seed}:temperaments")
    beliefs = BeliefStore()  # public beliefs worked out once for all bots of the session
    return {role: NegotiatorBot(role, draw(rng, choice), beliefs) for role in roles}


class _Runner:
    def __init__(self, scenario: Scenario, mode: str, seed: int, choice: str, events: int) -> None:
        self.now = 0.0
        self.state = new_game(scenario, mode, seed, self.now)
        self.do(Move("start", FACILITATOR, {}))
        self.bots = make_bots(list(self.state.in_play), seed, choice)
        self.rngs = {r: random.Random(f"{seed}:{r}") for r in self.bots}
        self.order = random.Random(f"{seed}:order")
        self.events_rng = random.Random(f"{seed}:events")
        self.events_left = events
        self.rejected: list[tuple[str, str, str]] = []

    def do(self, move: Move) -> bool:
        try:
            self.state, _ = apply(self.state, move, self.now)
        except IllegalMove as exc:
            if move.actor != FACILITATOR:
                self.rejected.append((move.actor, move.type, exc.code))
            return False
        return True

    def bot_pass(self) -> None:
        roles = list(self.bots)
        self.order.shuffle(roles)
        for role in roles:
            view = player_view(self.state, role, self.now, shared=True)
            for move in self.bots[role].decide(view, self.rngs[role]):
                self.do(Move(move["type"], role, move.get("data", {})))
            self.now += BOT_STEP

    def candidate(self) -> str | None:
        """The votable proposal with most support (fewest objections on a tie)."""
        found = sorted(
            votable(self.state),
            key=lambda p: (-len(p.support), len(p.objections), int(p.id[1:])),
        )
        return found[0].id if found else None

    def maybe_event(self) -> None:
        mode = self.state.mode_def
        pool = [
            e
            for e in (mode.events or tuple(e.id for e in self.state.scenario.events))
            if e not in self.state.events_played
        ]
        if self.events_left > 0 and pool:
            self.events_left -= 1
            self.do(
                Move("play_event", FACILITATOR, {"event": self.events_rng.choice(sorted(pool))})
            )

    def play_round(self) -> None:
        rnd = self.state.round
        assert rnd is not None
        start, length = self.now, rnd.minutes * 60.0
        moves = set(rnd.moves)
        if "vote" in moves:
            passes = VOTING_PASSES
        elif moves & {"propose", "amend"}:
            passes = NEGOTIATING_PASSES
        elif moves & {"disclose", "mark"}:
            passes = EXPLORING_PASSES
        else:
            passes = OTHER_PASSES
        ballots = 0
        for k in range(passes):
            self.now = max(self.now, start + length * (k + 0.5) / passes)
            if k == passes // 2 and rnd.events and not rnd.reveal:
                self.maybe_event()
            self.bot_pass()
            late = k >= passes - MAX_BALLOTS
            if "vote" in moves and late and ballots < MAX_BALLOTS and self.state.agreement is None:
                proposal = self.candidate()
                if proposal and self.do(Move("call_vote", FACILITATOR, {"proposal": proposal})):
                    ballots += 1
                    self.bot_pass()
                    if self.state.open_ballot is not None:
                        self.do(Move("close_vote", FACILITATOR, {}))
        if "sign" in moves and self.state.agreement is not None:
            self.bot_pass()
        self.now = max(self.now, start + length)
        self.do(Move("next_round", FACILITATOR, {}))


def play_session(
    scenario: Scenario,
    mode: str,
    seed: int,
    temperaments: str = "mix",
    events: int = 0,
    progress: Callable[[], None] | None = None,
) -> Session:
    """Play one whole session with a bot in every role and return it, ended."""
    runner = _Runner(scenario, mode, seed, temperaments, events)
    while runner.state.phase == "running" and not runner.state.revealed:
        runner.play_round()
    runner.do(Move("end", FACILITATOR, {}))
    if progress is not None:
        progress()
    temps = {role: bot.temperament for role, bot in runner.bots.items()}
    return Session(runner.state, temps, runner.rejected)
