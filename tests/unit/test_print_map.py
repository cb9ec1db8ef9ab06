"""The printed map's street names never overlap, even for streets crossing mid-way (15.8)."""

from __future__ import annotations

import dataclasses
import itertools
import math
import re

import pytest

from game.paths import default_scenario
from game.printing.svgmap import FONT, area_svg
from game.scenario.loader import load_scenario
from game.scenario.model import Scenario, Segment

TEXT = re.compile(
    r'<text x="([\d.-]+)" y="([\d.-]+)" text-anchor="(\w+)" class="name"'
    r'(?: transform="rotate\(([\d.-]+) [\d.-]+ [\d.-]+\)")?>([^<]*)</text>'
)


def _corners(x: float, y: float, anchor: str, angle: float, name: str) -> list[tuple[float, float]]:
    """The text's box as drawn: width 0.6 em per character, ascent 0.8 em, descent 0.25 em."""
    width = 0.6 * FONT * len(name)
    left = {"start": 0.0, "middle": -width / 2, "end": -width}[anchor]
    rad = math.radians(angle)
    cos, sin = math.cos(rad), math.sin(rad)
    return [
        (x + dx * cos - dy * sin, y + dx * sin + dy * cos)
        for dx in (left, left + width)
        for dy in (-0.8 * FONT, 0.25 * FONT)
    ]


def _separated(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> bool:
    """Separating-axis test for two convex boxes given by their corners."""
    for shape in (a, b):
        hull = [shape[0], shape[1], shape[3], shape[2]]
        for (x1, y1), (x2, y2) in zip(hull, hull[1:] + hull[:1], strict=True):
            nx, ny = y2 - y1, x1 - x2
            pa = [nx * px + ny * py for px, py in a]
            pb = [nx * px + ny * py for px, py in b]
            if max(pa) <= min(pb) or max(pb) <= min(pa):
                return True
    return False


def overlapping_names(svg: str) -> list[tuple[str, str]]:
    labels = [
        (name, _corners(float(x), float(y), anchor, float(angle or 0), name))
        for x, y, anchor, angle, name in TEXT.findall(svg)
    ]
    return [
        (a, b) for (a, ca), (b, cb) in itertools.combinations(labels, 2) if not _separated(ca, cb)
    ]


def _with_segments(scenario: Scenario, *segments: Segment) -> Scenario:
    return dataclasses.replace(scenario, segments=segments)


CROSSINGS = {
    "diagonals": (
        Segment("a", "Kerkstraat", "residential", (0, 0), (6, 6)),
        Segment("b", "Molenweg", "shopping", (0, 6), (6, 0)),
    ),
    "same line": (
        Segment("a", "Dorpsstraat", "shopping", (0, 3), (6, 3)),
        Segment("b", "Dorpsstraat-midden", "main", (2, 3), (4, 3)),
    ),
    "a plus and a cross": (
        Segment("a", "Lindelaan", "residential", (0, 3), (6, 3)),
        Segment("b", "Beukenlaan", "residential", (3, 0), (3, 6)),
        Segment("c", "Eikenlaan", "shopping", (0, 0), (6, 6)),
        Segment("d", "Essenlaan", "main", (0, 6), (6, 0)),
        Segment("e", "Plein", "square", (2, 2), (4, 4)),
    ),
}


@pytest.mark.parametrize("segments", CROSSINGS.values(), ids=CROSSINGS)
def test_names_of_crossing_streets_do_not_overlap(mini: Scenario, segments: tuple) -> None:
    svg = area_svg(_with_segments(mini, *segments))
    assert len(TEXT.findall(svg)) == len(segments)
    assert overlapping_names(svg) == []


def test_shipped_map_names_do_not_overlap() -> None:
    svg = area_svg(load_scenario(default_scenario()))
    assert overlapping_names(svg) == []
