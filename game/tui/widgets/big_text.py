"""Codes in letters big enough to read from the back of a room.

Join codes use ``23456789`` and the letters without look-alikes; each glyph
is a 4×5 (M, T, V, W, Y: 5×5) bitmap drawn with half blocks, three terminal
rows high. Characters without a glyph are drawn as they are, on the middle row.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

_GLYPHS = {
    "2": "#### ...# #### #... ####",
    "3": "#### ...# .### ...# ####",
    "4": "#..# #..# #### ...# ...#",
    "5": "#### #... #### ...# ####",
    "6": "#### #... #### #..# ####",
    "7": "#### ...# ..#. .#.. .#..",
    "8": "#### #..# #### #..# ####",
    "9": "#### #..# #### ...# ####",
    "0": ".##. #..# #..# #..# .##.",
    "1": ".#.. ##.. .#.. .#.. ###.",
    "A": ".##. #..# #### #..# #..#",
    "B": "###. #..# ###. #..# ###.",
    "C": ".### #... #... #... .###",
    "D": "###. #..# #..# #..# ###.",
    "E": "#### #... ###. #... ####",
    "F": "#### #... ###. #... #...",
    "G": ".### #... #.## #..# .###",
    "H": "#..# #..# #### #..# #..#",
    "I": "### .#. .#. .#. ###",
    "J": "...# ...# ...# #..# .##.",
    "K": "#..# #.#. ##.. #.#. #..#",
    "L": "#... #... #... #... ####",
    "M": "#...# ##.## #.#.# #...# #...#",
    "N": "#..# ##.# #.## #..# #..#",
    "O": ".##. #..# #..# #..# .##.",
    "P": "###. #..# ###. #... #...",
    "Q": ".##. #..# #..# #.#. .#.#",
    "R": "###. #..# ###. #.#. #..#",
    "S": ".### #... .##. ...# ###.",
    "T": "##### ..#.. ..#.. ..#.. ..#..",
    "U": "#..# #..# #..# #..# .##.",
    "V": "#...# #...# #...# .#.#. ..#..",
    "W": "#...# #...# #.#.# ##.## #...#",
    "X": "#..# #..# .##. #..# #..#",
    "Y": "#...# .#.#. ..#.. ..#.. ..#..",
    "Z": "#### ...# .##. #... ####",
    "-": ".... .... #### .... ....",
    " ": ".. .. .. .. ..",
}
_HALF = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def _glyph(char: str) -> list[str]:
    """Three rows of one character."""
    pattern = _GLYPHS.get(char.upper())
    if pattern is None:
        return [" ", char, " "]
    rows = [[c == "#" for c in row] for row in pattern.split()]
    rows.append([False] * len(rows[0]))
    return [
        "".join(_HALF[(a, b)] for a, b in zip(rows[i], rows[i + 1], strict=True)) for i in (0, 2, 4)
    ]


def big_lines(text: str) -> list[str]:
    """``text`` as three rows of half blocks, one column between characters."""
    rows = ["", "", ""]
    for n, char in enumerate(text):
        glyph = _glyph(char)
        for i in range(3):
            rows[i] += ("" if n == 0 else " ") + glyph[i]
    return rows


def big_width(text: str) -> int:
    return len(big_lines(text)[0])


class BigText(Widget):
    """One short text (a join code) in big letters; small when it does not fit."""

    DEFAULT_CSS = "BigText { width: 1fr; height: auto; }"

    def __init__(self, text: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = text

    def show(self, text: str) -> None:
        self.text = text
        self.refresh(layout=True)

    def render(self) -> Text:
        if not self.text:
            return Text("")
        if self.size.width and big_width(self.text) > self.size.width:
            return Text(self.text, "bold")
        return Text("\n".join(big_lines(self.text)), "bold")

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        if not self.text:
            return 1
        return 1 if big_width(self.text) > width else 3
