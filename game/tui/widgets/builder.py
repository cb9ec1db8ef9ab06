"""The proposal builder: an option per live issue, my value against my reservation, metrics."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Label, RadioButton, RadioSet, Static

from game.tui.i18n import num, t
from game.tui.messages import PackageChosen
from game.tui.viewdata import View, live_issues, metrics_lines, option_title
from game.tui.widgets.value_bar import ValueBar

CHOSEN, NOT_CHOSEN = "◉", "○"
"""The marks of an option: which one is chosen reads without colour (projector, colour-blind)."""


class OptionButton(RadioButton):
    """An option of an issue; a long title wraps under itself instead of being cut off."""

    DEFAULT_CSS = "OptionButton { width: 1fr; height: auto; }"

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.assemble((f" {CHOSEN if self.value else NOT_CHOSEN} ", style))

    def _lines(self, width: int) -> list[str]:
        return textwrap.wrap(self.label.plain, max(8, width - 5)) or [""]

    def render(self) -> Content:
        lines = self._lines(self.content_size.width)
        label = Content(" " + "\n    ".join(lines) + " ")
        style = self.get_visual_style("toggle--label")
        return Content.assemble(self._button, label.stylize_before(style))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))


class IssueChoices(RadioSet):
    """The options of one issue. Up and down run on into the next issue, so arrows
    plus Enter or Space reach every option without counting Tab presses."""

    def action_next_button(self) -> None:
        buttons = list(self.query(RadioButton))
        if self._selected is not None and self._selected >= len(buttons) - 1:
            following = self._neighbour(+1)
            if following is not None:
                following.focus()
                following._selected = 0
            return
        super().action_next_button()

    def action_previous_button(self) -> None:
        if self._selected in (None, 0):
            before = self._neighbour(-1)
            if before is not None:
                before.focus()
                before._selected = len(list(before.query(RadioButton))) - 1
            return
        super().action_previous_button()

    def _neighbour(self, step: int) -> IssueChoices | None:
        sets = list(self.screen.query(IssueChoices))
        n = sets.index(self) + step
        return sets[n] if 0 <= n < len(sets) else None


class BuilderPane(Horizontal):
    DEFAULT_CSS = """
    BuilderPane #builder-issues { width: 1fr; }
    BuilderPane #builder-result { width: 36; padding: 0 1; border-left: solid $panel; }
    BuilderPane RadioSet { width: 100%; margin-bottom: 1; }
    BuilderPane .issue-title { text-style: bold; }
    BuilderPane #builder-metrics { height: auto; }
    BuilderPane #builder-conflicts { color: $error; height: auto; }
    BuilderPane #builder-base { color: $text-muted; height: auto; }
    BuilderPane #builder-howto { color: $text-muted; height: auto; margin-bottom: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.package: dict[str, str] = {}
        self.base: str | None = None
        """The proposal being amended, if any."""
        self._issues_key: tuple[str, ...] = ()
        self._buttons: dict[str, tuple[str, str]] = {}
        self._generation = 0

    def compose(self) -> ComposeResult:
        issues = VerticalScroll(id="builder-issues")
        issues.can_focus = False  # the options take the keys, not the page around them
        yield issues
        with Vertical(id="builder-result"):
            yield Static(t("builder.value"), classes="issue-title")
            yield ValueBar(id="builder-value")
            yield Static("", id="builder-metrics")
            yield Static("", id="builder-conflicts")
            yield Static(t("builder.keys"), id="builder-base")

    def show(self, view: View, build: bool = True) -> None:
        """Know the package (the status quo at first); draw the choices when ``build``."""
        issues = live_issues(view)
        status_quo = view.get("scenario", {}).get("status_quo", {})
        for issue in issues:
            if issue["id"] not in self.package and issue["id"] in status_quo:
                self.package[issue["id"]] = status_quo[issue["id"]]
        key = tuple(i["id"] for i in issues)
        if not build or key == self._issues_key:
            return
        self._issues_key = key
        box = self.query_one("#builder-issues", VerticalScroll)
        box.remove_children()
        self._buttons.clear()
        self._generation += 1
        widgets: list[Widget] = []
        for n, issue in enumerate(issues):
            chosen = self.package.get(issue["id"]) or status_quo.get(issue["id"])
            buttons = []
            for m, opt in enumerate(issue["options"]):
                bid = f"opt-{self._generation}-{n}-{m}"
                self._buttons[bid] = (issue["id"], opt["id"])
                label = opt["title"] + (
                    f"  ({num(opt['cost'])}\u00a0M€)" if opt.get("cost") else ""
                )
                buttons.append(OptionButton(label, value=opt["id"] == chosen, id=bid))
            if chosen:
                self.package[issue["id"]] = chosen
            widgets.append(Label(issue["title"], classes="issue-title"))
            if issue.get("question"):
                widgets.append(Static(issue["question"]))
            widgets.append(IssueChoices(*buttons))
        box.mount_all([Static(t("builder.howto"), id="builder-howto"), *widgets])
        self.post_message(PackageChosen(dict(self.package)))

    def show_rules(self, hint: str) -> None:
        """What the round allows: the keys to submit, or when proposing opens."""
        if self.base is None:
            self.query_one("#builder-base", Static).update(hint or t("builder.keys"))

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        bid = event.pressed.id or ""
        if bid in self._buttons:
            issue, option = self._buttons[bid]
            if self.package.get(issue) != option:
                self.package[issue] = option
                self.post_message(PackageChosen(dict(self.package)))

    def load(self, view: View, package: Mapping[str, str], base: str | None) -> None:
        """Put ``package`` in the builder (to amend proposal ``base``)."""
        self.package = dict(package)
        self.base = base
        self._issues_key = ()
        self.show(view)
        note = t("builder.amending", proposal=base) if base else t("builder.keys")
        self.query_one("#builder-base", Static).update(note)

    def show_preview(self, view: View, preview: Mapping[str, Any] | None, error: str = "") -> None:
        bar = self.query_one("#builder-value", ValueBar)
        if not preview:
            bar.show(None, None)
            self.query_one("#builder-metrics", Static).update(error)
            self.query_one("#builder-conflicts", Static).update("")
            return
        bar.show(float(preview["value"]), float(preview["reservation"]))
        lines = metrics_lines(preview.get("metrics"), len(preview.get("conflicts", ())))
        if not preview.get("feasible", True):
            bad = ", ".join(option_title(view, i, o) for i, o in preview.get("infeasible", []))
            lines.append(t("builder.infeasible", options=bad))
        self.query_one("#builder-metrics", Static).update("\n".join(lines))
        conflicts = "\n".join(f"⚠ {c['text']}" for c in preview.get("conflicts", []))
        self.query_one("#builder-conflicts", Static).update(conflicts)

    def clear(self) -> None:
        self.package = {}
        self.base = None
        self._issues_key = ()
        self.query_one("#builder-issues", VerticalScroll).remove_children()
        self.show_preview({}, None)
