"""The execution plan of a package: works per street segment on a month axis."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from rich.text import Text
from textual.widget import Widget

from game.tui.i18n import num, t

PALETTE = ("cyan", "magenta", "yellow", "green", "blue", "red", "bright_cyan", "bright_magenta")


def draw_timeline(
    jobs: Sequence[Mapping[str, Any]],
    width: int,
    segment_names: Mapping[str, str],
    work_titles: Mapping[str, str],
    owner_names: Mapping[str, str] | None = None,
) -> Text:
    """One row per (segment, work); a bar from start to end month; shared trenches marked."""
    if not jobs:
        return Text(t("plan.empty"), "dim")
    end = max(float(j["end"]) for j in jobs)
    months = max(1, int(end + 0.999))
    label_w = min(28, max(12, width // 3))
    chart_w = max(10, width - label_w - 2 - 9)
    scale = chart_w / months
    owners = sorted({str(j["owner"]) for j in jobs})
    colour = {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(owners)}
    out = Text()
    axis = [" "] * chart_w
    step = max(1, round(6 / scale)) if scale < 6 else 1
    for m in range(0, months + 1, step):
        x = min(chart_w - len(str(m)), int(m * scale))
        for i, ch in enumerate(str(m)):
            if x + i < chart_w:
                axis[x + i] = ch
    out.append(t("plan.month").ljust(label_w)[:label_w] + "  ", "dim")
    out.append("".join(axis) + "\n", "dim")
    order = {s: i for i, s in enumerate(segment_names)}
    rows = sorted(jobs, key=lambda j: (order.get(j["segment"], 99), float(j["start"])))
    last_segment = None
    trench_size: dict[tuple[str, int], int] = {}
    for j in jobs:
        key = (str(j["segment"]), int(j.get("trench", 0)))
        trench_size[key] = trench_size.get(key, 0) + 1
    for j in rows:
        seg = str(j["segment"])
        if seg != last_segment:
            out.append(segment_names.get(seg, seg) + "\n", "bold")
            last_segment = seg
        title = work_titles.get(str(j["work"]), str(j["work"]))
        # A long title wraps under itself (never cut): the bar stays on its first line.
        lines = textwrap.wrap(title, label_w - 2) or [""]
        out.append(("  " + lines[0]).ljust(label_w) + "  ")
        a, b = int(float(j["start"]) * scale), max(int(float(j["end"]) * scale), 0)
        b = max(b, a + 1)
        shared = trench_size.get((seg, int(j.get("trench", 0))), 1) > 1
        bar = ("▓" if shared else "█") * (b - a)
        out.append(" " * a)
        out.append(bar, colour[str(j["owner"])])
        out.append(f" {num(j['start'])}–{num(j['end'])}\n", "dim")
        for more in lines[1:]:
            out.append("  " + more + "\n")
    out.append(t("plan.legend_shared"), "dim")
    if owner_names:
        out.append("  ")
        for o in owners:
            out.append("■ ", colour[o])
            out.append(owner_names.get(o, o) + "  ")
    return out


class PlanTimeline(Widget):
    DEFAULT_CSS = "PlanTimeline { height: auto; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.jobs: list[dict[str, Any]] = []
        self.segment_names: dict[str, str] = {}
        self.work_titles: dict[str, str] = {}
        self.owner_names: dict[str, str] = {}
        self.waiting = False
        """The job list is being fetched (not Textual's ``loading``: its text is ours)."""

    def show(
        self,
        jobs: Sequence[Mapping[str, Any]],
        segment_names: Mapping[str, str],
        work_titles: Mapping[str, str],
        owner_names: Mapping[str, str],
        *,
        loading: bool = False,
    ) -> None:
        """Draw ``jobs``; ``loading``: say the job list is on its way instead."""
        self.waiting = loading
        self.jobs = [dict(j) for j in jobs]
        self.segment_names = dict(segment_names)
        self.work_titles = dict(work_titles)
        self.owner_names = dict(owner_names)
        self.refresh(layout=True)

    def render(self) -> Text:
        if self.waiting:
            return Text(t("plan.loading"), "dim")
        return draw_timeline(
            self.jobs,
            self.size.width or 78,
            self.segment_names,
            self.work_titles,
            self.owner_names,
        )
