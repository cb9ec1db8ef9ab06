"""A bar of what a package is worth to me, with my reservation value marked."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from game.tui.i18n import num, t

LOW, HIGH = -20.0, 120.0


def value_bar(value: float | None, reservation: float | None, width: int) -> Text:
    """``███████░░░│░░ 62 / 45``: filled up to value, ``│`` at the reservation value."""
    if value is None or reservation is None:
        return Text(t("builder.pick_all"), "dim")
    label = f" {num(value, 0)} / {num(reservation, 0)}"
    bar_w = max(4, width - len(label) - 1)
    span = HIGH - LOW

    def pos(v: float) -> int:
        return max(0, min(bar_w - 1, round((v - LOW) / span * (bar_w - 1))))

    fill, mark = pos(value), pos(reservation)
    good = value >= reservation
    out = Text()
    for i in range(bar_w):
        if i == mark:
            out.append("┃", "bold white on grey30" if i > fill else "bold white on grey50")
        elif i <= fill:
            out.append("█", "green" if good else "red")
        else:
            out.append("░", "grey42")
    out.append(label, "bold green" if good else "bold red")
    return out


class ValueBar(Widget):
    """Value against reservation; says in words whether it clears it."""

    DEFAULT_CSS = "ValueBar { height: 2; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.value: float | None = None
        self.reservation: float | None = None

    def show(self, value: float | None, reservation: float | None) -> None:
        self.value, self.reservation = value, reservation
        self.refresh()

    def render(self) -> Text:
        out = value_bar(self.value, self.reservation, self.size.width or 40)
        if self.value is not None and self.reservation is not None:
            ok = self.value >= self.reservation
            out.append("\n")
            out.append(
                t("builder.clears") if ok else t("builder.below"),
                "green" if ok else "bold red",
            )
        return out
