"""The :class:`~game.tui.link.Link` over the network: a reconnecting websocket client.

Everything the server sends is posted into the app as a Textual message; the
client (:mod:`game.net.client`) reconnects by itself and gets the views back.
"""

from __future__ import annotations

from typing import Any

from textual.message_pump import MessagePump

from game.net.client import ConnectionLost, GameClient, ServerError
from game.tui.link import FACILITATOR, ROOM, Ack
from game.tui.messages import (
    BlocksArrived,
    CodesArrived,
    LinkStatus,
    NoticeArrived,
    PresenceArrived,
    RoleLocked,
    ViewArrived,
)


class NetLink:
    """One app's connection to a game server."""

    def __init__(self, client: GameClient) -> None:
        self.client = client
        self.target: MessagePump | None = None
        #: The latest presence per table, kept for an app that attaches after it came.
        self.presence: dict[int, PresenceArrived] = {}
        #: The latest list of blocked addresses (facilitator connections only).
        self.blocks: list[dict[str, Any]] = []
        client.on_message = self._on_message

    @classmethod
    def for_seat(cls, url: str, codes: list[str], locked: bool = False) -> NetLink:
        return cls(GameClient(url, codes=codes, client="seat", locked=locked))

    @classmethod
    def for_screen(cls, url: str, code: str) -> NetLink:
        return cls(GameClient(url, codes=[code], client="screen"))

    @classmethod
    def for_console(cls, url: str, token: str, private: bool = True) -> NetLink:
        return cls(GameClient(url, facilitator=token, client="console", private=private))

    async def connect(self) -> dict[str, Any]:
        """Join; raises ``ServerError`` (bad code...) or ``OSError``/``TimeoutError``.

        The first connection fails fast; once joined, the client reconnects by itself.
        """
        self.client.reconnect = False
        welcome = await self.client.connect(timeout=self.client.open_timeout)
        self.client.reconnect = True
        return welcome

    @property
    def roles(self) -> tuple[str, ...]:
        welcome = self.client.welcome or {}
        if welcome.get("facilitator"):
            return (FACILITATOR,)
        seats = tuple(str(s["role"]) for s in welcome.get("seats", []))
        if welcome.get("screen"):
            seats += (ROOM,)
        return seats

    async def attach(self, target: MessagePump) -> None:
        self.target = target
        target.post_message(LinkStatus(self.client.connected.is_set()))
        welcome = self.client.welcome or {}
        if welcome.get("codes"):
            target.post_message(CodesArrived(welcome["codes"]))
        for (_table, who), view in list(self.client.views.items()):
            target.post_message(ViewArrived(who, view))
        for seen in list(self.presence.values()):
            target.post_message(PresenceArrived(seen.table, seen.roles, seen.screens))
        if self.blocks:
            target.post_message(BlocksArrived(list(self.blocks)))

    def _on_message(self, msg: dict[str, Any]) -> None:
        kind = msg.get("type")
        if kind == "presence":
            roles = {str(k): int(v) for k, v in (msg.get("roles") or {}).items()}
            arrived = PresenceArrived(int(msg["table"]), roles, msg.get("screens", 0))
            self.presence[arrived.table] = arrived
        elif kind == "blocks":
            self.blocks = [dict(b) for b in msg.get("blocks") or [] if isinstance(b, dict)]
        target = self.target
        if target is None:
            return
        if kind == "view":
            target.post_message(ViewArrived(str(msg["as"]), msg["view"]))
        elif kind == "notice":
            target.post_message(NoticeArrived(dict(msg.get("notice") or {})))
        elif kind == "presence":
            target.post_message(PresenceArrived(arrived.table, arrived.roles, arrived.screens))
        elif kind == "blocks":
            target.post_message(BlocksArrived(list(self.blocks)))
        elif kind == "welcome":
            if msg.get("codes"):
                target.post_message(CodesArrived(msg["codes"]))
        elif kind == "connection":
            target.post_message(LinkStatus(msg.get("state") == "restored"))

    async def _request(self, coro: Any) -> Ack:
        try:
            reply = await coro
        except ServerError as exc:
            return {"ok": False, "code": exc.code, "reason": exc.reason}
        except (ConnectionLost, TimeoutError, OSError) as exc:
            return {"ok": False, "code": "offline", "reason": str(exc)}
        return {"ok": True, **{k: v for k, v in reply.items() if k not in ("type", "id")}}

    async def send(
        self, as_actor: str, type: str, data: dict[str, Any], *, table: int | None = None
    ) -> Ack:
        return await self._request(self.client.move(type, data, as_=as_actor, table=table))

    async def preview(self, role: str, package: dict[str, str]) -> dict[str, Any]:
        return await self._request(
            self.client.request({"type": "preview", "as": role, "package": package})
        )

    async def plan(self, package: dict[str, str]) -> dict[str, Any]:
        return await self._request(self.client.plan(package=package))

    async def lock(self, role: str) -> None:
        if self.target is not None:
            self.target.post_message(RoleLocked(role))
        await self._request(self.client.lock(role))

    async def unlock(self, role: str, pin: str) -> bool:
        answer = await self._request(self.client.unlock(role, pin))
        return bool(answer.get("ok"))

    async def unblock(self, address: str) -> bool:
        """Facilitator: let ``address`` try codes at full speed again."""
        answer = await self._request(self.client.unblock(address))
        return bool(answer.get("ok"))

    async def set_private(self, private: bool) -> None:
        if self.client.private != private or self.client.connected.is_set():
            await self._request(self.client.set_private(private))

    async def close(self) -> None:
        self.target = None
        await self.client.close()
