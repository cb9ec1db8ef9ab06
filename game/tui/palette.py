"""Command palette entries for an app's main actions.

An app lists them in ``palette_commands()`` as ``(title, help, callback)``;
:class:`ActionsProvider` offers them in the palette (``ctrl+p``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, Protocol

from textual.command import DiscoveryHit, Hit, Hits, Provider

PaletteEntry = tuple[str, str, Callable[[], Any]]


class HasPaletteCommands(Protocol):
    def palette_commands(self) -> Iterable[PaletteEntry]: ...


class ActionsProvider(Provider):
    def _entries(self) -> list[PaletteEntry]:
        app: Any = self.app
        getter = getattr(app, "palette_commands", None)
        return list(getter()) if getter else []

    async def discover(self) -> Hits:
        for title, help_text, callback in self._entries():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(callback), help=help_text)
