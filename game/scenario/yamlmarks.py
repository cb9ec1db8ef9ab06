"""Parse YAML into plain data while keeping the line and column of every value.

PyYAML's ``safe_load`` forgets where a value came from and silently keeps the
last of two equal keys. Here the text is *composed* into nodes with the safe
loader and converted by hand, so that:

* every value and every mapping key gets a 1-based ``(line, column)`` mark in a
  :class:`~game.scenario.problems.Marks`, keyed by its path in the data;
* duplicate keys, tabs in indentation, unsupported tags, merge keys and
  recursive or exploding aliases are reported as problems;
* mapping keys are taken as written (``no: 3`` has the key ``"no"``, not
  ``False``), since every key in the format is a name or an id.

Nothing here raises for bad input: syntax errors become problems too.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.scenario.problems import DataPath, Reporter
from game.scenario.yamlerrors import explain

#: Most nodes a file may expand to (aliases can blow a small file up).
MAX_NODES = 200_000

_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_TAB_INDENT = re.compile(r"^[ \-?:]*\t")
#: libyaml's loader (``None`` when PyYAML was built without it).
_CLoader: Any = getattr(yaml, "CSafeLoader", None)
#: The characters PyYAML's reader refuses (libyaml's differ a little).
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


class _TooLarge(Exception):
    pass


def _mark(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _check_tabs(text: str, reporter: Reporter) -> set[int]:
    lines: set[int] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        found = _TAB_INDENT.match(line)
        if found:
            lines.add(number)
            reporter.add(number, found.end(), "tab in indentation; YAML indents with spaces only")
    return lines


def _yaml_error(exc: yaml.YAMLError, text: str, reporter: Reporter, tab_lines: set[int]) -> None:
    mark = getattr(exc, "problem_mark", None)
    if isinstance(exc, yaml.MarkedYAMLError) and mark is not None:
        if mark.line + 1 in tab_lines:
            return  # already reported as a tab, which is what YAML trips over
        line, col, message = explain(exc, text)
        reporter.add(line, col, message)
        return
    position = getattr(exc, "position", None)
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(position, int):
        before = text[:position]
        line = before.count("\n") + 1
        col = position - (before.rfind("\n") + 1) + 1
        reporter.add(line, col, f"unreadable character {exc.character!r} in the file")
        return
    reporter.add(1, 1, f"YAML error: {exc}")


class _Builder:
    def __init__(self, loader: yaml.SafeLoader, reporter: Reporter) -> None:
        self.loader = loader
        self.reporter = reporter
        self.count = 0
        self.active: set[int] = set()

    def value(self, node: Node, path: DataPath) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge
        self.reporter.marks.values[path] = _mark(node)
        if id(node) in self.active:
            self.reporter.at(path, "an alias refers to the value it is part of (a cycle)")
            self.reporter.marks.unreadable.add(path)
            return None
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        self.active.add(id(node))
        try:
            if isinstance(node, MappingNode):
                return self.mapping(node, path)
            if isinstance(node, SequenceNode):
                return self.sequence(node, path)
        finally:
            self.active.discard(id(node))
        return None  # pragma: no cover - composer yields only these node kinds

    def scalar(self, node: ScalarNode, path: DataPath) -> Any:
        try:
            value = self.loader.construct_object(node, deep=True)
            if not isinstance(value, str) and not node.style and node.value:
                self.reporter.marks.raw[path] = node.value
            return value
        except Exception as exc:  # the constructors raise many kinds for odd tags
            detail = getattr(exc, "problem", None) or str(exc)
            self.reporter.at(path, f"cannot read this value (tag {node.tag}): {detail}")
            self.reporter.marks.unreadable.add(path)
            return None

    def sequence(self, node: SequenceNode, path: DataPath) -> list[Any]:
        if node.tag != _SEQ:
            self.reporter.at(path, f"unsupported YAML tag {node.tag}")
        return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]

    def mapping(self, node: MappingNode, path: DataPath) -> dict[str, Any]:
        if node.tag != _MAP:
            self.reporter.at(path, f"unsupported YAML tag {node.tag}")
        result: dict[str, Any] = {}
        first_seen: dict[str, tuple[int, int]] = {}
        for key_node, value_node in node.value:
            line, col = _mark(key_node)
            if not isinstance(key_node, ScalarNode):
                self.reporter.add(line, col, "a key must be plain text, not a list or mapping")
                continue
            if key_node.tag == _MERGE:
                self.reporter.add(
                    line, col, "merge keys ('<<') are not supported; write the keys out"
                )
                continue
            key = str(key_node.value)
            if key in first_seen:
                first = first_seen[key][0]
                self.reporter.add(
                    line,
                    col,
                    f"duplicate key '{key}' (first at line {first}); YAML would silently "
                    "keep only the last one",
                )
                continue
            first_seen[key] = (line, col)
            self.reporter.marks.keys[(*path, key)] = (line, col)
            result[key] = self.value(value_node, (*path, key))
        return result


def _compose_fast(text: str) -> tuple[Any, Node] | None:
    """The loader and node of ``text`` composed by libyaml, when that is sure to give
    what PyYAML's own composer gives (the same nodes, the same marks); else ``None``.

    libyaml is about ten times faster. It is used for well-formed text only: any
    error, and text with a tab or a character PyYAML refuses (libyaml takes some of
    those), or an empty document, goes the pure-Python way, whose messages the
    problems are worded after.
    """
    if _CLoader is None or "\t" in text or _NON_PRINTABLE.search(text):
        return None
    loader = _CLoader(text)
    try:
        node = loader.get_single_node()
    except Exception:  # whatever libyaml trips over, PyYAML reports
        loader.dispose()
        return None
    if node is None:
        loader.dispose()
        return None
    return loader, node


def parse_marked(text: str, reporter: Reporter) -> tuple[bool, Any]:
    """Parse ``text``; returns ``(ok, data)`` with marks and problems in ``reporter``.

    ``ok`` is false when nothing usable came out (syntax error, empty file).
    """
    tab_lines = _check_tabs(text, reporter)
    fast = None if tab_lines else _compose_fast(text)
    loader = fast[0] if fast is not None else yaml.SafeLoader(text)
    try:
        node = fast[1] if fast is not None else loader.get_single_node()
        if node is None:
            reporter.add(1, 1, "the file is empty; a scenario starts with 'meta:'")
            return False, None
        data = _Builder(loader, reporter).value(node, ())
        return True, data
    except yaml.YAMLError as exc:
        _yaml_error(exc, text, reporter, tab_lines)
    except _TooLarge:
        reporter.add(1, 1, f"the file expands to more than {MAX_NODES} values (aliases?)")
    except RecursionError:
        reporter.add(1, 1, "the file is nested too deeply")
    finally:
        loader.dispose()
    return False, None
