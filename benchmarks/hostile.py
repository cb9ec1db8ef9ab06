"""Hostile input: many connections throw malformed and nasty messages at a real host.

The host runs in its own process (``python -m game host ... --headless``, the
mini scenario, default limits). This process opens ``--connections`` websocket
connections on loopback; most join (seats, shared terminals, screens, one
facilitator console), some never say hello. Each sends messages drawn from a
seeded mix (valid moves and pings, lone surrogates in ids, texts and keys,
``NaN``/``Infinity``/``1e308``/huge integers, deep nesting, 70 KB messages,
binary frames, garbage, unknown types and fields, resent keyed moves), paced
under the rate limit, and waits for the answer to each before the next. Bad
codes and PINs come from one extra connection that guesses join codes all the
time, one after another (so the address is blocked for most of the run), while
the others keep joining with valid codes from the same address. (Bad secrets
from many connections at once would queue in the blocked address's lane, one
check per 2 s: that is the point of the block, and not what this run counts.)

Counted: requests sent; requests without an answer (no ``ack``/``error``/
``pong``/``welcome`` within 15 s, or the connection closed before it); frames
received that are not strict JSON (not text, ``NaN``/``Infinity``, a lone
surrogate, not an object); the host still running and answering at the end;
tracebacks in the host's log; valid joins refused while the address was blocked.
It prints the answer time per request as min/median/max.

    .venv/bin/python benchmarks/hostile.py --messages 100000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from game.store import Store

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini" / "mini.yaml"
ROLES = ("gemeente", "net", "winkels")
ANSWERS = {"ack", "error", "pong", "welcome"}
HELLO_TIMEOUT = 30.0  # the server closes a connection that has not joined by then
MOVES = ("message", "private_message", "propose", "support", "object", "comment", "disclose")
FACILITATOR_MOVES = ("extend", "pause", "resume", "announce", "auto_advance", "next_round")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Tally:
    sent: int = 0
    answered: int = 0
    unanswered: int = 0
    non_json: int = 0
    frames: int = 0
    closes: dict[str, int] = field(default_factory=dict)
    codes: dict[str, int] = field(default_factory=dict)
    joins: int = 0
    joins_blocked: int = 0
    refused_valid: int = 0
    times: list[float] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)


def strict(frame: str | bytes) -> dict[str, Any] | None:
    """The message if ``frame`` is strict JSON (a browser would parse it), else None."""
    if not isinstance(frame, str):
        return None

    def refuse(name: str) -> Any:
        raise ValueError(name)

    try:
        obj = json.loads(frame, parse_constant=refuse)
        frame.encode("utf-8")
    except (ValueError, UnicodeEncodeError):
        return None
    if not isinstance(obj, dict) or _has_lone_surrogate(obj):
        return None
    return obj


def _has_lone_surrogate(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if any("\ud800" <= c <= "\udfff" for c in item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


class Nasty:
    """A seeded source of hostile frames for one connection."""

    def __init__(self, rng: random.Random, roles: list[str], facilitator: bool) -> None:
        self.rng = rng
        self.roles = roles or ["net"]
        self.facilitator = facilitator
        self.keys: list[str] = []
        self.n = 0

    def rid(self) -> Any:
        self.n += 1
        r = self.rng.random()
        if r < 0.05:
            return "\\ud800"  # raw escape text, spliced into the frame below
        if r < 0.08:
            return {"deep": [1]}
        if r < 0.10:
            return 2**60
        return self.n

    def text(self) -> str:
        pool = [
            "Zullen we samen graven?",
            "hoi \\ud83d\\ude00",
            "lone \\ud800 surrogate",
            "\\udfff",
            "x" * self.rng.randint(400, 700),  # mostly over the 500-character limit
            "emoji 😀 en ë \\ud800",
            "\\u0000 nul",
            "",
        ]
        return self.rng.choice(pool)

    def number(self) -> str:
        return self.rng.choice(
            [
                "NaN",
                "Infinity",
                "-Infinity",
                "1e308",
                "-1e308",
                "1e400",
                str(10**300),
                str(2**53 + 1),
                "5",
                "-3",
                "0.5",
                "1e-320",
            ]
        )

    def frame(self) -> str | bytes:
        rng = self.rng
        kind = rng.random()
        rid = self.rid()
        rid_text = f'"{rid}"' if isinstance(rid, str) else json.dumps(rid)
        if kind < 0.10:
            return f'{{"type":"ping","id":{rid_text}}}'
        if kind < 0.40:
            role = rng.choice([*self.roles, "facilitator", "clock", "nobody"])
            move = rng.choice(MOVES)
            data = self._data(move)
            key = self._key()
            key_text = "" if key is None else f',"key":"{key}"'
            return (
                f'{{"type":"move","id":{rid_text},"as":"{role}","move":"{move}",'
                f'"data":{data}{key_text}}}'
            )
        if kind < 0.55 and self.facilitator:
            move = rng.choice(FACILITATOR_MOVES)
            data = {
                "extend": f'{{"minutes":{self.number()}}}',
                "announce": f'{{"text":"{self.text()}"}}',
                "auto_advance": f'{{"on":{rng.choice(["true", "false", "1", "null"])}}}',
            }.get(move, "{}")
            return (
                f'{{"type":"move","id":{rid_text},"as":"facilitator","move":"{move}",'
                f'"data":{data}}}'
            )
        if kind < 0.60:
            package = f'{{"ontwerp":"{self.text()}"}}'
            return (
                f'{{"type":"preview","id":{rid_text},"as":"{self.roles[0]}","package":{package}}}'
            )
        if kind < 0.65:
            return '{"type":"sync","id":' + rid_text + "}"
        if kind < 0.68:
            return "[" * rng.randint(1, 30_000) + "]" * rng.randint(0, 10)
        if kind < 0.70:
            return json.dumps({"type": "move", "id": self.n, "data": {"text": "y" * 70_000}})
        if kind < 0.73:
            return bytes(rng.randrange(256) for _ in range(rng.randint(0, 64)))
        if kind < 0.78:
            garbage = "".join(chr(rng.choice([rng.randrange(32, 127), 0x2603])) for _ in range(40))
            return rng.choice([garbage, "{", "null", "1", '"x"', "{}", '{"type":5}'])
        if kind < 0.83:
            return rng.choice(
                [
                    f'{{"type":"dance","id":{rid_text}}}',
                    f'{{"type":"ping","id":{rid_text},"extra":1}}',
                    f'{{"type":"move","id":{rid_text},"as":"net"}}',
                    f'{{"type":"lock","id":{rid_text},"role":"{self.roles[0]}"}}',
                    f'{{"type":"unlock","id":{rid_text},"role":"nobody","pin":"0000"}}',
                    f'{{"type":"options","id":{rid_text},"private":false}}',
                    f'{{"type":"unblock","id":{rid_text},"address":"10.0.0.1"}}',
                    f'{{"type":"hello","id":{rid_text},"protocol":2,"codes":["AAA-AAA"]}}',
                    f'{{"type":"ping","id":{rid_text},"\\ud800":{self.number()}}}',
                ]
            )
        # a keyed move sent again (after "a reconnect"): must be answered alike
        if self.keys:
            key = rng.choice(self.keys)
            return (
                f'{{"type":"move","id":{rid_text},"as":"{self.roles[0]}","move":"message",'
                f'"data":{{"text":"resent {key}"}},"key":"{key}"}}'
            )
        return '{"type":"ping"}'

    def _key(self) -> str | None:
        r = self.rng.random()
        if r < 0.4:
            return None
        if r < 0.45:
            return self.rng.choice(["", "x" * 65, "\\ud800", "tab\\t", "é"])
        key = f"{self.rng.getrandbits(48):012x}"
        self.keys.append(key)
        del self.keys[:-20]
        return key

    def _data(self, move: str) -> str:
        rng = self.rng
        text = self.text()
        if move == "message":
            return f'{{"text":"{text}"}}'
        if move == "private_message":
            return f'{{"to":"{rng.choice(ROLES)}","text":"{text}"}}'
        if move == "propose":
            pkg = rng.choice(
                [
                    '{"ontwerp":"groen","fasering":"samen"}',
                    '{"ontwerp":"kaal","fasering":"los"}',
                    '{"ontwerp":"\\ud800"}',
                    "[]",
                    f'{{"ontwerp":{self.number()}}}',
                ]
            )
            return f'{{"package":{pkg},"note":"{text}"}}'
        if move in ("support", "object", "comment"):
            return f'{{"proposal":"P{rng.randint(0, 4)}","reason":"{text}","text":"{text}"}}'
        if move == "disclose":
            return rng.choice(['{"reservation":true}', '{"issue":"ontwerp"}', '{"issue":7}'])
        return "{}"


async def answer_of(ws: ClientConnection, tally: Tally, timeout: float) -> dict[str, Any] | None:
    """Read until the answer to the last request; every frame is checked for strict JSON."""
    async with asyncio.timeout(timeout):
        while True:
            frame = await ws.recv()
            tally.frames += 1
            msg = strict(frame)
            if msg is None:
                tally.non_json += 1
                if len(tally.examples) < 5:
                    tally.examples.append(repr(frame)[:200])
                continue
            if msg.get("type") in ANSWERS:
                return msg


async def worker(
    url: str,
    codes: dict[str, Any],
    number: int,
    seed: int,
    quota: list[int],
    tally: Tally,
    rate: float,
    blocked: asyncio.Event,
) -> None:
    rng = random.Random(seed * 1000 + number)
    table = codes["tables"][number % len(codes["tables"])]
    while quota[0] > 0:
        joined_as = rng.random()
        hello: dict[str, Any] | None = {"type": "hello", "protocol": 1, "patches": True}
        roles: list[str] = []
        facilitator = False
        assert hello is not None
        if number == 0:
            hello["facilitator"] = codes["facilitator"]
            facilitator = True
        elif joined_as < 0.6:
            role = rng.choice(ROLES)
            hello["codes"] = [table["roles"][role]]
            roles = [role]
        elif joined_as < 0.75:
            hello["codes"] = list(table["roles"].values())
            hello["locked"] = rng.random() < 0.5
            roles = list(ROLES)
        elif joined_as < 0.85:
            hello["codes"] = [table["screen"]]
        else:
            hello = None  # never says hello
        nasty = Nasty(rng, roles, facilitator)
        try:
            async with connect(url, max_size=2**24, open_timeout=30) as ws:
                if hello is not None:
                    was_blocked = blocked.is_set()
                    await ws.send(json.dumps({**hello, "id": "hello"}))
                    tally.sent += 1
                    quota[0] -= 1
                    reply = await answer_of(ws, tally, 15)
                    tally.answered += 1
                    if reply is None or reply.get("type") != "welcome":
                        tally.refused_valid += 1
                        continue
                    tally.joins += 1
                    tally.joins_blocked += int(was_blocked)
                opened = time.monotonic()
                for _ in range(rng.randint(20, 400)):
                    if quota[0] <= 0:
                        return
                    if hello is None and time.monotonic() - opened > HELLO_TIMEOUT - 5:
                        break  # the server closes it at 30 s (documented); a new one instead
                    frame = nasty.frame()
                    if isinstance(frame, str):
                        frame.encode("utf-8")  # lone surrogates only as JSON escapes
                    began = time.perf_counter()
                    try:
                        await ws.send(frame)
                    except ConnectionClosed as exc:  # closed before this was sent
                        count_close(tally, exc)
                        break
                    tally.sent += 1
                    quota[0] -= 1
                    try:
                        reply = await answer_of(ws, tally, 15)
                    except TimeoutError:
                        tally.unanswered += 1
                        continue
                    except ConnectionClosed as exc:  # sent, then closed without an answer
                        tally.unanswered += 1
                        count_close(tally, exc)
                        break
                    tally.answered += 1
                    tally.times.append(time.perf_counter() - began)
                    if reply is not None and reply.get("type") == "error":
                        code = str(reply.get("code"))
                        tally.codes[code] = tally.codes.get(code, 0) + 1
                    await asyncio.sleep(rng.expovariate(rate))
        except ConnectionClosed as exc:
            count_close(tally, exc)
        except (OSError, TimeoutError) as exc:
            tally.closes[type(exc).__name__] = tally.closes.get(type(exc).__name__, 0) + 1


async def report_progress(tally: Tally, began: float) -> None:
    while True:
        await asyncio.sleep(15)
        took = time.perf_counter() - began
        print(
            f"  {took:5.0f} s: {tally.sent} sent, {tally.unanswered} unanswered,"
            f" {tally.non_json} non-JSON, {tally.sent / took:.0f}/s",
            file=sys.stderr,
            flush=True,
        )


def count_close(tally: Tally, exc: ConnectionClosed) -> None:
    reason = f"{exc.rcvd.code} {exc.rcvd.reason}" if exc.rcvd else "no close frame"
    tally.closes[reason] = tally.closes.get(reason, 0) + 1


async def guesser(url: str, stop: asyncio.Event, blocked: asyncio.Event, tally: Tally) -> int:
    """Guess join codes all the time, one connection after another; bad codes sent."""
    guesses = 0
    rng = random.Random(7)
    while not stop.is_set():
        try:
            async with connect(url, open_timeout=30) as ws:
                while not stop.is_set():
                    code = "".join(rng.choice("23456789ABCDEFGHJKMNPQRSTUVWXYZ") for _ in range(6))
                    await ws.send(json.dumps({"type": "hello", "protocol": 1, "codes": [code]}))
                    guesses += 1
                    reply = await answer_of(ws, tally, 30)
                    if reply is not None and reply.get("code") == "bad_code" and guesses >= 30:
                        blocked.set()
        except (ConnectionClosed, OSError, TimeoutError):
            pass
    return guesses


async def run(args: argparse.Namespace) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="hostile-"))
    port = free_port()
    log_path = tmp / "host.log"
    cmd = [
        sys.executable, "-m", "game", "host", str(MINI), "--mode", "short", "--headless",
        "--tables", str(args.tables), "--db", str(tmp / "h.db"),
        "--codes-file", str(tmp / "codes.json"), "--host", "127.0.0.1",
        "--port", str(port), "--seed", "3", "--quiet",
    ]  # fmt: skip
    with log_path.open("w") as log:
        proc = await asyncio.create_subprocess_exec(
            *cmd, cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=log
        )
    assert proc.stdout is not None
    while b"://" not in (await proc.stdout.readline()):  # the address line
        pass
    codes = json.loads((tmp / "codes.json").read_text())
    url = f"ws://127.0.0.1:{port}"
    async with connect(url) as console:  # start both tables so that moves are accepted
        await console.send(
            json.dumps({"type": "hello", "protocol": 1, "facilitator": codes["facilitator"]})
        )
        for table in range(1, args.tables + 1):
            await console.send(
                json.dumps({"type": "move", "as": "facilitator", "move": "start", "table": table})
            )
        await asyncio.sleep(0.5)
    tally = Tally()
    quota = [args.messages]
    stop, blocked = asyncio.Event(), asyncio.Event()
    began = time.perf_counter()
    guessing = asyncio.create_task(guesser(url, stop, blocked, tally))
    progress = asyncio.create_task(report_progress(tally, began))

    async def until_done(n: int) -> None:
        while quota[0] > 0:
            await worker(url, codes, n, args.seed, quota, tally, args.rate, blocked)

    await asyncio.gather(*(until_done(n) for n in range(args.connections)))
    stop.set()
    progress.cancel()
    guesses = await guessing
    took = time.perf_counter() - began
    alive = proc.returncode is None
    async with connect(url) as probe:
        await probe.send('{"type":"ping","id":"last"}')
        last = strict(await probe.recv())
    proc.terminate()
    await proc.wait()
    tracebacks = log_path.read_text().count("Traceback")
    with Store.open(tmp / "h.db", readonly=True) as store:
        applied = sum(len(store.moves(t.table)) for t in store.tables())
    t = sorted(tally.times)
    print(f"requests sent       {tally.sent}  (+{guesses} code guesses)")
    print(f"answered            {tally.answered}")
    print(f"unanswered          {tally.unanswered}")
    print(f"frames received     {tally.frames}")
    print(f"moves applied       {applied} (over {args.tables} tables)")
    print(f"non-JSON frames     {tally.non_json}  {tally.examples}")
    print(f"host alive at end   {alive and last is not None and last.get('type') == 'pong'}")
    print(f"tracebacks in log   {tracebacks}")
    print(
        f"valid joins         {tally.joins}, of which while the address was blocked:"
        f" {tally.joins_blocked}; refused: {tally.refused_valid}"
    )
    print(f"closes              {tally.closes}")
    top = sorted(tally.codes.items(), key=lambda kv: -kv[1])
    print(f"error codes         {dict(top)}")
    print(f"answer time (s)     min {t[0]:.4f}  median {statistics.median(t):.4f}  max {t[-1]:.4f}")
    print(f"wall time           {took:.1f} s ({tally.sent / took:.0f} requests/s)")
    ok = tally.unanswered == 0 and tally.non_json == 0 and alive and tracebacks == 0
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--connections", type=int, default=48)
    parser.add_argument("--rate", type=float, default=15.0, help="messages/s per connection")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--tables", type=int, default=4)
    return asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
