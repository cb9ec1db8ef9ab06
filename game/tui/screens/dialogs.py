"""Small modal dialogs: PIN entry, a text prompt, the vote and a choice list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from game.tui.i18n import t

DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 64; max-width: 100%; height: auto; max-height: 100%;
    border: thick $accent; background: $surface; padding: 1 2;
}}
{name} .dialog-title {{ text-style: bold; margin-bottom: 1; width: 100%; }}
{name} #vote-role {{ text-style: bold; color: $warning; margin-bottom: 1; }}
{name} #vote-worth {{ margin-top: 1; text-style: bold; }}
{name} Horizontal {{ height: auto; margin-top: 1; }}
{name} Button {{ margin-right: 1; min-width: 10; }}
{name} OptionList {{ max-height: 14; }}
"""


class PinScreen(ModalScreen[str | None]):
    """Ask the PIN that opens a role's private screen."""

    DEFAULT_CSS = DIALOG_CSS.format(name="PinScreen")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", t("key.cancel"))]

    def __init__(self, role_label: str, error: str = "") -> None:
        super().__init__()
        self.role_label, self.error = role_label, error

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("pin.title", role=self.role_label), classes="dialog-title")
            if self.error:
                yield Static(self.error, classes="error")
            yield Input(placeholder=t("pin.placeholder"), password=True, id="pin")
            with Horizontal():
                yield Button(t("pin.open"), variant="primary", id="ok")
                yield Button(t("key.cancel"), id="cancel")

    def on_input_submitted(self) -> None:
        self.dismiss(self.query_one("#pin", Input).value.strip())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.dismiss(self.query_one("#pin", Input).value.strip())
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class TextPrompt(ModalScreen[str | None]):
    """Ask one line of text (a reason, a comment, an announcement)."""

    DEFAULT_CSS = DIALOG_CSS.format(name="TextPrompt")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", t("key.cancel"))]

    def __init__(self, title: str, placeholder: str = "", allow_empty: bool = False) -> None:
        super().__init__()
        self.title_text, self.placeholder, self.allow_empty = title, placeholder, allow_empty

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="dialog-title")
            yield Input(placeholder=self.placeholder, id="text", max_length=500)
            with Horizontal():
                yield Button(t("dialog.ok"), variant="primary", id="ok")
                yield Button(t("key.cancel"), id="cancel")

    def _submit(self) -> None:
        value = self.query_one("#text", Input).value.strip()
        if value or self.allow_empty:
            self.dismiss(value)

    def on_input_submitted(self) -> None:
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class VoteScreen(ModalScreen[str | None]):
    """Yes, no or abstain on a proposal; states the quorum and the veto rule."""

    DEFAULT_CSS = DIALOG_CSS.format(name="VoteScreen")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", t("key.cancel")),
        Binding("j,y", "vote('yes')", t("vote.yes")),
        Binding("n", "vote('no')", t("vote.no")),
        Binding("o,a", "vote('abstain')", t("vote.abstain")),
    ]

    def __init__(
        self, proposal: str, summary: str, rule: str, my_value: str = "", role: str = ""
    ) -> None:
        super().__init__()
        self.proposal, self.summary, self.rule, self.my_value = proposal, summary, rule, my_value
        self.role = role

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("vote.title", proposal=self.proposal), classes="dialog-title")
            if self.role:
                yield Static(t("vote.as_role", role=self.role), id="vote-role")
            yield Static(self.summary)
            if self.my_value:
                yield Static(self.my_value, id="vote-worth")
            yield Static(self.rule, classes="muted")
            yield Static(t("vote.keys"), classes="muted")
            with Horizontal():
                yield Button(t("vote.yes"), variant="success", id="yes")
                yield Button(t("vote.no"), variant="error", id="no")
                yield Button(t("vote.abstain"), id="abstain")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_vote(self, choice: str) -> None:
        self.dismiss(choice)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceScreen(ModalScreen[str | None]):
    """Pick one of a list (a role to switch to, an event card, a recipient)."""

    DEFAULT_CSS = DIALOG_CSS.format(name="ChoiceScreen")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", t("key.cancel"))]

    def __init__(self, title: str, choices: Sequence[tuple[str, str]], note: str = "") -> None:
        super().__init__()
        self.title_text, self.choices, self.note = title, list(choices), note

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="dialog-title")
            yield OptionList(*[Option(label, id=key) for key, label in self.choices])
            if self.note:
                yield Static(self.note, classes="muted")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
