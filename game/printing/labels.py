"""The interface labels of the printed material, in Dutch and English.

The game text itself (briefings, options, rules in plain words) stays in the
scenario's language; only these headings and captions follow ``--lang``.
"""

from __future__ import annotations

from game.catalog import LANGUAGES, Catalog

__all__ = ["LANGUAGES", "keys", "label"]

_LABELS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "confidential": ("VERTROUWELIJK", "CONFIDENTIAL"),
    "confidential_note": (
        "Alleen voor jou. Laat dit blad niet aan andere rollen zien.",
        "For your eyes only. Do not show this sheet to other roles.",
    ),
    "role_sheet": ("Rolbriefing", "Role briefing"),
    "role_sheets": ("Alle rolbriefings", "All role briefings"),
    "organisation": ("Organisatie", "Organisation"),
    "public_profile": ("Openbaar profiel", "Public profile"),
    "briefing": ("Jouw briefing", "Your briefing"),
    "scoring": ("Jouw puntentabel", "Your scoring table"),
    "scoring_note": (
        "Punten per optie. De hoogste waarde per kwestie is vet.",
        "Points per option. The highest value per issue is in bold.",
    ),
    "issue": ("Kwestie", "Issue"),
    "option": ("Optie", "Option"),
    "points": ("Punten", "Points"),
    "rules": ("Combinaties", "Interaction rules"),
    "metric_terms": ("Uitvoering telt mee", "Execution counts too"),
    "reservation": ("Ondergrens", "Reservation value"),
    "reservation_note": (
        "Onder deze score kun je beter niet tekenen: zonder akkoord krijg je dit.",
        "Below this score you had better not sign: without agreement you get this.",
    ),
    "veto": ("Vetorecht", "Veto"),
    "veto_yes": ("Jouw nee-stem houdt elk voorstel tegen.", "Your no vote blocks any proposal."),
    "veto_no": ("Jouw stem telt mee voor het quorum.", "Your vote counts towards the quorum."),
    "yes": ("Ja", "Yes"),
    "no": ("Nee", "No"),
    "press_release": ("Persbericht", "Press release"),
    "issues": ("Kwesties en opties", "Issues and options"),
    "cost": ("Kosten", "Cost"),
    "area_map": ("Kaart van het gebied", "Map of the area"),
    "run_sheet": ("Draaiboek voor de spelleider", "Facilitator's run sheet"),
    "mode": ("Spelvorm", "Mode"),
    "mode_full": ("volledig", "full"),
    "mode_short": ("kort", "short"),
    "rounds": ("Rondes", "Rounds"),
    "round": ("Ronde", "Round"),
    "minutes": ("Min.", "Min."),
    "clock": ("Tijd", "Time"),
    "instructions": ("Instructie", "Instructions"),
    "moves": ("Wat mag", "Allowed moves"),
    "events_allowed": ("Gebeurtenissen mogelijk", "Events may be played"),
    "reveal": ("Onthulling: alle scores worden zichtbaar", "Reveal: all scores become visible"),
    "events": ("Gebeurtenissen", "Events"),
    "effects": ("Gevolgen", "Effects"),
    "agreement": ("Akkoordregel", "Agreement rule"),
    "status_quo": ("Zonder akkoord", "Without agreement"),
    "presets": ("Vastgelegd in deze spelvorm", "Fixed in this mode"),
    "lessons": ("Lessen voor de nabespreking", "Lessons for the debrief"),
    "lessons_note": (
        "Kies per les twee of drie vragen. Houd de nabespreking bij wat deze tafel deed: de "
        "kaart met openingen, de scores tegen de ondergrens en de voorstellen in de tijd.",
        "Pick two or three questions per lesson. Keep the debrief to what this table did: the "
        "map of openings, the scores against the reservation values and the proposals over time.",
    ),
    "when_why": ("Wanneer en waarom", "When and why"),
    "events_when": (
        "Speel hooguit één of twee gebeurtenissen, en alleen in deze rondes:",
        "Play one or two events at most, and only in these rounds:",
    ),
    "giveaway": ("Wie had wat kunnen weggeven", "Who could have given what away"),
    "giveaway_note": (
        "Uit de puntentabellen van deze spelvorm: waar een rol het meest te winnen of te "
        "verliezen heeft, en welke kwesties haar weinig kosten.",
        "From the scoring tables of this mode: where a role has most to win or lose, and "
        "which issues cost it little.",
    ),
    "holds": ("Houdt vast aan", "Holds on to"),
    "gives": ("Kan weggeven", "Can give away"),
    "join_cards": ("Deelnamekaarten", "Join cards"),
    "join_note": (
        "Scan de QR-code met je telefoon, of typ in een terminal:",
        "Scan the QR code with your phone, or type in a terminal:",
    ),
    "screen_card": ("Zaalscherm", "Room screen"),
    "pin": ("PIN", "PIN"),
    "code": ("Code", "Code"),
    "table": ("Tafel", "Table"),
    "role": ("Rol", "Role"),
    "roles_count": ("rollen", "roles"),
    "segment": ("Straatvak", "Segment"),
    "kind": ("Soort", "Kind"),
    "note": ("Bijzonderheden", "Notes"),
    "index": ("Drukwerk", "Printable material"),
    "index_note": (
        "Open een bestand en druk af op A4 (staand, zonder kop- en voetteksten).",
        "Open a file and print on A4 (portrait, without headers and footers).",
    ),
    "total": ("Totaal", "Total"),
    "legend": ("Legenda", "Legend"),
    "none": ("geen", "none"),
    "written": ("Bestanden geschreven", "Files written"),
}


_CATALOG = Catalog(_LABELS)


def label(key: str, lang: str = "nl") -> str:
    """The label ``key`` in ``lang`` (Dutch for an unknown language)."""
    return _CATALOG.label(key, lang)


def keys() -> tuple[str, ...]:
    """Every label key (for tests)."""
    return tuple(_LABELS)
