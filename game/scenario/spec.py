"""A tiny language for the shape of the scenario format, and its structural check.

The format is declared once (:mod:`game.scenario.format`) with these specs;
:func:`check` validates parsed data against it, reporting every problem, and
:mod:`game.scenario.schema` renders the same declaration as a JSON Schema.
Cross-references between ids are checked elsewhere (``validate_refs``).
"""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass, field
from typing import Any

from game.scenario.problems import DEFAULT, ROOT, DataPath, Reporter, did_you_mean

#: Words YAML reads as true/false (YAML 1.1, which ``validate`` reads) or as null.
YAML_WORDS = (
    r"(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE"
    r"|on|On|ON|off|Off|OFF|null|Null|NULL)"
)
#: What YAML 1.1 or 1.2 reads as a number or a date: ``2024``, ``1_000``, ``1e3``, ``0x1f``.
YAML_NUMBERS = (
    r"(?:0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+"
    r"|[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2})"
)
#: An id: letters, digits, '_', '-', '.'; never a word or number YAML reads as something else,
#: so that ``validate`` (YAML 1.1) and an editor's schema check (YAML 1.2) agree on it.
ID_PATTERN = rf"(?!(?:{YAML_WORDS}|{YAML_NUMBERS})$)[A-Za-z0-9_][A-Za-z0-9_.-]*"


@dataclass(frozen=True)
class Spec:
    description: str = field(default="", kw_only=True)


@dataclass(frozen=True)
class Text(Spec):
    enum: tuple[str, ...] = ()
    pattern: str | None = None
    what: str = "text"
    """How messages name the expected value ("text", "an id")."""
    hint: str = ""
    """Shown when the pattern does not match."""


@dataclass(frozen=True)
class Number(Spec):
    integer: bool = False
    minimum: float | None = None
    maximum: float | None = None
    above: float | None = None
    """Exclusive minimum."""
    nonzero: bool = False
    unit: str = ""
    """What the number counts ("months"), named in messages."""


@dataclass(frozen=True)
class Flag(Spec):
    pass


@dataclass(frozen=True)
class Null(Spec):
    pass


@dataclass(frozen=True)
class ListOf(Spec):
    item: Spec
    min_items: int = 0
    max_items: int | None = None


@dataclass(frozen=True)
class Key:
    name: str
    spec: Spec
    required: bool = False


@dataclass(frozen=True)
class Record(Spec):
    keys: tuple[Key, ...]
    what: str = "this mapping"

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.keys)

    def key(self, name: str) -> Key | None:
        for k in self.keys:
            if k.name == name:
                return k
        return None


@dataclass(frozen=True)
class MapOf(Spec):
    value: Spec
    keys: tuple[str, ...] = ()
    """Allowed key names; empty means any id."""
    key_what: str = "id"
    min_keys: int = 0


@dataclass(frozen=True)
class AnyOf(Spec):
    options: tuple[Spec, ...]
    what: str = "a value"


@dataclass(frozen=True)
class Tagged(Spec):
    """A mapping whose ``tag`` key selects which keys it takes."""

    tag: str
    variants: tuple[tuple[str, Record], ...]
    what: str = "this mapping"

    def variant(self, name: str) -> Record | None:
        return dict(self.variants).get(name)


