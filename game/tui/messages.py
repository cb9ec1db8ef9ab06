"""Custom Textual messages: what a link posts into an app."""

from __future__ import annotations

from typing import Any

from textual.message import Message


class ViewArrived(Message):
    """A fresh view for ``role`` (a role id, ``facilitator`` or ``room``)."""

    def __init__(self, role: str, view: dict[str, Any]) -> None:
        super().__init__()
        self.role = role
        self.view = view


class NoticeArrived(Message):
    """A notice to flash (``{"kind": "event_played", ...}``)."""

    def __init__(self, notice: dict[str, Any]) -> None:
        super().__init__()
        self.notice = notice


class LinkStatus(Message):
    """The connection went up or down."""

    def __init__(self, connected: bool, detail: str = "") -> None:
        super().__init__()
        self.connected = connected
        self.detail = detail


class RoleLocked(Message):
    """The private view of ``role`` was dropped; the screen must forget it."""

    def __init__(self, role: str) -> None:
        super().__init__()
        self.role = role


class PackageChosen(Message):
    """The builder's package changed (live issue id → option id)."""

    def __init__(self, package: dict[str, str]) -> None:
        super().__init__()
        self.package = package


class PresenceArrived(Message):
    """Who is connected at a table: role id → number of connections."""

    def __init__(self, table: int, roles: dict[str, int], screens: int = 0) -> None:
        super().__init__()
        self.table = table
        self.roles = roles
        self.screens = screens


class CodesArrived(Message):
    """The codes document (url, tables with role codes, PINs and the screen code)."""

    def __init__(self, codes: dict[str, Any]) -> None:
        super().__init__()
        self.codes = codes


class BlocksArrived(Message):
    """Addresses the server slows after many wrong codes (facilitator only)."""

    def __init__(self, blocks: list[dict[str, Any]]) -> None:
        super().__init__()
        self.blocks = blocks
