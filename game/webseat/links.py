"""The addresses that open the browser seat: one per role (the QR codes) and the room screen.

One implementation for the console, the printed cards and the server:
:mod:`game.net.address` (which also reads such links back for ``join`` and
``screen``).
"""

from __future__ import annotations

from game.net.address import role_link, screen_link


def seat_link(http_base: str, code: str) -> str:
    """The link that opens a role's seat already joined: ``http://HOST:PORT/#code=CODE``.

    ``http_base`` is the game server's address (``http://`` or ``ws://``).
    """
    return role_link(http_base, code)


def room_link(http_base: str, screen_code: str) -> str:
    """The link that opens the web room screen of a table."""
    return screen_link(http_base, screen_code)
