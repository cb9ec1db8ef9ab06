"""The command line's help in one language: Dutch, including argparse's own words.

Every command registers its options with short English notes for developers;
``botsende-belangen --help`` shows these Dutch texts instead, so that no help
screen mixes two languages. :func:`apply` is called by :func:`game.cli.build_parser`;
a test fails when a command gains an option without a Dutch text here.
"""

from __future__ import annotations

import argparse
from typing import Any

#: Command → its one-line summary in the command list.
SUMMARY: dict[str, str] = {
    "play": "een hele workshop op deze laptop: server en spelleidersconsole",
    "host": "speeltafels van een scenario hosten (de spelserver)",
    "join": "meedoen als deelnemer",
    "screen": "het zaalscherm voor de beamer",
    "web": "deelnemersplekken in de browser",
    "validate": "scenariobestanden controleren",
    "analyze": "onderhandelingsruimte en speelbaarheid van een modus",
    "simulate": "sessies met bots spelen en de balans tonen",
    "report": "de nabespreking van een gespeelde sessie (html, md, json)",
    "print": "drukwerk als HTML: rolkaarten, kaart, draaiboek, deelnamekaartjes",
    "schema": "het JSON Schema van het scenarioformaat",
    "new-scenario": "een nieuw scenario om mee te beginnen",
    "export": "de uitkomstentabel als .npz, bijvoorbeeld voor NegMAS",
}

#: Command → the description above its options.
DESCRIPTION: dict[str, str] = {
    "play": "Host Leeuwaerdenhout op deze laptop en open de spelleidersconsole.",
    "host": "Host een of meer speeltafels van een scenario op deze computer.",
    "join": "Doe mee aan een spel: één --code per rol aan deze terminal.",
    "screen": "Toon het zaalscherm van een tafel: klok, ronde, kaart, voorstellen, stemmen.",
    "web": "Bied de deelnemersplek en het zaalscherm aan in de browser.",
    "validate": (
        "Controleer scenario's: elk probleem als BESTAND:REGEL:KOLOM: melding. "
        "Exit 0 geldig, 1 ongeldig, 2 verkeerd gebruik."
    ),
    "analyze": (
        "Reken alle pakketten van een modus door: hoeveel er aangenomen worden, "
        "de ruimte per rol, veto's en de beste plannen. Exit 0 gelukt, 1 fout in de invoer."
    ),
    "simulate": "Speel hele sessies met bots en toon de uitkomsten.",
    "report": (
        "Schrijf de nabespreking van een sessie uit haar database: onthulde belangen, "
        "scores, wat mogelijk was, betere pakketten, openingen per straat, voorstellen, "
        "gesprekken, cultuurwaarden en lessen. Exit 0 gelukt, 1 fout in de invoer."
    ),
    "print": (
        "Schrijf drukklare HTML (A4) voor een scenario: een vertrouwelijke rolkaart per "
        "rol (en alle in rollen.html, één rol per pagina), het persbericht, de kaart, het "
        "draaiboek van de spelleider en, met --codes, deelnamekaartjes met QR-code. "
        "Open index.html en druk af."
    ),
    "schema": "Print het JSON Schema (draft 2020-12) van een scenariobestand.",
    "new-scenario": (
        "Schrijf D/NAAM.yaml en de map D/NAAM/ met rolbeschrijvingen: een compleet, "
        "becommentarieerd voorbeeld dat 'validate' doorstaat."
    ),
    "export": (
        "Schrijf alle pakketten van een modus met de scores per rol als numpy .npz. "
        "Exit 0 gelukt, 1 fout in de invoer."
    ),
}

_SCENARIO = "scenariobestand of naam van een meegeleverd scenario"
_LANG = "taal van de interface (standaard nl)"
_WEB = "geen browserplekken (standaard op poort 8000 als textual-serve er is)"
_PACE = "seconden tussen twee zetten van een bot (standaard 4)"
_URL = "adres van het spel, zoals de console het toont (bijvoorbeeld 192.168.1.10:8765)"
_MODE = "modus: full (ongeveer 2 uur) of short (30-40 minuten)"
_EVENTS = "gespeelde gebeurtenissen (ids), in volgorde"
_IN_PLAY = "alleen deze rollen spelen mee"
_DB = "sessiedatabase (wordt hervat als hij bestaat)"

