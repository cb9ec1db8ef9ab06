"""The debrief's headings and captions in Dutch (default) and English.

Game text (role names, options, lessons) stays in the scenario's language;
only these labels follow ``--lang``.
"""

from __future__ import annotations

from game.catalog import LANGUAGES, Catalog

__all__ = ["LANGUAGES", "counted", "culture_key", "has_label", "label"]

_LABELS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    # the command's refusals (game.report.session.ReportError)
    "failed": ("Waarom voorstellen het niet haalden", "Why proposals failed"),
    "error.store.missing": (
        "Het spelbestand {path} bestaat niet. Geef het bestand dat het spel gebruikte "
        "(--db bij het starten).",
        "The game file {path} does not exist. Give the file the game used (--db when it started).",
    ),
    "error.store.not_db": (
        "{path} is geen spelbestand van Botsende belangen.",
        "{path} is not a Botsende belangen game file.",
    ),
    "error.store.cannot_open": (
        "Het spelbestand {path} kan niet open (geen toegang?).",
        "The game file {path} cannot be opened (no access?).",
    ),
    "error.store.newer": (
        "Het spelbestand {path} is gemaakt met een nieuwere versie van Botsende belangen; "
        "werk het programma bij.",
        "The game file {path} was made by a newer version of Botsende belangen; "
        "update the program.",
    ),
    "error.not_db": (
        "{path} is geen spelbestand van Botsende belangen.",
        "{path} is not a Botsende belangen game file.",
    ),
    "error.no_session": (
        "In {path} is nog geen spel gespeeld.",
        "No game was played in {path} yet.",
    ),
    "error.no_table": (
        "In {path} is er geen tafel {table} (wel: {have}).",
        "{path} has no table {table} (it has: {have}).",
    ),
    "error.no_mode": (
        "Het scenario {scenario} heeft de spelvorm {mode} van dit spel niet meer.",
        "The scenario {scenario} no longer has this game's mode {mode}.",
    ),
    "error.damaged": (
        "Zet {seq} van tafel {table} in {path} is beschadigd.",
        "Move {seq} of table {table} in {path} is damaged.",
    ),
    "error.replay": (
        "Het logboek van tafel {table} in {path} past niet meer op {scenario}: is het "
        "scenario veranderd sinds het spel? Zet het oude scenario terug.",
        "The log of table {table} in {path} no longer fits {scenario}: was the scenario "
        "changed since the game? Put the old scenario back.",
    ),
    "error.scenario": (
        "Het scenario van dit spel, {scenario}, klopt niet meer:",
        "This game's scenario, {scenario}, is no longer valid:",
    ),
    "error.cannot_write": (
        "Kan {path} niet schrijven (bestaat de map, en mag je erin schrijven?).",
        "Cannot write {path} (does the folder exist, and may you write in it?).",
    ),
    "written": (
        "De nabespreking staat in {path}. Open het bestand in een browser, of stuur het "
        "mee met een e-mail.",
        "The debrief is in {path}. Open the file in a browser, or attach it to an e-mail.",
    ),
    "title": ("Nabespreking", "Debrief"),
    "subtitle": ("{area} · {mode} · {tables}", "{area} · {mode} · {tables}"),
    "mode.short": ("korte versie", "short version"),
    "mode.full": ("volledige versie", "full version"),
    "term.openings": ("keer openbreken", "openings"),
    "term.nuisance": ("maanden overlast", "months of nuisance"),
    "term.cost": ("kosten (M€)", "cost (M€)"),
    "term.saved": ("besparing (M€)", "saving (M€)"),
    "term.missed": ("gemiste deadlines", "missed deadlines"),
    "term.conflicts": ("conflicten in de ondergrond", "underground conflicts"),
    "term.duration": ("looptijd (maanden)", "duration (months)"),
    "n_tables": ("{n} tafels", "{n} tables"),
    "n_tables.one": ("1 tafel", "1 table"),
    "table": ("Tafel {n}", "Table {n}"),
    "table_short": ("Tafel", "Table"),
    "contents": ("Inhoud", "Contents"),
    "not_revealed": (
        "Tafel {n} bereikte de onthulling niet (fase {phase}, ronde {round}). Dit rapport "
        "toont toch alle belangen en gesprekken: het is bedoeld voor de nabespreking na afloop.",
        "Table {n} never reached the reveal (phase {phase}, round {round}). This report still "
        "shows every interest and conversation: it is meant for the debrief after the session.",
    ),
    "comparison": ("Tafels naast elkaar", "Tables side by side"),
    "outcome": ("Uitkomst", "Outcome"),
    "agreement": ("Akkoord", "Agreement"),
    "agreement_yes": ("ja: {proposal}", "yes: {proposal}"),
    "agreement_no": ("nee, terug naar de status quo", "no, back to the status quo"),
    "in_time": ("binnen de tijd", "in time"),
    "overtime": ("in blessuretijd", "in overtime"),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "none": ("geen", "none"),
    "joint": ("Gezamenlijke waarde", "Joint value"),
    "joint_of_max": ("{joint} van max. {max} ({share})", "{joint} of max {max} ({share})"),
    "share": ("Deel van max.", "Share of max"),
    "pareto_efficient": ("Pareto-efficiënt", "Pareto-efficient"),
    "pareto_yes": ("ja, geen pakket is voor iedereen beter", "yes, no package is better for all"),
    "pareto_no": (
        "nee, {n} pakketten waren voor niemand slechter en voor één beter",
        "no, {n} packages were worse for no one and better for one",
    ),
    "pareto_no.one": (
        "nee, 1 pakket was voor niemand slechter en voor één beter",
        "no, 1 package was worse for no one and better for one",
    ),
    "nash_distance": ("Afstand tot Nash", "Distance to Nash"),
    "cleared": ("Boven reservewaarde", "At or above reservation"),
    "cleared_of": ("{k} van {n} rollen", "{k} of {n} roles"),
    "events": ("Gebeurtenissen", "Events"),
    "signatures": ("Handtekeningen", "Signatures"),
    "scores": ("Scores tegen reservewaarde", "Scores against reservation values"),
    "scores_note": (
        "Balk: score van de rol; streep: reservewaarde; vaag: het beste dat de rol kon halen.",
        "Bar: the role's score; tick: reservation value; faint: the best the role could get.",
    ),
    "no_deal_scores": (
        "Zonder akkoord krijgt iedere rol haar reservewaarde.",
        "Without agreement every role gets its reservation value.",
    ),
    "role": ("Rol", "Role"),
    "score": ("Score", "Score"),
    "reservation": ("Reserve", "Reservation"),
    "margin": ("Verschil", "Margin"),
    "veto": ("veto", "veto"),
    "not_in_play": ("niet in het spel", "not in play"),
    "reveal": ("De belangen onthuld", "The interests revealed"),
    "reveal_note": (
        "Punten per optie voor iedere rol. Vet: de beste optie van de rol; "
        "gemarkeerd: de keuze van de uitkomst.",
        "Points per option for every role. Bold: the role's best option; "
        "highlighted: the outcome's choice.",
    ),
    "issue": ("Kwestie", "Issue"),
    "option": ("Optie", "Option"),
    "preset": ("vast: {option}", "preset: {option}"),
    "rules": ("Regels", "Rules"),
    "metric_terms": ("Plantermen", "Plan terms"),
    "briefing": ("Uit de briefing", "From the briefing"),
    "possible": ("Wat mogelijk was", "What was possible"),
    "possible_note": (
        "{packages} pakketten; {passes} gaan door als iedereen naar belang stemt, "
        "{unanimous} unaniem; Pareto-front: {pareto}.",
        "{packages} packages; {passes} pass when everyone votes their interest, "
        "{unanimous} unanimous; Pareto frontier: {pareto}.",
    ),
    "plan": ("Plan", "Plan"),
    "package": ("Pakket", "Package"),
    "openings": ("Openingen", "Openings"),
    "max_welfare": ("Max. gezamenlijke waarde", "Max joint value"),
    "nash": ("Nash", "Nash"),
    "kalai": ("Kalai–Smorodinsky", "Kalai–Smorodinsky"),
    "status_quo": ("Status quo", "Status quo"),
    "no_unanimous": (
        "Geen pakket gaf iedere rol haar reservewaarde: geen Nash-oplossing.",
        "No package gave every role its reservation value: no Nash solution.",
    ),
    "better": ("Betere pakketten", "Better packages"),
    "openings_vs_sq": ("Openingen (status quo)", "Openings (status quo)"),
    "scores_by_role": ("Scores per rol", "Scores per role"),
    "better_none": (
        "Geen: geen aangenomen pakket was voor iedereen minstens zo goed en voor één beter.",
        "None: no passing package was at least as good for everyone and better for one.",
    ),
    "better_some": (
        "{n} aangenomen pakketten waren voor iedere rol minstens zo goed en voor één beter. "
        "De beste {k}:",
        "{n} passing packages were at least as good for every role and better for one. "
        "The best {k}:",
    ),
    "better_some.one": (
        "1 aangenomen pakket was voor iedere rol minstens zo goed en voor één beter:",
        "1 passing package was at least as good for every role and better for one:",
    ),
    "map": ("Openingen per straat", "Street openings"),
    "map_note": (
        "Hoe vaak elke straat open gaat: de uitkomst, de status quo en het beste plan ({basis}).",
        "How often each street is opened: the outcome, the status quo and the best plan ({basis}).",
    ),
    "basis_fewest_openings": (
        "het betere pakket met de minste openingen",
        "the better package with the fewest openings",
    ),
    "basis_fewest_openings_passing": (
        "geen pakket was voor iedereen beter; het aangenomen pakket met de minste openingen",
        "no package was better for everyone; the passing package with the fewest openings",
    ),
    "best_possible": ("Beste haalbaar", "Best possible"),
    "best_plan": ("Beste plan", "Best plan"),
    "street": ("Straat", "Street"),
    "total": ("Totaal", "Total"),
    "nuisance": ("Hinder (maanden)", "Nuisance (months)"),
    "cost": ("Kosten (M€)", "Cost (M€)"),
    "saved": ("Bespaard (M€)", "Saved (M€)"),
    "missed": ("Deadlines gemist", "Deadlines missed"),
    "conflicts": ("Conflicten", "Conflicts"),
    "proposals": ("Voorstellen in de tijd", "Proposals over time"),
    "proposals_note": (
        "Steun per voorstel in de tijd (minuten na de start): elke lijn springt als een rol "
        "steun geeft of intrekt; de dunne lijn onder de as telt de bezwaren. Verticale lijnen: "
        "nieuwe ronde (grijs), gebeurtenis (oranje), stemming (groen aangenomen, rood verworpen).",
        "Support per proposal over time (minutes after the start): each line steps when a role "
        "gives or withdraws support; the thin line below the axis counts objections. Vertical "
        "lines: a new round (grey), an event (orange), a vote (green passed, red failed).",
    ),
    "history_incomplete": (
        "Zonder het zettenlogboek is alleen de steun aan het eind bekend.",
        "Without the move log only the support at the end is known.",
    ),
    "first_proposed": ("Voorgesteld", "Proposed"),
    "peak_support": ("Meeste steun", "Peak support"),
    "final_support": ("Steun aan het eind", "Final support"),
    "at_clock": ("{n} om {clock}", "{n} at {clock}"),
    "reason_quorum": ("te weinig ja-stemmen", "too few yes votes"),
    "reason_veto": ("veto van {role}", "veto by {role}"),
    "reason_infeasible": ("niet meer uitvoerbaar", "no longer feasible"),
    "open_vote": ("stemming loopt", "vote open"),
    "no_proposals": ("Er zijn geen voorstellen gedaan.", "No proposals were made."),
    "minute": ("Minuut", "Minute"),
    "author": ("Door", "By"),
    "support": ("Steun", "Support"),
    "objections": ("Bezwaren", "Objections"),
    "vote": ("Stemming", "Vote"),
    "passed": ("aangenomen", "passed"),
    "rejected": ("verworpen", "rejected"),
    "withdrawn": ("ingetrokken", "withdrawn"),
    "open_proposal": ("voorstel", "proposal"),
    "agreed": ("akkoord", "agreed"),
    "quorum": ("quorum", "quorum"),
    "talk": ("Wie sprak met wie", "Who talked with whom"),
    "talk_note": (
        "Aantal berichten (geen inhoud). Rij: afzender, kolom: ontvanger; "
        "de laatste kolom telt openbare berichten.",
        "Number of messages (no contents). Row: sender, column: receiver; "
        "the last column counts public messages.",
    ),
    "public": ("Openbaar", "Public"),
    "private": ("Privé", "Private"),
    "no_talk": ("Er zijn geen berichten gestuurd.", "No messages were sent."),
    "indicators": ("Cultuurwaarden", "Culture values"),
    "indicators_note": (
        "Gedrag aan tafel, 0 tot 1 (– waar het niet van toepassing is).",
        "Behaviour at the table, 0 to 1 (– where it does not apply).",
    ),
    "openness": ("Openheid", "Openness"),
    "cooperation": ("Samenwerking", "Cooperation"),
    "result_orientation": ("Resultaatgerichtheid", "Result orientation"),
    "reliability": ("Betrouwbaarheid", "Reliability"),
    "rising_above_own_interest": ("Boven eigen belang", "Rising above own interest"),
    "table_value": ("Tafel", "Table"),
    "lessons": ("Lessen", "Lessons"),
    "no_lessons": ("Het scenario noemt geen lessen.", "The scenario lists no lessons."),
    "no_tables": ("Deze sessie heeft geen tafels.", "This session has no tables."),
    "footer": (
        "Gemaakt met botsende-belangen report. Scores met de gespeelde gebeurtenissen.",
        "Made with botsende-belangen report. Scores with the events played.",
    ),
}

