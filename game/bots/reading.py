"""Reading a player view: what a bot needs to know, taken from that view alone.

Every function here takes the dict ``game.engine.player_view`` returns (or a
part of it) and nothing else, so a bot built on them cannot see more than
its own role may see.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

View = Mapping[str, Any]
Package = dict[str, str]

#: Moves that make a round part of the negotiation (its time counts for conceding).
NEGOTIATING_MOVES = frozenset({"propose", "amend", "support", "object", "vote"})
#: In the last voting round, a ballot in the last share of its time is the last ballot.
LAST_BALLOT_SHARE = 0.2


def live_issues(view: View) -> list[str]:
    return list(view["scenario"]["live_issues"])


def feasible_options(view: View) -> dict[str, list[str]]:
    """Live issue → its options that no event has forbidden (in file order)."""
    banned = {(str(i), str(o)) for i, o in view["infeasible"]}
    live = set(live_issues(view))
    return {
        issue["id"]: [o["id"] for o in issue["options"] if (issue["id"], o["id"]) not in banned]
        for issue in view["scenario"]["issues"]
        if issue["id"] in live
    }


def is_feasible(view: View, package: Mapping[str, str]) -> bool:
    banned = {(str(i), str(o)) for i, o in view["infeasible"]}
    return not any((i, o) in banned for i, o in package.items())


def own_values(view: View) -> dict[str, float]:
    """Proposal id → its exact value to this role (with the events played)."""
    return {v["proposal"]: float(v["value"]) for v in view["me"]["values"]}


def open_proposals(view: View) -> list[dict[str, Any]]:
    return [p for p in view["proposals"] if not p["withdrawn"]]


def others_in_play(view: View) -> list[str]:
    return [r["id"] for r in view["roles"] if r["in_play"] and r["id"] != view["role"]]


def veto_roles(view: View) -> list[str]:
    return list(view["agreement_rule"]["veto_roles"])


def quorum(view: View) -> int:
    return int(view["agreement_rule"]["effective_quorum"])


def _negotiating(rnd: Mapping[str, Any]) -> bool:
    return not rnd["reveal"] and bool(NEGOTIATING_MOVES & set(rnd["moves"]))


def _before_reveal(view: View) -> list[Mapping[str, Any]]:
    rounds: list[Mapping[str, Any]] = []
    for rnd in view["scenario"]["rounds"]:
        if rnd["reveal"]:
            break
        rounds.append(rnd)
    return rounds


_LENGTHS: dict[str, tuple[object, int, list[tuple[int, float]]]] = {}


def _negotiating_lengths(view: View) -> tuple[int, list[tuple[int, float]]]:
    """The number of rounds before the reveal, and (index, seconds) of the negotiating
    ones among them (kept while the view's rounds are the same object)."""
    rounds = view["scenario"]["rounds"]
    last = _LENGTHS.get("last")
    if last is not None and last[0] is rounds:
        return last[1], last[2]
    before = _before_reveal(view)
    lengths = [
        (i, float(rnd["minutes"]) * 60.0) for i, rnd in enumerate(before) if _negotiating(rnd)
    ]
    _LENGTHS["last"] = (rounds, len(before), lengths)
    return len(before), lengths


def progress(view: View) -> float:
    """The share (0..1) of the session's negotiating time that has passed.

    Only rounds before the reveal that allow proposing, amending, taking a
    stance or voting count; within the current one, the clock's remaining
    seconds tell how far it is (time added by the facilitator stretches it).
    """
    rounds, lengths = _negotiating_lengths(view)
    index = int(view["clock"]["index"])
    remaining = float(view["clock"]["remaining"])
    total = elapsed = 0.0
    for i, length in lengths:
        total += length
        if i < index:
            elapsed += length
        elif i == index:
            elapsed += min(length, max(0.0, length - remaining))
    if index >= rounds:
        return 1.0
    return min(1.0, elapsed / total) if total > 0 else 0.0


def last_ballot(view: View) -> bool:
    """Whether a ballot now is the last chance: the last voting round, near its end."""
    rounds = _before_reveal(view)
    index = int(view["clock"]["index"])
    if not 0 <= index < len(rounds) or "vote" not in rounds[index]["moves"]:
        return False
    if any("vote" in r["moves"] for r in rounds[index + 1 :]):
        return False
    length = float(rounds[index]["minutes"]) * 60.0
    return float(view["clock"]["remaining"]) <= LAST_BALLOT_SHARE * length


def acting(view: View) -> bool:
    """Whether the role can move now at all (session running, not paused or locked)."""
    me = view["me"]
    return (
        view["phase"] == "running"
        and not view["clock"]["paused"]
        and view["round"] is not None
        and not me["locked"]
        and me["in_play"]
        and not view["revealed"]
    )


def role_names(view: View) -> dict[str, str]:
    return {r["id"]: r["short_name"] or r["name"] for r in view["roles"]}


def issue_titles(view: View) -> dict[str, str]:
    return {i["id"]: i["title"] for i in view["scenario"]["issues"]}


def option_titles(view: View) -> dict[tuple[str, str], str]:
    return {
        (i["id"], o["id"]): o["title"] for i in view["scenario"]["issues"] for o in i["options"]
    }
