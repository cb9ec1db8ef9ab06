"""The small interface every app talks to: send moves, ask previews, receive views.

Two implementations: :class:`game.tui.local_link.LocalLink` (an in-process
game, for tests and offline demos) and :class:`game.tui.net_link.NetLink`
(over the websocket client). A link posts :mod:`game.tui.messages` into the
app it is attached to.
"""

from __future__ import annotations

from typing import Any, Protocol

from textual.app import App
from textual.message_pump import MessagePump

from game.tui.i18n import error_text

#: What ``send`` answers: ``{"ok": True}`` or ``{"ok": False, "code": ..., "reason": ...}``.
Ack = dict[str, Any]

#: The pseudo-roles of the non-participant screens.
FACILITATOR = "facilitator"
ROOM = "room"


class Link(Protocol):
    """What an app needs from the game, wherever it runs."""

    @property
    def roles(self) -> tuple[str, ...]:
        """The roles (or ``facilitator`` / ``room``) this link receives views for."""
        ...

    async def attach(self, target: MessagePump) -> None:
        """Start delivering views and notices to ``target`` (the app)."""
        ...

    async def send(
        self, as_actor: str, type: str, data: dict[str, Any], *, table: int | None = None
    ) -> Ack:
        """Submit a move for ``as_actor`` (at ``table``: the console of several tables)."""
        ...

    async def preview(self, role: str, package: dict[str, str]) -> dict[str, Any]:
        """What ``package`` is worth to ``role`` and what it does (public metrics):
        ``{"ok": True, "preview": {...}}`` (see :func:`game.engine.preview.preview`)
        or ``{"ok": False, "code": ..., "reason": ...}``."""
        ...

    async def plan(self, package: dict[str, str]) -> dict[str, Any]:
        """The plan detail of ``package`` (its job list for the plan tab):
        ``{"ok": True, "plan": {...}}`` (see :func:`game.engine.view_parts.plan_view`)
        or ``{"ok": False, "code": ..., "reason": ...}``."""
        ...

    async def lock(self, role: str) -> None:
        """Stop receiving ``role``'s private view (a shared terminal)."""
        ...

    async def unlock(self, role: str, pin: str) -> bool:
        """Resume ``role``'s private view when ``pin`` is right."""
        ...

    async def set_private(self, private: bool) -> None:
        """Facilitator only: receive the projector-safe view when ``private`` is false."""
        ...

    async def close(self) -> None: ...


async def send_move(
    app: App[Any],
    link: Link,
    actor: str,
    move: str,
    data: dict[str, Any],
    *,
    table: int | None = None,
    done: str = "",
) -> bool:
    """Send ``move`` for ``actor``; flash ``done`` when accepted, the refusal when not."""
    answer = await link.send(actor, move, data, table=table)
    if answer.get("ok"):
        if done:
            app.notify(done, timeout=3)
        return True
    app.notify(error_text(answer.get("code", ""), answer.get("reason", "")), severity="error")
    return False
