"""What the console works out from a facilitator view: which keys work now, votes per role.

Pure functions on the view dict (no Textual), so each is tested on its own.
"""

from __future__ import annotations

from typing import Any

from game.tui.i18n import t
from game.tui.viewdata import View, current_round, role_names

#: Console actions that depend on the game's state, and the engine move behind each.
GATED = ("start", "pause_resume", "extend", "next_round", "play_event", "call_vote", "close_vote")


def _rounds(view: View) -> list[dict[str, Any]]:
    return [dict(r) for r in view.get("scenario", {}).get("rounds", ())]


def _index(view: View) -> int:
    return int(view.get("clock", {}).get("index", -1))


def _unplayed(view: View) -> list[dict[str, Any]]:
    played = {e["id"] for e in view.get("events", [])}
    cards = view.get("event_cards") or view.get("scenario", {}).get("events", [])
    return [dict(c) for c in cards if c["id"] not in played]


def available(view: View, action: str) -> bool:
    """Whether the console's ``action`` can work in the game as ``view`` shows it."""
    if not view:
        return True
    phase = view.get("phase", "lobby")
    rnd = current_round(view) or {}
    if action == "start":
        return bool(phase == "lobby")
    if phase != "running":
        return False
    if action in ("pause_resume", "extend"):
        return True
    if action == "next_round":
        return _index(view) + 1 < len(_rounds(view))
    if action == "play_event":
        return bool(rnd.get("events")) and not view.get("revealed") and bool(_unplayed(view))
    if action == "call_vote":
        return (
            "vote" in rnd.get("moves", ())
            and not view.get("revealed")
            and not view.get("agreement")
            and not view.get("ballot")
        )
    if action == "close_vote":
        return bool(view.get("ballot"))
    return True


def _round_name(view: View, index: int) -> str:
    rnd = _rounds(view)[index]
    return t("header.round", n=index + 1, total=len(_rounds(view)), title=rnd["title"])


def _next_round_where(view: View, check: Any) -> str | None:
    for index, rnd in enumerate(_rounds(view)):
        if index > _index(view) and check(rnd):
            return _round_name(view, index)
    return None


def when_available(view: View, action: str) -> str:
    """One sentence on when ``action`` will work (it does not work now)."""
    phase = view.get("phase", "lobby")
    if phase == "ended":
        return t("console.when.ended")
    if action == "start":
        return t("console.when.started")
    if action == "call_vote":
        if view.get("agreement"):
            return t("console.when.agreed")
        if view.get("ballot"):
            return t("console.when.vote_open")
    if action == "play_event" and phase == "running" and not _unplayed(view):
        return t("console.when.all_events")
    if phase == "lobby" and action not in ("call_vote", "play_event"):
        return t("console.when.after_start")
    if action == "close_vote":
        return t("console.when.no_vote")
    if action == "next_round":
        return t("console.when.last_round")
    if action in ("call_vote", "play_event"):
        if action == "call_vote":
            found = _next_round_where(view, lambda r: "vote" in r.get("moves", ()))
        else:
            found = _next_round_where(view, lambda r: r.get("events") and not r.get("reveal"))
        if found:
            return t(f"console.when.{action}", round=found)
        return t(f"console.when.{action}_never")
    return t("console.when.after_start")


def in_play(view: View) -> list[str]:
    return [r["id"] for r in view.get("roles", []) if r.get("seat", "human") != "none"]


def vote_marks(view: View) -> dict[str, str]:
    """Per role in play, its vote in the open ballot or the last closed one.

    While a ballot is open: ``✔`` voted or ``…`` not yet (how, in the private
    view only); once closed: how each role voted, ``–`` for no vote.
    """
    ballot = view.get("ballot")
    private_votes = view.get("open_votes") or {}
    if ballot:
        voted = set(ballot.get("voted", ()))
        marks = {}
        for role in in_play(view):
            if role in private_votes:
                marks[role] = t(f"console.vote.{private_votes[role]}")
            else:
                marks[role] = "✔" if role in voted else "…"
        return marks
    ballots = view.get("ballots") or []
    if not ballots:
        return {}
    votes = ballots[-1].get("votes") or {}
    return {r: t(f"console.vote.{votes[r]}") if r in votes else "–" for r in in_play(view)}


#: The roles still to vote are named once at most this many are left (the seats
#: list marks them all; twelve names pushed the rest of the line off a small console).
NAMED_WAITING = 4


def ballot_line(view: View) -> str:
    """While a vote runs: how many have voted, who not yet, and that it closes by itself."""
    ballot = view.get("ballot")
    if not ballot:
        return ""
    roles = in_play(view)
    voted = set(ballot.get("voted", ()))
    names = role_names(view)
    waiting = [names.get(r, r) for r in roles if r not in voted]
    text = t(
        "console.ballot",
        proposal=ballot.get("proposal", "?"),
        voted=len(voted & set(roles)),
        total=len(roles),
    )
    if 0 < len(waiting) <= NAMED_WAITING:
        text += " " + t("console.ballot_waiting", roles=", ".join(waiting))
    return text + " " + t("console.ballot_autoclose")


def shows_tally(view: View) -> bool:
    """Whether a ballot is open, or the last one closed in this round (its result)."""
    if view.get("ballot"):
        return True
    ballots = view.get("ballots") or []
    rnd = (current_round(view) or {}).get("id")
    return bool(ballots) and ballots[-1].get("round") == rnd
