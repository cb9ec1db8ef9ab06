"""Public chat and private messages: a log, a recipient and a line to type."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, RichLog, Select

from game.tui.i18n import t

PUBLIC = "__public__"


def message_line(msg: Mapping[str, Any], me: str, names: Mapping[str, str]) -> Text:
    sender = str(msg.get("sender", "?"))
    to = msg.get("to")
    line = Text()
    who = names.get(sender, sender)
    if sender == "facilitator":
        line.append(f"{t('chat.facilitator')}: ", "bold magenta")
    else:
        line.append(f"{who}", "bold cyan" if sender != me else "bold green")
        if to:
            line.append(f" → {names.get(str(to), str(to))}", "yellow")
            line.append(f" ({t('chat.private')})", "dim yellow")
        line.append(": ")
    line.append(str(msg.get("text", "")))
    return line


class ChatLog(RichLog):
    """A RichLog that never keeps its lines back once it has a width.

    RichLog holds every write until its first Resize with a width. Mounted in a
    tab that is still hidden, on a busy machine that Resize can be missed, and
    the log then stays empty on screen. Each time the log is laid out with a
    width, the held writes are let through.

    RichLog also lays every line out at least ``min_width`` (78) columns wide;
    in an 80-column terminal its box is narrower, and the end of each wrapped
    line (a word of the message) was cut off. This log wraps to its own width.
    """

    def __init__(self, *, wrap: bool = True, markup: bool = False, id: str | None = None) -> None:
        super().__init__(wrap=wrap, markup=markup, min_width=1, id=id)

    def _flush_held(self) -> None:
        if not self._size_known and self.size.width:
            self.on_resize(events.Resize(self.size, self.virtual_size))

    def on_show(self) -> None:
        self.call_after_refresh(self._flush_held)

    def write(self, *args: Any, **kwargs: Any) -> ChatLog:
        super().write(*args, **kwargs)
        if not self._size_known and self.size.width:
            self.call_after_refresh(self._flush_held)
        return self


class ChatPanel(Vertical):
    """Messages of the table; sends ``ChatPanel.Send`` when the player types one."""

    DEFAULT_CSS = """
    ChatPanel RichLog { height: 1fr; border: round $panel; }
    ChatPanel Horizontal { height: auto; }
    ChatPanel Select { width: 26; }
    ChatPanel Input { width: 1fr; }
    """

    class Send(Message):
        def __init__(self, to: str | None, text: str) -> None:
            super().__init__()
            self.to, self.text = to, text

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown = 0
        self._key: tuple[str, int] = ("", 0)
        self._placeholder = False

    def compose(self) -> ComposeResult:
        yield ChatLog(wrap=True, markup=False, id="chat-log")
        with Horizontal():
            yield Select[str](
                [(t("chat.everyone"), PUBLIC)],
                value=PUBLIC,
                allow_blank=False,
                id="chat-to",
            )
            yield Input(placeholder=t("chat.placeholder"), id="chat-input", max_length=500)

    def set_recipients(self, roles: Sequence[tuple[str, str]]) -> None:
        select = self.query_one("#chat-to", Select)
        options = [(t("chat.everyone"), PUBLIC), *((label, rid) for rid, label in roles)]
        current = select.value
        select.set_options(options)
        if any(v == current for _, v in options):
            select.value = current

    def show(
        self, me: str, messages: Sequence[Mapping[str, Any]], names: Mapping[str, str]
    ) -> None:
        log = self.query_one("#chat-log", RichLog)
        if self._key != (me, 0) or len(messages) < self._shown or (messages and self._placeholder):
            log.clear()
            self._shown = 0
            self._key = (me, 0)
            self._placeholder = False
        if not messages and not self._placeholder:
            log.write(Text(t("chat.empty"), "dim"))
            self._placeholder = True
        for msg in messages[self._shown :]:
            log.write(message_line(msg, me, names))
        self._shown = len(messages)

    def clear(self) -> None:
        self.query_one("#chat-log", RichLog).clear()
        self.query_one("#chat-input", Input).value = ""
        self._shown = 0
        self._key = ("", 0)
        self._placeholder = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            return
        to = self.query_one("#chat-to", Select).value
        self.post_message(self.Send(None if to == PUBLIC else str(to), text))
        event.input.value = ""
