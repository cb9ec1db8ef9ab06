"""The JSON Schema (draft 2020-12) of the scenario format, rendered from :mod:`format`.

Editors use it to complete keys and check a file while it is typed (for
example with the YAML language server: ``# yaml-language-server: $schema=...``).
Rules between values (references, coverage, minutes per mode) are only
checked by ``botsende-belangen validate``.

Editors read YAML 1.2, ``validate`` reads YAML 1.1: ``no`` is text to the one and
false to the other. So that both refuse the same files, an id may not be a word
either version reads as true/false or null, nor look like a number or a date
(:data:`~game.scenario.format_base.ID_PATTERN`), in the schema and in ``validate``.
What no schema can say (a number YAML 1.2 reads where 1.1 reads text, such as
``1e3``) is left to ``validate``.
"""

from __future__ import annotations

from typing import Any

from game import __version__
from game.scenario.format import SCENARIO
from game.scenario.spec import (
    ID_PATTERN,
    AnyOf,
    Flag,
    ListOf,
    MapOf,
    Null,
    Number,
    Record,
    Spec,
    Tagged,
    Text,
)

SCHEMA_ID = "https://botsende-belangen.invalid/scenario.schema.json"


def _render(spec: Spec, description: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    text = description or spec.description
    if text:
        out["description"] = text
    if isinstance(spec, Text):
        out["type"] = "string"
        if len(spec.enum) == 1:
            out["const"] = spec.enum[0]
        elif spec.enum:
            out["enum"] = list(spec.enum)
        if spec.pattern:
            out["pattern"] = f"^(?:{spec.pattern})$"
    elif isinstance(spec, Number):
        out["type"] = "integer" if spec.integer else "number"
        if spec.minimum is not None:
            out["minimum"] = spec.minimum
        if spec.maximum is not None:
            out["maximum"] = spec.maximum
        if spec.above is not None:
            out["exclusiveMinimum"] = spec.above
        if spec.nonzero:
            out["not"] = {"const": 0}
    elif isinstance(spec, Flag):
        out["type"] = "boolean"
    elif isinstance(spec, Null):
        out["type"] = "null"
    elif isinstance(spec, ListOf):
        out["type"] = "array"
        out["items"] = _render(spec.item)
        if spec.min_items:
            out["minItems"] = spec.min_items
        if spec.max_items is not None:
            out["maxItems"] = spec.max_items
    elif isinstance(spec, Record):
        out.update(_record(spec))
    elif isinstance(spec, MapOf):
        out["type"] = "object"
        if spec.keys:
            out["properties"] = {k: _render(spec.value) for k in spec.keys}
            out["additionalProperties"] = False
        else:
            out["additionalProperties"] = _render(spec.value)
            if spec.key_what.endswith("id"):
                out["propertyNames"] = {"pattern": f"^(?:{ID_PATTERN})$"}
        if spec.min_keys:
            out["minProperties"] = spec.min_keys
    elif isinstance(spec, AnyOf):
        out["anyOf"] = [_render(option) for option in spec.options]
    elif isinstance(spec, Tagged):
        out["type"] = "object"
        out["required"] = [spec.tag]
        out["oneOf"] = [_record(variant) for _, variant in spec.variants]
    return out


def _record(spec: Record) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "properties": {k.name: _render(k.spec) for k in spec.keys},
        "additionalProperties": False,
    }
    required = [k.name for k in spec.keys if k.required]
    if required:
        out["required"] = required
    return out


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema of a scenario file, as a JSON-ready dict."""
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"Botsende belangen scenario (format of version {__version__})",
    }
    schema.update(_render(SCENARIO))
    return schema
