"""The engine's notices, ballot outcomes and error codes as sentences for people.

One place for the seat, the room screen and the facilitator console (and the
catalog keys the web client uses): every notice kind, every ballot outcome and
every error code has its entry in the i18n catalog, and nothing here ever puts
a message key, a code or an English engine reason on a screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from game import numfmt
from game.tui.i18n import language, t
from game.tui.viewdata import View, role_names

NOTICE_KINDS = (
    "agreement",
    "announcement",
    "auto_advance",
    "commented",
    "disclosed",
    "event_played",
    "extended",
    "locked",
    "marked",
    "message",
    "paused",
    "private_message",
    "proposed",
    "resumed",
    "revealed",
    "round_started",
    "seat_assigned",
    "session_ended",
    "signed",
    "unlocked",
    "vote_called",
    "vote_closed",
    "voted",
    "withdrawn",
)
"""Every notice kind the engine emits (a test checks the engine against this list)."""

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
    "signed",
    "withdrawn",
    "revealed",
    "session_ended",
)
"""The kinds worth telling the people at a screen; the rest is visible in the views."""

BALLOT_REASONS = ("", "quorum", "veto", "infeasible", "closed")
"""Why a ballot failed (``veto`` comes as ``veto:<role>``); ``""``: it passed."""


def _title(view: View, part: str, wanted: Any) -> str:
    for item in view.get("scenario", {}).get(part, []):
        if item["id"] == wanted:
            return str(item.get("title") or item.get("name") or wanted)
    return str(wanted)


def ballot_reason(reason: Any, names: Mapping[str, str]) -> str:
    """Why a ballot failed, in words (``veto:net`` → "veto van Netbeheerder")."""
    text = str(reason or "")
    if not text:
        return ""
    kind, _, role = text.partition(":")
    if kind == "veto":
        return (
            t("vote.reason.veto_by", role=names.get(role, role)) if role else t("vote.reason.veto")
        )
    if kind in BALLOT_REASONS:
        return t(f"vote.reason.{kind}")
    return t("vote.reason.other")


def ballot_verdict(passed: Any, reason: Any, names: Mapping[str, str]) -> str:
    """``AANGENOMEN`` or ``VERWORPEN: veto van Netbeheerder``."""
    if passed:
        return t("vote.passed")
    why = ballot_reason(reason, names)
    return t("vote.failed") + (f": {why}" if why else "")


def tally_text(
    ballot: Mapping[str, Any] | None,
    names: Mapping[str, str] | None = None,
    *,
    verdict: bool = True,
) -> str:
    """The tally of a ballot and, once closed, its verdict (unless ``verdict`` is off)."""
    if not ballot:
        return t("vote.none")
    tally = ballot.get("tally", {})
    text = t(
        "vote.tally",
        proposal=ballot.get("proposal", "?"),
        yes=tally.get("yes", 0),
        no=tally.get("no", 0),
        abstain=tally.get("abstain", 0),
        quorum=ballot.get("quorum", "?"),
    )
    if verdict and not ballot.get("open"):
        text += " — " + ballot_verdict(ballot.get("passed"), ballot.get("reason"), names or {})
    return text


def notice_values(notice: Mapping[str, Any], view: View) -> dict[str, Any]:
    """The fields of ``notice`` as words: names, titles and numbers in the language."""
    names = role_names(view)
    values: dict[str, Any] = {k: v for k, v in notice.items() if k != "kind"}
    for key in ("role", "author", "sender", "to"):
        if key in values:
            values[key] = names.get(str(values[key]), t("chat.facilitator"))
    if "round" in values:
        values["title"] = _title(view, "rounds", notice.get("round"))
    if "event" in values:
        values["title"] = _title(view, "events", notice.get("event"))
    if "issue" in values:
        values["issue"] = _title(view, "issues", notice.get("issue"))
    if "segment" in values:
        values["segment"] = _title(view, "segments", notice.get("segment"))
    if "mark" in values:
        values["mark"] = t(f"map.{notice.get('mark')}")
    if "seat" in values:
        values["seat"] = t(f"seat.{notice.get('seat')}")
    if "on" in values:
        values["on"] = t("notice.on") if notice.get("on") else t("notice.off")
    if "minutes" in values:
        values["minutes"] = numfmt.signed(float(notice.get("minutes") or 0), language())
    if "passed" in values:
        values["verdict"] = ballot_verdict(notice.get("passed"), notice.get("reason"), names)
    return values


def describe(notice: Mapping[str, Any], view: View) -> str:
    """A sentence for any notice (every kind has one; an unknown kind gets a general one)."""
    kind = str(notice.get("kind"))
    if kind not in NOTICE_KINDS:
        return t("notice.other")
    return t(f"notice.{kind}", **notice_values(notice, view))


def notice_text(notice: Mapping[str, Any], view: View) -> str:
    """A sentence for a notice worth telling the room or a seat, or ``""``."""
    if notice.get("kind") not in SHOWN:
        return ""
    return describe(notice, view)
