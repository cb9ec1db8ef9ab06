"""Views with parts (docs/protocol.md, "Parts"): references resolved on arrival.

A server asked for ``parts: true`` sends each item of a view's top-level lists
that it shares between views (the proposals) as ``{"$part": id}``, and the item
itself once, in the ``parts`` of the message that first refers to it. A client
keeps, per view, the view as sent (with references) and the parts it refers
to; ``resolve`` gives the whole view, equal to the one a plain connection gets.

``PartViews`` is incremental: a patch touches only the fields it sets or
unsets; the other fields keep their resolved values (a late game's patch sets
two or three of some forty fields, and its lists of parts hold hundreds of
references). The result equals ``resolve`` of the patched view as sent
(tests/unit/test_parts_incremental.py).
"""

from __future__ import annotations

from typing import Any

Json = dict[str, Any]


def is_ref(item: object) -> bool:
    return type(item) is dict and len(item) == 1 and "$part" in item


def _has_refs(value: object) -> bool:
    if type(value) is not list:
        return False
    for item in value:  # noqa: SIM110 (a loop: faster than any() over a generator)
        if type(item) is dict and len(item) == 1 and "$part" in item:
            return True
    return False


def resolve(raw: Json, parts: Json) -> Json:
    """The whole view: every reference in a top-level list replaced by its part."""
    view = dict(raw)
    for key, value in raw.items():
        if _has_refs(value):
            view[key] = [parts[item["$part"]] if is_ref(item) else item for item in value]
    return view


def referenced(raw: Json, parts: Json) -> Json:
    """The parts ``raw`` refers to (all a client needs to keep for this view)."""
    kept: Json = {}
    for value in raw.values():
        if type(value) is list:
            for item in value:
                if is_ref(item):
                    kept[item["$part"]] = parts[item["$part"]]
    return kept


class _Held:
    """One view key: the view as sent, per field with references the parts it
    refers to, and the whole view."""

    __slots__ = ("field_parts", "raw", "view")

    def __init__(self, raw: Json, field_parts: dict[str, Json], view: Json) -> None:
        self.raw = raw
        self.field_parts = field_parts
        self.view = view

    def copy(self) -> Json:
        """The whole view for a caller: a new dict, and new lists where references
        were resolved (as ``resolve`` gives), so a caller's changes stay its own."""
        out = dict(self.view)
        for field in self.field_parts:
            out[field] = list(out[field])
        return out


def _resolve_field(value: list[Any], find: Any) -> tuple[list[Any], Json]:
    """A list with references resolved by ``find(pid)``, and the parts it refers to."""
    kept: Json = {}
    out: list[Any] = []
    for item in value:
        if type(item) is dict and len(item) == 1 and "$part" in item:
            pid = item["$part"]
            part = kept[pid] = find(pid)
            out.append(part)
        else:
            out.append(item)
    return out, kept


class PartViews:
    """Per view key the view as sent and its parts; gives whole views."""

    def __init__(self) -> None:
        self._held: dict[Any, _Held] = {}

    @property
    def raw(self) -> dict[Any, tuple[Json, Json]]:
        """Per view key the view as sent and every part it refers to."""
        out: dict[Any, tuple[Json, Json]] = {}
        for key, held in self._held.items():
            parts: Json = {}
            for kept in held.field_parts.values():
                parts.update(kept)
            out[key] = (held.raw, parts)
        return out

    def whole(self, key: Any, view: Json, parts: Json) -> Json:
        """A whole ``view`` message's view (``parts`` holds every part it refers to)."""
        whole = dict(view)
        field_parts: dict[str, Json] = {}
        for field, value in view.items():
            if _has_refs(value):
                whole[field], field_parts[field] = _resolve_field(value, parts.__getitem__)
        held = self._held[key] = _Held(view, field_parts, whole)
        return held.copy()

    def patched(self, key: Any, msg: Json) -> Json | None:
        """The whole view after a ``patch``, or None when its base is not the view held."""
        held = self._held.get(key)
        if held is None or held.raw.get("version") != msg.get("base"):
            return None
        fresh: Json = msg.get("parts") or {}
        old_parts = held.field_parts
        raw = dict(held.raw)
        whole = dict(held.view)
        field_parts = dict(old_parts)
        unset = msg.get("unset") or ()
        try:
            for field, value in msg.get("set", {}).items():
                if field in unset:
                    continue  # set, then unset: gone
                raw[field] = value
                if _has_refs(value):
                    same = old_parts.get(field) or {}

                    def find(pid: str, same: Json = same) -> Any:
                        if pid in fresh:
                            return fresh[pid]
                        if pid in same:
                            return same[pid]
                        return _elsewhere(old_parts, pid)

                    whole[field], field_parts[field] = _resolve_field(value, find)
                else:
                    whole[field] = value
                    field_parts.pop(field, None)
        except KeyError:  # a part we never got: ask for the whole view again
            return None
        for field in unset:
            raw.pop(field, None)
            whole.pop(field, None)
            field_parts.pop(field, None)
        held = self._held[key] = _Held(raw, field_parts, whole)
        return held.copy()

    def forget(self, key: Any) -> None:
        self._held.pop(key, None)

    def clear(self) -> None:
        self._held.clear()


def _elsewhere(field_parts: dict[str, Json], pid: str) -> Any:
    """A part held for another field (KeyError when no field has it)."""
    for kept in field_parts.values():
        if pid in kept:
            return kept[pid]
    raise KeyError(pid)
