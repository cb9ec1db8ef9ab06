"""Views with parts (docs/protocol.md, "Parts"): references resolved on arrival.

A server asked for ``parts: true`` sends each item of a view's top-level lists
that it shares between views (the proposals) as ``{"$part": id}``, and the item
itself once, in the ``parts`` of the message that first refers to it. A client
keeps, per view, the view as sent (with references) and the parts it refers
to; ``resolve`` gives the whole view, equal to the one a plain connection gets.
"""

from __future__ import annotations

from typing import Any

Json = dict[str, Any]


def is_ref(item: object) -> bool:
    return type(item) is dict and len(item) == 1 and "$part" in item


def resolve(raw: Json, parts: Json) -> Json:
    """The whole view: every reference in a top-level list replaced by its part."""
    view = dict(raw)
    for key, value in raw.items():
        if type(value) is list and any(is_ref(item) for item in value):
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


class PartViews:
    """Per view key the view as sent and its parts; gives whole views."""

    def __init__(self) -> None:
        self.raw: dict[Any, tuple[Json, Json]] = {}

    def whole(self, key: Any, view: Json, parts: Json) -> Json:
        """A whole ``view`` message's view (``parts`` holds every part it refers to)."""
        self.raw[key] = (view, referenced(view, parts))
        return resolve(view, parts)

    def patched(self, key: Any, msg: Json) -> Json | None:
        """The whole view after a ``patch``, or None when its base is not the view held."""
        held = self.raw.get(key)
        if held is None or held[0].get("version") != msg.get("base"):
            return None
        raw = {**held[0], **msg.get("set", {})}
        for field in msg.get("unset", ()):
            raw.pop(field, None)
        parts = {**held[1], **msg.get("parts", {})}
        try:
            return self.whole(key, raw, parts)
        except KeyError:  # a part we never got: ask for the whole view again
            return None

    def forget(self, key: Any) -> None:
        self.raw.pop(key, None)

    def clear(self) -> None:
        self.raw.clear()
