"""The execution plan tab: the works of a package as a timeline per segment."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from game.tui.i18n import t
from game.tui.viewdata import View, metrics_lines, role_names, segment_names, work_titles
from game.tui.widgets.timeline import PlanTimeline


class PlanPane(VerticalScroll):
    DEFAULT_CSS = """
    PlanPane #plan-title { text-style: bold; }
    PlanPane #plan-metrics { color: $text-muted; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(t("plan.none"), id="plan-title")
        yield PlanTimeline(id="plan-timeline")
        yield Static("", id="plan-metrics")

    def show(self, view: View, label: str, metrics: Mapping[str, Any] | None) -> None:
        title = t("plan.title", package=label) if metrics else t("plan.none")
        self.query_one("#plan-title", Static).update(title)
        # a proposal's metrics in a view have no job list: it is being fetched
        loading = bool(metrics) and "jobs" not in (metrics or {})
        jobs = list((metrics or {}).get("jobs", []))
        self.query_one("#plan-timeline", PlanTimeline).show(
            jobs, segment_names(view), work_titles(view), role_names(view), loading=loading
        )
        self.query_one("#plan-metrics", Static).update("   ".join(metrics_lines(metrics)))

    def clear(self) -> None:
        self.query_one("#plan-title", Static).update(t("plan.none"))
        self.query_one("#plan-timeline", PlanTimeline).show([], {}, {}, {})
        self.query_one("#plan-metrics", Static).update("")
