"""Two-language label catalogs: Dutch (the default) and English.

The reports and commands outside the interface catalogs (game/tui/i18n) keep
their words as ``key: (nl, en)``. :class:`Catalog` says one in a language
(Dutch for a language it does not know) and picks the form of a sentence with
a count: ``key.none`` for 0 and ``key.one`` for 1 where the catalog has them,
else ``key.other`` (or ``key`` itself).

Pure Python: safe to import from the core (game/analysis).
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES: tuple[str, ...] = ("nl", "en")


class Catalog:
    """The labels of one report or command."""

    def __init__(self, labels: Mapping[str, tuple[str, str]]) -> None:
        self.labels = labels

    def __contains__(self, key: object) -> bool:
        return key in self.labels

    def label(self, key: str, lang: str = "nl", **values: object) -> str:
        """The label ``key`` in ``lang``, filled in with ``values``."""
        nl, en = self.labels[key]
        text = en if lang == "en" else nl
        return text.format(**values) if values else text

    def counted(self, key: str, count: float, lang: str = "nl", **values: object) -> str:
        """The form of ``key`` for ``count`` (see the module docstring), filled in."""
        if count == 0 and f"{key}.none" in self.labels:
            key = f"{key}.none"
        elif count == 1 and f"{key}.one" in self.labels:
            key = f"{key}.one"
        elif f"{key}.other" in self.labels:
            key = f"{key}.other"
        return self.label(key, lang, **values)
