"""Dutch strings of the command line: host, play, join, screen and web (merged into
:mod:`game.tui.i18n.nl`)."""

CLI: dict[str, str] = {
    "cli.bad_pace": "--bot-pace moet 0 of meer seconden zijn.",
    "cli.bad_port": "--port moet een getal van 0 tot 65535 zijn.",
    "cli.no_listen": "Kan niet luisteren op {host}:{port} ({reason}). Probeer een andere --port.",
    "cli.port_in_use": "de poort is al in gebruik",
    "cli.host_error.scenario": (
        "Het scenario {path} klopt niet (controleer het met: "
        "botsende-belangen validate {path}):\n{problems}"
    ),
    "cli.host_error.scenario_gone": (
        "Het onderbroken spel in dit spelbestand hoort bij het scenario {path}, en dat "
        "bestand is er niet meer. Zet het terug, of begin een nieuw spel (play --new, of een "
        "ander spelbestand met --db)."
    ),
    "cli.host_error.tables": "--tables moet een getal van 1 tot en met {max} zijn.",
    "cli.host_error.store.missing": "Het spelbestand {path} bestaat niet.",
    "cli.host_error.store.not_db": (
        "{path} is geen spelbestand van Botsende belangen. Kies een ander bestand met --db."
    ),
    "cli.host_error.store.cannot_open": "Het spelbestand {path} kan niet open: {why}.",
    "cli.host_error.store.newer": (
        "Het spelbestand {path} is gemaakt met een nieuwere versie van Botsende belangen. "
        "Werk het programma bij, of kies een ander bestand met --db."
    ),
    "cli.host_error.mode": "Het scenario heeft geen spelvorm {mode} (wel: {modes}).",
    "cli.host_error.damaged": (
        "Zet {seq} van tafel {table} in het spelbestand is beschadigd. "
        "Begin een nieuw spel met een ander bestand (--db)."
    ),
    "cli.host_error.replay": (
        "Het logboek van tafel {table} past niet meer op {scenario}: is het scenario "
        "veranderd sinds het spel begon? Zet het oude scenario terug, of begin een nieuw "
        "spel met een ander bestand (--db)."
    ),
    "cli.why.no_access": "geen toegang tot het bestand of de map",
    "cli.why.no_folder": "de map bestaat niet",
    "cli.why.read_only": "de schijf is alleen-lezen",
    "cli.why.disk_full": "de schijf is vol",
    "cli.why.is_folder": "dat is een map, geen bestand",
    "cli.why.other": "onbekende oorzaak",
    "cli.host.hosting": "Het spel draait: {tables} van {scenario}, spelvorm {mode}",
    "cli.host.resumed": "Het spel gaat verder: {tables} van {scenario}, spelvorm {mode}",
    "cli.host.table_one": "{n} tafel",
    "cli.host.table_many": "{n} tafels",
    "cli.host.url": "adres: {url}",
    "cli.host.codes": "codes: {path}",
    "cli.host.db": "spelbestand: {path}",
    "cli.host.stopped": "Gestopt; ga verder met dezelfde --db.",
    "cli.note.other_session": (
        "Let op: dit spelbestand hoort bij een spel van {name} in spelvorm {mode}; "
        "dat spel gaat verder."
    ),
    "cli.note.scenario_changed": (
        "Let op: {path} is veranderd sinds het spel begon; de zetten worden toch "
        "opnieuw afgespeeld."
    ),
    "cli.note.tables_kept": "Let op: het spelbestand heeft {n} tafels; die blijven allemaal.",
    "cli.note.table_added": "Let op: tafel {number} is toegevoegd.",
    "cli.timeout": "Geen antwoord van {url}. Klopt het adres, en draait het spel?",
    "cli.unreachable": (
        "Kan {url} niet bereiken. Klopt het adres, en zit je op hetzelfde netwerk?"
    ),
    "cli.error": "fout: {message}",
    "cli.address.empty": "Geef het adres van het spel, bijvoorbeeld 192.168.1.20:8765.",
    "cli.address.scheme": (
        "{text} is geen adres van het spel. Gebruik het adres dat de spelleider toont, "
        "bijvoorbeeld http://192.168.1.20:8765/."
    ),
    "cli.address.port": "Het poortnummer in {text} klopt niet (een getal tot 65535, zoals :8765).",
    "cli.address.host": (
        "In {text} ontbreekt de computer. Gebruik het adres dat de spelleider toont, "
        "bijvoorbeeld 192.168.1.20:8765."
    ),
    "cli.unknown_host": "De computer {host} is op dit netwerk onbekend. Klopt het adres?",
    "cli.refused": "Op {url} draait geen spel. Klopt het poortnummer, en draait het spel nog?",
    "cli.not_game": (
        "Op {url} antwoordt iets anders dan het spel. Gebruik het adres dat de spelleider toont."
    ),
    "cli.no_code": "Geef een code met --code, of plak de link van je deelnemerskaart.",
    "cli.not_screen": (
        "Dat is de code van een rol, niet van het zaalscherm. Neem de code van het zaalscherm "
        "(tab Codes in de console)."
    ),
    # browser seat (game/webseat)
    "cli.reason.no_such_host": "dat adres bestaat niet",
    "cli.reason.refused": "daar draait geen spel",
    "cli.reason.no_route": "dat netwerk is niet bereikbaar",
    "cli.reason.other": "geen verbinding",
}
