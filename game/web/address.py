"""The address of ``web`` (terminal seats in a browser), and a QR code for a terminal."""

from __future__ import annotations

from game.net.address import lan_address
from game.printing.qr import qr_matrix


def web_address(host: str, port: int) -> str:
    """The browser address of ``web`` listening on ``host``:``port``.

    ``0.0.0.0`` (every interface) becomes this computer's LAN address, the one
    the participants' phones and laptops can reach.
    """
    return f"http://{lan_address(host)}:{port}/"


def terminal_qr(text: str) -> str:
    """A QR code of ``text`` drawn with half blocks: two modules per character row.

    Light modules are drawn in the foreground colour and dark ones as background:
    print it white on black (as ``web`` does) so every terminal shows it right.
    """
    matrix = qr_matrix(text, border=2)
    if len(matrix) % 2:
        matrix.append([False] * len(matrix[0]))
    glyph = {(False, False): "█", (True, False): "▄", (False, True): "▀", (True, True): " "}
    return "\n".join(
        "".join(glyph[(top, bottom)] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(matrix[::2], matrix[1::2], strict=True)
    )
