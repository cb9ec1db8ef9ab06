"""Dialogs that open by themselves when the game asks something of a role.

An event card that was just played, and the question to sign after an
agreement. (The vote, :class:`game.tui.screens.dialogs.VoteScreen`, opens the
same way.) Each says which role it is about, so a shared terminal is never in
doubt, and wraps every line instead of cutting it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from game.tui.i18n import t
from game.tui.screens.dialogs import DIALOG_CSS


class EventScreen(ModalScreen[None]):
    """The full text of an event card and what it changes for this role."""

    DEFAULT_CSS = (
        DIALOG_CSS.format(name="EventScreen").replace("Vertical", "VerticalScroll")
        + "EventScreen #event-you { margin: 1 0 0 0; }"
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,space", "close", t("dialog.ok")),
    ]

    def __init__(self, role: str, title: str, text: str, changes: list[str]) -> None:
        super().__init__()
        self.role, self.title_text, self.text, self.changes = role, title, text, changes

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(t("event.title", title=self.title_text), classes="dialog-title")
            yield Static(self.text, id="event-text")
            yield Static(t("event.for_you", role=self.role), classes="dialog-title", id="event-you")
            yield Static("\n".join(self.changes) or t("event.no_change"), id="event-changes")
            yield Static(t("event.findable"), classes="muted")
            with Horizontal():
                yield Button(t("dialog.ok"), variant="primary", id="ok")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


class SignScreen(ModalScreen[bool | None]):
    """After an agreement: sign it for this role, or not (yet)."""

    DEFAULT_CSS = (
        DIALOG_CSS.format(name="SignScreen")
        + "SignScreen #sign-worth { margin-top: 1; } SignScreen #sign-q { margin: 1 0 0 0; }"
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", t("sign.later")),
    ]

    def __init__(self, role: str, proposal: str, summary: str, worth: str) -> None:
        super().__init__()
        self.role, self.proposal, self.summary, self.worth = role, proposal, summary, worth

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("sign.title", proposal=self.proposal), classes="dialog-title")
            yield Static(self.summary)
            if self.worth:
                yield Static(self.worth, id="sign-worth")
            yield Static(t("sign.question", role=self.role), classes="dialog-title", id="sign-q")
            with Horizontal():
                yield Button(t("sign.yes"), variant="success", id="sign")
                yield Button(t("sign.later"), id="later")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "sign")

    def action_cancel(self) -> None:
        self.dismiss(None)
