"""Plain HTTP on the game server's port: the browser seat's files.

:func:`process_request` is handed to ``websockets``' ``serve()``: a request
that asks for a websocket upgrade (on any path) goes on to the game server as
before; any other GET gets a file of the browser seat (``/`` is the join
page), ``/i18n.json`` (the interface strings, made from
:mod:`game.tui.i18n` when asked, with the host's language as its
``Content-Language``: a seat starts in it) or 404. Only files that ship in ``static/``
can be served: their names are listed once, a path is looked up in that list.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from http import HTTPStatus
from pathlib import Path

from websockets.asyncio.server import ServerConnection
from websockets.datastructures import Headers
from websockets.http11 import Request, Response

STATIC = Path(__file__).with_name("static")
CATALOG_PATH = "/i18n.json"

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".json": "application/json; charset=utf-8",
    ".png": "image/png",
    ".txt": "text/plain; charset=utf-8",
}


@dataclass(frozen=True)
class Asset:
    body: bytes
    content_type: str
    etag: str


def _asset(body: bytes, content_type: str) -> Asset:
    return Asset(body, content_type, '"' + hashlib.sha256(body).hexdigest()[:20] + '"')


@cache
def static_files() -> dict[str, Path]:
    """URL path → file, for every servable file under ``static/``."""
    found: dict[str, Path] = {}
    for path in sorted(STATIC.rglob("*")):
        if path.is_file() and path.suffix in TYPES:
            found["/" + path.relative_to(STATIC).as_posix()] = path
    found["/"] = STATIC / "index.html"
    return found


@cache
def _file(url_path: str) -> Asset:
    path = static_files()[url_path]
    return _asset(path.read_bytes(), TYPES[path.suffix])


def catalog_json() -> bytes:
    """Every interface string in both languages, as the browser seat loads it."""
    from game.tui.i18n import CATALOGS

    return json.dumps(
        {lang: dict(strings) for lang, strings in CATALOGS.items()},
        ensure_ascii=False,
        sort_keys=True,
    ).encode("utf-8")


@cache
def _catalog() -> Asset:
    return _asset(catalog_json(), TYPES[".json"])


def _security_headers(host: str) -> list[tuple[str, str]]:
    sockets = f" ws://{host} wss://{host}" if host else ""
    return [
        (
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            f"connect-src 'self'{sockets}; object-src 'none'; base-uri 'none'; "
            "frame-ancestors 'none'; form-action 'none'",
        ),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Cache-Control", "no-cache"),
    ]


def _response(status: HTTPStatus, headers: list[tuple[str, str]], body: bytes) -> Response:
    all_headers = Headers(headers)
    all_headers["Content-Length"] = str(len(body))
    all_headers["Connection"] = "close"
    return Response(status.value, status.phrase, all_headers, body)


def wants_websocket(request: Request) -> bool:
    return "websocket" in request.headers.get("Upgrade", "").lower()


def http_response(request: Request) -> Response | None:
    """The answer to a plain GET, or None for a websocket upgrade."""
    if wants_websocket(request):
        return None
    # "//" and "/x//y" are the pages without the doubled slashes (a link glued
    # together from an address that ends in "/"): the lookup is in the list still
    path = _SLASHES.sub("/", request.path.split("?", 1)[0].split("#", 1)[0])
    host = request.headers.get("Host", "")
    if path == CATALOG_PATH:
        asset = _catalog()
    elif path in static_files():
        asset = _file(path)
    else:
        text = _not_found(host)
        return _response(
            HTTPStatus.NOT_FOUND, [("Content-Type", TYPES[".txt"]), *_security_headers(host)], text
        )
    headers = [("Content-Type", asset.content_type), ("ETag", asset.etag)]
    if path == CATALOG_PATH:
        headers.append(("Content-Language", _language()))  # the seat's default: the host's
    headers += _security_headers(host)
    if request.headers.get("If-None-Match") == asset.etag:
        return _response(HTTPStatus.NOT_MODIFIED, headers, b"")
    return _response(HTTPStatus.OK, headers, asset.body)


_SLASHES = re.compile("/{2,}")


def _language() -> str:
    """The host's interface language (``--lang``): a browser seat starts in it."""
    from game.tui.i18n import language

    return language()


def _not_found(host: str) -> bytes:
    """What a person reads on a wrong address, in the host's interface language."""
    from game.tui.i18n import t

    address = f"http://{host}/" if _HOST.fullmatch(host) else "/"
    return (t("web.not_found", address=address) + "\n").encode("utf-8")


#: A Host header fit to be repeated in the page (name or address, and a port).
_HOST = re.compile(r"[A-Za-z0-9.\-\[\]:]{1,100}")


def process_request(connection: ServerConnection, request: Request) -> Response | None:
    """The ``process_request`` hook of the game server's ``serve()``."""
    return http_response(request)
