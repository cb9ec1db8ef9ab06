"""Turning the engine's notices into short sentences to flash."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from game.tui.i18n import t
from game.tui.viewdata import View, role_names

SHOWN = (
    "round_started",
    "event_played",
    "vote_called",
    "vote_closed",
    "announcement",
    "paused",
    "resumed",
    "extended",
    "proposed",
    "agreement",
    "ended",
)


def _round_title(view: View, round_id: Any) -> str:
    for r in view.get("scenario", {}).get("rounds", []):
        if r["id"] == round_id:
            return str(r["title"])
    return str(round_id)


def _event_title(view: View, event_id: Any) -> str:
    for e in view.get("scenario", {}).get("events", []):
        if e["id"] == event_id:
            return str(e["title"])
    return str(event_id)


def notice_text(notice: Mapping[str, Any], view: View) -> str:
    """A sentence for a notice worth flashing, or ``""``."""
    kind = notice.get("kind")
    if kind not in SHOWN:
        return ""
    names = role_names(view)
    values = dict(notice)
    values.pop("kind", None)
    if kind == "round_started":
        values["title"] = _round_title(view, notice.get("round"))
    if kind == "event_played":
        values["title"] = _event_title(view, notice.get("event"))
    if kind == "proposed":
        values["author"] = names.get(str(notice.get("author")), notice.get("author"))
    if kind == "vote_closed":
        verdict = t("vote.passed") if notice.get("passed") else t("vote.failed")
        values["verdict"] = verdict
    if kind == "extended":
        values["minutes"] = f"{float(notice.get('minutes', 0)):+g}"
    return t(f"notice.{kind}", **values)
