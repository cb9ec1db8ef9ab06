"""JSON for views, fast: orjson, and parts shared between views serialised once.

Every message leaves the server as UTF-8 JSON bytes written by orjson (a C
serialiser, some fourteen times faster than the standard library's for a late
view), sent as a websocket *text* frame without being decoded or encoded again.
The bytes decode to what ``json.dumps`` of the same value gives; they are
byte for byte the same text except that a float in exponent form has no
leading zero in its exponent (``1e-7``, not ``1e-07``; both are JSON).
Unlike ``json.dumps(..., allow_nan=False)``, orjson writes a NaN or an infinity
as ``null`` (still JSON; the engine never puts one in a view: its arguments
are checked finite and client input with them is refused at the door). A value
orjson cannot write (an integer beyond 64 bits, a lone surrogate, an unknown
type) raises ValueError, as before.

The engine's views share their parts (``shared=True``): the public part of one
state is the same object in every seat's view, and static parts (scenario,
roles, unchanged proposals) stay the same objects from version to version. The
engine promises never to change them, so the bytes of such a part are kept by
object identity. Entries hold a reference to their object (so an id is never
reused while cached) and age out after two generations without use; a
generation holds at most ``generation_chars`` of new text, so the cache stays
within a few tens of megabytes.
"""

from __future__ import annotations

from typing import Any

import orjson

_dumps_plain = orjson.dumps
_NON_STR_KEYS = orjson.OPT_NON_STR_KEYS
_EncodeError = orjson.JSONEncodeError


def compact(value: Any) -> bytes:
    """Compact JSON (UTF-8 bytes) of any value, as ``json.dumps(value,
    separators=(",", ":"), ensure_ascii=False).encode()`` decodes (see the module
    docstring); ValueError for what cannot be written."""
    try:
        return _dumps_plain(value)
    except _EncodeError:
        pass
    try:  # keys that are not strings (ints, ...): written as json.dumps writes them
        return _dumps_plain(value, option=_NON_STR_KEYS)
    except _EncodeError as exc:
        raise ValueError(str(exc)) from None


_dumps = compact
_KEYS: dict[str, bytes] = {}


def _key(key: Any) -> bytes:
    """``"key":`` as bytes (field names and part ids repeat: kept)."""
    text = _KEYS.get(key)
    if text is None:
        text = _dumps(str(key)) + b":"
        if len(_KEYS) < 100_000:
            _KEYS[key] = text
    return text


#: Texts of values by identity, for the views of one broadcast (holds its values).
Memo = dict[int, tuple[Any, bytes]]

#: Texts shorter than this are cheaper to rebuild than to keep.
KEEP_FROM = 64
#: What an entry costs beyond its text (counted against a generation's size).
ENTRY_COST = 100


class ViewEncoder:
    """Serialises views; ``encode(view)`` decodes to what ``json.dumps(view)`` does."""

    def __init__(self, generation_chars: int = 8_000_000) -> None:
        self.generation_chars = generation_chars
        self._chars = 0
        self._new: dict[int, tuple[Any, bytes]] = {}
        self._old: dict[int, tuple[Any, bytes]] = {}
        self.hits = 0
        self.misses = 0

    def encode(self, view: dict[str, Any]) -> bytes:
        return join_parts(self.encode_parts(view))

    def encode_parts(self, view: dict[str, Any], memo: Memo | None = None) -> dict[str, bytes]:
        """The JSON text of each top-level value of ``view``.

        ``memo`` (one per broadcast) keeps the text of each top-level value by
        identity, so the parts the views of one state share (the public part,
        scalars) are looked up once per broadcast rather than once per view.
        """
        if memo is None:
            return {str(k): self._item(v) for k, v in view.items()}
        return {str(k): self.memo_part(memo, v) for k, v in view.items()}

    def memo_part(self, memo: Memo, value: Any) -> bytes:
        key = id(value)
        found = memo.get(key)
        if found is not None and found[0] is value:
            return found[1]
        text = self._item(value)
        memo[key] = (value, text)
        return text

    def _item(self, value: Any) -> bytes:
        """A value's text: kept by identity when it is a dict, a list or a long str."""
        kind = type(value)
        if kind is not dict and kind is not list and (kind is not str or len(value) < KEEP_FROM):
            return _dumps(value)
        key = id(value)
        found = self._new.get(key) or self._old.get(key)
        if found is not None and found[0] is value:
            self.hits += 1
            self._new[key] = found
            return found[1]
        self.misses += 1
        text = _dumps(value)
        if len(text) >= KEEP_FROM:
            if self._chars >= self.generation_chars:
                self._old, self._new, self._chars = self._new, {}, 0
            self._new[key] = (value, text)
            self._chars += len(text) + ENTRY_COST
        return text