#: Map a lesson's ``value`` to the culture-value key of the indicators (English keys and
#: the Dutch names trainers write, compared in lower case).
VALUE_ALIASES: dict[str, str] = {
    "rising_above": "rising_above_own_interest",
    "openheid": "openness",
    "samenwerking": "cooperation",
    "samenwerken": "cooperation",
    "resultaatgerichtheid": "result_orientation",
    "resultaatgericht": "result_orientation",
    "betrouwbaarheid": "reliability",
    "betrouwbaar": "reliability",
    "boven het eigen belang uitstijgen": "rising_above_own_interest",
    "boven eigen belang uitstijgen": "rising_above_own_interest",
    "boven eigen belang": "rising_above_own_interest",
}


def culture_key(value: str | None) -> str | None:
    """The indicator key a lesson's ``value`` names (``None`` when it names none)."""
    if not value:
        return None
    text = " ".join(str(value).lower().replace("-", " ").split())
    key = text.replace(" ", "_")
    return VALUE_ALIASES.get(text) or VALUE_ALIASES.get(key) or key


_CATALOG = Catalog(_LABELS)


def label(key: str, lang: str = "nl", **values: object) -> str:
    """The label ``key`` in ``lang``, formatted with ``values``."""
    return _CATALOG.label(key, lang, **values)


def counted(key: str, n: int, lang: str = "nl", **values: object) -> str:
    """``key`` for ``n`` things (``key.one`` for 1: ``1 tafel``, not ``1 tafels``)."""
    return _CATALOG.counted(key, n, lang, n=n, **values)


def has_label(key: str) -> bool:
    return key in _LABELS
