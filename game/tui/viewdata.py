"""Reading the engine's view dicts for the screens: names, rounds, packages.

Views are plain JSON (see :mod:`game.engine.views`); these helpers never
compute anything private, they only look things up in what the view holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from game.tui.i18n import language, num, t

View = Mapping[str, Any]


def role_names(view: View) -> dict[str, str]:
    return {r["id"]: r.get("short_name") or r["name"] for r in view.get("roles", ())}


def role_label(view: View, role: str) -> str:
    for r in view.get("roles", ()):
        if r["id"] == role:
            return f"{r.get('short_name') or r['name']} ({r['organisation']})"
    return role


def current_round(view: View) -> dict[str, Any] | None:
    rid = view.get("clock", {}).get("round")
    for r in view.get("scenario", {}).get("rounds", ()):
        if r["id"] == rid:
            return dict(r)
    return None


def phase(view: View) -> str:
    """``lobby``, ``running``, ``paused`` or ``ended``."""
    ph = view.get("phase", "lobby")
    if ph == "running" and view.get("clock", {}).get("paused"):
        return "paused"
    return str(ph)


def header_parts(view: View) -> tuple[str, str, float, bool, str]:
    """Title, instructions, remaining seconds, running, phase: for the round header."""
    clock = view.get("clock", {})
    rnd = current_round(view)
    title = view.get("scenario", {}).get("title", "")
    instructions = ""
    if rnd is not None:
        n, total = clock.get("index", 0) + 1, clock.get("rounds", 0)
        title = t("header.round", n=n, total=total, title=rnd["title"])
        instructions = rnd.get("instructions", "").strip()
        instructions += "  " + quorum_rule(view)
    return (
        title,
        instructions,
        float(clock.get("remaining", 0.0)),
        bool(clock.get("running")),
        phase(view),
    )


def or_list(words: list[str]) -> str:
    """``Wethouder, Netbeheerder of Corporatie`` (``..., or ...`` in English): any one of them."""
    if not words:
        return ""
    from babel.lists import format_list

    return str(format_list(words, style="or", locale=language()))


def quorum_rule(view: View) -> str:
    rule = view.get("agreement_rule") or {}
    names = role_names(view)
    vetoes = or_list([names.get(r, r) for r in rule.get("veto_roles", ())])
    text = t("rule.quorum", quorum=rule.get("effective_quorum", "?"), n=rule.get("in_play", "?"))
    if vetoes:
        text += " " + t("rule.veto", roles=vetoes)
    return text


def allows(view: View, move: str) -> bool:
    rnd = current_round(view)
    return bool(rnd and move in rnd.get("moves", ()) and phase(view) == "running")


MOVE_WORDS = {
    "propose": "rules.propose",
    "amend": "rules.amend",
    "support": "rules.support",
    "object": "rules.object",
    "comment": "rules.comment",
    "withdraw": "rules.withdraw",
    "disclose": "rules.disclose",
    "mark": "rules.mark",
    "vote": "rules.vote",
    "sign": "rules.sign",
    "message": "rules.message",
    "private_message": "rules.message",
}


def move_hint(view: View, move: str) -> str:
    """``""`` if the round allows ``move``, else when it opens ("kan vanaf ronde 2")."""
    if allows(view, move):
        return ""
    rnd = current_round(view)
    if rnd is not None and move in rnd.get("moves", ()) and phase(view) == "paused":
        return t("error.paused")
    what = t(MOVE_WORDS.get(move, "rules.this"))
    rounds = list(view.get("scenario", {}).get("rounds", ()))
    index = int(view.get("clock", {}).get("index", 0) or 0)
    if phase(view) == "lobby":
        index = -1
    for n, rnd in enumerate(rounds):
        if n > index and move in rnd.get("moves", ()):
            return t("rules.opens", what=what, n=n + 1, title=rnd["title"])
    return t("rules.closed", what=what)


def live_issues(view: View) -> list[dict[str, Any]]:
    return [dict(i) for i in view.get("scenario", {}).get("issues", ()) if i.get("live")]


def issue_titles(view: View) -> dict[str, str]:
    return {i["id"]: i["title"] for i in view.get("scenario", {}).get("issues", ())}


def option_title(view: View, issue: str, option: str) -> str:
    for i in view.get("scenario", {}).get("issues", ()):
        if i["id"] == issue:
            for o in i["options"]:
                if o["id"] == option:
                    return str(o["title"])
    return option


def package_summary(view: View, package: Mapping[str, str], sep: str = " · ") -> str:
    titles = issue_titles(view)
    return sep.join(f"{titles.get(i, i)}: {option_title(view, i, o)}" for i, o in package.items())


def proposal(view: View, pid: str | None) -> dict[str, Any] | None:
    for p in view.get("proposals", ()):
        if p["id"] == pid:
            return dict(p)
    return None


def open_proposals(view: View) -> list[dict[str, Any]]:
    return [dict(p) for p in view.get("proposals", ()) if not p.get("withdrawn")]


def my_value(view: View, pid: str) -> dict[str, Any] | None:
    for v in (view.get("me") or {}).get("values", ()):
        if v["proposal"] == pid:
            return dict(v)
    return None


def segment_names(view: View) -> dict[str, str]:
    return {s["id"]: s["name"] for s in view.get("scenario", {}).get("segments", ())}


def work_titles(view: View) -> dict[str, str]:
    return {w["id"]: w["title"] for w in view.get("scenario", {}).get("works", ())}


def markers(view: View) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for m in view.get("marks", ()):
        found.setdefault(m["segment"], []).append(m["kind"])
    return found


def last_ballot(view: View) -> dict[str, Any] | None:
    """The open ballot, or else the last closed one."""
    if view.get("ballot"):
        return dict(view["ballot"])
    ballots = view.get("ballots") or []
    return dict(ballots[-1]) if ballots else None


def metrics_lines(metrics: Mapping[str, Any] | None, conflicts: int | None = None) -> list[str]:
    if not metrics:
        return []
    n_conf = len(metrics.get("conflicts", ())) if conflicts is None else conflicts
    return [
        t("metrics.openings", n=metrics.get("openings_total", 0)),
        t("metrics.cost", cost=num(metrics.get("cost", 0.0))),
        t("metrics.saved", saved=num(metrics.get("saved", 0.0))),
        t("metrics.nuisance", months=num(metrics.get("nuisance_total", 0.0), 0)),
        t("metrics.missed", n=len(metrics.get("missed", ()))),
        t("metrics.conflicts", n=n_conf),
        t("metrics.duration", months=num(metrics.get("duration", 0.0), 0)),
    ]
