"""The press release, with the event cards played and the facilitator's announcements."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from game.tui.i18n import num, t
from game.tui.viewdata import View, issue_titles, option_title, role_names
from game.tui.widgets.simple_markdown import markdown_text


def press_markdown(view: View, title: bool = True) -> str:
    """The press release and what happened since (``title``: with the scenario's title
    as its heading; the room screen has it in its header already)."""
    sc = view.get("scenario", {})
    parts = [f"# {sc.get('title', '')}", ""] if title else []
    parts.append(sc.get("press_release", ""))
    events: list[Any] = view.get("events", [])
    if events:
        parts += ["", f"## {t('press.events')}"]
        for e in reversed(events):
            parts += ["", f"> **{e['title']}** — {e['text']}"]
    notes: list[Any] = view.get("announcements", [])
    if notes:
        parts += ["", f"## {t('press.announcements')}"]
        parts += [f"- {a['text']}" for a in reversed(notes)]
    parts += shared_lines(view)
    roles = [r for r in view.get("roles", []) if r.get("in_play", True)]
    if roles:  # who sits at the table and what everyone may know of them
        parts += ["", f"## {t('press.roles')}", ""]
        for r in roles:
            veto = f" — {t('press.veto')}" if r.get("veto") else ""
            public = f": {r['public']}" if r.get("public") else ""
            parts.append(f"- **{r['name']}** ({r['organisation']}){veto}{public}")
    return "\n".join(parts)


def shared_lines(view: View) -> list[str]:
    """What the roles shared at the table, in the order they shared it: an issue's
    points per option, or a reservation value (Markdown lines; none when nothing).
    Shared again, an item moves to the end with its latest numbers."""
    latest: dict[tuple[str, str | None], Any] = {}
    for d in view.get("disclosures") or []:  # shared again (after an event): the latest counts
        latest.pop((d["role"], d.get("issue")), None)
        latest[(d["role"], d.get("issue"))] = d
    shared = list(latest.values())
    if not shared:
        return []
    names, titles = role_names(view), issue_titles(view)
    lines = ["", f"## {t('press.shared')}", ""]
    for d in shared:
        values = d.get("values") or {}
        if d.get("issue") is None:
            what = f"{t('briefing.reservation')} {num(values.get('reservation'))}"
        else:
            issue = d["issue"]
            points = " · ".join(
                f"{option_title(view, issue, option)} {num(value)}"
                for option, value in values.items()
            )
            what = f"{titles.get(issue, issue)}: {points}"
        lines.append(f"- **{names.get(d['role'], d['role'])}** — {what}")
    return lines


class PressPane(VerticalScroll):
    """The press release and what happened since, drawn without a Markdown widget (fast)."""

    DEFAULT_CSS = "PressPane #press-md { padding: 1 1 0 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="press-md")

    def show(self, view: View) -> None:
        text = press_markdown(view)
        if text != self._text:
            self._text = text
            self.query_one("#press-md", Static).update(markdown_text(text))

    def clear(self) -> None:
        self._text = ""
        self.query_one("#press-md", Static).update("")