def describe(value: Any) -> str:
    """How a message names a value that has the wrong type."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (YAML reads yes/no/on/off as true/false)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value}'" if len(value) <= 40 else "a text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, datetime.date):
        return f"the date {value}"
    return f"a {type(value).__name__}"


def label(path: DataPath) -> str:
    """The name of the key (or list) a path ends in, quoted, for messages."""
    for i in range(len(path) - 1, -1, -1):
        part = path[i]
        if isinstance(part, str):
            return f"'{part}'" if i == len(path) - 1 else f"each item of '{part}'"
    return "the file's top"


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _finite(value: int | float) -> bool:
    try:
        return math.isfinite(float(value))
    except OverflowError:
        return False


def _range_text(spec: Number) -> str:
    kind = "a whole number" if spec.integer else "a number"
    lo, hi = spec.minimum, spec.maximum
    fmt = "{:g}".format
    of = f"{kind} of {spec.unit}, " if spec.unit else f"{kind} of "
    if lo is not None and hi is not None:
        return f"{kind}{' of ' + spec.unit if spec.unit else ''} from {fmt(lo)} to {fmt(hi)}"
    if lo is not None:
        return f"{of}{fmt(lo)} or more"
    if hi is not None:
        return f"{of}{fmt(hi)} or less"
    if spec.above is not None:
        return f"{kind} above {fmt(spec.above)}"
    if spec.nonzero:
        return f"{kind} other than 0"
    return kind


def _check_number(
    spec: Number, value: Any, path: DataPath, rep: Reporter, name: str | None = None
) -> bool:
    name = name or label(path)
    if not is_number(value) or not _finite(value):
        rep.at(path, f"{name} must be {_range_text(spec)}, got {describe(value)}")
        return False
    bad = (
        (spec.integer and not float(value).is_integer())
        or (spec.minimum is not None and value < spec.minimum)
        or (spec.maximum is not None and value > spec.maximum)
        or (spec.above is not None and value <= spec.above)
        or (spec.nonzero and value == 0)
    )
    if bad:
        rep.at(path, f"{name} must be {_range_text(spec)}, got {value:g}")
    return not bad


#: Words YAML 1.1 reads as true/false or null (as ``validate`` reads the file).
_YAML_WORDS = re.compile(r"y|yes|n|no|true|false|on|off|null", re.IGNORECASE)


def yaml_reading(raw: str) -> str | None:
    """Why an id written as ``raw`` cannot be one (YAML reads it as true/false or a number)."""
    if _YAML_WORDS.fullmatch(raw):
        reading = "nothing (null)" if raw.lower() == "null" else "true/false"
        return (
            f"YAML 1.1 reads '{raw}' as {reading}, editors (YAML 1.2) as text; "
            "choose another word, such as 'nee', 'geen' or 'ja'"
        )
    if re.fullmatch(r"[0-9][0-9_.eExXoObB+-]*", raw):
        return f"'{raw}' reads as a number or a date; start it with a letter, such as 'v{raw}'"
    return None


def _check_text(spec: Text, value: Any, path: DataPath, rep: Reporter) -> bool:
    rank = ROOT if path and path[-1] == "id" else DEFAULT
    if not isinstance(value, str):
        raw = rep.marks.raw.get(path)
        why = yaml_reading(raw) if raw is not None and spec.what == "an id" else None
        if why:
            rep.at(path, f"{label(path)} must be {spec.what}: {why}", rank=rank)
        else:
            rep.at(path, f"{label(path)} must be {spec.what}, got {describe(value)}", rank=rank)
        return False
    if spec.enum and value not in spec.enum:
        rep.at(
            path,
            f"{label(path)} must be one of {', '.join(spec.enum)}; "
            f"got '{value}'{did_you_mean(value, spec.enum)}",
        )
        return False
    if spec.pattern and not re.fullmatch(spec.pattern, value):
        why = yaml_reading(value) if spec.what == "an id" else None
        detail = f": {why}" if why else f"{spec.hint}, got '{value}'"
        rep.at(path, f"{label(path)} must be {spec.what}{detail}", rank=rank)
        return False
    return True


def _check_list(spec: ListOf, value: Any, path: DataPath, rep: Reporter) -> bool:
    if not isinstance(value, list):
        rep.at(path, f"{label(path)} must be a list, got {describe(value)}")
        return False
    ok = True
    if len(value) < spec.min_items or (spec.max_items is not None and len(value) > spec.max_items):
        if spec.max_items is None:
            wanted = f"at least {spec.min_items}"
        elif spec.max_items == spec.min_items:
            wanted = f"exactly {spec.min_items}"
        else:
            wanted = f"{spec.min_items} to {spec.max_items}"
        rep.at(path, f"{label(path)} must have {wanted} items, it has {len(value)}", key=True)
        ok = False
    for i, item in enumerate(value):
        ok = check(spec.item, item, (*path, i), rep) and ok
    return ok


def _named(what: str, value: dict[Any, Any]) -> str:
    """``a role`` → ``role 'gemeente'`` when the mapping has a text ``id``."""
    ident = value.get("id")
    if not isinstance(ident, str) or not ident:
        return what
    for article in ("a ", "an "):
        if what.startswith(article):
            what = what[len(article) :]
            break
    return f"{what} '{ident}'"


def _comma_hint(mapping: dict[Any, Any], name: str) -> str:
    """A key without a value after a text key: a ',' in a text inside ``{…}`` ended it."""
    keys = list(mapping)
    at = keys.index(name)
    if mapping[name] is not None or at == 0 or not isinstance(mapping[keys[at - 1]], str):
        return ""
    before = keys[at - 1]
    whole = f"{mapping[before]}, {name}"
    return (
        f"; a ',' inside a text in {{…}} ends that text: put the text in quotes, "
        f'{before}: "{whole}"'
    )


def _check_record(
    spec: Record, value: Any, path: DataPath, rep: Reporter, hidden: str = ""
) -> bool:
    if not isinstance(value, dict):
        rep.at(path, f"{label(path)} must be a mapping (key: value), got {describe(value)}")
        return False
    ok = True
    for name, item in value.items():
        key = spec.key(name)
        if key is None:
            takes = ", ".join(n for n in spec.names if n != hidden)
            hint = (
                _comma_hint(value, name)
                or did_you_mean(name, spec.names)
                or f"; {spec.what} takes: {takes}"
            )
            where = _named(spec.what, value)
            rep.at((*path, name), f"unknown key '{name}' in {where}{hint}", key=True)
            ok = False
            continue
        ok = check(key.spec, item, (*path, name), rep) and ok
    missing = [k.name for k in spec.keys if k.required and k.name not in value]
    if missing:
        keys = ", ".join(f"'{m}'" for m in missing)
        plural = "s" if len(missing) > 1 else ""
        rep.at(path, f"{_named(spec.what, value)} is missing the required key{plural} {keys}")
        ok = False
    return ok


def _check_map(spec: MapOf, value: Any, path: DataPath, rep: Reporter) -> bool:
    if not isinstance(value, dict):
        rep.at(path, f"{label(path)} must be a mapping (key: value), got {describe(value)}")
        return False
    ok = True
    if len(value) < spec.min_keys:
        rep.at(path, f"{label(path)} must have at least {spec.min_keys} entries")
        ok = False
    for name, item in value.items():
        if not spec.keys and spec.key_what.endswith("id") and not re.fullmatch(ID_PATTERN, name):
            why = yaml_reading(name) or "use letters, digits, '_', '-' or '.', no spaces"
            rep.at(
                (*path, name),
                f"key '{name}' in {label(path)} is no {spec.key_what}: {why}",
                key=True,
                rank=DEFAULT,
            )
            ok = False
            continue
        if spec.keys and name not in spec.keys:
            rep.at(
                (*path, name),
                f"unknown {spec.key_what} '{name}' in {label(path)}; allowed: "
                f"{', '.join(spec.keys)}{did_you_mean(name, spec.keys)}",
                key=True,
            )
            ok = False
            continue
        readable = item is not None and (*path, name) not in rep.marks.unreadable
        if isinstance(spec.value, Number) and not spec.keys and readable:
            kind = spec.key_what.removesuffix(" id")
            entry = f"the value for {kind} '{name}' in {label(path)}"
            ok = _check_number(spec.value, item, (*path, name), rep, entry) and ok
            continue
        ok = check(spec.value, item, (*path, name), rep) and ok
    return ok


def _shape_fits(spec: Spec, value: Any) -> bool:
    """Whether ``value`` has the basic type ``spec`` wants (ignoring details)."""
    if isinstance(spec, Text):
        return isinstance(value, str)
    if isinstance(spec, Number):
        return is_number(value)
    if isinstance(spec, Flag):
        return isinstance(value, bool)
    if isinstance(spec, Null):
        return value is None
    if isinstance(spec, ListOf):
        return isinstance(value, list)
    return isinstance(value, dict)


def _check_any(spec: AnyOf, value: Any, path: DataPath, rep: Reporter) -> bool:
    fitting = [option for option in spec.options if _shape_fits(option, value)]
    if not fitting:
        rep.at(path, f"{label(path)} must be {spec.what}, got {describe(value)}")
        return False
    for option in fitting[:-1]:
        if check(option, value, path, Reporter(rep.file, rep.marks)):
            return True
    return check(fitting[-1], value, path, rep)


def _check_tagged(spec: Tagged, value: Any, path: DataPath, rep: Reporter) -> bool:
    if not isinstance(value, dict):
        rep.at(path, f"{label(path)} must be a mapping (key: value), got {describe(value)}")
        return False
    names = tuple(n for n, _ in spec.variants)
    tag = value.get(spec.tag)
    if spec.tag not in value:
        rep.at(path, f"{spec.what} is missing the required key '{spec.tag}'")
        return False
    variant = spec.variant(tag) if isinstance(tag, str) else None
    if variant is None:
        got = f"'{tag}'" if isinstance(tag, str) else describe(tag)
        rep.at(
            (*path, spec.tag),
            f"unknown {spec.tag} {got} of {spec.what}; "
            f"known: {', '.join(names)}{did_you_mean(tag, names)}",
        )
        return False
    return _check_record(variant, value, path, rep, hidden=spec.tag)


def check(spec: Spec, value: Any, path: DataPath, rep: Reporter) -> bool:
    """Check ``value`` at ``path`` against ``spec``; report problems; True when none."""
    if path in rep.marks.unreadable:
        return False  # already reported by the parser
    if value is None and not isinstance(spec, Null | AnyOf):
        rep.at(path, f"{label(path)} has no value")
        return False
    if isinstance(spec, Text):
        return _check_text(spec, value, path, rep)
    if isinstance(spec, Number):
        return _check_number(spec, value, path, rep)
    if isinstance(spec, Flag):
        if not isinstance(value, bool):
            rep.at(path, f"{label(path)} must be true or false, got {describe(value)}")
            return False
        return True
    if isinstance(spec, Null):
        return value is None
    if isinstance(spec, ListOf):
        return _check_list(spec, value, path, rep)
    if isinstance(spec, Record):
        return _check_record(spec, value, path, rep)
    if isinstance(spec, MapOf):
        return _check_map(spec, value, path, rep)
    if isinstance(spec, AnyOf):
        return _check_any(spec, value, path, rep)
    if isinstance(spec, Tagged):
        return _check_tagged(spec, value, path, rep)
    raise TypeError(f"unknown spec {spec!r}")  # pragma: no cover - programming error
