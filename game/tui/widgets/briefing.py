"""My briefing (Markdown), my scoring table and what I disclosed of it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Markdown, Static

from game.tui.i18n import num, signed, t
from game.tui.viewdata import View, issue_titles, option_title


def scoring_rows(view: View) -> list[tuple[str, str, str, str]]:
    """(issue id, issue, option, points) rows of my scoring table, live issues first."""
    me = view.get("me") or {}
    rows = []
    issues = view.get("scenario", {}).get("issues", [])
    for issue in sorted(issues, key=lambda i: not i.get("live")):
        pts = me.get("points", {}).get(issue["id"], {})
        for n, opt in enumerate(issue["options"]):
            name = issue["title"] if n == 0 else ""
            if n == 0 and not issue.get("live"):
                name += f" ({t('briefing.preset')})"
            mark = " ◀" if issue.get("preset") == opt["id"] else ""
            rows.append((issue["id"], name, opt["title"] + mark, num(pts.get(opt["id"], 0))))
    return rows


def briefing_markdown(view: View) -> str:
    """My briefing, with my public profile (what everyone at the table knows) under its title."""
    me = view.get("me") or {}
    text = str(me.get("briefing", ""))
    public = next((r.get("public") for r in view.get("roles", ()) if r["id"] == me.get("role")), "")
    if not public:
        return text
    profile = f"**{t('briefing.public')}:** {public}"
    first, _, rest = text.partition("\n")
    if first.startswith("# "):  # the briefing's own title stays on top
        return f"{first}\n\n{profile}\n{rest}"
    return f"{profile}\n\n{text}"


def extras_markdown(view: View) -> str:
    me = view.get("me") or {}
    reservation = f"**{t('briefing.reservation')}:** {num(me.get('reservation', 0))}"
    if me.get("veto"):  # one paragraph: a single newline would run them together anyway
        reservation += f" · **{t('briefing.veto')}**"
    lines = [reservation, ""]
    titles = issue_titles(view)
    for rule in me.get("rules", []):
        cond = " + ".join(
            f"{titles.get(k, k)}: {' / '.join(option_title(view, k, o) for o in v)}"
            for k, v in rule["when"].items()
        )
        note = f" — {rule['note']}" if rule.get("note") else ""
        lines.append(f"- {signed(rule['points'])} {t('briefing.when')} {cond}{note}")
    for term in me.get("metric_terms", []):
        what = t(f"metric.{term['metric']}")
        note = f" — {term['note']}" if term.get("note") else ""
        lines.append(f"- {signed(term['weight'], 2)} × {what}{note}")
    disclosed = me.get("disclosed", [])
    shown = [titles.get(i, i) if i else t("briefing.reservation") for i in disclosed]
    lines.append("")
    lines.append(f"**{t('briefing.disclosed')}:** " + (", ".join(shown) or t("briefing.nothing")))
    return "\n".join(lines)


class BriefingPane(VerticalScroll):
    """Briefing text, scoring table (select an issue row, press ``d`` to disclose it)."""

    DEFAULT_CSS = """
    BriefingPane DataTable { height: auto; max-height: 24; margin: 1 0; }
    BriefingPane .hint { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._key: Any = None

    def compose(self) -> ComposeResult:
        yield Markdown("", id="briefing-md")
        yield Static(t("briefing.table"), classes="hint", id="briefing-table-title")
        table: DataTable[str] = DataTable(id="briefing-points", cursor_type="row")
        yield table
        yield Markdown("", id="briefing-extra")

    def on_mount(self) -> None:
        table = self.query_one("#briefing-points", DataTable)
        # The points come first, as wide as they need: whatever the width of the
        # terminal, a number of the role's own table is never cut (long titles may be).
        table.add_column(Text(t("briefing.points"), justify="right"), key="points")
        table.add_column(f"{t('briefing.issue')} / {t('briefing.option').lower()}", key="what")

    def show(self, view: View) -> None:
        me = view.get("me") or {}
        key = (
            me.get("role"),
            me.get("briefing"),
            repr(me.get("points")),
            repr(me.get("disclosed")),
        )
        if key == self._key:
            return
        self._key = key
        self.query_one("#briefing-md", Markdown).update(briefing_markdown(view))
        table = self.query_one("#briefing-points", DataTable)
        table.clear()
        disclosed = set(me.get("disclosed", []))
        for n, (issue_id, name, option, points) in enumerate(scoring_rows(view)):
            if name:  # the issue as a heading row: select it and press d to disclose
                if issue_id in disclosed:
                    name += f" ({t('briefing.shared')})"
                table.add_row("", Text(name, "bold"), key=f"{issue_id}#h{n}")
            table.add_row(Text(points, justify="right"), "  " + option, key=f"{issue_id}#{n}")
        self.query_one("#briefing-extra", Markdown).update(extras_markdown(view))

    def selected_issue(self) -> str | None:
        table = self.query_one("#briefing-points", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return key.split("#")[0] if key else None

    def clear(self) -> None:
        self._key = None
        self.query_one("#briefing-md", Markdown).update("")
        self.query_one("#briefing-points", DataTable).clear()
        self.query_one("#briefing-extra", Markdown).update("")
