"""Printable workshop material: role sheets, press release, map, run sheet, join cards.

Everything is self-contained HTML with A4 print CSS (no external assets, inline
SVG), so any browser prints it and headless Chromium turns it into PDF.
"""

from __future__ import annotations

from game.printing.codes import Codes, CodesError, load_codes
from game.printing.material import render_material, write_material

__all__ = ["Codes", "CodesError", "load_codes", "render_material", "write_material"]
