"""The short Dutch summary a live bot leaves for the human who takes its seat over.

``Snapshot.of(view)`` remembers what the role had done when the bot took the
seat; ``summary(view, snapshot)`` describes, from the role's own current
view, what the bot did since and where the role stands now (its reservation
value and the best proposal on the table for it). Only the role's own view
is used, so the summary tells the human nothing their seat may not see.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.bots.reading import View, own_values

VOTE_WORDS = {"yes": "voor", "no": "tegen", "abstain": "onthouding"}


@dataclass(frozen=True)
class Snapshot:
    """What the role had done when the bot took over."""

    proposals: frozenset[str]
    disclosures: int
    messages: int
    votes: frozenset[str]
    round_title: str

    @classmethod
    def of(cls, view: View) -> Snapshot:
        role = view["role"]
        return cls(
            proposals=frozenset(p["id"] for p in view["proposals"] if p["author"] == role),
            disclosures=sum(d["role"] == role for d in view["disclosures"]),
            messages=_messages(view),
            votes=frozenset(_votes(view)),
            round_title=(view["round"] or {}).get("title", "de lobby"),
        )


def _messages(view: View) -> int:
    role = view["role"]
    sent = [m for m in (*view["messages"], *view["private_messages"]) if m["sender"] == role]
    return len(sent)


def _votes(view: View) -> dict[str, str]:
    role = view["role"]
    found = {b["id"]: b["votes"][role] for b in view["ballots"] if role in b.get("votes", {})}
    ballot = view["ballot"]
    if ballot and role in ballot["voted"]:
        found.setdefault(ballot["id"], "")
    return found


def _ids(ids: list[str]) -> str:
    return ", ".join(ids)


def summary(view: View, since: Snapshot) -> str:
    """What the bot did since ``since`` and where the role stands, in a few Dutch lines."""
    role = view["role"]
    me = view["me"]
    lines = [f"De bot speelde je rol sinds '{since.round_title}'. Wat hij deed:"]
    new = [p for p in view["proposals"] if p["author"] == role and p["id"] not in since.proposals]
    if new:
        still = [p["id"] for p in new if not p["withdrawn"]]
        text = f"- voorstellen: {_ids([p['id'] for p in new])}"
        lines.append(text + (f" (nog op tafel: {_ids(still)})" if still else ""))
    table = [p for p in view["proposals"] if not p["withdrawn"]]
    supports = [p["id"] for p in table if role in p["support"]]
    objections = [p["id"] for p in table if role in p["objections"]]
    if supports:
        lines.append(f"- steunt nu: {_ids(supports)}")
    if objections:
        lines.append(f"- bezwaar tegen: {_ids(objections)}")
    shown = sum(d["role"] == role for d in view["disclosures"]) - since.disclosures
    if shown > 0:
        issues = [d["issue"] or "ondergrens" for d in view["disclosures"] if d["role"] == role]
        lines.append(f"- openbaar gemaakt: {_ids(sorted(set(issues)))}")
    votes = {k: v for k, v in _votes(view).items() if k not in since.votes}
    if votes:
        lines.append(
            "- gestemd: "
            + _ids([f"{k} {VOTE_WORDS.get(v, 'uitgebracht')}" for k, v in votes.items()])
        )
    said = _messages(view) - since.messages
    if said > 0:
        lines.append(f"- berichten gestuurd: {said}")
    if me["signed"]:
        lines.append("- het akkoord getekend")
    if len(lines) == 1:
        lines.append("- nog niets")
    lines.append(_standing(view))
    return "\n".join(lines)


def _standing(view: View) -> str:
    me: dict[str, Any] = view["me"]
    reservation = float(me["reservation"])
    values = own_values(view)
    table = [p["id"] for p in view["proposals"] if not p["withdrawn"] and p["id"] in values]
    text = f"Je ondergrens is {reservation:g} punten."
    if table:
        best = max(table, key=lambda pid: (values[pid], pid))
        text += f" Het beste voorstel op tafel voor jou: {best} ({values[best]:g} punten)."
    return text
