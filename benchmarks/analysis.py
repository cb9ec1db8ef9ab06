"""Benchmark of the agreement-space analysis (prints figures; asserts only correctness).

    .venv/bin/python benchmarks/analysis.py            # about 2 minutes on 2 idle cores
    .venv/bin/python benchmarks/analysis.py --quick    # fewer repeats

Three parts, each timed in this process (wall clock, ``time.perf_counter``),
repeated, reported as min / median / max:

1. ``analyze`` of Leeuwaerdenhout: ``build_space`` + ``analyze_mode`` per mode.
2. The whole analysis at about 10^6 packages x 12 roles on a synthetic space
   whose plan is as rich as Leeuwaerdenhout's full mode (1,620 metric-issue
   combinations, hundreds of distinct schedules; both counts printed beside the
   real ones): enumerate + score (``build_space``), then passing set, frontier,
   max joint value, Nash and Kalai (``analyze_agreements`` with the frontier).
3. The Pareto frontier against moocore's ``is_nondominated`` (C), in the same
   run, alternating, on the same tables; the identical frontier is asserted.
   moocore is in the ``bench`` extra; without it part 3 says so and times ours.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.analysis.agreements import analyze_agreements
from game.analysis.pareto import pareto_mask
from game.analysis.space import build_space
from game.analysis.summary import analyze_mode
from game.analysis.synthetic import synthetic_scenario
from game.paths import default_scenario
from game.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parent.parent

try:
    import moocore
except ImportError:  # pragma: no cover - depends on the bench extra
    moocore = None

#: The synthetic space of part 2: 5*3*3*3*3*4 = 1,620 metric combinations (as
#: Leeuwaerdenhout's full mode) times 5^4 = 1,012,500 packages.
MILLION_OPTIONS = (5, 3, 3, 3, 3, 4, 5, 5, 5, 5)


def runs(fn: Callable[[], Any], repeat: int) -> tuple[Any, list[float]]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return result, times


def mmm(times: list[float], unit: float = 1.0, digits: int = 3) -> str:
    lo, mid, hi = min(times), statistics.median(times), max(times)
    return f"{lo * unit:.{digits}f} / {mid * unit:.{digits}f} / {hi * unit:.{digits}f}"


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    mc = getattr(moocore, "__version__", "not installed") if moocore else "not installed"
    return (
        f"nproc {os.cpu_count()}, CPU {cpu}, Python {platform.python_version()}, "
        f"numpy {np.__version__}, moocore {mc}; load average at start {load}"
    )


def schedules(space: Any) -> int:
    return len(
        {
            (m.phasing, m.works, tuple((j.segment, j.start, j.end) for j in m.jobs))
            for m in space.metrics
        }
    )


def leeuwaerdenhout(repeat: int) -> None:
    sc = load_scenario(default_scenario())
    print(f"\n## 1. analyze Leeuwaerdenhout: build_space + analyze_mode ({repeat} runs)")
    print(
        "| mode | packages | metric combos | schedules | passes | Pareto | s min / median / max |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    for mode in sc.modes:
        result, times = runs(lambda m=mode: analyze_mode(build_space(sc, m)), repeat)
        a, space = result.agreements, result.space
        print(
            f"| {mode} | {space.size:,} | {len(space.metrics):,} | {schedules(space):,} | "
            f"{int(a.passes.sum()):,} | {len(a.pareto):,} | {mmm(times)} |"
        )


def million(repeat: int, balance: float) -> None:
    sc = synthetic_scenario(
        1, roles=12, options=MILLION_OPTIONS, metric_issue_count=6, vetoes=2,
        plan_works=12, balance=balance,
    )  # fmt: skip
    builds, agrees, totals, cpu = [], [], [], []
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        space = build_space(sc, "full")
        t1 = time.perf_counter()
        result = analyze_agreements(space)
        t2 = time.perf_counter()
        builds.append(t1 - t0)
        agrees.append(t2 - t1)
        totals.append(t2 - t0)
        cpu.append(time.process_time() - c0)
    print(
        f"\n### reservations at the {balance:.2f} quantile of each role's scores: "
        f"{space.size:,} packages x {len(space.role_ids)} roles, "
        f"{len(space.metrics):,} metric combos, {schedules(space):,} distinct schedules"
    )
    share = result.passes.mean()
    print(
        f"passes {int(result.passes.sum()):,} ({share:.2%}), unanimous "
        f"{int(result.unanimous.sum()):,}, frontier {len(result.pareto):,}"
    )
    print("| step | s min / median / max |")
    print("|---|---|")
    print(f"| enumerate + score (build_space, plan metrics included) | {mmm(builds)} |")
    print(f"| passing set + frontier + max joint value + Nash + Kalai + room | {mmm(agrees)} |")
    print(f"| total (goal <= 0.5 s) | {mmm(totals)} |")
    print(f"| total, CPU seconds of this process | {mmm(cpu)} |")


def additive_table(issues: int, roles: int, seed: int = 0) -> np.ndarray:
    """All 2^issues packages of binary issues, additive integer points 0..20 per option."""
    rng = np.random.default_rng(seed)
    table = np.zeros((1, roles))
    for _ in range(issues):
        points = rng.integers(0, 21, size=(2, roles)).astype(float)
        table = (table[:, None, :] + points[None, :, :]).reshape(-1, roles)
    return table


def passing(space: Any) -> np.ndarray:
    return np.ascontiguousarray(space.utilities[analyze_agreements(space, pareto=False).passes])


def frontier_tables() -> list[tuple[str, np.ndarray]]:
    sc = load_scenario(default_scenario())
    full = build_space(sc, "full")
    s5 = synthetic_scenario(3, roles=12, options=(10,) * 5, metric_issue_count=2)
    s6 = synthetic_scenario(3, roles=12, options=(10,) * 6, metric_issue_count=2)
    zv = load_scenario(ROOT / "scenarios" / "zuiderveld.yaml")
    return [
        ("Leeuwaerdenhout short, passing set", passing(build_space(sc, "short"))),
        ("Leeuwaerdenhout full, passing set", passing(full)),
        ("Zuiderveld short, passing set", passing(build_space(zv, "short"))),
        ("Zuiderveld full, passing set", passing(build_space(zv, "full"))),
        ("synthetic 10^5 packages, passing set", passing(build_space(s5, "full"))),
        ("additive integers, 16 binary issues", additive_table(16, 12)),
        ("Leeuwaerdenhout full, every package", np.ascontiguousarray(full.utilities)),
        ("synthetic 10^6 packages, passing set", passing(build_space(s6, "full"))),
    ]


def frontier(quick: bool) -> None:
    print("\n## 3. Pareto frontier: ours (pareto_mask) vs moocore.is_nondominated, same run")
    print("ms min / median / max over the runs; runs alternate; identical frontier asserted;")
    print("a table under 1,000 rows is timed as a loop of 200 calls per run (ms per call)")
    print("| table | rows x roles | frontier | runs | ours ms | moocore ms | moocore/ours |")
    print("|---|---:|---:|---:|---|---|---:|")
    for name, table in frontier_tables():
        n = len(table)
        repeat = 50 if n < 1000 else 5 if n < 100_000 else 3
        if quick:
            repeat = max(1, repeat // 5)
        calls = 200 if n < 1000 else 1  # one call of a short table is too short to time
        ours_t: list[float] = []
        theirs_t: list[float] = []
        for _ in range(repeat):
            mask, t = runs(lambda tb=table: pareto_mask(tb), calls)
            ours_t.append(sum(t) / calls)
            if moocore is not None:
                other, t = runs(
                    lambda tb=table: moocore.is_nondominated(tb, maximise=True, keep_weakly=True),
                    calls,
                )
                theirs_t.append(sum(t) / calls)
                assert np.array_equal(mask, other), f"frontiers differ on {name}"
        digits = 4 if n < 1000 else 2  # a short table takes microseconds
        theirs = mmm(theirs_t, 1000, digits) if theirs_t else "not installed"
        ratio = (
            f"{statistics.median(theirs_t) / statistics.median(ours_t):.2f}x" if theirs_t else "-"
        )
        print(
            f"| {name} | {n:,} x {table.shape[1]} | {int(mask.sum()):,} | {repeat} | "
            f"{mmm(ours_t, 1000, digits)} | {theirs} | {ratio} |",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args()
    repeat = 2 if args.quick else 5
    print(f"# analysis benchmark\n{machine()}")
    leeuwaerdenhout(repeat)
    print("\n## 2. The whole analysis at about 10^6 packages x 12 roles (synthetic, rich plan)")
    million(repeat, 0.7)  # a passing share like Leeuwaerdenhout's full mode (0.28 %)
    million(max(1, repeat // 2), 0.5)  # a tenth of all packages passes: a huge frontier
    frontier(args.quick)
    print(f"\nload average at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
