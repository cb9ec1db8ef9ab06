"""The map tab: the area with markers, and the openings per segment of a chosen package."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from game.tui.i18n import t
from game.tui.viewdata import View, markers
from game.tui.widgets.area_map import AreaMap, legend


class MapPane(Vertical):
    DEFAULT_CSS = """
    MapPane #map-title { height: auto; text-style: bold; }
    MapPane AreaMap { height: 1fr; min-height: 5; }
    MapPane #map-legend { height: auto; max-height: 14; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._legend: tuple[Any, ...] = ()

    def on_resize(self) -> None:
        self._draw_legend()

    def _draw_legend(self) -> None:
        if not self._legend:
            return
        width = self.query_one("#map-legend", Static).content_size.width or self.size.width
        self.query_one("#map-legend", Static).update(legend(*self._legend, 3, max(20, width)))

    def compose(self) -> ComposeResult:
        yield Static("", id="map-title")
        yield AreaMap(id="map")
        yield Static("", id="map-legend")

    def show(
        self,
        view: View,
        label: str = "",
        metrics: Mapping[str, Any] | None = None,
    ) -> None:
        segments = view.get("scenario", {}).get("segments", [])
        openings = dict(metrics["openings"]) if metrics else None
        conflict_ids = set(metrics.get("conflicts", ())) if metrics else set()
        segs = [
            c["segment"]
            for c in view.get("scenario", {}).get("conflicts", [])
            if c["id"] in conflict_ids
        ]
        marks = markers(view)
        title = view.get("scenario", {}).get("area", "")
        if label:
            title += f" — {t('map.openings_of', package=label)}"
        self.query_one("#map-title", Static).update(title)
        self.query_one("#map", AreaMap).show(segments, marks, openings, segs)
        self._legend = (segments, openings, marks, segs)
        self._draw_legend()

    def clear(self) -> None:
        self._legend = ()
        self.query_one("#map-title", Static).update("")
        self.query_one("#map", AreaMap).show([])
        self.query_one("#map-legend", Static).update("")
