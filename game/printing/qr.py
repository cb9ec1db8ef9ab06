"""QR codes as inline SVG, drawn from the ``qrcode`` package's module matrix."""

from __future__ import annotations

import qrcode  # type: ignore[import-untyped]
import qrcode.constants  # type: ignore[import-untyped]

from game.printing.html import esc


def qr_matrix(text: str, border: int = 2) -> list[list[bool]]:
    """The dark/light modules of a QR code for ``text``, quiet zone included."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=border)
    code.add_data(text)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def qr_svg(text: str, size_mm: float = 32.0) -> str:
    """An ``<svg>`` element showing a QR code of ``text``, ``size_mm`` wide.

    Dark modules are merged into horizontal runs: one path, crisp at any size.
    """
    matrix = qr_matrix(text)
    n = len(matrix)
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < n:
            if row[x]:
                start = x
                while x < n and row[x]:
                    x += 1
                runs.append(f"M{start} {y}h{x - start}v1h{start - x}z")
            else:
                x += 1
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 {n} {n}" '
        f'width="{size_mm}mm" height="{size_mm}mm" shape-rendering="crispEdges" role="img" '
        f'aria-label="{esc(text)}"><rect width="{n}" height="{n}" fill="#fff"/>'
        f'<path d="{"".join(runs)}" fill="#000"/></svg>'
    )
