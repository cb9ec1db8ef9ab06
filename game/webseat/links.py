"""The addresses that open the browser seat: one per role (the QR codes) and the room screen."""

from __future__ import annotations

from urllib.parse import quote


def _base(http_base: str) -> str:
    base = http_base.rstrip("/")
    if base.startswith("ws://"):
        base = "http://" + base[5:]
    elif base.startswith("wss://"):
        base = "https://" + base[6:]
    return base + "/"


def seat_link(http_base: str, code: str) -> str:
    """The link that opens a role's seat already joined: ``http://HOST:PORT/#code=CODE``.

    ``http_base`` is the game server's address (``http://`` or ``ws://``).
    """
    return f"{_base(http_base)}#code={quote(code)}"


def room_link(http_base: str, screen_code: str) -> str:
    """The link that opens the web room screen of a table."""
    return f"{_base(http_base)}#screen={quote(screen_code)}"
