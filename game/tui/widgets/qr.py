"""QR codes in the terminal, two modules per character with half blocks."""

from __future__ import annotations

import qrcode  # type: ignore[import-untyped]
from rich.text import Text
from textual.widget import Widget


def qr_text(data: str, border: int = 2) -> Text:
    """``data`` as a QR code of ``▀▄█`` characters, black on white (scannable on any theme)."""
    code = qrcode.QRCode(border=border, error_correction=qrcode.constants.ERROR_CORRECT_L)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    if len(matrix) % 2:
        matrix.append([False] * len(matrix[0]))
    out = Text()
    pairs = list(zip(matrix[0::2], matrix[1::2], strict=True))
    for n, (top, bottom) in enumerate(pairs):
        for a, b in zip(top, bottom, strict=True):
            out.append({(True, True): "█", (True, False): "▀", (False, True): "▄"}.get((a, b), " "))
        if n < len(pairs) - 1:
            out.append("\n")
    out.stylize("black on white")
    return out


class QRCode(Widget):
    DEFAULT_CSS = "QRCode { width: auto; height: auto; }"

    def __init__(self, data: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data = data

    def show(self, data: str) -> None:
        self.data = data
        self.refresh(layout=True)

    def render(self) -> Text:
        return qr_text(self.data) if self.data else Text("")
