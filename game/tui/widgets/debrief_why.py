"""Why each failed ballot failed, for the debrief (after the reveal only): who
voted no, what the proposal was worth to them against their reservation value,
and what in their hidden interests it went against most. Everything comes from
the reveal's ``"failed"`` (see :mod:`game.engine.view_ballots`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from babel.lists import format_list
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from game.tui.i18n import language, num, signed, t
from game.tui.notices import ballot_reason
from game.tui.viewdata import View, issue_titles, option_title, role_names, segment_names


def and_list(words: list[str]) -> str:
    """``Wethouder, Netbeheerder en Corporatie`` (``..., and ...`` in English)."""
    return str(format_list(words, locale=language())) if words else ""


def item_text(view: View, item: Mapping[str, Any]) -> str:
    """One thing a proposal cost a role: an option, a rule of its own or a metric."""
    kind = item.get("type")
    if kind == "issue":
        issue = str(item["issue"])
        return t(
            "why.item.issue",
            issue=issue_titles(view).get(issue, issue),
            option=option_title(view, issue, str(item["option"])),
            points=num(item["points"]),
            best=num(item["best"]),
        )
    points = signed(item.get("points"))
    if kind == "rule":
        note = str(item.get("note") or "").rstrip(". ")
        return (
            t("why.item.rule", note=note, points=points)
            if note
            else t("why.item.rule_bare", points=points)
        )
    segments = segment_names(view)
    where = [segments.get(s, s) for s in item.get("segments") or []]
    return t(
        "why.item.metric",
        metric=t(f"metric.{item.get('metric')}"),
        where=t("why.item.where", segments=and_list(where)) if where else "",
        value=num(item.get("value")),
        points=points,
    )


def worth_text(view: View, proposal: str, role: str, against: Mapping[str, Any]) -> str:
    """``P3 was 32 waard voor Corporatie (reservewaarde 62); het zwaarst woog …``."""
    names = role_names(view)
    # a no from a role the proposal gave more than its reservation value: "toch tegen"
    above = float(against.get("score") or 0) >= float(against.get("reservation") or 0)
    text = t(
        "why.worth_above" if above else "why.worth",
        proposal=proposal,
        role=names.get(role, role),
        score=num(against.get("score")),
        reservation=num(against.get("reservation")),
    )
    heaviest = [item_text(view, i) for i in against.get("heaviest") or []]
    if heaviest:
        text += t("why.heaviest", item=heaviest[0])
    if len(heaviest) > 1:
        text += t("why.then", item=heaviest[1])
    return text + "."


def ballot_lines(view: View, failed: Mapping[str, Any]) -> list[str]:
    """The sentences for one failed ballot: the verdict, who voted no, and why."""
    names = role_names(view)
    proposal = str(failed.get("proposal"))
    reason = str(failed.get("reason") or "")
    kind, _, vetoer = reason.partition(":")
    no = [str(r) for r in failed.get("no") or []]
    against: Mapping[str, Any] = failed.get("against") or {}
    if kind == "veto" and vetoer:
        lines = [t("why.veto", proposal=proposal, role=names.get(vetoer, vetoer))]
        # every veto among the no votes is explained (the reason names the first)
        vetoes = {r["id"] for r in view.get("roles", ()) if r.get("veto")}
        explained = [vetoer, *(r for r in no if r != vetoer and r in vetoes)]
        others = [names.get(r, r) for r in no if r != vetoer]
        if others:
            lines[0] += " " + t("why.also_no", roles=and_list(others))
    else:
        if kind == "quorum":
            head = t(
                "why.quorum",
                proposal=proposal,
                yes=failed.get("yes", 0),
                quorum=failed.get("quorum", 0),
                short=failed.get("short", 0),
            )
        else:
            head = t("why.other", proposal=proposal, reason=ballot_reason(reason, names))
        if no:
            head += " " + t("why.no", roles=and_list([names.get(r, r) for r in no]))
        abstain = [names.get(str(r), str(r)) for r in failed.get("abstain") or []]
        if abstain:
            head += " " + t("why.abstain", roles=and_list(abstain))
        lines = [head]
        explained = no if kind == "quorum" else []
    lines += [worth_text(view, proposal, r, against[r]) for r in explained if r in against]
    return lines


def failed_part(view: View) -> RenderableType | None:
    """The debrief's part on failed ballots (a wrapped line keeps its indent), or
    None when none failed (or before the reveal)."""
    failed = (view.get("reveal") or {}).get("failed") or []
    if not failed:
        return None
    parts: list[RenderableType] = [Text(t("why.title"), "bold underline")]
    for ballot in failed:
        head, *rest = ballot_lines(view, ballot)
        parts.append(Padding(Text(head, "bold"), (0, 0, 0, 2)))
        parts += [Padding(Text(line), (0, 0, 0, 4)) for line in rest]
    return Group(*parts)
