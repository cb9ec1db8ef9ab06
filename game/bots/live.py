"""Bots in live sessions: a bot joins through the server like any seat.

``LiveBot(url, code)`` connects with the role's join code (protocol client
kind ``bot``, :class:`game.net.client.GameClient`), reads the role's views
as they arrive, lets a :class:`~game.bots.negotiator.NegotiatorBot` decide,
and sends the moves one by one, ``pace`` seconds apart, so people at the table
can follow. It counts the round clock down locally between views, as the
seats do. Moves the server refuses (a ballot closed in between, a proposal
just withdrawn) are skipped and not tried again in that round.

**Handing the seat back.** When the facilitator assigns the role to a human
(``assign`` with ``seat: human``), the bot sees it in its own view
(``me.seat``), stops, and hands over a short Dutch summary of what it did
(:mod:`game.bots.handback`). The engine has no private note to oneself (a
private message needs another role), so the summary goes to the
``on_handback(table, role, text)`` callback. :class:`BotPool` wires it to the
server: when the server offers ``notify_role(table, role, notice)`` the
summary is sent as a notice ``{"kind": "bot_summary", "role", "to", "text"}``
to that role's connections (the human's seat) and the facilitator's private
console; otherwise it is logged for the facilitator.

**Hooks.** ``BotPool.attach(server)`` sets the server's ``bot_launcher``, so a
facilitator's ``assign … seat: bot`` starts a bot; :func:`start_bots` assigns
and starts bots for a list of roles (for ``play --bots``).
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import logging
import random
from collections.abc import Callable, Iterable
from typing import Any

from game.bots.handback import Snapshot, summary
from game.bots.negotiator import NegotiatorBot
from game.bots.temperament import Temperament, draw
from game.net.client import ConnectionLost, GameClient, ServerError

log = logging.getLogger("game.bots")

DEFAULT_PACE = 6.0
"""Seconds between two moves of a live bot (the facilitator's ``--bot-pace``)."""

PROPOSE_EVERY = 30
"""A bot puts a proposal on the table (``propose`` or ``amend``) at most once per this
many paces (three minutes at the default pace), its first after a random part of
that: a table of bots gets a proposal now and then, as a table of people does.
The decision is the bot's own; only its timing waits."""

PROPOSING = ("propose", "amend")

HandBack = Callable[[int, str, str], object]


def add_bot_pace_option(parser: Any) -> None:
    """Add ``--bot-pace SECONDS`` to a command (``host``, ``play``)."""
    parser.add_argument(
        "--bot-pace",
        type=float,
        default=DEFAULT_PACE,
        metavar="SECONDEN",
        help=f"seconden tussen twee zetten van een bot (standaard {DEFAULT_PACE:g})",
    )


def aged(view: dict[str, Any], seconds: float) -> dict[str, Any]:
    """``view`` with its round clock run down by ``seconds`` (a shallow copy)."""
    clock = view["clock"]
    if not clock["running"] or seconds <= 0:
        return view
    remaining = max(0.0, float(clock["remaining"]) - seconds)
    return {**view, "clock": {**clock, "remaining": remaining}}


class LiveBot:
    """One bot on one role's seat, connected over the network."""

    def __init__(
        self,
        url: str,
        code: str,
        *,
        pace: float = DEFAULT_PACE,
        temperament: Temperament | None = None,
        seed: int | None = None,
        on_handback: HandBack | None = None,
        client_options: dict[str, Any] | None = None,
    ) -> None:
        self.url = url
        self.code = code
        self.pace = max(0.0, pace)
        self.temperament = temperament
        self.seed = seed
        self.on_handback = on_handback
        self.client_options = client_options or {}
        self.role: str | None = None
        self.table: int | None = None
        self.summary: str | None = None
        self.sent: list[dict[str, Any]] = []
        self.refused: list[tuple[str, str]] = []
        self._stop = asyncio.Event()
        self._fresh = asyncio.Event()
        self._received = 0.0
        #: Loop times at which this bot put a proposal on the table.
        self.proposed_at: list[float] = []

    def stop(self) -> None:
        """Stop at the next chance (without handing back)."""
        self._stop.set()
        self._fresh.set()

    def _on_message(self, msg: dict[str, Any]) -> None:
        if msg.get("type") == "welcome" and msg.get("seats"):
            self.role, self.table = str(msg["seats"][0]["role"]), int(msg["seats"][0]["table"])
        elif msg.get("type") == "view" and msg.get("as") == self.role:
            self._received = asyncio.get_running_loop().time()
            self._fresh.set()

    async def run(self) -> str | None:
        """Play until the session ends, the seat is handed back, or :meth:`stop`.

        Returns the hand-back summary when the seat went to a human, else ``None``.
        """
        client = GameClient(
            self.url,
            codes=[self.code],
            client="bot",
            on_message=self._on_message,
            **self.client_options,
        )
        welcome = await client.connect(timeout=15)
        seat = welcome["seats"][0]
        self.role, self.table = str(seat["role"]), int(seat["table"])
        try:
            return await self._play(client)
        finally:
            await client.close()

    async def _play(self, client: GameClient) -> str | None:
        role = self.role
        assert role is not None
        rng = random.Random(f"{self.seed}:{role}" if self.seed is not None else None)
        bot = NegotiatorBot(role, self.temperament or draw(rng))
        loop = asyncio.get_running_loop()
        snapshot: Snapshot | None = None
        skipped: set[str] = set()
        gap = self.pace * PROPOSE_EVERY
        next_proposal = loop.time() + rng.uniform(0, gap)
        while not self._stop.is_set():
            raw = client.view(role)
            if raw is None:
                await self._wait(self.pace or 0.5)
                continue
            view = aged(raw, loop.time() - self._received)
            if snapshot is None:
                snapshot = Snapshot.of(view)
            if view["me"]["seat"] != "bot":
                return self._hand_back(view, snapshot)
            if view["phase"] == "ended" or view["revealed"]:
                return None
            moves = [m for m in bot.decide(view, rng) if _sig(m, view) not in skipped]
            if loop.time() < next_proposal:  # not yet: the decision waits, it is not dropped
                moves = [m for m in moves if m["type"] not in PROPOSING]
            for move in moves:
                await self._sleep(self.pace)
                now = client.view(role)
                if self._stop.is_set() or now is None or _changed(view, now):
                    break
                if move["type"] in PROPOSING:
                    if loop.time() < next_proposal:
                        continue
                    next_proposal = loop.time() + gap
                    self.proposed_at.append(loop.time())
                await self._send(client, move, view, skipped)
            latest = client.view(role)
            if latest is None or latest["version"] == raw["version"]:
                # Until the table changes (our own moves included: their ack comes
                # before the new view) or, for the clock, a while has passed.
                await self._wait(max(self.pace, 1.0))
        return None

    async def _send(
        self, client: GameClient, move: dict[str, Any], view: dict[str, Any], skipped: set[str]
    ) -> None:
        try:
            await client.move(move["type"], move.get("data", {}), as_=self.role)
            self.sent.append(move)
        except ServerError as exc:  # a race with another move: skip it this round
            self.refused.append((move["type"], exc.code))
            skipped.add(_sig(move, view))
            log.debug("bot %s: %s refused (%s)", self.role, move["type"], exc.code)
        except ConnectionLost:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(client.connected.wait(), 30)

    async def _wait(self, timeout: float) -> None:
        """Until a new view of the role arrives (or ``timeout`` seconds, for the clock)."""
        self._fresh.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._fresh.wait(), timeout)

    async def _sleep(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stop.wait(), seconds)

    def _hand_back(self, view: dict[str, Any], snapshot: Snapshot) -> str:
        self.summary = summary(view, snapshot)
        if self.on_handback is not None and self.table is not None and self.role is not None:
            try:
                self.on_handback(self.table, self.role, self.summary)
            except Exception:
                log.exception("hand-back of %s failed", self.role)
        return self.summary