#: (command, option dest) → help text.
OPTIONS: dict[tuple[str, str], str] = {
    ("play", "scenario"): f"{_SCENARIO} (standaard leeuwaerdenhout)",
    ("play", "mode"): "short (30-40 minuten, standaard) of full (ongeveer 2 uur)",
    ("play", "host"): "alleen op dit adres luisteren",
    ("play", "port"): "poort (standaard 8765)",
    ("play", "db"): _DB,
    ("play", "new"): "begin een nieuw spel, bewaar het oude bestand",
    ("play", "bots"): "bots nemen rollen over waar niemand op inlogt",
    ("play", "seed"): "startwaarde van het toeval in het spel",
    ("play", "no_web"): _WEB,
    ("play", "bot_pace"): _PACE,
    ("play", "lang"): _LANG,
    ("host", "scenario"): _SCENARIO,
    ("host", "mode"): _MODE + " (standaard short)",
    ("host", "tables"): "aantal tafels (standaard 1)",
    ("host", "host"): "luisteradres",
    ("host", "port"): "poort (standaard 8765)",
    ("host", "db"): _DB,
    ("host", "codes_file"): "schrijf de deelnamecodes hierheen (JSON)",
    ("host", "headless"): "alleen de server, geen console",
    ("host", "seed"): "startwaarde van tafel 1 (tafel n: S+n-1)",
    ("host", "quiet"): "log alleen waarschuwingen",
    ("host", "no_web"): _WEB,
    ("host", "bot_pace"): _PACE,
    ("host", "lang"): _LANG,
    ("join", "url"): _URL,
    ("join", "code"): "deelnamecode van een rol; herhaal --code voor elke rol aan deze terminal",
    ("join", "lang"): _LANG,
    ("screen", "url"): _URL,
    ("screen", "code"): "de schermcode van de tafel",
    ("screen", "lang"): _LANG,
    ("web", "port"): "webpoort (standaard 8000, of de eerstvolgende vrije)",
    ("web", "host"): "luisteradres (standaard alle)",
    (
        "web",
        "server",
    ): "de spelserver (standaard typen deelnemers die zelf; ws://127.0.0.1:8765 staat klaar)",
    ("web", "lang"): _LANG,
    ("validate", "files"): "scenariobestand(en) (YAML)",
    (
        "validate",
        "skip_playability",
    ): "sla de controle over of elke modus onderhandelingsruimte heeft",
    ("analyze", "scenario"): _SCENARIO,
    ("analyze", "mode"): _MODE,
    ("analyze", "events"): _EVENTS,
    ("analyze", "in_play"): _IN_PLAY,
    ("analyze", "json"): "print JSON in plaats van een rapport",
    ("analyze", "lang"): "taal van het rapport (standaard nl)",
    ("simulate", "scenario"): _SCENARIO,
    ("simulate", "mode"): _MODE + " (standaard short)",
    ("simulate", "games"): "aantal sessies (standaard 10)",
    ("simulate", "seed"): "startwaarde van het eerste spel (standaard 1)",
    ("simulate", "json"): "print JSON per spel en de totalen",
    (
        "simulate",
        "temperaments",
    ): "temperament van de bots: mix (standaard: elke bot trekt er een) of één voor allen",
    ("simulate", "events"): "willekeurige gebeurtenissen per spel (standaard 0)",
    ("simulate", "workers"): (
        "aantal processen dat tegelijk speelt (standaard: het aantal kernen), zelfde uitkomst"
    ),
    ("simulate", "lang"): "taal van het rapport (standaard nl)",
    ("report", "db"): "de sessiedatabase (host --db BESTAND)",
    ("report", "table"): "alleen deze tafel (standaard: alle)",
    ("report", "format"): "formaat (standaard html)",
    ("report", "lang"): "taal van de labels (standaard nl)",
    ("report", "output"): (
        "uitvoerbestand ('-' voor stdout); standaard stdout voor md/json, "
        "debrief-<scenario>.html voor html"
    ),
    ("print", "scenario"): _SCENARIO,
    ("print", "mode"): _MODE + " (standaard full)",
    (
        "print",
        "codes",
    ): "het bestand met deelnamecodes van de server (JSON): druk deelnamekaartjes af",
    ("print", "lang"): "taal van de labels (standaard nl)",
    ("print", "start"): "begintijd: het draaiboek toont kloktijden",
    ("print", "output"): "uitvoermap",
    ("schema", "output"): "schrijf naar BESTAND in plaats van stdout",
    ("new-scenario", "name"): "id van het scenario: a-z, 0-9, '_' en '-'",
    ("new-scenario", "dir"): "map om in te schrijven (standaard .)",
    ("export", "scenario"): _SCENARIO,
    ("export", "mode"): _MODE,
    ("export", "events"): _EVENTS,
    ("export", "in_play"): _IN_PLAY,
    ("export", "output"): "uitvoerbestand (.npz)",
}

HELP = "toon deze hulp en stop"
VERSION = "toon het versienummer en stop"
POSITIONALS = "argumenten"
OPTIONALS = "opties"


class DutchFormatter(argparse.HelpFormatter):
    """argparse's help layout with a Dutch ``gebruik:`` line."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


def _dutch(parser: argparse.ArgumentParser, command: str | None) -> list[str]:
    """Put the Dutch texts on ``parser``; returns the options that have none."""
    parser.formatter_class = DutchFormatter
    parser._positionals.title = POSITIONALS
    parser._optionals.title = OPTIONALS
    missing = []
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            action.help = HELP
        elif isinstance(action, argparse._VersionAction):
            action.help = VERSION
        elif isinstance(action, argparse._SubParsersAction):
            continue
        elif command is not None:
            text = OPTIONS.get((command, action.dest))
            if text is None:
                missing.append(f"{command} {action.dest}")
            else:
                action.help = text
    if command is not None and command in DESCRIPTION:
        parser.description = DESCRIPTION[command]
    return missing


def apply(parser: argparse.ArgumentParser) -> list[str]:
    """Dutch help on ``parser`` and its subcommands; returns options without a Dutch text."""
    missing = _dutch(parser, None)
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        action.help = "opdracht"
        for choice in action._choices_actions:
            choice.help = SUMMARY.get(choice.dest, choice.help)
        for name, sub in action.choices.items():
            missing += _dutch(sub, name)
    return missing
