"""The browser seat: a web client for participants and the room screen.

The game server serves it itself, on its own port (see :mod:`game.webseat.http`):
``http://HOST:PORT/`` is the join page, ``#code=CODE`` opens a role's seat
already joined and ``#screen=CODE`` the room screen. The pages are static
files (``static/``, plain ES modules, no build step) that speak the protocol
of ``docs/protocol.md`` over a websocket to the same address.
"""

from game.webseat.links import room_link, seat_link

__all__ = ["room_link", "seat_link"]
