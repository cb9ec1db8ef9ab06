"""Tab labels that fit: full names with their number keys where there is room.

A row of tabs that is wider than the screen hides its last tabs. So each
screen asks for the richest labels that fit its width: ``1 Persbericht`` on
a projector, ``1 Pers`` on a laptop, ``Pers`` at 80 columns.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.widgets import TabbedContent

from game.tui.i18n import t

TAB_PADDING = 2
"""Cells a Textual tab adds around its label."""


def fitting_labels(keys: Sequence[str], width: int) -> list[str]:
    """Labels for the catalog ``keys`` (e.g. ``tab.press``) that fit in ``width`` cells."""
    full = [t(k) for k in keys]
    short = [t("{}.short.{}".format(*k.rsplit(".", 1))) for k in keys]
    numbered = [[f"{n} {label}" for n, label in enumerate(labels, 1)] for labels in (full, short)]
    for labels in (*numbered, full, short):
        if sum(cell_len(label) + TAB_PADDING for label in labels) <= width:
            return labels
    return short


def fit_tabs(tabs: TabbedContent, names: Sequence[str], keys: Sequence[str], width: int) -> None:
    """Give the tabs ``names`` of ``tabs`` the labels of ``keys`` that fit ``width``."""
    for name, label in zip(names, fitting_labels(keys, width), strict=True):
        tab = tabs.get_tab(name)
        if tab.label.plain != label:
            tab.label = label
