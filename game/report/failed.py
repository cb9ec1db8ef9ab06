"""Why each failed ballot failed, in the written debrief: the sentences the debrief
on the screens says (:mod:`game.tui.widgets.debrief_why`), in the report's language."""

from __future__ import annotations

from typing import Any

Json = dict[str, Any]


def failed_sentences(table: Json, scenario: Json, lang: str) -> list[list[str]]:
    """Per failed ballot of ``table`` (a report table, its ``failed``): the verdict first,
    then one sentence per role it explains; names from the report's ``scenario`` part."""
    failed = table.get("failed") or []
    if not failed:
        return []
    from game.tui.i18n import language, set_language
    from game.tui.widgets.debrief_why import ballot_lines

    view = {
        "roles": [
            {"id": r["id"], "short_name": r["label"], "name": r["name"], "veto": r["veto"]}
            for r in scenario["roles"]
        ],
        "scenario": {"issues": scenario["issues"], "segments": scenario["segments"]},
    }
    before = language()
    set_language(lang)
    try:
        return [ballot_lines(view, ballot) for ballot in failed]
    finally:
        set_language(before)
