"""The proposals on the table: author, support, objections, comments and my value."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from game.tui.i18n import num, t
from game.tui.notices import tally_text
from game.tui.viewdata import (
    View,
    last_ballot,
    move_hint,
    my_value,
    package_summary,
    role_names,
)


def proposal_detail(view: View, p: dict[str, Any]) -> Text:
    names = role_names(view)
    out = Text()
    out.append(f"{p['id']} ", "bold")
    out.append(t("table.by", author=names.get(p["author"], p["author"])))
    if p.get("parent"):
        out.append(" " + t("table.amends", parent=p["parent"]), "dim")
    out.append("\n" + package_summary(view, p["package"], "\n") + "\n")
    if p.get("note"):
        out.append(f"“{p['note']}”\n", "italic")
    for role, reason in p.get("support", {}).items():
        out.append(f"✔ {names.get(role, role)}", "green")
        out.append(f" {reason}\n" if reason else "\n")
    for role, reason in p.get("objections", {}).items():
        out.append(f"✘ {names.get(role, role)}", "red")
        out.append(f" {reason}\n" if reason else "\n")
    for c in p.get("comments", []):
        out.append(f"💬 {names.get(c['role'], c['role'])}: ", "cyan")
        out.append(f"{c['text']}\n")
    return out


class ProposalsPane(Vertical):
    DEFAULT_CSS = """
    ProposalsPane #table-ballot { height: auto; background: $boost; padding: 0 1; }
    ProposalsPane DataTable { height: 1fr; min-height: 4; }
    ProposalsPane #table-detail-box { height: 1fr; border-top: solid $panel; }
    ProposalsPane #table-keys { height: auto; color: $text-muted; }
    """

    def __init__(self, *, private: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.private = private
        self._view: View = {}

    def compose(self) -> ComposeResult:
        yield Static("", id="table-ballot")
        # two header lines: 'Keer open' and 'Kosten (M€)' say what the numbers are ('Open' read
        # as "not closed") and stay narrow
        table: DataTable[Any] = DataTable(
            id="table-list", cursor_type="row", zebra_stripes=True, header_height=2
        )
        yield table
        with VerticalScroll(id="table-detail-box"):
            yield Static(t("table.empty"), id="table-detail")
        yield Static(t("table.keys" if self.private else "table.keys_console"), id="table-keys")

    def on_mount(self) -> None:
        table = self.query_one("#table-list", DataTable)
        cols = ["", t("table.author"), "✔", "✘", "💬", t("table.col.openings"), t("table.col.cost")]
        if self.private:
            cols.append(t("table.my_value"))
        table.add_columns(*cols)

    def show(self, view: View) -> None:
        self._view = view
        if self.private:  # a seat: what the round does not allow shows before the attempt
            hint = move_hint(view, "support")
            keys = hint or t("table.keys")
            self.query_one("#table-keys", Static).update(keys)
        self.query_one("#table-ballot", Static).update(
            tally_text(last_ballot(view), role_names(view))
        )
        table = self.query_one("#table-list", DataTable)
        selected = self.selected()
        table.clear()
        names = role_names(view)
        agreed = (view.get("agreement") or {}).get("proposal")
        for p in view.get("proposals", []):
            style = (
                "dim strike" if p.get("withdrawn") else ("bold green" if p["id"] == agreed else "")
            )
            m = p.get("metrics") or {}
            row: list[Any] = [
                Text(p["id"], style),
                Text(names.get(p["author"], p["author"]), style),
                str(len(p.get("support", {}))),
                str(len(p.get("objections", {}))),
                str(len(p.get("comments", []))),
                str(m.get("openings_total", "")),
                num(m.get("cost", 0)),
            ]
            if self.private:
                mine = my_value(view, p["id"])
                if mine:
                    row.append(Text(num(mine["value"], 0), "green" if mine["clears"] else "red"))
                else:
                    row.append("")
            table.add_row(*row, key=p["id"])
        if selected is not None:
            ids = [p["id"] for p in view.get("proposals", [])]
            if selected in ids:
                table.move_cursor(row=ids.index(selected))
        self._show_detail()

    def selected(self) -> str | None:
        table = self.query_one("#table-list", DataTable)
        if table.row_count == 0:
            return None
        value = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return str(value) if value else None

    def _show_detail(self) -> None:
        pid = self.selected()
        detail = self.query_one("#table-detail", Static)
        for p in self._view.get("proposals", []):
            if p["id"] == pid:
                detail.update(proposal_detail(self._view, p))
                return
        detail.update(t("table.empty"))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def clear(self) -> None:
        self._view = {}
        self.query_one("#table-list", DataTable).clear()
        self.query_one("#table-ballot", Static).update("")
        self.query_one("#table-detail", Static).update("")
