"""Panels of the facilitator console: seats, join codes with QR, tables side by side."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from game.net.address import role_link, screen_link, short_address
from game.numfmt import fixed
from game.numfmt import number as fmt_number
from game.tui.console.status import vote_marks
from game.tui.i18n import language, t
from game.tui.viewdata import View, role_names
from game.tui.widgets.big_text import BigText
from game.tui.widgets.qr import QRCode


def join_command(address: str, code: str = "CODE") -> str:
    return f"botsende-belangen join {address} --code {code}"


def screen_command(address: str, code: str = "CODE") -> str:
    return f"botsende-belangen screen {address} --code {code}"


def seat_word(seat: str, connections: int) -> str:
    """``speler``, ``bot``, ``niemand``, or ``leeg``: a person's role nobody is connected to."""
    if seat == "human" and connections == 0:
        return t("console.seat_empty")
    word = t(f"seat.{seat}")
    return word + (f" ×{connections}" if connections > 1 else "")


class SeatsPanel(Vertical):
    """Every role of the shown table: who plays it, whether connected, and its vote."""

    DEFAULT_CSS = """
    SeatsPanel { width: 37; border-right: solid $panel; }
    SeatsPanel #seats-title { text-style: bold; padding: 0 1; }
    SeatsPanel DataTable { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Static(t("console.seats") + "  " + t("console.seats_keys"), id="seats-title")
        table: DataTable[Any] = DataTable(id="seats", cursor_type="row")
        yield table

    def on_mount(self) -> None:
        table = self.query_one("#seats", DataTable)
        table.add_column("", width=1)
        table.add_column(t("console.role"), width=15)
        table.add_column(t("console.seat"), width=7)
        table.add_column(t("console.vote"), width=5)

    def show(self, view: View, presence: Mapping[str, int]) -> None:
        table = self.query_one("#seats", DataTable)
        row = table.cursor_row
        table.clear()
        marks = vote_marks(view)
        for r in view.get("roles", []):
            seat = r.get("seat", "human")
            online = presence.get(r["id"], 0)
            if seat == "none":
                dot = Text("○", "dim")
            elif seat == "bot":
                dot = Text("◆", "cyan")
            else:
                dot = Text("●", "bold green") if online else Text("○", "red")
            label = (r.get("short_name") or r["name"]) + (" ★" if r.get("veto") else "")
            kind = seat_word(seat, online)
            if (view.get("seats") or {}).get(r["id"], {}).get("locked"):
                kind += " 🔒"
            mark = marks.get(r["id"], "")
            style = "green" if mark not in ("…", "–", "") else ("yellow" if mark == "…" else "")
            table.add_row(
                dot,
                Text(label, "" if online or seat != "human" else "dim"),
                Text(kind, "red" if seat == "human" and not online else ""),
                Text(mark, style),
                key=r["id"],
            )
        if 0 <= row < table.row_count:
            table.move_cursor(row=row)

    def selected(self) -> str | None:
        table = self.query_one("#seats", DataTable)
        if table.row_count == 0:
            return None
        value = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return str(value) if value else None


class CodesPanel(Horizontal):
    """The join codes as a list; the chosen one big, with its QR code (the role's link).

    PINs are never listed (``p`` shows the chosen role's PIN in a dialog, in
    private mode only); with projector-safe on, the role codes are hidden too:
    only the room screen's code, which opens nothing private, stays.
    """

    DEFAULT_CSS = """
    CodesPanel { height: 1fr; }
    CodesPanel #codes-list { width: auto; max-width: 42; height: 1fr; }
    CodesPanel #codes-card { width: 1fr; height: 1fr; padding: 0 1; }
    CodesPanel #codes-role { text-style: bold; }
    CodesPanel #codes-big { margin: 1 0; }
    CodesPanel #codes-link { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.doc: dict[str, Any] = {}
        self.private = True
        self.names: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        table: DataTable[Any] = DataTable(id="codes-list", cursor_type="row")
        yield table
        with VerticalScroll(id="codes-card"):
            yield Static("", id="codes-role")
            yield BigText(id="codes-big")
            yield Static("", id="codes-link")
            yield QRCode(id="codes-qr")

    def show(self, doc: Mapping[str, Any], names: Mapping[str, str], private: bool) -> None:
        """The codes of ``doc``: the room screen's first, then every role's."""
        self.doc, self.names, self.private = dict(doc), dict(names), private
        table = self.query_one("#codes-list", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        many = len(doc.get("tables", [])) > 1
        table.add_columns(
            *([t("console.table")] if many else []), t("console.role"), t("console.code")
        )
        hidden = t("console.hidden")
        for tab in doc.get("tables", []):
            number = tab["table"]
            first = [str(number)] if many else []
            if tab.get("screen"):
                table.add_row(
                    *first, t("console.room_screen"), tab["screen"], key=f"{number}:screen"
                )
            for role, code in tab.get("roles", {}).items():
                table.add_row(
                    *first,
                    names.get(role, role)[:16],
                    code if private else hidden,
                    key=f"{number}:{role}",
                )
        if 0 <= row < table.row_count:
            table.move_cursor(row=row)
        self._show_card()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_card()

    def chosen(self) -> tuple[str, str] | None:
        """(table number, role id or ``screen``) of the highlighted row."""
        table = self.query_one("#codes-list", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        number, role = str(key).split(":", 1)
        return number, role

    def pin(self) -> tuple[str, str] | None:
        """(role name, PIN) of the highlighted role, in private mode only."""
        chosen = self.chosen()
        if chosen is None or not self.private or chosen[1] == "screen":
            return None
        for tab in self.doc.get("tables", []):
            if str(tab["table"]) == chosen[0]:
                pin = tab.get("pins", {}).get(chosen[1], "")
                return (self.names.get(chosen[1], chosen[1]), pin) if pin else None
        return None

    def _show_card(self) -> None:
        url = self.doc.get("url", "")
        role_line = self.query_one("#codes-role", Static)
        big = self.query_one("#codes-big", BigText)
        link_line = self.query_one("#codes-link", Static)
        qr = self.query_one("#codes-qr", QRCode)
        chosen = self.chosen()
        code = ""
        if chosen is not None:
            number, role = chosen
            for tab in self.doc.get("tables", []):
                if str(tab["table"]) == number:
                    code = tab["screen"] if role == "screen" else tab["roles"].get(role, "")
            name = t("console.room_screen") if role == "screen" else self.names.get(role, role)
            if role != "screen" and not self.private:
                code = ""
                role_line.update(
                    Text.assemble((name, "bold"), "\n", (t("console.codes_hidden"), "dim"))
                )
            else:
                role_line.update(Text(name, "bold"))
        if not code or not url:
            big.show(code)
            link_line.update(Text(join_command(short_address(url)) if url else ""))
            qr.show("")
            return
        where = short_address(url)
        big.show(code)
        if chosen is not None and chosen[1] == "screen":
            link = screen_link(url, code)
            command = screen_command(where, code)
        else:
            link = role_link(url, code)
            command = join_command(where, code)
        link_line.update(Text.assemble(command, "\n", link))
        qr.show(link)

    def clear_private(self) -> None:
        self.show(self.doc, self.names, False)


OVERVIEW_COLUMNS = (
    "console.table",
    "console.agreement",
    "console.col.joint",
    "console.col.openings",
    "console.col.cost",
    "console.cleared",
)
"""Two-line headers: the six columns fit the Nabespreking tab at 120 columns."""


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
                fmt_number(outcome.get("joint", 0), language(), 0),
                str(metrics.get("openings_total", 0)),
                fixed(metrics.get("cost", 0), language(), 1),
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
                value = fmt_number(v["value"], language(), 0)
                out.append(f"{value:>5}\n", "green" if v["clears"] else "red")
    return out
