"""What bots say: short Dutch sentences for reasons, notes and messages.

Every function picks one phrasing with the bot's seeded ``random.Random`` and
fills in titles from the public scenario; nothing here reveals more than the
caller passes in (an open bot may name the issue that matters to it).
"""

from __future__ import annotations

import random

SUPPORT = (
    "Dit kunnen wij steunen.",
    "Hier zitten wij goed bij.",
    "Goede basis voor een akkoord.",
    "Hiermee kunnen wij verder.",
)
OBJECT = (
    "Dit haalt ons minimum niet.",
    "Zo kunnen wij niet tekenen.",
    "Dit kost ons te veel.",
    "Hier gaan wij er te veel op achteruit.",
)
OBJECT_ISSUE = (
    "Zo kunnen wij niet mee: {issue} pakt voor ons slecht uit.",
    "Voor ons weegt {issue} zwaar; dit haalt ons minimum niet.",
)
PROPOSE = (
    "Een voorstel dat voor ons werkt en, denken wij, ook voor anderen.",
    "Ons voorstel: kijk vooral naar {issue}.",
    "Een startpunt; we horen graag wat beter kan.",
)
AMEND = (
    "Aangepast: {changes}.",
    "Bijna goed; wij stellen voor: {changes}.",
    "Een stap naar elkaar toe: {changes}.",
)
INTRO_OPEN = (
    "Voor ons telt vooral {issue}: wij willen graag {option}.",
    "Wij zijn open: {issue} is voor ons het belangrijkste punt.",
)
INTRO_CLOSED = (
    "Wij luisteren eerst graag naar de anderen.",
    "Wij kijken vooral naar het totaal van het plan.",
)
EVENT = (
    "'{event}' verandert ons plaatje; we kijken opnieuw naar de voorstellen.",
    "Na '{event}' moeten we de voorstellen opnieuw wegen.",
)
CHATTER = (
    "We zitten dichter bij elkaar dan het lijkt.",
    "Laten we één voorstel zoeken waar negen partijen achter kunnen staan.",
    "Wie wil er meedenken over {issue}?",
    "Eén sleuf voor alle werken scheelt iedereen geld en hinder.",
)
VOTE_SOON = (
    "Laten we de stemming niet te lang uitstellen.",
    "Volgens ons ligt er een voorstel dat kan slagen.",
)
ALLY = (
    "Wij willen allebei {option} voor {issue}; zullen we samen optrekken?",
    "Volgens mij liggen onze belangen bij {issue} dicht bij elkaar. Samen een voorstel?",
)


def say(rng: random.Random, phrases: tuple[str, ...], **fields: str) -> str:
    """One of ``phrases`` with ``fields`` filled in (at most 500 characters)."""
    return rng.choice(phrases).format(**fields)[:500]


def say_new(rng: random.Random, phrases: tuple[str, ...], said: set[str], **fields: str) -> str:
    """Like :func:`say`, but never a line already in ``said`` (``""`` when all were said).

    It draws from ``rng`` exactly as :func:`say` does, so what a bot says never
    changes what it decides: the seeded draws that follow stay the same.
    """
    first = phrases.index(rng.choice(phrases))
    for n in range(len(phrases)):
        text = phrases[(first + n) % len(phrases)].format(**fields)[:500]
        if text not in said:
            said.add(text)
            return text
    return ""


def changes_text(
    changes: dict[str, str], issues: dict[str, str], options: dict[tuple[str, str], str]
) -> str:
    """``{issue: option}`` as "Fasering: Eén contract, Kosten: Naar rato"."""
    return ", ".join(f"{issues.get(i, i)}: {options.get((i, o), o)}" for i, o in changes.items())
