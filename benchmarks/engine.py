"""Engine speed: moves applied per second and full-mode bot games per second.

Run: ``.venv/bin/python benchmarks/engine.py [--games N] [--seconds S]``.
Uses scenarios/leeuwaerdenhout.yaml when it exists, else the mini fixture,
and prints which. Games are played by the simple bots with the scripted
facilitator of ``botsende-belangen simulate``, on one core and in two
processes.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from game.bots.headless import play_game
from game.engine import GameState, Move, apply, new_game
from game.scenario.loader import load_scenario
from game.scenario.model import Scenario

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "scenarios" / "leeuwaerdenhout.yaml"
MINI = ROOT / "tests" / "fixtures" / "mini" / "mini.yaml"


def scenario_path() -> Path:
    return REAL if REAL.exists() else MINI


def _log(scenario: Scenario, seed: int) -> list[tuple[Move, float]]:
    """The accepted moves of one bot game, to re-apply for the moves/s figure."""
    state = play_game(scenario, "full", seed)
    log: list[tuple[Move, float]] = []
    # Rebuild the log by replaying the same game with a recording apply.
    import game.bots.headless as sim

    original = sim.apply

    def recording(s: GameState, move: Move, now: float):  # type: ignore[no-untyped-def]
        result = original(s, move, now)
        log.append((move, now))
        return result

    sim.apply = recording  # type: ignore[assignment]
    try:
        again = play_game(scenario, "full", seed)
    finally:
        sim.apply = original
    assert again == state
    return log


def moves_per_second(scenario: Scenario, seconds: float) -> tuple[float, int]:
    log = _log(scenario, 1)
    applied = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        state = new_game(scenario, "full", 1, 0.0)
        for move, now in log:
            state, _ = apply(state, move, now)
        applied += len(log)
    return applied / (time.perf_counter() - start), len(log)


def _games(args: tuple[str, int, int]) -> tuple[int, float]:
    """Play ``count`` games; return the count and the CPU seconds they took."""
    path, first, count = args
    scenario = load_scenario(path)
    play_game(scenario, "full", first)  # warm the caches
    cpu = time.process_time()
    for seed in range(first, first + count):
        play_game(scenario, "full", seed)
    return count, time.process_time() - cpu


def games_per_second(path: Path, games: int, processes: int) -> tuple[float, float]:
    """Games per wall-clock second (loading included) and per CPU second of one process."""
    per = games // processes
    jobs = [(str(path), 1000 * i, per) for i in range(processes)]
    start = time.perf_counter()
    if processes == 1:
        results = [_games(jobs[0])]
    else:
        with ProcessPoolExecutor(processes) as pool:
            results = list(pool.map(_games, jobs))
    wall = time.perf_counter() - start
    done = sum(n for n, _ in results)
    cpu = sum(c for _, c in results)
    return done / wall, done / cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--games", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    path = scenario_path()
    scenario = load_scenario(path)
    print(f"scenario: {path.relative_to(ROOT)} ({len(scenario.roles)} roles), mode full")
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cpus, "
        f"Python {platform.python_version()}"
    )
    rate, per_game = moves_per_second(scenario, args.seconds)
    print(f"moves applied: {rate:,.0f} per second (a bot game has {per_game} accepted moves)")
    for processes in (1, 2):
        wall, per_cpu = games_per_second(path, args.games, processes)
        print(
            f"full-mode bot games, {processes} process(es): {wall:.1f} per second wall clock "
            f"(scenario loading included); {per_cpu:.1f} per CPU second per process"
        )
    with open("/proc/loadavg", encoding="ascii") as load:
        print(f"load average afterwards: {load.read().split()[0]}")


if __name__ == "__main__":
    main()
