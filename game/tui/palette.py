"""Command palette entries for an app's main actions.

An app lists them in ``palette_commands()`` as ``(title, help, callback)``;
:class:`ActionsProvider` offers them in the palette (``ctrl+p``).

Textual's own palette speaks English (its key is called ``palette``, its
search box says ``Search for commands…`` and its system commands are
``Keys``, ``Quit``, ``Screenshot`` and ``Theme``). An app that wants one
language only lists ``{ActionsProvider}`` in ``COMMANDS``, puts
:func:`palette_binding` in its ``BINDINGS`` and opens the palette with
:func:`open_palette`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, Protocol

from textual.app import App
from textual.binding import Binding
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider

PaletteEntry = tuple[str, str, Callable[[], Any]]
#: The type of an app's ``COMMANDS``.
Providers = set[type[Provider] | Callable[[], type[Provider]]]


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


def palette_binding(description: str, key: str = "ctrl+p", show: bool = False) -> Binding:
    """The palette's key, named in the interface language (Textual names it ``palette``).

    ``show`` lists it among the app's other keys in a footer that does not show
    the palette's key on its own (``Footer(show_command_palette=False)``).
    """
    return Binding(
        key, "command_palette", description, show=show, priority=True, tooltip=description
    )


def open_palette(app: App[Any], placeholder: str) -> None:
    """Open the palette with ``placeholder`` in its search box, as Textual would open it."""
    if app.use_command_palette and not CommandPalette.is_open(app):
        app.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))
