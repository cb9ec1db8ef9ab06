"""Bot speech: a bot does not repeat a line within a game, and talking never changes deciding."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from game.bots import speech
from game.bots.playtest import play_session
from game.scenario.loader import load_scenario

LEEUWAERDENHOUT = Path(__file__).resolve().parents[2] / "scenarios" / "leeuwaerdenhout.yaml"


def test_say_new_draws_like_say_and_never_repeats() -> None:
    plain, fresh = random.Random(7), random.Random(7)
    said: set[str] = set()
    lines = []
    for _ in range(len(speech.CHATTER) + 2):
        speech.say(plain, speech.CHATTER, issue="fasering")
        lines.append(speech.say_new(fresh, speech.CHATTER, said, issue="fasering"))
        assert plain.getstate() == fresh.getstate()  # same draws: same decisions after
    spoken = [line for line in lines if line]
    assert len(spoken) == len(set(spoken)) == len(speech.CHATTER)
    assert lines[-2:] == ["", ""]


def test_no_bot_repeats_a_message_in_a_whole_game() -> None:
    scenario = load_scenario(LEEUWAERDENHOUT)
    for seed in (1, 2, 3):
        state = play_session(scenario, "short", seed, events=1).state
        said = Counter((m.sender, m.text) for m in state.messages)
        repeated = [key for key, count in said.items() if count > 1]
        assert not repeated, f"seed {seed}: {repeated}"
