"""libyaml's composer (the fast path of ``parse_marked``) gives what PyYAML's own gives.

The same data (types included), the same line:col marks, raw texts and
problems, for the shipped scenarios and for texts where the two parsers are
known to differ (those must take the pure-Python path).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from game.scenario import yamlmarks
from game.scenario.problems import Reporter

ROOT = Path(__file__).resolve().parents[2]

TRICKY = [
    "a: 1\n",
    "\ufeffa: 1\nb: [x, y]\n",
    "a: 1\r\nb:\r\n  - é\r\n  - 2\r\n",
    'a: "éé" \nb: [ëx, {c: ü, d: 2}]\n"g€": 3\n',
    "a: |\n  ééé\n  x\nb: >-\n  a\n\nc: &x 1\nd: *x\n",
    "a: 0o17\nb: 0x1F\nc: 1_000\nd: 1:30\ne: .inf\nf: ~\ng: 2001-12-14\nh: yes\ni: No\n",
    "a: !!binary aGk=\nb: !foo x\n",
    "a:\ttab after a colon\n",
    "a:\n\t- tab in indentation\n",
    "a: 1\na: 2\n",
    "<<: {a: 1}\nb: 2\n",
    "a: [1, 2\n",
    "a: b: c\n",
    "a: 1\n---\nb: 2\n",
    "%YAML 1.2\n---\na: 1\n",
    "",
    "# only a comment\n",
    "a: &a [*a]\n",
    "? [a]\n: 1\n",
]


def _parse(text: str, fast: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(yamlmarks, "_CLoader", None)
        reporter = Reporter("f.yaml")
        ok, data = yamlmarks.parse_marked(text, reporter)
    marks = reporter.marks
    return (
        ok,
        repr(data),
        marks.values,
        marks.keys,
        marks.raw,
        sorted(marks.unreadable),
        [str(p) for p in reporter.problems],
    )


@pytest.mark.skipif(yamlmarks._CLoader is None, reason="PyYAML without libyaml")
@pytest.mark.parametrize(
    "text",
    [
        *[(ROOT / "scenarios" / f).read_text(encoding="utf-8") for f in ("leeuwaerdenhout.yaml",)],
        *TRICKY,
    ],
)
def test_fast_path_gives_what_pure_python_gives(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _parse(text, True, monkeypatch) == _parse(text, False, monkeypatch)


@pytest.mark.skipif(yamlmarks._CLoader is None, reason="PyYAML without libyaml")
def test_shipped_scenarios_take_the_fast_path() -> None:
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        found = yamlmarks._compose_fast(path.read_text(encoding="utf-8"))
        assert found is not None, path
        found[0].dispose()


def test_a_tab_takes_the_pure_python_path() -> None:
    assert yamlmarks._compose_fast("a:\tb\n") is None
