"""Benchmark of the agreement-space analysis (prints figures; asserts only correctness).

    .venv/bin/python benchmarks/analysis.py            # everything (NegMAS if installed)
    .venv/bin/python benchmarks/analysis.py --quick    # skip the slow NegMAS runs

NegMAS is in the ``bench`` extra (``pip install -e .[bench]``). Without it the
frontier is compared against the plain numpy pairwise reference instead.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.analysis.agreements import analyze_agreements
from game.analysis.pareto import pareto_mask, pareto_mask_pairwise
from game.analysis.space import build_space
from game.analysis.summary import analyze_mode
from game.analysis.synthetic import synthetic_scenario
from game.paths import default_scenario
from game.scenario.loader import load_scenario

try:
    from negmas.preferences.ops import pareto_frontier_numpy

    HAVE_NEGMAS = True
except ImportError:  # pragma: no cover - depends on the bench extra
    HAVE_NEGMAS = False


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[Any, float]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return result, best


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    python = platform.python_version()
    return f"nproc {os.cpu_count()}, CPU {cpu}, Python {python}, numpy {np.__version__}"


def leeuwaerdenhout() -> None:
    path = default_scenario()
    if not path.exists():
        print("Leeuwaerdenhout: scenario file not found, skipped")
        return
    sc = load_scenario(path)
    print("\n## analyze on Leeuwaerdenhout (build + agreements + vetoes + status quo; best of 3)")
    print("| mode | packages | passes | unanimous | Pareto | seconds |")
    print("|---|---:|---:|---:|---:|---:|")
    for mode in sc.modes:
        result, sec = timed(lambda m=mode: analyze_mode(build_space(sc, m)), repeat=3)
        a = result.agreements
        print(
            f"| {mode} | {result.space.size:,} | {int(a.passes.sum()):,} | "
            f"{int(a.unanimous.sum()):,} | {len(a.pareto):,} | {sec:.3f} |"
        )


def million() -> None:
    print("\n## synthetic scenario, 4^10 = 1,048,576 packages x 12 roles (best of 3)")
    sc = synthetic_scenario(1, roles=12, options=(4,) * 10, metric_issue_count=2, vetoes=2)
    space, build = timed(lambda: build_space(sc, "full"), repeat=3)
    result, agree = timed(lambda: analyze_agreements(space, pareto=False), repeat=3)
    print(f"enumerate + score (incl. {len(space.metrics)} plan metrics): {build:.3f} s")
    print(f"passes + unanimous + max joint value + Nash + Kalai + room: {agree:.3f} s")
    print(f"total: {build + agree:.3f} s (goal <= 2 s)")
    print(f"passes {int(result.passes.sum()):,}, unanimous {int(result.unanimous.sum()):,}")


def additive_table(issues: int, roles: int, seed: int = 0) -> np.ndarray:
    """All 2^issues packages of binary issues, additive integer points 0..20 per option."""
    rng = np.random.default_rng(seed)
    table = np.zeros((1, roles))
    for _ in range(issues):
        points = rng.integers(0, 21, size=(2, roles)).astype(float)
        table = (table[:, None, :] + points[None, :, :]).reshape(-1, roles)
    return table


def compare(name: str, table: np.ndarray, quick: bool) -> None:
    mask, ours = timed(lambda: pareto_mask(table), repeat=3)
    line = f"| {name} | {len(table):,} x {table.shape[1]} | {int(mask.sum()):,} | {ours:.3f} |"
    if quick:
        print(line + " skipped (--quick) | |")
        return
    if HAVE_NEGMAS:
        idx, theirs = timed(lambda: pareto_frontier_numpy(table))
        # NegMAS keeps one of several equal rows; compare the sets of distinct points.
        same = {tuple(r) for r in table[mask]} == {tuple(r) for r in table[idx]}
        label = "NegMAS pareto_frontier_numpy"
    else:
        ref, theirs = timed(lambda: pareto_mask_pairwise(table))
        same = bool(np.array_equal(ref, mask))
        label = "numpy pairwise reference (NegMAS not installed)"
    assert same, "frontiers differ"
    print(line + f" {theirs:.2f} ({label}) | {theirs / ours:.0f}x |")


def frontier(quick: bool) -> None:
    print("\n## Pareto frontier: ours vs NegMAS (same table, same frontier asserted)")
    print("| table | rows x roles | frontier | ours s | other s | ratio |")
    print("|---|---:|---:|---:|---:|---:|")
    compare("additive integers, 16 binary issues", additive_table(16, 12), quick)
    sc = synthetic_scenario(
        2, roles=12, options=(4,) * 9, metric_issue_count=2, vetoes=2, balance=0.42
    )
    space = build_space(sc, "full")
    result = analyze_agreements(space, pareto=False)
    passing = space.utilities[result.passes]
    compare(f"passing set of a synthetic 4^9 scenario ({space.size:,})", passing, quick)


def scaling() -> None:
    print("\n## scaling with packages (12 roles; synthetic, 10 options per issue)")
    print("| packages | build s | votes+welfare+Nash s | passes | frontier | Pareto s |")
    print("|---:|---:|---:|---:|---:|---:|")
    for issues in (3, 4, 5, 6):
        sc = synthetic_scenario(3, roles=12, options=(10,) * issues, metric_issue_count=2)
        space, build = timed(lambda s=sc: build_space(s, "full"))
        result, agree = timed(lambda s=space: analyze_agreements(s, pareto=False))
        values = space.utilities[result.passes]
        mask, front = timed(lambda v=values: pareto_mask(v))
        print(
            f"| {space.size:,} | {build:.3f} | {agree:.3f} | {len(values):,} | "
            f"{int(mask.sum()):,} | {front:.3f} |"
        )
    print("\n## scaling with roles (10^5 packages)")
    print("| roles | build s | votes+welfare+Nash s | passes | frontier | Pareto s |")
    print("|---:|---:|---:|---:|---:|---:|")
    for roles in (4, 8, 12, 16):
        sc = synthetic_scenario(4, roles=roles, options=(10,) * 5, metric_issue_count=2)
        space, build = timed(lambda s=sc: build_space(s, "full"))
        result, agree = timed(lambda s=space: analyze_agreements(s, pareto=False))
        values = space.utilities[result.passes]
        mask, front = timed(lambda v=values: pareto_mask(v))
        print(
            f"| {roles} | {build:.3f} | {agree:.3f} | {len(values):,} | "
            f"{int(mask.sum()):,} | {front:.3f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip the slow NegMAS comparison")
    args = parser.parse_args()
    print(f"# analysis benchmark\n{machine()}")
    print(f"NegMAS: {'installed' if HAVE_NEGMAS else 'not installed'}")
    leeuwaerdenhout()
    million()
    frontier(args.quick)
    scaling()


if __name__ == "__main__":
    main()
