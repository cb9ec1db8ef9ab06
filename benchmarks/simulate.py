"""Benchmark of ``botsende-belangen simulate``, the command trainers run.

    .venv/bin/python benchmarks/simulate.py             # about 2 minutes on 2 idle cores
    .venv/bin/python benchmarks/simulate.py --quick     # fewer games and runs
    git archive bc77941 game scenarios roles | tar -x -C /tmp/before   # code before the speed-up
    .venv/bin/python benchmarks/simulate.py --baseline /tmp/before   # ... as anchor rows
    .venv/bin/python benchmarks/simulate.py --evening 0    # without the 200- and 500-game rows

Every row times the real command as a subprocess (wall clock from start to
exit, so Python start-up, imports, the scenario load, worker start-up and the
balance report are included), repeated, and reports min / median / max games
per second. The bots are ``simulate``'s own negotiating bots
(``game.bots.playtest``: temperaments ``mix``, no events), whole sessions from
the start to the reveal. For comparison one row plays the engine's *simple*
bots (``game.bots.headless``, not a user command) in one process. A check at
the start asserts that 1 and 2 workers print the same JSON. With
``--baseline DIR`` (a directory holding an older ``game`` package and the
``scenarios``, run from there) the same ``simulate`` command of that code is
timed in the same run, as the anchor. Rows of ``--evening`` games (200 and 500 by
default: a trainer's evening of play-tests) show the rate once the fixed
cost is spread thin, and a table gives that fixed cost itself: the wall
clock of one game in one process (start-up, imports, scenario load, the
report; one game included). The CPU table alternates this code and the
baseline run by run, so a change in the load hits both alike.

The commands run with Python's bytecode cache on, as an installed copy has it
(pip compiles the package when it installs it): this VM sets
``PYTHONDONTWRITEBYTECODE=1``, which would recompile the whole ``game``
package on every run (about 0.07 s); the first command writes the cache.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = "scenarios/leeuwaerdenhout.yaml"

CPU = """
import sys, time
from game.bots.balance import game_record
from game.bots.playtest import play_session
from game.scenario.loader import load_scenario
scenario = load_scenario(sys.argv[1])
play_session(scenario, sys.argv[2], 999)  # warm caches (scorers) outside the timing
start = time.process_time()
for seed in range(1, int(sys.argv[3]) + 1):
    game_record(play_session(scenario, sys.argv[2], seed), seed - 1, seed)
print((time.process_time() - start) / int(sys.argv[3]))
"""

SIMPLE = """
import sys
from game.bots.headless import play_game
from game.scenario.loader import load_scenario
scenario = load_scenario(sys.argv[1])
for seed in range(1, int(sys.argv[3]) + 1):
    play_game(scenario, sys.argv[2], seed)
