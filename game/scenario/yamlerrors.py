"""Plain messages for YAML syntax errors: what went wrong and what to do.

PyYAML says "mapping values are not allowed here" or "expected <block end>,
but found '<block mapping start>'". :func:`explain` looks at the error and the
lines around it and says, in a trainer's words, which common mistake it is:
a key indented too far or not far enough, a ``: `` or ``,`` inside a text, a
tab, a quote or bracket never closed, a text starting with a special character.
Unrecognised errors keep PyYAML's words, prefixed with "YAML syntax error".
"""

from __future__ import annotations

import re

import yaml

_KEY_LINE = re.compile(r"^(\s*)(?:-\s+)?([^\s:#'\"{}\[\],][^:#]*?):(?:\s|$)")
_CLOSERS = {"flow mapping": ("{", "}"), "flow sequence": ("[", "]")}


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _previous(lines: list[str], index: int) -> int | None:
    """Index of the nearest line above ``index`` that holds something (not a comment)."""
    for k in range(index - 1, -1, -1):
        stripped = lines[k].strip()
        if stripped and not stripped.startswith("#"):
            return k
    return None


def _quote_hint(line: str) -> str:
    found = re.match(r"^(\s*(?:-\s+)?[\w.-]+:\s*)(.+?)\s*$", line)
    if not found or found.group(2).startswith(("{", "[", '"', "'")):
        return "put that text in quotes"
    return f'put that text in quotes: {found.group(1).strip()} "{found.group(2)}"'


def _mapping_values(lines: list[str], line: int, col: int) -> str:
    """``mapping values are not allowed here``: a key indented too far, or ': ' in a text."""
    here = lines[line] if line < len(lines) else ""
    key = _KEY_LINE.match(here)
    above = _previous(lines, line)
    if key and above is not None and col == key.end(2) + 1:
        before = lines[above].strip()
        if ":" not in before and not before.startswith("-"):
            return (
                f"line {above + 1} has no ':' after its key, so this line cannot start a key; "
                "write 'key: value' on that line"
            )
        return (
            f"'{key.group(2)}:' is indented further than the line above it (line {above + 1}); "
            f"keys of one mapping start in the same column: move it to column "
            f"{_indent(lines[above]) + 1}"
        )
    return f"a ': ' inside a text ends the key and starts a value; {_quote_hint(here)}"


def _block_end(lines: list[str], line: int, col: int, found: str, context_col: int) -> str:
    """``expected <block end>, but found ...``: an indentation that lines up with nothing."""
    here = lines[line] if line < len(lines) else ""
    above = _previous(lines, line)
    if found == "<scalar>" and col > _indent(here) + 1:
        return (
            "text after a closing quote or bracket; put the whole text in quotes, "
            "or start the list or mapping on a new line"
        )
    if found == "-":
        return (
            f"a list item ('-') where the lines above (from column {context_col}) are keys; "
            "indent the list under its key, or write a key here"
        )
    if found == "?":
        return (
            f"a key here, but the lines above (from column {context_col}) are a list; "
            "indent the key under its list item, or start it with '- '"
        )
    where = f" (line {above + 1}: column {_indent(lines[above]) + 1})" if above is not None else ""
    return (
        f"this line starts in column {col}, which lines up with no key above it{where}; "
        f"keys of one mapping start in the same column, here column {context_col}"
    )


def _flow_entry(text: str, col: int) -> str:
    """``key: "value"`` for the flow entry around 1-based column ``col`` of ``text``."""
    start = max(text.rfind(",", 0, col - 1), text.rfind("{", 0, col - 1)) + 1
    ends = [i for i in (text.find(",", col), text.find("}", col)) if i >= 0]
    entry = text[start : min(ends) if ends else len(text)].strip()
    key, sep, value = entry.partition(":")
    if not sep:
        return 'note: "…"'
    return f'{key.strip()}: "{value.strip()}"'


def _flow(
    problem: str, context: str, here: str, line: int, col: int, context_line: int, context_col: int
) -> str:
    opener, closer = next(
        ((o, c) for name, (o, c) in _CLOSERS.items() if name in context), ("{", "}")
    )
    if line > context_line:
        return (
            f"the '{opener}' at line {context_line + 1}, column {context_col} is never closed; "
            f"end it with '{closer}' on its line"
        )
    got = problem.rsplit("but got ", 1)[-1]
    return (
        f"a {got} inside a text in {opener}…{closer}; put that text in quotes: "
        f"{_flow_entry(here, col)}"
    )


def _character(char: str) -> str:
    if char == "\\t":
        return "a tab here; YAML allows only spaces between a ':' and its value: use a space"
    return f"a text cannot start with '{char}' in YAML; put the text in quotes"


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """The 1-based line, column and plain message for a YAML syntax error."""
    mark = exc.problem_mark
    assert mark is not None
    line, col = mark.line, mark.column + 1
    lines = text.splitlines()
    problem = exc.problem or ""
    context = exc.context or ""
    context_mark = exc.context_mark
    if problem == "mapping values are not allowed here":
        return line + 1, col, _mapping_values(lines, line, col)
    found = re.fullmatch(r"expected <block end>, but found '(.+)'", problem)
    if found and context_mark is not None:
        message = _block_end(lines, line, col, found.group(1), context_mark.column + 1)
        return line + 1, col, message
    if problem.startswith(("expected ',' or '}'", "expected ',' or ']'")) and context_mark:
        here = lines[line] if line < len(lines) else ""
        message = _flow(
            problem, context, here, line, col, context_mark.line, context_mark.column + 1
        )
        return line + 1, col, message
    char = re.fullmatch(r"found character '(.+)' that cannot start any token", problem)
    if char:
        return line + 1, col, _character(char.group(1))
    if "quoted scalar" in context and "end of stream" in problem and context_mark is not None:
        at = context_mark
        return (
            at.line + 1,
            at.column + 1,
            "this quote is never closed; end the text with the same quote mark",
        )
    alias = re.fullmatch(r"found undefined alias '(.*)'", problem)
    if alias:
        return (
            line + 1,
            col,
            f"'*{alias.group(1)}' reads as a reference to an anchor; "
            "to write a text starting with '*', put it in quotes",
        )
    if problem == "could not find expected ':'":
        at_line, at_col = (
            (line, col)
            if context_mark is None
            else (
                context_mark.line,
                context_mark.column + 1,
            )
        )
        return (
            at_line + 1,
            at_col,
            "this line has no ':' after its key (or a text goes on over several lines); "
            "write 'key: value', or put the text in quotes",
        )
    message = f"YAML syntax error: {problem}"
    if context and context_mark is not None and context_mark.line != mark.line:
        message += f" ({context} at line {context_mark.line + 1})"
    return line + 1, col, message
