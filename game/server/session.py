"""What the server knows about one connection: who it is and what it may see."""

from __future__ import annotations

from dataclasses import dataclass, field

from websockets.asyncio.server import ServerConnection

from game.server.limits import Limits, TokenBucket

ROOM = "room"
FACILITATOR_VIEW = "facilitator"

#: (table, "player", role) | (table, "room", "") | (table, "facilitator", "private"/"public")
ViewKey = tuple[int, str, str]


@dataclass(eq=False)
class Session:
    """One websocket connection, before and after its ``hello``."""

    ws: ServerConnection
    address: str
    limits: Limits
    bucket: TokenBucket = field(init=False)
    number: int = 0
    client: str = "seat"
    joined: bool = False
    facilitator: bool = False
    private: bool = True
    table: int | None = None
    roles: dict[str, bool] = field(default_factory=dict)  # role id -> PIN-locked
    screen: bool = False
    bad_codes: int = 0
    rate_drops: int = 0
    closing: bool = False
    patches: bool = False
    #: Proposals as references to parts the connection already has (see fanout).
    parts: bool = False
    #: The version of the last full view or patch sent, per view key.
    sent: dict[ViewKey, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.bucket = TokenBucket(self.limits.rate, self.limits.burst)

    def tables(self, all_tables: list[int]) -> list[int]:
        """The tables whose views this connection receives."""
        if self.facilitator:
            return all_tables
        return [self.table] if self.table is not None else []

    def view_keys(self, table: int) -> list[ViewKey]:
        """The distinct views of ``table`` this connection may see right now."""
        if self.facilitator:
            return [(table, FACILITATOR_VIEW, "private" if self.private else "public")]
        if table != self.table:
            return []
        keys: list[ViewKey] = [
            (table, "player", r) for r, locked in self.roles.items() if not locked
        ]
        if self.screen:
            keys.append((table, ROOM, ""))
        return keys

    def describe(self) -> str:
        """For logs: never a code."""
        if self.facilitator:
            who = "facilitator"
        elif self.joined:
            parts = sorted(self.roles) + (["screen"] if self.screen else [])
            who = f"table {self.table} as {'+'.join(parts)}"
        else:
            who = "not joined"
        return f"#{self.number} {self.address} ({self.client}, {who})"
