"""The ballot line on the console, the seat and the room screen says why a vote failed in words."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from game.tui.i18n import set_language
from game.tui.viewdata import tally_text

BALLOT = {"proposal": "P1", "tally": {"yes": 6, "no": 4, "abstain": 0}, "quorum": 8}


@pytest.fixture(autouse=True)
def dutch() -> Iterator[None]:
    set_language("nl")
    yield
    set_language("nl")


def test_a_veto_names_the_role_not_a_message_key() -> None:
    ballot = {**BALLOT, "open": False, "passed": False, "reason": "veto:wethouder"}
    text = tally_text(ballot, {"wethouder": "Wethouder"})
    assert "vote.reason" not in text
    assert text.endswith("VERWORPEN (veto van Wethouder)")


def test_every_engine_reason_has_words_in_both_languages() -> None:
    for lang in ("nl", "en"):
        set_language(lang)
        for reason in ("veto:corporatie", "quorum", "infeasible"):
            text = tally_text({**BALLOT, "open": False, "passed": False, "reason": reason})
            assert "vote.reason" not in text, (lang, reason)
