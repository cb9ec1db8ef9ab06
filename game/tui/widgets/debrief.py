"""The debrief after the reveal: scores against reservation values, the outcome,
the openings per segment against the status quo, hidden interests, behaviour
indicators and the lessons."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from game import numfmt
from game.tui.i18n import language, num, signed, t
from game.tui.viewdata import (
    View,
    issue_titles,
    option_title,
    package_summary,
    role_names,
    segment_names,
)
from game.tui.widgets.debrief_why import failed_part
from game.tui.widgets.value_bar import value_bar

INDICATORS = (
    "openness",
    "cooperation",
    "result_orientation",
    "reliability",
    "rising_above_own_interest",
)


def score_bars(view: View, outcome: Mapping[str, Any], width: int = 60) -> Text:
    names = role_names(view)
    out = Text()
    label_w = 16
    for role in outcome.get("roles", []):
        score = float(outcome["scores"][role])
        reservation = float(outcome["reservations"][role])
        out.append(names.get(role, role)[:label_w].ljust(label_w) + " ")
        out.append_text(value_bar(score, reservation, max(20, width - label_w - 1)))
        out.append("\n")
    return out


def heading(title: str) -> Text:
    """A section's title on a line of its own, bold and underlined; what is appended
    after it is not (a Text's own style would underline the whole section)."""
    text = Text()
    text.append(title + "\n", "bold underline")
    return text


def _pct(value: Any) -> str:
    return numfmt.percent(None if value is None else float(value), language())


def _table(*headers: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    for n, header in enumerate(headers):
        table.add_column(header, justify="left" if n == 0 else "right")
    return table


def possible_text(view: View, possible: Mapping[str, Any]) -> Text:
    """What was possible: share of the best joint value, better packages, the best plan."""
    text = heading(t("debrief.possible"))
    best_joint = (possible.get("max_welfare") or {}).get("joint")
    if best_joint is None:
        text.append(t("debrief.nothing_passes") + "\n")
        return text
    text.append(
        "  • " + t("debrief.share", share=_pct(possible.get("share")), best=num(best_joint)) + "\n"
    )
    count = int(possible.get("better_count", 0))
    key = {0: "debrief.better_none", 1: "debrief.better_one"}.get(count, "debrief.better")
    text.append("  • " + t(key, count=count) + "\n")
    best = possible.get("best_plan")
    if best is not None:
        label = "debrief.best_better" if best.get("basis") == "better" else "debrief.best_passing"
        text.append("  • " + t(label, openings=best.get("openings_total", 0)))
    return text


def best_plan_part(view: View, possible: Mapping[str, Any]) -> RenderableType | None:
    """The best plan's choices, one a line, indented as a block: a wrapped choice
    keeps the indent (it ran back to the margin: '… een eigen' / 'boomzone')."""
    best = possible.get("best_plan")
    if best is None or (possible.get("max_welfare") or {}).get("joint") is None:
        return None
    lines = package_summary(view, best.get("package") or {}, "\n") + "\n"
    return Padding(Text(lines), (0, 0, 0, 4))


def debrief_parts(
    view: View, outcome: Mapping[str, Any], profiles: Mapping[str, Any]
) -> list[RenderableType]:
    """The debrief as Rich renderables (fast to draw, also for twelve screens at once)."""
    names = role_names(view)
    parts: list[RenderableType] = [Text(t("debrief.outcome"), "bold underline")]
    if outcome.get("agreement"):
        text = Text(t("debrief.agreed", proposal=outcome.get("proposal")) + "\n", "bold green")
        text.append(package_summary(view, outcome.get("package") or {}, "\n"), "")
        if outcome.get("in_time") is False:
            text.append("\n" + t("debrief.late"), "yellow")
        parts.append(text)
    else:
        parts.append(Text(t("debrief.no_agreement"), "bold yellow"))
    why = failed_part(view)
    if why is not None:
        parts.append(why)
    possible: Mapping[str, Any] = (view.get("reveal") or {}).get("possible") or {}
    best: Mapping[str, Any] | None = possible.get("best_plan")
    if possible:
        parts.append(possible_text(view, possible))
        plan_part = best_plan_part(view, possible)
        if plan_part is not None:
            parts.append(plan_part)
    metrics, base = outcome.get("metrics", {}), outcome.get("status_quo", {}).get("metrics", {})
    columns = [t("debrief.result"), t("debrief.status_quo")]
    if best is not None:
        columns.append(t("debrief.best_plan"))
    plan = _table(t("debrief.plan"), *columns)
    for key, label in (
        ("openings_total", t("debrief.openings")),
        ("cost", t("debrief.cost")),
        ("saved", t("debrief.saved")),
        ("nuisance_total", t("debrief.nuisance")),
    ):
        row = [num(m.get(key, 0)) for m in (metrics, base)]
        plan.add_row(label, *row, *([num(best.get(key, 0))] if best is not None else []))
    plan.add_row(
        t("debrief.missed"),
        *(str(len(m.get("missed", []))) for m in (metrics, base, best) if m is not None),
    )
    parts.append(plan)
    segs = _table(t("debrief.openings_per_segment"), *columns)
    for sid, name in segment_names(view).items():
        segs.add_row(
            name,
            *(
                str(m.get("openings", {}).get(sid, 0))
                for m in (metrics, base, best)
                if m is not None
            ),
        )
    parts.append(segs)
    # with an agreement, a column says who reached their reservation value (without
    # one everybody gets exactly that: a column of dashes would only puzzle)
    agreed = any(c is not None for c in outcome.get("cleared", {}).values())
    headers = [t("debrief.role"), t("debrief.score"), t("debrief.reservation")]
    scores = _table(*headers, *([t("debrief.cleared")] if agreed else []))
    for role in outcome.get("roles", []):
        cleared = outcome.get("cleared", {}).get(role)
        mark = Text("✔", "green") if cleared else Text("✘", "red")
        scores.add_row(
            names.get(role, role),
            num(outcome["scores"][role], 0),
            num(outcome["reservations"][role], 0),
            *([mark] if agreed else []),
        )
    parts.append(scores)
    titles = issue_titles(view)
    hidden = heading(t("debrief.interests"))
    for role, prof in profiles.items():
        hidden.append(f"\n{names.get(role, role)}", "bold")
        hidden.append(f" — {t('debrief.reservation')} {num(prof.get('reservation', 0))}")
        if prof.get("veto"):
            hidden.append(f", {t('debrief.veto')}", "bold red")
        hidden.append("\n")
        for issue, pts in prof.get("points", {}).items():
            if pts:
                best = max(pts, key=lambda o: pts[o])
                hidden.append(
                    f"  • {titles.get(issue, issue)}: {t('debrief.prefers')} "
                    f"{option_title(view, issue, best)} ({num(pts[best])})\n"
                )
        for rule in prof.get("rules", []):
            if rule.get("note"):
                hidden.append(f"  • {signed(rule['points'])}: {rule['note']}\n")
        for term in prof.get("metric_terms", []):
            note = f": {term['note']}" if term.get("note") else ""
            hidden.append(
                f"  • {signed(term['weight'], 2)} × {t('metric.' + term['metric'])}{note}\n"
            )
    parts.append(hidden)
    ind = outcome.get("indicators", {}).get("table", {})
    values = heading(t("debrief.indicators"))
    for k in INDICATORS:
        values.append(f"  • {t('indicator.' + k)}: {_pct(ind.get(k))}\n")
    parts.append(values)
    lessons = view.get("scenario", {}).get("lessons", [])
    if lessons:
        text = heading(t("debrief.lessons"))
        for le in lessons:
            text.append(f"  • {le['title']}", "bold")
            text.append(f" — {le['text']}\n")
        parts.append(text)
    return parts


def debrief_plain(view: View, outcome: Mapping[str, Any], profiles: Mapping[str, Any]) -> str:
    """The debrief as plain text (tests, logs)."""
    console = Console(width=100, record=True, file=io.StringIO())
    for part in debrief_parts(view, outcome, profiles):
        console.print(part)
    return console.export_text()


def reveal_parts(view: View) -> tuple[Mapping[str, Any], Mapping[str, Any]] | None:
    reveal = view.get("reveal")
    if not reveal:
        return None
    return reveal.get("outcome", {}), reveal.get("profiles", {})


class DebriefPane(VerticalScroll):
    DEFAULT_CSS = "DebriefPane #debrief-bars { height: auto; margin: 1 0; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._key: Any = None
        self._view: View | None = None

    def compose(self) -> ComposeResult:
        yield Static(t("debrief.wait"), id="debrief-title")
        yield Static("", id="debrief-bars")
        yield Static("", id="debrief-body")

    def bar_width(self) -> int:
        """The score bars' width: 60 columns, or less where the pane is narrower."""
        width = self.scrollable_content_region.width
        return min(60, width) if width > 0 else 60

    def on_resize(self) -> None:
        if self._view is not None:
            self.show(self._view)

    def show(self, view: View) -> None:
        self._view = view
        parts = reveal_parts(view)
        width = self.bar_width()
        key = (repr(parts), width)
        if key == self._key:
            return
        self._key = key
        if parts is None:
            self.clear()
            return
        outcome, profiles = parts
        self.query_one("#debrief-title", Static).update(Text(t("debrief.title"), "bold"))
        self.query_one("#debrief-bars", Static).update(score_bars(view, outcome, width))
        self.query_one("#debrief-body", Static).update(
            Group(*debrief_parts(view, outcome, profiles))
        )

    def clear(self) -> None:
        self._key = None
        self._view = None
        self.query_one("#debrief-title", Static).update(t("debrief.wait"))
        self.query_one("#debrief-bars", Static).update("")
        self.query_one("#debrief-body", Static).update("")
