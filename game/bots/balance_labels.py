"""The words of ``simulate``'s balance report, in Dutch (default) and English.

One catalog for the text report and the command's own messages, so a run in
one language prints nothing of the other. Keys map to ``(nl, en)``.
"""

from __future__ import annotations

from game import numfmt
from game.catalog import LANGUAGES, Catalog

__all__ = ["LANGUAGES", "counted", "label"]

_LABELS: dict[str, tuple[str, str]] = {
    "head": (
        "{title}, {mode}: {games}, {agreements} met akkoord ",
        "{title}, {mode}: {games}, {agreements} with an agreement ",
    ),
    "game.one": ("1 spel", "1 game"),
    "game.other": ("{n} spellen", "{n} games"),
    "minutes": ("{minutes} minuten", "{minutes} minutes"),
    "roles.title": (
        "Scores per rol tegen de ondergrens (reservewaarde)",
        "Scores per role against the reservation value",
    ),
    "col.role": ("rol", "role"),
    "col.veto": ("veto", "veto"),
    "col.reservation": ("grens", "resv."),
    "col.min": ("min", "min"),
    "col.median": ("mediaan", "median"),
    "col.max": ("max", "max"),
    "col.above": ("erboven", "above"),
    "col.below": ("eronder", "below"),
    "yes": ("ja", "yes"),
    "roles.legend": (
        "grens: de ondergrens van de rol; erboven: spellen met een score boven de grens; "
        "eronder: spellen met een akkoord onder de grens.",
        "resv.: the role's reservation value; above: games with a score above it; "
        "below: games with an agreement below it.",
    ),
    "note.hopeless": (
        "Let op: {role} komt in minder dan {share} van de spellen boven de ondergrens (kansloos?).",
        "Note: {role} ends above its reservation value in fewer than {share} of the games "
        "(hopeless?).",
    ),
    "note.blocks": (
        "Let op: het veto van {role} verwerpt {share} van alle stemmingen (blokkeert vaak).",
        "Note: {role}'s veto sinks {share} of all ballots (blocks often).",
    ),
    "note.always": (
        "Let op: {role} komt in meer dan {share} van de spellen boven de ondergrens en "
        "nooit eronder (altijd binnen).",
        "Note: {role} ends above its reservation value in more than {share} of the games "
        "and never below it (always in).",
    ),
    "ballots.title": ("Stemmingen", "Ballots"),
    "ballots.count": ("aantal", "count"),
    "ballots.all": ("stemmingen", "ballots"),
    "ballots.veto": ("verworpen door een veto", "sunk by a veto"),
    "ballots.veto_of": ("  waarvan veto {role}", "  of which {role}'s veto"),
    "ballots.quorum": ("verworpen: te weinig stemmen voor", "failed: too few votes for"),
    "ballots.infeasible": ("verworpen: niet meer uitvoerbaar", "failed: no longer feasible"),
    "plan.title": (
        "Het plan bij akkoord, tegen status quo en beste plan",
        "The plan at an agreement, against the status quo and the best plan",
    ),
    "plan.outcome": ("uitkomst", "outcome"),
    "plan.status_quo": ("status quo", "status quo"),
    "plan.best": ("beste plan", "best plan"),
    "plan.openings": ("keren open (totaal)", "openings (total)"),
    "plan.cost": ("kosten (M€)", "cost (M€)"),
    "plan.joint": ("gezamenlijke waarde", "joint value"),
    "plan.legend": (
        "uitkomst: het gemiddelde van de spellen met akkoord; beste plan: het pakket dat "
        "aangenomen kan worden met de grootste gezamenlijke waarde.",
        "outcome: the mean over the games with an agreement; best plan: the package that "
        "can pass with the largest joint value.",
    ),
    "pace": (
        "Tot het akkoord (gemiddeld): ronde {round}, {proposals}, {ballots}. "
        "Voorstellen per spel: {per_game}.",
        "Until the agreement (mean): round {round}, {proposals}, {ballots}. "
        "Proposals per game: {per_game}.",
    ),
    "proposal.one": ("1 voorstel", "1 proposal"),
    "proposal.other": ("{n} voorstellen", "{n} proposals"),
    "ballot.one": ("1 stemming", "1 ballot"),
    "ballot.other": ("{n} stemmingen", "{n} ballots"),
    "pace.none": (
        "Geen akkoord in deze spellen. Voorstellen per spel: {per_game}.",
        "No agreement in these games. Proposals per game: {per_game}.",
    ),
    "rejected": (
        "Geweigerde botzetten: {n} (een fout in de bots of het scenario).",
        "Rejected bot moves: {n} (a fault in the bots or the scenario).",
    ),
    "progress": ("simuleren", "simulating"),
    "progress.line": (
        "simuleren: {done} van {total} spellen",
        "simulating: {done} of {total} games",
    ),
    "error.games": (
        "simulate: --games moet minstens 1 zijn",
        "simulate: --games must be at least 1",
    ),
    "error.events": (
        "simulate: --events moet 0 of meer zijn",
        "simulate: --events must be 0 or more",
    ),
    "error.workers": (
        "simulate: --workers moet minstens 1 zijn",
        "simulate: --workers must be at least 1",
    ),
}


_CATALOG = Catalog(_LABELS)


def counted(what: str, n: float, lang: str = "nl") -> str:
    """``1 spel``, ``3 spellen``, ``1,5 spellen``: a count with its noun (``what``:
    ``game``, ``proposal`` or ``ballot``), singular for one as shown (one decimal)."""
    return _CATALOG.counted(what, round(n, 1), lang, n=numfmt.number(n, lang))


def label(key: str, lang: str = "nl", **values: object) -> str:
    """The text of ``key`` in ``lang`` (Dutch for an unknown language), filled in."""
    return _CATALOG.label(key, lang, **values)
