"""The strings of the browser entry screen and the ``web`` command, Dutch and English."""

from __future__ import annotations

from game.tui.i18n import language

STRINGS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Botsende belangen",
        "welcome": "Welkom! Typ de deelnamecode van je rolkaart en druk op Enter.",
        "shared": "Speel je met meer rollen op dit scherm? Typ alle codes, met spaties ertussen.",
        "codes": "Code(s)",
        "codes.placeholder": "bijv. BR7-K4Q",
        "server": "Spelserver",
        "join": "Meedoen",
        "joining": "Verbinden met {url}…",
        "no_code": "Typ eerst je code.",
        "mixed": "Typ de codes van rollen óf de code van het zaalscherm, niet allebei.",
        "page.ended": "De sessie is afgelopen.",
        "page.restart": "Opnieuw beginnen",
        "page.start": "Start",
        "open": "Deelnemers openen in hun browser:",
        "serving": "Spelserver: {server}   (stoppen met Ctrl+C)",
        "missing": (
            "Browserplekken hebben textual-serve nodig. Installeer het met:\n"
            "  pip install 'botsende-belangen[web]'\n"
            "of in een broncode-checkout:  pip install -e '.[web]'"
        ),
    },
    "en": {
        "title": "Botsende belangen",
        "welcome": "Welcome! Type the join code from your role card and press Enter.",
        "shared": "Playing several roles at this screen? Type every code, separated by spaces.",
        "codes": "Code(s)",
        "codes.placeholder": "e.g. BR7-K4Q",
        "server": "Game server",
        "join": "Join",
        "joining": "Connecting to {url}…",
        "no_code": "Type your code first.",
        "mixed": "Type the codes of roles or the room screen's code, not both.",
        "page.ended": "The session has ended.",
        "page.restart": "Start again",
        "page.start": "Start",
        "open": "Participants open in their browser:",
        "serving": "Game server: {server}   (stop with Ctrl+C)",
        "missing": (
            "Browser seats need textual-serve. Install it with:\n"
            "  pip install 'botsende-belangen[web]'\n"
            "or in a source checkout:  pip install -e '.[web]'"
        ),
    },
}


def w(key: str, /, **values: object) -> str:
    """The web string ``key`` in the interface language, formatted with ``values``."""
    text = STRINGS.get(language(), STRINGS["nl"]).get(key) or STRINGS["nl"][key]
    return text.format(**values) if values else text