def join_parts(parts: dict[str, bytes]) -> bytes:
    """A JSON object from the texts of its values."""
    return b"{" + b",".join([_key(k) + text for k, text in parts.items()]) + b"}"


#: New parts between two lists of parts, by their identities (holds both).
Diffs = dict[tuple[int, int], tuple[dict[str, bytes], dict[str, bytes] | None, dict[str, bytes]]]

#: Top-level fields whose items go to ``parts: true`` connections as references.
PART_FIELDS = ("proposals", "messages", "private_messages")


class RawView:
    """A view as a ``parts: true`` connection gets it: the JSON text of each
    top-level value, with the items of ``PART_FIELDS`` as ``{"$part": id}``, and
    per such field the text of every part it refers to.

    For :meth:`PartCatalog.raw` to make the next view of the same key from it:
    ``keys`` and ``values``, the view it was made of (read-only, as the engine's
    shared views are); and when it was made that way, ``base`` (that RawView) and
    ``renewed`` (the fields whose text was made anew: every other field has the very
    text of ``base``, so a patch on ``base`` need only look at these)."""

    __slots__ = ("base", "field_parts", "fields", "keys", "renewed", "values")

    def __init__(
        self,
        fields: dict[str, bytes],
        field_parts: dict[str, dict[str, bytes]],
        values: list[Any] | None = None,
        base: RawView | None = None,
        renewed: list[str] | None = None,
    ) -> None:
        self.fields = fields
        self.field_parts = field_parts
        self.keys = tuple(fields)
        self.values: list[Any] = [] if values is None else values
        self.base = base
        self.renewed = renewed

    @property
    def parts(self) -> dict[str, bytes]:
        """Every part the view refers to."""
        found: dict[str, bytes] = {}
        for parts in self.field_parts.values():
            found.update(parts)
        return found

    def new_parts(self, base: RawView, diffs: Diffs) -> dict[str, bytes]:
        """The parts this view refers to and ``base`` did not (``diffs``: one per
        broadcast, as the views of one state share their lists of parts)."""
        found: dict[str, bytes] = {}
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
        self._new: dict[int, tuple[Any, str, bytes]] = {}
        self._old: dict[int, tuple[Any, str, bytes]] = {}
        #: The last list encoded per field: (list, its text with references, its parts).
        self._lists: dict[int, tuple[Any, bytes, dict[str, bytes]]] = {}

    def raw(
        self, view: dict[str, Any], memo: Memo | None = None, previous: RawView | None = None
    ) -> RawView:
        """``view`` as a parts connection gets it. ``previous``: this view key's last
        RawView; a top-level value that is the very same object as there (the engine
        never changes a shared part) takes its text and parts from it, whatever the
        caches hold: with a hundred tables, a table's texts would often have aged out
        of the encoder's generations by the time its next move comes."""
        memo = {} if memo is None else memo
        keys = tuple(view)
        values = list(view.values())
        if previous is None or previous.keys != keys:
            fields: dict[str, bytes] = {}
            parts: dict[str, dict[str, bytes]] = {}
            for key, value in view.items():
                if key in PART_FIELDS and isinstance(value, list):
                    fields[key], parts[key] = self._refs(value)
                else:
                    fields[key] = self.encoder.memo_part(memo, value)
            return RawView(fields, parts, values)
        previous.base = None  # only the newest view needs its base: no chain of views
        old = previous.values
        renewed = [i for i, (a, b) in enumerate(zip(values, old, strict=True)) if a is not b]
        texts = list(previous.fields.values())
        parts = dict(previous.field_parts)
        for i in renewed:
            key, value = keys[i], values[i]
            if key in PART_FIELDS and isinstance(value, list):
                texts[i], parts[key] = self._refs(value)
            else:
                parts.pop(key, None)
                texts[i] = self.encoder.memo_part(memo, value)
        return RawView(
            dict(zip(keys, texts, strict=True)), parts, values, previous, [keys[i] for i in renewed]
        )

    def _refs(self, items: list[Any]) -> tuple[bytes, dict[str, bytes]]:
        cached = self._lists.get(id(items))
        if cached is not None and cached[0] is items:
            return cached[1], cached[2]
        parts: dict[str, bytes] = {}
        for item in items:
            pid, text = self._part_of(item)
            parts[pid] = text
        text = b"[" + b",".join([b'{"$part":"%s"}' % pid.encode() for pid in parts]) + b"]"
        if len(self._lists) > 4096:
            self._lists.clear()
        self._lists[id(items)] = (items, text, parts)
        return text, parts

    def _part_of(self, item: Any) -> tuple[str, bytes]:
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
