"""JSON for views, fast: parts shared between views are serialised once.

The engine's views share their parts (``shared=True``): the public part of one
state is the same object in every seat's view, and static parts (scenario,
roles, unchanged proposals) stay the same objects from version to version. The
engine promises never to change them, so the text of such a part can be kept
by object identity. The encoder looks up the top-level values of a view and the
items of those values; whatever is not cached is serialised by the C encoder,
and kept when it is big enough to be worth it. Entries hold a reference to
their object (so an id is never reused while cached) and age out after two
generations without use; a generation holds at most ``generation_chars`` of
new text, so the cache stays within a few tens of megabytes.
"""

from __future__ import annotations

import json
from json.encoder import (  # type: ignore[attr-defined]
    c_make_encoder,
    encode_basestring,
)
from typing import Any

#: Strict JSON: a NaN or an infinity raises ValueError instead of leaving the server.
_encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _no_default(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


#: The C encoder that ``JSONEncoder.encode`` builds on every call, built once (views
#: hold no cycles, so no cycle check): the same text, a few microseconds less per value;
#: a view is written in some two hundred values per move.
_c_encode = (
    None
    if c_make_encoder is None
    else c_make_encoder(None, _no_default, encode_basestring, None, ":", ",", False, False, False)
)


def _dumps(value: Any) -> str:
    if _c_encode is None:  # pragma: no cover - CPython has the C encoder
        return _encoder.encode(value)
    if type(value) is str:
        return str(encode_basestring(value))
    return "".join(_c_encode(value, 0))


#: Compact strict JSON of any value (``json.dumps(..., separators=(",", ":"),
#: ensure_ascii=False, allow_nan=False)``).
compact = _dumps

_INF = float("inf")
_KEYS: dict[str, str] = {}


def _key(key: Any) -> str:
    """The JSON text of a dict key (field names and ids repeat: kept)."""
    text = _KEYS.get(key)
    if text is None:
        text = _dumps(str(key))
        if len(_KEYS) < 100_000:
            _KEYS[key] = text
    return text


def _scalar(value: Any) -> str:
    """A scalar's JSON text, as the encoder writes it, without building an encoder."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    if kind is float and value == value and value not in (_INF, -_INF):
        return float.__repr__(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return _dumps(value)  # NaN and infinity raise here, like everywhere else


#: Texts of values by identity, for the views of one broadcast (holds its values).
Memo = dict[int, tuple[Any, str]]

#: Texts shorter than this are cheaper to rebuild than to keep.
KEEP_FROM = 64
#: What an entry costs beyond its text (counted against a generation's size).
ENTRY_COST = 100
#: Lists of records at least this long are written record by record, each record's
#: text kept (``ViewEncoder._small``).
LIST_ITEMS = 16


class ViewEncoder:
    """Serialises views; ``encode(view)`` equals compact ``json.dumps(view)``."""

    def __init__(self, generation_chars: int = 8_000_000, generation_items: int = 200_000) -> None:
        self.generation_chars = generation_chars
        self._chars = 0
        self._new: dict[int, tuple[Any, str]] = {}
        self._old: dict[int, tuple[Any, str]] = {}
        #: The texts of the records of long lists, by identity; a generation holds at
        #: most ``generation_items`` records (a few tens of bytes each).
        self.generation_items = generation_items
        self._items: dict[int, tuple[Any, str]] = {}
        self._items_old: dict[int, tuple[Any, str]] = {}
        self.hits = 0
        self.misses = 0

    def encode(self, view: dict[str, Any]) -> str:
        return join_parts(self.encode_parts(view))

    def encode_parts(self, view: dict[str, Any], memo: Memo | None = None) -> dict[str, str]:
        """The JSON text of each top-level value of ``view``.

        ``memo`` (one per broadcast) keeps the text of each top-level value by
        identity, so the parts the views of one state share (the public part,
        scalars) are looked up once per broadcast rather than once per view.
        """
        if memo is None:
            return {str(k): self._part(v) for k, v in view.items()}
        return {str(k): self.memo_part(memo, v) for k, v in view.items()}

    def memo_part(self, memo: Memo, value: Any) -> str:
        key = id(value)
        found = memo.get(key)
        if found is not None and found[0] is value:
            return found[1]
        text = self._part(value)
        memo[key] = (value, text)
        return text

    def _part(self, value: Any) -> str:
        if not isinstance(value, dict | list):
            return _scalar(value)
        found = self._lookup(value)
        if found is not None:
            return found
        if isinstance(value, dict):
            inner = ",".join(f"{_key(k)}:{self._item(v)}" for k, v in value.items())
            text = f"{{{inner}}}"
        else:
            text = f"[{','.join(self._item(v) for v in value)}]"
        self._keep(value, text)
        return text

    def _item(self, value: Any) -> str:
        kind = type(value)
        if kind is str and len(value) >= KEEP_FROM:  # a briefing: kept like a dict
            found = self._lookup(value)
            if found is None:
                found = encode_basestring(value)
                self._keep(value, found)
            return found
        if not isinstance(value, dict | list):
            return _scalar(value)
        found = self._lookup(value)
        if found is not None:
            return found
        if kind is list and len(value) >= LIST_ITEMS and type(value[0]) is dict:
            # A long list of small records that stay the same objects from state to
            # state (a role's value of each proposal): each record's text is kept.
            text = "[" + ",".join([self._small(v) for v in value]) + "]"
        else:
            text = _dumps(value)
        self._keep(value, text)
        return text

    def _small(self, value: Any) -> str:
        """An item's text, kept by identity however short it is."""
        if not isinstance(value, dict | list):
            return _scalar(value)
        key = id(value)
        found = self._items.get(key) or self._items_old.get(key)
        if found is not None and found[0] is value:
            self._items[key] = found
            return found[1]
        text = _dumps(value)
        if len(self._items) >= self.generation_items:
            self._items_old, self._items = self._items, {}
        self._items[key] = (value, text)
        return text

    def _lookup(self, value: Any) -> str | None:
        key = id(value)
        found = self._new.get(key) or self._old.get(key)
        if found is not None and found[0] is value:
            self.hits += 1
            self._new[key] = found
            return found[1]
        self.misses += 1
        return None

    def _keep(self, value: Any, text: str) -> None:
        if len(text) < KEEP_FROM:
            return
        if self._chars >= self.generation_chars:
            self._old, self._new, self._chars = self._new, {}, 0
        self._new[id(value)] = (value, text)
        self._chars += len(text) + ENTRY_COST


def join_parts(parts: dict[str, str]) -> str:
    """A JSON object from the texts of its values."""
    return "{" + ",".join(f"{_dumps(k)}:{text}" for k, text in parts.items()) + "}"


#: New parts between two lists of parts, by their identities (holds both).
Diffs = dict[tuple[int, int], tuple[dict[str, str], dict[str, str] | None, dict[str, str]]]

#: Top-level fields whose items go to ``parts: true`` connections as references.
PART_FIELDS = ("proposals", "messages", "private_messages")


class RawView:
    """A view as a ``parts: true`` connection gets it: the JSON text of each
    top-level value, with the items of ``PART_FIELDS`` as ``{"$part": id}``, and
    per such field the text of every part it refers to."""

    __slots__ = ("field_parts", "fields")

    def __init__(self, fields: dict[str, str], field_parts: dict[str, dict[str, str]]) -> None:
        self.fields = fields
        self.field_parts = field_parts

    @property
    def parts(self) -> dict[str, str]:
        """Every part the view refers to."""
        found: dict[str, str] = {}
        for parts in self.field_parts.values():
            found.update(parts)
        return found

    def new_parts(self, base: RawView, diffs: Diffs) -> dict[str, str]:
        """The parts this view refers to and ``base`` did not (``diffs``: one per
        broadcast, as the views of one state share their lists of parts)."""
        found: dict[str, str] = {}
        for field, parts in self.field_parts.items():
            old = base.field_parts.get(field)
            if parts is old:
                continue
            key = (id(parts), id(old))
            cached = diffs.get(key)
            if cached is None or cached[0] is not parts or cached[1] is not old:
                held = old or {}
                fresh = {pid: text for pid, text in parts.items() if pid not in held}
                cached = diffs[key] = (parts, old, fresh)
            found.update(cached[2])
        return found


class PartCatalog:
    """Stable part ids for the shared items of views, by object identity.

    A proposal's JSON is one cached object per proposal record (records never
    change), so the same id means the same content for as long as the server runs.
    """

    def __init__(self, encoder: ViewEncoder, generation_chars: int = 8_000_000) -> None:
        self.encoder = encoder
        #: Like the encoder's cache: a generation holds at most this much new text;
        #: an item unused for two generations gets a new id (and is sent again).
        self.generation_chars = generation_chars
        self._chars = 0
        self._next = 0
        self._new: dict[int, tuple[Any, str, str]] = {}
        self._old: dict[int, tuple[Any, str, str]] = {}
        #: The last list encoded per field: (list, its text with references, its parts).
        self._lists: dict[int, tuple[Any, str, dict[str, str]]] = {}

    def raw(self, view: dict[str, Any], memo: Memo | None = None) -> RawView:
        fields: dict[str, str] = {}
        parts: dict[str, dict[str, str]] = {}
        memo = {} if memo is None else memo
        for key, value in view.items():
            if key in PART_FIELDS and isinstance(value, list):
                fields[key], parts[key] = self._refs(value)
            else:
                fields[key] = self.encoder.memo_part(memo, value)
        return RawView(fields, parts)

    def _refs(self, items: list[Any]) -> tuple[str, dict[str, str]]:
        cached = self._lists.get(id(items))
        if cached is not None and cached[0] is items:
            return cached[1], cached[2]
        parts: dict[str, str] = {}
        for item in items:
            pid, text = self._part_of(item)
            parts[pid] = text
        text = "[" + ",".join(f'{{"$part":"{pid}"}}' for pid in parts) + "]"
        if len(self._lists) > 4096:
            self._lists.clear()
        self._lists[id(items)] = (items, text, parts)
        return text, parts

    def _part_of(self, item: Any) -> tuple[str, str]:
        """The id and text of a shared item (both kept while the item is in use)."""
        key = id(item)
        found = self._new.get(key) or self._old.get(key)
        if found is None or found[0] is not item:
            self._next += 1
            found = (item, f"p{self._next}", self.encoder._item(item))
            self._chars += len(found[2])
            if self._chars >= self.generation_chars:
                self._old, self._new, self._chars = self._new, {}, len(found[2])
        self._new[key] = found
        return found[1], found[2]
