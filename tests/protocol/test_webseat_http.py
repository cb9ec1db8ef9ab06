"""The game server's port serves the browser seat over plain HTTP, websockets on any path."""

from __future__ import annotations

import asyncio
import json
import re
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from websockets.asyncio.client import connect

from game.tui.i18n import CATALOGS
from game.webseat import room_link, seat_link
from tests.protocol.conftest import Running


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


async def get(running: Running, path: str, **kw: Any) -> tuple[int, dict[str, str], bytes]:
    base = running.url.replace("ws://", "http://")
    return await asyncio.to_thread(_get, base + path, **kw)


async def test_the_join_page_and_its_files_come_from_the_game_port(mini_host: Running) -> None:
    status, headers, body = await get(mini_host, "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b'<script type="module" src="app.js">' in body
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    for path, kind in (("/app.js", "text/javascript"), ("/style.css", "text/css")):
        status, headers, body = await get(mini_host, path)
        assert status == 200 and headers["Content-Type"].startswith(kind) and body
    status, headers, _ = await get(mini_host, "/app.js")
    again, _, body = await get(mini_host, "/app.js", headers={"If-None-Match": headers["ETag"]})
    assert again == 304 and body == b""


async def test_the_catalog_is_the_terminals_in_both_languages(mini_host: Running) -> None:
    status, headers, body = await get(mini_host, "/i18n.json")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    catalog = json.loads(body)
    assert catalog["nl"] == dict(CATALOGS["nl"]) and catalog["en"] == dict(CATALOGS["en"])
    assert catalog["nl"]["web.join"] == "Meedoen"


async def test_nothing_but_the_static_files_is_served(mini_host: Running) -> None:
    for path in (
        "/nothing",
        "/../server/server.py",
        "/%2e%2e/http.py",
        "/http.py",
        "/static/app.js",
    ):
        status, _, body = await get(mini_host, path)
        assert status == 404, path
        assert b"import" not in body


async def test_a_wrong_address_says_in_dutch_where_to_go(mini_host: Running) -> None:
    """Before, a participant read "Not found. Open / for the browser seat." in English."""
    status, headers, body = await get(mini_host, "/meedoen")
    text = body.decode("utf-8")
    assert status == 404 and headers["Content-Type"].startswith("text/plain")
    host = mini_host.url.replace("ws://", "").rstrip("/")
    assert text.startswith("Deze pagina is er niet. Open http://" + host + "/ ")
    assert "Not found" not in text


async def test_doubled_slashes_reach_the_page(mini_host: Running) -> None:
    """A link glued from an address ending in "/" (http://host:port//#code=...)."""
    for path in ("//", "///app.js"):
        status, _, body = await get(mini_host, path)
        assert status == 200 and body, path
    status, _, _ = await get(mini_host, "//../server/server.py")
    assert status == 404


async def test_websockets_still_join_on_any_path(mini_host: Running) -> None:
    for path in ("/ws", "/", "/anything"):
        async with connect(mini_host.url + path) as ws:
            await ws.send(
                json.dumps({"type": "hello", "protocol": 1, "codes": [mini_host.screen_code()]})
            )
            welcome = json.loads(await asyncio.wait_for(ws.recv(), 5))
            assert welcome["type"] == "welcome" and welcome["screen"] is True


def test_links_open_a_roles_seat_or_the_room_screen() -> None:
    assert (
        seat_link("ws://192.168.1.10:8765", "BR7-K4Q") == "http://192.168.1.10:8765/#code=BR7-K4Q"
    )
    assert (
        room_link("http://192.168.1.10:8765/", "M9Q-2ZX")
        == "http://192.168.1.10:8765/#screen=M9Q-2ZX"
    )


def test_every_string_the_pages_use_is_in_both_catalogs() -> None:
    static = Path(__file__).resolve().parents[2] / "game" / "webseat" / "static"
    used: set[str] = set()
    for module in static.glob("*.js"):
        used |= set(re.findall(r'\bt\("([a-z_.]+)"', module.read_text(encoding="utf-8")))
    assert len(used) > 100
    for lang in ("nl", "en"):
        missing = sorted(k for k in used if k not in CATALOGS[lang])
        assert not missing, f"{lang}: {missing}"
        hints = sorted(k for k in used if "⟨" in CATALOGS[lang][k])
        assert not hints, f"terminal key hints on a web page: {hints}"
