"""One is singular in the debriefs: "1 pakket", "1 tafel", not "1 pakketten" or "tafel(s)".

The room screen's debrief said "1 pakketten waren voor elke rol minstens zo goed
geweest." and the written report hedged with "pakket(ten)" and "tafel(s)".
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from game.report.labels import counted
from game.tui.i18n import set_language
from game.tui.widgets.debrief import possible_text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_report_labels_count_one_and_more(lang: str) -> None:
    one = counted("n_tables", 1, lang)
    assert one == ("1 tafel" if lang == "nl" else "1 table")
    assert counted("n_tables", 3, lang) == ("3 tafels" if lang == "nl" else "3 tables")
    singular = r"1 (aangenomen )?pakket was" if lang == "nl" else r"1 (passing )?package was"
    plural = r"4 (aangenomen )?pakketten waren" if lang == "nl" else r"4 (passing )?packages were"
    for key in ("pareto_no", "better_some"):
        one, four = counted(key, 1, lang, k=1), counted(key, 4, lang, k=1)
        assert re.search(singular, one) and re.search(plural, four), (one, four)
        assert "(s)" not in one + four and "(ten)" not in one + four


def test_the_seat_debrief_says_one_package() -> None:
    set_language("nl")
    view: dict[str, Any] = {}
    possible = {"max_welfare": {"joint": 900.0}, "share": 0.78, "better_count": 1}
    text = possible_text(view, possible).plain
    assert "1 pakket was voor elke rol minstens zo goed geweest." in text
    assert "1 pakketten" not in text
    possible["better_count"] = 3
    assert "3 pakketten waren" in possible_text(view, possible).plain
