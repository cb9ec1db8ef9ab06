"""Protocol v1: parsing client messages and building server messages.

Every message is one JSON object in one websocket text frame, with a ``type``.
The full description, with examples, is docs/protocol.md; this module is its
executable half. Parsing never raises anything but :class:`ProtocolError`.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from game.server.encode import compact

PROTOCOL_VERSION = 1
CLIENT_KINDS = ("seat", "screen", "console", "bot")
MAX_ID_LENGTH = 64
#: Numbers in client messages are bounded to what every JSON parser reads exactly.
MAX_NUMBER = 2**53
#: A move's client key: 1 to 64 printable ASCII characters (see docs/protocol.md, §5).
KEY_PATTERN = re.compile(r"[\x20-\x7e]{1,64}")


class ErrorCode:
    """The server's own error codes (the engine's IllegalMove codes pass through)."""

    BAD_JSON = "bad_json"
    TOO_BIG = "too_big"
    RATE_LIMITED = "rate_limited"
    UNKNOWN_TYPE = "unknown_type"
    BAD_FIELDS = "bad_fields"
    BAD_CODE = "bad_code"
    BAD_PIN = "bad_pin"
    NOT_YOUR_ROLE = "not_your_role"
    NOT_FACILITATOR = "not_facilitator"
    WRONG_TABLE = "wrong_table"
    PIN_REQUIRED = "pin_required"
    NEED_HELLO = "need_hello"
    ALREADY_JOINED = "already_joined"
    BAD_PROTOCOL = "bad_protocol"
    BAD_ARGS = "bad_args"  # the engine's code, also for a move's data the server cannot take
    INTERNAL = "internal"


class ProtocolError(Exception):
    """A client message the server refuses, with a code and an English reason."""

    def __init__(self, code: str, reason: str, request_id: Any = None) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.request_id = request_id


# -- client -> server --------------------------------------------------------------


@dataclass(frozen=True)
class Hello:
    protocol: int
    codes: tuple[str, ...] = ()
    facilitator: str | None = None
    client: str = "seat"
    resume_version: int | None = None
    locked: bool = False
    private: bool = True
    patches: bool = False
    #: Items of the view's top-level lists as references to parts sent once (docs/protocol.md).
    parts: bool = False
    id: Any = None


@dataclass(frozen=True)
class MoveRequest:
    id: Any
    actor: str  # the "as" field: a role id or "facilitator"
    move: str
    data: Mapping[str, Any] = field(default_factory=dict)
    table: int | None = None
    #: The client's key for this move: applied at most once per seat (docs/protocol.md, §5).
    key: str | None = None


@dataclass(frozen=True)
class Unlock:
    id: Any
    role: str
    pin: str
    table: int | None = None


@dataclass(frozen=True)
class Lock:
    id: Any
    role: str
    table: int | None = None


@dataclass(frozen=True)
class Options:
    id: Any
    private: bool


@dataclass(frozen=True)
class Sync:
    id: Any = None


@dataclass(frozen=True)
class Ping:
    id: Any = None


# -- preview: what a package is worth to one held role (added for the proposal builder, game/tui)
@dataclass(frozen=True)
class PreviewRequest:
    id: Any
    actor: str  # the "as" field: a role this connection holds, unlocked
    package: Mapping[str, Any]
    table: int | None = None


# -- plan: the plan detail (job list, …) of a proposal or a package; public, any joined client
@dataclass(frozen=True)
class PlanRequest:
    id: Any
    proposal: str | None = None
    package: Mapping[str, Any] | None = None
    table: int | None = None


# -- unblock: the facilitator lifts the block of an address (see game/server/joining.py)
@dataclass(frozen=True)
class Unblock:
    id: Any
    address: str


ClientMessage = (
    Hello
    | MoveRequest
    | Unlock
    | Lock
    | Options
    | Sync
    | Ping
    | PreviewRequest
    | PlanRequest
    | Unblock
)


def decode(text: str | bytes) -> dict[str, Any]:
    """The JSON object of one frame, or ProtocolError(bad_json)."""
    if isinstance(text, bytes):
        raise ProtocolError(ErrorCode.BAD_JSON, "binary frames are not supported; send JSON text")
    try:
        obj = json.loads(text, parse_constant=_no_constant, parse_float=_finite_float)
    except (ValueError, RecursionError):
        raise ProtocolError(ErrorCode.BAD_JSON, "the message is not valid JSON") from None
    if not isinstance(obj, dict):
        raise ProtocolError(ErrorCode.BAD_JSON, "a message must be a JSON object")
    return obj


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("number out of range")
    return value


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    """A lone surrogate (from a JSON escape such as ``\\ud800``): not encodable as UTF-8."""
    return _SURROGATE.search(text) is not None


def _bad_value(value: Any) -> str | None:
    """What makes ``value`` (a decoded JSON value) unfit to pass on, or None.

    Every string (keys too) must be encodable as UTF-8, so that whatever the
    server stores or sends back is; every number must be within ±2**53.
    Iterative, so depth costs no recursion.
    """
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _has_surrogate(item):
                return "text must not contain lone surrogates (\\ud800-\\udfff)"
        elif isinstance(item, bool) or item is None:
            continue
        elif isinstance(item, int | float):
            if not -MAX_NUMBER <= item <= MAX_NUMBER:
                return f"numbers must be within ±{MAX_NUMBER}"
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


_ID_PATTERN = re.compile(r'"id"\s*:\s*(-?\d{1,15}|"[^"\\]{0,64}")')


def peek_id(raw: str | bytes) -> Any:
    """The request id of a message the server will not parse (too big, rate-limited).

    Looks only at the first 256 characters; None when there is no simple id there.
    """
    head = raw[:256].decode("utf-8", "replace") if isinstance(raw, bytes) else raw[:256]
    found = _ID_PATTERN.search(head)
    if found is None:
        return None
    return json.loads(found.group(1))


def parse(obj: Mapping[str, Any]) -> ClientMessage:
    """One client message from its JSON object; raises ProtocolError."""
    request_id = obj.get("id")
    if not _valid_id(request_id):
        raise ProtocolError(ErrorCode.BAD_FIELDS, "id must be a short string or an integer")
    _check_values(obj, request_id)
    kind = obj.get("type")
    if not isinstance(kind, str):
        raise ProtocolError(ErrorCode.BAD_FIELDS, "the message has no string 'type'", request_id)
    parser = _PARSERS.get(kind)
    if parser is None:
        raise ProtocolError(
            ErrorCode.UNKNOWN_TYPE, f"unknown message type {kind[:40]!r}", request_id
        )
    fields = _FIELDS[kind]
    extra = set(obj) - fields
    if extra:
        names = ", ".join(sorted(str(k)[:40] for k in extra)[:5])
        raise ProtocolError(ErrorCode.BAD_FIELDS, f"unknown fields in {kind}: {names}", request_id)
    return parser(obj, request_id)


def _valid_id(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return -MAX_NUMBER <= value <= MAX_NUMBER
    return isinstance(value, str) and len(value) <= MAX_ID_LENGTH and not _has_surrogate(value)


#: The fields that hold a request's arguments: a bad value there is ``bad_args``.
_ARGUMENTS = ("data", "package", "proposal")


def _check_values(obj: Mapping[str, Any], rid: Any) -> None:
    """Refuse a message with a value that cannot be stored or sent back, before
    anything is applied: ``bad_args`` in a move's ``data`` or a preview's
    ``package`` (the arguments), ``bad_fields`` anywhere else."""
    for key, value in obj.items():
        problem = _bad_value(key) or _bad_value(value)
        if problem is not None:
            arguments = key in _ARGUMENTS and obj.get("type") in ("move", "preview", "plan")
            code = ErrorCode.BAD_ARGS if arguments else ErrorCode.BAD_FIELDS
            raise ProtocolError(code, problem, rid)


def _want(obj: Mapping[str, Any], key: str, kind: type | tuple[type, ...], rid: Any) -> Any:
    value = obj.get(key)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, (int,))):
        name = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise ProtocolError(ErrorCode.BAD_FIELDS, f"'{key}' must be a {name}", rid)
    return value


def _optional(obj: Mapping[str, Any], key: str, kind: type, rid: Any) -> Any:
    return None if obj.get(key) is None else _want(obj, key, kind, rid)


def _table(obj: Mapping[str, Any], rid: Any) -> int | None:
    table: int | None = _optional(obj, "table", int, rid)
    if table is not None and not 1 <= table <= 10_000:
        raise ProtocolError(ErrorCode.BAD_FIELDS, "'table' must be a table number", rid)
    return table


def _short_str(obj: Mapping[str, Any], key: str, rid: Any, limit: int = 64) -> str:
    value: str = _want(obj, key, str, rid)
    if not value or len(value) > limit:
        raise ProtocolError(ErrorCode.BAD_FIELDS, f"'{key}' must be 1 to {limit} characters", rid)
    return value


def _hello(obj: Mapping[str, Any], rid: Any) -> Hello:
    protocol = _want(obj, "protocol", int, rid)
    if protocol != PROTOCOL_VERSION:
        raise ProtocolError(
            ErrorCode.BAD_PROTOCOL,
            f"this server speaks protocol {PROTOCOL_VERSION}, not {protocol}",
            rid,
        )
    codes = obj.get("codes", [])
    if not isinstance(codes, list) or not all(isinstance(c, str) and len(c) <= 64 for c in codes):
        raise ProtocolError(ErrorCode.BAD_FIELDS, "'codes' must be a list of strings", rid)
    facilitator = obj.get("facilitator")
    if facilitator is not None and (not isinstance(facilitator, str) or len(facilitator) > 64):
        raise ProtocolError(ErrorCode.BAD_FIELDS, "'facilitator' must be a string", rid)
    if not codes and facilitator is None:
        raise ProtocolError(ErrorCode.BAD_FIELDS, "hello needs 'codes' or 'facilitator'", rid)
    client = obj.get("client", "seat")
    if client not in CLIENT_KINDS:
        raise ProtocolError(
            ErrorCode.BAD_FIELDS, f"'client' must be one of {', '.join(CLIENT_KINDS)}", rid
        )
    resume = _optional(obj, "resume_version", int, rid)
    locked = obj.get("locked", False)
    private = obj.get("private", True)
    patches = obj.get("patches", False)
    parts = obj.get("parts", False)
    if not all(isinstance(flag, bool) for flag in (locked, private, patches, parts)):
        raise ProtocolError(
            ErrorCode.BAD_FIELDS,
            "'locked', 'private', 'patches' and 'parts' must be booleans",
            rid,
        )
    return Hello(
        protocol=protocol,
        codes=tuple(codes),
        facilitator=facilitator,
        client=client,
        resume_version=resume,
        locked=locked,
        private=private,
        patches=patches,
        parts=parts,
        id=rid,
    )


def _move(obj: Mapping[str, Any], rid: Any) -> MoveRequest:
    data = obj.get("data", {})
    if not isinstance(data, dict):
        raise ProtocolError(ErrorCode.BAD_FIELDS, "'data' must be an object", rid)
    key = obj.get("key")
    if key is not None and not (isinstance(key, str) and KEY_PATTERN.fullmatch(key)):
        raise ProtocolError(
            ErrorCode.BAD_FIELDS, "'key' must be 1 to 64 printable ASCII characters", rid
        )
    return MoveRequest(
        id=rid,
        actor=_short_str(obj, "as", rid),
        move=_short_str(obj, "move", rid),
        data=data,
        table=_table(obj, rid),
        key=key,
    )


def _unlock(obj: Mapping[str, Any], rid: Any) -> Unlock:
    return Unlock(
        id=rid,
        role=_short_str(obj, "role", rid),
        pin=_short_str(obj, "pin", rid, 16),
        table=_table(obj, rid),
    )


def _lock(obj: Mapping[str, Any], rid: Any) -> Lock:
    return Lock(id=rid, role=_short_str(obj, "role", rid), table=_table(obj, rid))


def _options(obj: Mapping[str, Any], rid: Any) -> Options:
    return Options(id=rid, private=_want(obj, "private", bool, rid))


def _sync(obj: Mapping[str, Any], rid: Any) -> Sync:
    return Sync(id=rid)


def _ping(obj: Mapping[str, Any], rid: Any) -> Ping:
    return Ping(id=rid)


def _preview(obj: Mapping[str, Any], rid: Any) -> PreviewRequest:
    package = obj.get("package")
    if not isinstance(package, dict):
        raise ProtocolError(ErrorCode.BAD_FIELDS, "'package' must be an object", rid)
    return PreviewRequest(
        id=rid, actor=_short_str(obj, "as", rid), package=package, table=_table(obj, rid)
    )


def _plan(obj: Mapping[str, Any], rid: Any) -> PlanRequest:
    """Exactly one of ``proposal`` (an id such as ``"P3"``) and ``package``."""
    proposal, package = obj.get("proposal"), obj.get("package")
    if (proposal is None) == (package is None):
        raise ProtocolError(ErrorCode.BAD_ARGS, "give either 'proposal' or 'package'", rid)
    if package is not None and not isinstance(package, dict):
        raise ProtocolError(ErrorCode.BAD_ARGS, "'package' must be an object", rid)
    if proposal is not None and not (isinstance(proposal, str) and 0 < len(proposal) <= 64):
        raise ProtocolError(ErrorCode.BAD_ARGS, "'proposal' must be an id such as 'P3'", rid)
    return PlanRequest(
        id=rid,
        proposal=proposal,
        package=package,
        table=_table(obj, rid),
    )


def _unblock(obj: Mapping[str, Any], rid: Any) -> Unblock:
    return Unblock(id=rid, address=_short_str(obj, "address", rid, 100))


_PARSERS: dict[str, Callable[[Mapping[str, Any], Any], ClientMessage]] = {
    "hello": _hello,
    "move": _move,
    "unlock": _unlock,
    "lock": _lock,
    "options": _options,
    "sync": _sync,
    "ping": _ping,
    "preview": _preview,
    "plan": _plan,
    "unblock": _unblock,
}
_FIELDS = {
    "hello": {
        "type",
        "id",
        "protocol",
        "codes",
        "facilitator",
        "client",
        "resume_version",
        "locked",
        "private",
        "patches",
        "parts",
    },
    "move": {"type", "id", "as", "move", "data", "table", "key"},
    "unlock": {"type", "id", "role", "pin", "table"},
    "lock": {"type", "id", "role", "table"},
    "options": {"type", "id", "private"},
    "sync": {"type", "id"},
    "ping": {"type", "id"},
    "preview": {"type", "id", "as", "package", "table"},
    "plan": {"type", "id", "proposal", "package", "table"},
    "unblock": {"type", "id", "address"},
}


# -- server -> client --------------------------------------------------------------


def dumps(message: Mapping[str, Any]) -> bytes:
    """Compact JSON of a server message, UTF-8 bytes for a text frame (orjson; see
    game.server.encode: decodes as ``json.dumps`` would; ValueError if it cannot)."""
    return compact(message)


def error(code: str, reason: str, request_id: Any = None) -> bytes:
    msg: dict[str, Any] = {"type": "error", "code": code, "reason": reason}
    if request_id is not None:
        msg["id"] = request_id
    return dumps(msg)


def ack(request_id: Any, **fields: Any) -> bytes:
    return dumps({"type": "ack", "id": request_id, **fields})


def view_message(actor: str, table: int, version: int, view_json: bytes) -> bytes:
    """A ``view`` message around an already-serialised view (serialised once per view)."""
    head = dumps({"type": "view", "as": actor, "table": table, "version": version})
    return head[:-1] + b',"view":' + view_json + b"}"