"""


def command(mode: str, games: int, workers: int, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "game", "simulate", SCENARIO, "--mode", mode,
        "--games", str(games), "--workers", str(workers), *extra,
    ]  # fmt: skip


def environment(path: Path) -> dict[str, str]:
    """The commands' environment: ``path`` first on the path, bytecode cached."""
    env = {**os.environ, "PYTHONPATH": str(path)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed(argv: list[str], path: Path = ROOT) -> float:
    env = environment(path)
    start = time.perf_counter()
    subprocess.run(argv, cwd=path, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def row(label: str, argv: list[str], games: int, repeat: int, path: Path = ROOT) -> None:
    rates = [games / timed(argv, path) for _ in range(repeat)]
    lo, mid, hi = min(rates), statistics.median(rates), max(rates)
    print(f"| {label} | {games} | {repeat} | {lo:.1f} / {mid:.1f} / {hi:.1f} |", flush=True)


def same_for_any_workers(games: int) -> None:
    env = environment(ROOT)
    outs = [
        subprocess.run(
            command("full", games, w, "--json"), cwd=ROOT, env=env, check=True,
            capture_output=True, text=True,
        ).stdout
        for w in (1, 2)
    ]  # fmt: skip
    assert outs[0] == outs[1], "1 and 2 workers gave different results"
    print(f"checked: {games} full games give the same JSON with 1 and 2 workers")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer games and runs")
    parser.add_argument("--baseline", type=Path, help="directory with an older game package")
    parser.add_argument("--cpu-only", action="store_true", help="only the CPU seconds per game")
    parser.add_argument(
        "--evening", type=int, nargs="+", default=[200, 500], metavar="N",
        help="games of the long rows (default 200 500; 0: no such row; --quick: 60)",
    )  # fmt: skip
    args = parser.parse_args()
    if args.quick and args.evening == [200, 500]:
        args.evening = [60]
    args.evening = [n for n in args.evening if n > 0]
    full_games, short_games, repeat = (10, 20, 2) if args.quick else (30, 60, 3)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"# simulate benchmark\nnproc {os.cpu_count()}, Python {platform.python_version()}, "
        f"load average at start {load}"
    )
    if not args.cpu_only:
        wall(args, full_games, short_games, repeat)
    cpu_per_game(args, repeat)
    print(f"\nload average at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def wall(args: argparse.Namespace, full_games: int, short_games: int, repeat: int) -> None:
    same_for_any_workers(6)
    print("\ngames per second, min / median / max over the runs (wall clock of the command)")
    print("| what | games | runs | games/s |")
    print("|---|---:|---:|---|")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    for workers in sorted({1, cores or 1}):
        row(
            f"`simulate --mode full`, negotiating bots, {workers} worker(s)",
            command("full", full_games, workers),
            full_games,
            repeat,
        )
    for evening in args.evening:
        row(
            f"`simulate --mode full`, a trainer's evening, {cores} worker(s)",
            command("full", evening, cores or 1),
            evening,
            repeat,
        )
    row(
        f"`simulate --mode short`, negotiating bots, {cores} worker(s)",
        command("short", short_games, cores or 1),
        short_games,
        repeat,
    )
    if args.baseline is not None:
        old = command("full", full_games, 1)[:-2]  # the old command has no --workers
        row(f"the same command, code in {args.baseline}, full", old, full_games, repeat,
            args.baseline.resolve())  # fmt: skip
    simple = [sys.executable, "-c", SIMPLE, SCENARIO, "full", str(full_games)]
    row("simple bots (`game.bots.headless`, not a command), full, 1 process", simple,
        full_games, repeat)  # fmt: skip
    fixed_cost(args, repeat)


def fixed_cost(args: argparse.Namespace, repeat: int) -> None:
    print("\nfixed cost: seconds for `simulate --mode full --games 1 --workers 1` (one game in)")
    print("| code | runs | seconds min / median / max |")
    print("|---|---:|---|")
    paths = [("this code", ROOT, command("full", 1, 1))]
    if args.baseline is not None:
        paths.append((str(args.baseline), args.baseline.resolve(), command("full", 1, 1)[:-2]))
    found: dict[str, list[float]] = {name: [] for name, _, _ in paths}
    for _ in range(repeat + 2):
        for name, path, argv in paths:  # alternately
            found[name].append(timed(argv, path))
    for name, _, _ in paths:
        t = found[name]
        print(f"| {name} | {len(t)} | {min(t):.2f} / {statistics.median(t):.2f} / {max(t):.2f} |")


def cpu_per_game(args: argparse.Namespace, repeat: int) -> None:
    print("\nCPU seconds per game in one process (time.process_time; less sensitive to the load)")
    print("| code | mode | games | runs | CPU s per game |")
    print("|---|---|---:|---:|---|")
    paths = [("this code", ROOT)]
    if args.baseline is not None:
        paths.append((str(args.baseline), args.baseline.resolve()))
    games = 10 if args.quick else 40  # games differ (60-140 ms): 10 were too few
    for mode in ("full", "short"):
        found: dict[str, list[float]] = {name: [] for name, _ in paths}
        for _ in range(repeat):
            for name, path in paths:  # alternately, run by run
                env = environment(path)
                argv = [sys.executable, "-c", CPU, SCENARIO, mode, str(games)]
                out = subprocess.run(argv, cwd=path, env=env, check=True, capture_output=True,
                                     text=True).stdout  # fmt: skip
                found[name].append(float(out))
        for name, _ in paths:
            cpu = found[name]
            spread = f"{min(cpu):.3f} / {statistics.median(cpu):.3f} / {max(cpu):.3f}"
            print(f"| {name} | {mode} | {games} | {repeat} | {spread} |", flush=True)


if __name__ == "__main__":
    main()
