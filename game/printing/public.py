"""Public handouts: the press release and the issues with their options."""

from __future__ import annotations

from game.printing.html import document, esc, markdown, num
from game.printing.labels import label
from game.scenario.model import Issue, Mode, Scenario

ISSUES_CSS = """
.issue { break-inside: avoid; margin-bottom: 3mm; }
.issue h2 { margin-bottom: 1mm; }
.question { font-style: italic; margin-bottom: 1.5mm; }
td.cost { width: 22mm; }
"""


def press_document(scenario: Scenario, lang: str = "nl") -> str:
    """The press release, on its own page."""
    body = (
        '<section class="page press">'
        f'<div class="kicker">{esc(label("press_release", lang))}</div>'
        f"<h1>{esc(scenario.meta.title)}</h1>"
        f'<div class="press-text">{markdown(scenario.press_release, heading_shift=1)}</div>'
        "</section>"
    )
    css = ".press-text { font-size: 12pt; line-height: 1.5; margin-top: 4mm; }"
    return document(f"{label('press_release', lang)} — {scenario.meta.title}", body, lang, css)


def _issue(issue: Issue, lang: str) -> str:
    rows = "".join(
        f"<tr><td><strong>{esc(o.title)}</strong>"
        + (f'<div class="small">{esc(o.text)}</div>' if o.text else "")
        + f'</td><td class="num cost">{num(o.cost) + " M€" if o.cost else ""}</td></tr>'
        for o in issue.options
    )
    question = f'<p class="question">{esc(issue.question)}</p>' if issue.question else ""
    head = (
        f"<thead><tr><th>{esc(label('option', lang))}</th>"
        f'<th class="num">{esc(label("cost", lang))}</th></tr></thead>'
    )
    return (
        f'<div class="issue"><h2>{esc(issue.title)}</h2>{question}'
        f"<table>{head}<tbody>{rows}</tbody></table></div>"
    )


def issues_document(scenario: Scenario, mode: Mode, lang: str = "nl") -> str:
    """Every live issue of ``mode`` with its options (public), and what is fixed."""
    live = "".join(_issue(i, lang) for i in scenario.issues if i.id in mode.issues)
    presets = "".join(
        f"<li>{esc(issue.title)}: <em>{esc(issue.option(o).title)}</em></li>"
        for issue, o in ((scenario.issue(i), o) for i, o in mode.presets.items())
    )
    fixed = f"<h2>{esc(label('presets', lang))}</h2><ul>{presets}</ul>" if presets else ""
    body = (
        '<section class="page">'
        f'<div class="kicker">{esc(scenario.meta.title)}</div>'
        f"<h1>{esc(label('issues', lang))}</h1>{live}{fixed}</section>"
    )
    title = f"{label('issues', lang)} — {scenario.meta.title}"
    return document(title, body, lang, ISSUES_CSS)
