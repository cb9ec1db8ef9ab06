"""Role sheets: no bold in an issue the role does not care about, no repeated title (15.9)."""

from __future__ import annotations

import dataclasses

from game.printing.sheets import role_section
from game.scenario.model import Scenario, Scoring


def test_an_all_zero_issue_has_no_bold_option(mini: Scenario) -> None:
    role = mini.role("gemeente")
    points = {**role.scoring.points, "ontwerp": {"groen": 0, "parkeren": 0, "kaal": 0}}
    flat = dataclasses.replace(role, scoring=Scoring(points, role.scoring.rules))
    html = role_section(mini, flat, mini.mode("full"))
    block = html[html.index(f'<td colspan="2">{mini.issue("ontwerp").title}</td>') :]
    block = block[: block.index("</table>")]
    assert "<strong>" not in block
    assert "<strong>" in html  # the other issues still mark their best option


def test_the_briefing_title_is_not_repeated(mini: Scenario) -> None:
    role = mini.role("gemeente")
    first = role.briefing_text.splitlines()[0]
    assert first.startswith("# ")
    html = role_section(mini, role, mini.mode("full"))
    title = first[2:].strip()
    assert title not in html
    assert f"<h1>{role.name}</h1>" in html
