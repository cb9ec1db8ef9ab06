"""The one address of a game: what the console shows, what ``join``, ``screen`` and a browser take.

The game server answers plain HTTP (the browser client) and the websocket on
the same port, so a facilitator shows one address, ``http://HOST:PORT/``, and
a participant may type it in any form::

    >>> parse_address("192.168.1.20:8765").url
    'ws://192.168.1.20:8765/'
    >>> parse_address("http://192.168.1.20:8765/#code=BR7-K4Q").code
    'BR7-K4Q'
    >>> parse_address("https://spel.example.org/").url
    'wss://spel.example.org/'

A role's link (its QR code) is the address with ``#code=CODE``; the room
screen's is ``#screen=CODE``. Nothing here prints or translates: a wrong
address raises :class:`AddressError` with a stable ``code`` that the command
turns into a sentence.
"""

from __future__ import annotations

import contextlib
import socket
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

DEFAULT_PORT = 8765
#: Scheme typed → the websocket scheme it means.
SCHEMES = {"ws": "ws", "http": "ws", "wss": "wss", "https": "wss"}
#: Whatever binds to every interface.
EVERY_INTERFACE = ("0.0.0.0", "::", "")


class AddressError(ValueError):
    """No game address: ``code`` says why (``empty``, ``scheme``, ``port``, ``host``)."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(f"{code}: {text!r}")
        self.code = code
        self.text = text


@dataclass(frozen=True)
class Target:
    """Where to connect (``url``, a websocket URL) and the codes a pasted link carried."""

    url: str
    code: str | None = None
    screen: str | None = None


def parse_address(text: str) -> Target:
    """The websocket URL behind any form of a game address, and a code in its fragment.

    Accepts ``HOST``, ``HOST:PORT``, ``http(s)://…``, ``ws(s)://…``, with or
    without a path, a query or a ``#code=``/``#screen=`` fragment. Without a
    port: 8765 (443 for https/wss). Raises :class:`AddressError`.
    """
    raw = text.strip()
    if not raw:
        raise AddressError("empty", text)
    if "://" not in raw:
        raw = "ws://" + raw
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        raise AddressError("port", text) from None
    scheme = SCHEMES.get(parts.scheme.lower())
    if scheme is None:
        raise AddressError("scheme", text)
    host = parts.hostname
    if not host or any(c in host for c in " /\\"):
        raise AddressError("host", text)
    if port is None and scheme == "ws":
        port = DEFAULT_PORT
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    fragment = parse_qs(parts.fragment)
    code = next(iter(fragment.get("code", [])), None)
    screen = next(iter(fragment.get("screen", [])), None)
    return Target(url=f"{scheme}://{netloc}/", code=code, screen=screen)


def browser_address(url: str) -> str:
    """``ws://h:p`` (or any form) → ``http://h:p/``: the address a facilitator shows."""
    target = parse_address(url)
    scheme, rest = target.url.split("://", 1)
    return ("https" if scheme == "wss" else "http") + "://" + rest


def role_link(url: str, code: str) -> str:
    """The link (QR code) that opens a role's seat already joined: ``http://h:p/#code=CODE``."""
    return f"{browser_address(url)}#code={quote(code)}"


def screen_link(url: str, code: str) -> str:
    """The link that opens a table's room screen: ``http://h:p/#screen=CODE``."""
    return f"{browser_address(url)}#screen={quote(code)}"


def short_address(url: str) -> str:
    """``http://192.168.1.20:8765/`` → ``192.168.1.20:8765``: what the big digits show."""
    return browser_address(url).split("://", 1)[1].rstrip("/")


def lan_address(bind: str) -> str:
    """The address participants use: the LAN address when bound to every interface."""
    if bind not in EVERY_INTERFACE:
        return bind
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("10.255.255.255", 1))  # no packet is sent
        return str(probe.getsockname()[0])
    return "127.0.0.1"


def local_url(bind: str, port: int) -> str:
    """The game's websocket address from this computer (for the console and the bots)."""
    host = "127.0.0.1" if bind in EVERY_INTERFACE else bind
    return f"ws://{host}:{port}"


def public_address(bind: str, port: int) -> str:
    """The one address to show: ``http://LAN-ADDRESS:PORT/``."""
    return f"http://{lan_address(bind)}:{port}/"
