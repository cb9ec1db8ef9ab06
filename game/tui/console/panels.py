"""Panels of the facilitator console: seats, join codes with QR, tables side by side."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from game.tui.i18n import t
from game.tui.viewdata import View, role_names
from game.tui.widgets.qr import QRCode


def join_command(url: str, code: str = "CODE") -> str:
    return f"botsende-belangen join {url} --code {code}"


def screen_command(url: str, code: str = "CODE") -> str:
    return f"botsende-belangen screen {url} --code {code}"


class SeatsPanel(Vertical):
    """Every role of the shown table: who plays it and whether a seat is connected."""

    DEFAULT_CSS = """
    SeatsPanel { width: 36; border-right: solid $panel; }
    SeatsPanel #seats-title { text-style: bold; padding: 0 1; }
    SeatsPanel DataTable { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Static(t("console.seats"), id="seats-title")
        table: DataTable[Any] = DataTable(id="seats", cursor_type="row")
        yield table

    def on_mount(self) -> None:
        table = self.query_one("#seats", DataTable)
        table.add_column("", width=1)
        table.add_column(t("console.role"), width=16)
        table.add_column(t("console.seat"), width=9)

    def show(self, view: View, presence: Mapping[str, int]) -> None:
        table = self.query_one("#seats", DataTable)
        row = table.cursor_row
        table.clear()
        for r in view.get("roles", []):
            seat = r.get("seat", "human")
            online = presence.get(r["id"], 0) > 0
            if seat == "none":
                dot = Text("○", "dim")
            elif seat == "bot":
                dot = Text("◆", "cyan")
            else:
                dot = Text("●", "bold green" if online else "red")
            label = (r.get("short_name") or r["name"]) + (" ★" if r.get("veto") else "")
            kind = t(f"seat.{seat}") + (
                f" ×{presence[r['id']]}" if presence.get(r["id"], 0) > 1 else ""
            )
            if (view.get("seats") or {}).get(r["id"], {}).get("locked"):
                kind += " 🔒"
            table.add_row(
                dot, Text(label, "" if online or seat != "human" else "dim"), kind, key=r["id"]
            )
        if 0 <= row < table.row_count:
            table.move_cursor(row=row)

    def selected(self) -> str | None:
        table = self.query_one("#seats", DataTable)
        if table.row_count == 0:
            return None
        value = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return str(value) if value else None


class CodesPanel(VerticalScroll):
    """The join codes as a list, and the selected one as a QR code below it."""

    DEFAULT_CSS = """
    CodesPanel DataTable { height: auto; max-height: 16; }
    CodesPanel #codes-qr-label { margin: 1 0; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.doc: dict[str, Any] = {}
        self.private = True
        self.names: dict[str, str] = {}
        self.web: str | None = None

    def compose(self) -> ComposeResult:
        table: DataTable[Any] = DataTable(id="codes", cursor_type="row")
        yield table
        yield Static("", id="codes-qr-label")
        yield QRCode(id="codes-qr")

    def on_mount(self) -> None:
        self.query_one("#codes", DataTable).add_columns(
            t("console.table"), t("console.role"), t("console.code"), t("console.pin")
        )

    def show(
        self,
        doc: Mapping[str, Any],
        names: Mapping[str, str],
        private: bool,
        web: str | None = None,
    ) -> None:
        """The codes of ``doc``; ``web``, the browser seats' address, comes first (public)."""
        self.doc, self.names, self.private, self.web = dict(doc), dict(names), private, web
        table = self.query_one("#codes", DataTable)
        table.clear()
        hidden = t("console.hidden")
        if web:
            table.add_row("", t("console.browser"), "", "", key="web")  # its QR code below
        for tab in doc.get("tables", []):
            number = tab["table"]
            if tab.get("screen"):
                code = tab["screen"] if private else hidden
                table.add_row(
                    str(number), t("console.room_screen"), code, "", key=f"{number}:screen"
                )
            for role, code in tab.get("roles", {}).items():
                pin = tab.get("pins", {}).get(role, "")
                table.add_row(
                    str(number),
                    names.get(role, role),
                    code if private else hidden,
                    pin if private else hidden,
                    key=f"{number}:{role}",
                )
        self._show_qr()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_qr()

    def _show_qr(self) -> None:
        url = self.doc.get("url", "")
        qr = self.query_one("#codes-qr", QRCode)
        label = self.query_one("#codes-qr-label", Static)
        table = self.query_one("#codes", DataTable)
        key = None
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key == "web" and self.web:
            qr.show(self.web)
            label.update(Text(self.web))
            return
        if not self.private or key is None:
            qr.show(url)
            label.update(Text(url))
            return
        number, role = str(key).split(":", 1)
        for tab in self.doc.get("tables", []):
            if str(tab["table"]) == number:
                if role == "screen":
                    command = screen_command(url, tab["screen"])
                else:
                    command = join_command(url, tab["roles"][role])
                qr.show(command)
                label.update(Text(command))
                return

    def clear_private(self) -> None:
        self.show(self.doc, self.names, False, self.web)


OVERVIEW_COLUMNS = (
    "console.table",
    "console.agreement",
    "debrief.joint",
    "debrief.openings",
    "debrief.cost",
    "console.cleared",
)


def overview_rows(views: Mapping[int, View]) -> list[tuple[str, ...]]:
    """All tables side by side: agreement, joint points, openings, cost, roles that cleared."""
    rows: list[tuple[str, ...]] = []
    for number in sorted(views):
        view = views[number]
        outcome = (view.get("reveal") or {}).get("outcome") or view.get("outcome")
        if not outcome:
            rows.append((str(number), t("console.no_outcome"), "", "", "", ""))
            continue
        agreed = outcome.get("proposal") if outcome.get("agreement") else t("console.none")
        metrics = outcome.get("metrics", {})
        cleared = [v for v in outcome.get("cleared", {}).values() if v]
        rows.append(
            (
                str(number),
                str(agreed),
                f"{outcome.get('joint', 0):.0f}",
                str(metrics.get("openings_total", 0)),
                f"{metrics.get('cost', 0):.1f}",
                f"{len(cleared)}/{len(outcome.get('roles', []))}",
            )
        )
    return rows


def private_values(view: View, pid: str | None) -> Text:
    """Every role's value of proposal ``pid`` (console, private mode only)."""
    if not pid or not view.get("private") or not view.get("values"):
        return Text("")
    names = role_names(view)
    out = Text(t("console.values", proposal=pid) + "\n", "bold")
    for role, values in view["values"].items():
        for v in values:
            if v["proposal"] == pid:
                out.append(f"{names.get(role, role)[:18]:<18} ")
                out.append(f"{v['value']:>5.0f}\n", "green" if v["clears"] else "red")
    return out
