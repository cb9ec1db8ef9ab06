"""Join codes, the facilitator token and PINs: short, typeable, unguessable.

Codes use an alphabet without the look-alikes 0/O, 1/I/L. A join code has six
characters (``BR7-K4Q``, about 30 bits), the facilitator token twelve
(``K7QX-M2PA-9TRE``, about 59 bits); both come from :mod:`secrets`. Guessing is
further slowed by the server's bad-code limits. PINs are four digits: they only
separate the players at one shared terminal, who already hold the role code.
"""

from __future__ import annotations

import secrets
from collections.abc import Collection

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
JOIN_LENGTH = 6
TOKEN_LENGTH = 12


def _group(chars: str, size: int) -> str:
    return "-".join(chars[i : i + size] for i in range(0, len(chars), size))


def _random_chars(n: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(n))


def new_join_code(taken: Collection[str] = ()) -> str:
    """A fresh join code such as ``BR7-K4Q``, not in ``taken``."""
    while True:
        code = _group(_random_chars(JOIN_LENGTH), 3)
        if code not in taken:
            return code


def new_facilitator_token() -> str:
    """A fresh facilitator token such as ``K7QX-M2PA-9TRE``."""
    return _group(_random_chars(TOKEN_LENGTH), 4)


def new_pin() -> str:
    """A four-digit PIN such as ``0472``."""
    return f"{secrets.randbelow(10_000):04d}"


def normalise_code(text: str) -> str:
    """The canonical form of a typed code: upper case, dashes where they belong.

    >>> normalise_code(" br7 k4q ")
    'BR7-K4Q'
    """
    chars = "".join(c for c in text.upper() if c.isalnum())
    if len(chars) == JOIN_LENGTH:
        return _group(chars, 3)
    if len(chars) == TOKEN_LENGTH:
        return _group(chars, 4)
    return chars


def same_secret(given: str, expected: str) -> bool:
    """Constant-time comparison of two secrets."""
    return secrets.compare_digest(given.encode(), expected.encode())