def _sig(move: dict[str, Any], view: dict[str, Any]) -> str:
    round_id = (view.get("round") or {}).get("id")
    return json.dumps([round_id, move["type"], move.get("data", {})], sort_keys=True)


def _changed(before: dict[str, Any], now: dict[str, Any]) -> bool:
    """Whether the situation changed so much that the planned moves are stale."""
    ballot_b, ballot_n = before["ballot"], now["ballot"]
    return (
        before["clock"]["index"] != now["clock"]["index"]
        or before["phase"] != now["phase"]
        or (ballot_b or {}).get("id") != (ballot_n or {}).get("id")
        or before["agreement"] != now["agreement"]
        or now["me"]["seat"] != "bot"
        or now["clock"]["paused"]
    )


class BotPool:
    """The live bots of one host: launched by the server's bot hook, stopped together."""

    def __init__(
        self,
        url: str,
        *,
        pace: float = DEFAULT_PACE,
        seed: int | None = None,
        temperaments: str = "mix",
        on_handback: HandBack | None = None,
        client_options: dict[str, Any] | None = None,
    ) -> None:
        self.url = url
        self.pace = pace
        self.seed = seed
        self.temperaments = temperaments
        self.on_handback = on_handback
        self.client_options = client_options
        self.bots: dict[tuple[int, str], LiveBot] = {}
        self.tasks: dict[tuple[int, str], asyncio.Task[str | None]] = {}
        self.summaries: dict[tuple[int, str], str] = {}
        self.helpers: set[asyncio.Task[list[str]]] = set()

    def launch(self, table: int, role: str, code: str) -> None:
        """Start a bot on ``role`` at ``table`` (the server's ``bot_launcher``)."""
        key = (table, role)
        task = self.tasks.get(key)
        if task is not None and not task.done():
            return
        rng = random.Random(f"{self.seed}:{table}:{role}" if self.seed is not None else None)
        bot = LiveBot(
            self.url,
            code,
            pace=self.pace,
            temperament=draw(rng, self.temperaments),
            seed=None if self.seed is None else self.seed + table,
            on_handback=self._handed_back,
            client_options=self.client_options,
        )
        self.bots[key] = bot
        self.tasks[key] = asyncio.get_running_loop().create_task(
            bot.run(), name=f"bot {table}:{role}"
        )

    def _handed_back(self, table: int, role: str, text: str) -> None:
        self.summaries[(table, role)] = text
        if self.on_handback is not None:
            self.on_handback(table, role, text)
        else:
            log.info("bot handed back %s at table %d:\n%s", role, table, text)

    def attach(self, server: Any) -> BotPool:
        """Make ``server`` start a bot from this pool when the facilitator assigns one.

        When no ``on_handback`` was given and the server can notify a role, the
        summary goes to that role's connections as a ``bot_summary`` notice.
        """
        server.bot_launcher = self.launch
        notify = getattr(server, "notify_role", None)
        if self.on_handback is None and callable(notify):

            def deliver(table: int, role: str, text: str) -> None:
                notice = {"kind": "bot_summary", "role": role, "to": role, "text": text}
                notify(table, role, notice)

            self.on_handback = deliver
        return self

    async def stop(self) -> None:
        for bot in self.bots.values():
            bot.stop()
        tasks = [t for t in self.tasks.values() if not t.done()]
        for task in tasks:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(task, 5)
        for task in tasks:
            if not task.done():
                task.cancel()

    async def wait(self) -> dict[tuple[int, str], str | None]:
        """Until every bot has finished; each bot's hand-back summary (or None)."""
        out: dict[tuple[int, str], str | None] = {}
        for key, task in list(self.tasks.items()):
            try:
                out[key] = await task
            except Exception:
                log.exception("bot %s failed", key)
                out[key] = None
        return out


def start_bots(
    server: Any, pool: BotPool, roles: Iterable[str], table: int = 1
) -> asyncio.Task[list[str]]:
    """Assign ``roles`` at ``table`` to bots and start them (for ``play --bots``).

    ``server`` is a running :class:`game.server.server.GameServer`; each
    assignment goes through the engine as the facilitator's ``assign`` move.
    Call it from the server's event loop; it returns at once with a task that
    finishes with the roles that got a bot.
    """
    wanted = list(roles)

    async def assign_all() -> list[str]:
        from game.engine import FACILITATOR, Move

        hosted = server.tables[table]
        started = []
        for role in wanted:
            code = hosted.record.roles.get(role)
            if code is None:
                continue
            if hosted.state.seats.get(role) != "bot":
                move = Move("assign", FACILITATOR, {"role": role, "seat": "bot"})
                done = server.apply_move(hosted, move)
                if inspect.isawaitable(done):
                    done = await done
                if not done:
                    continue
            pool.launch(table, role, code)  # no second bot when the server's hook started one
            started.append(role)
        return started

    task = asyncio.get_running_loop().create_task(assign_all(), name="assign bots")
    pool.helpers.add(task)
    task.add_done_callback(pool.helpers.discard)
    return task
