"""Role briefing sheets, as printable HTML.

A role sheet is one ``<section class="page">``: public profile, private
briefing, scoring table of the mode's live issues (presets shown as fixed),
interaction rules and metric terms in words, reservation value and veto.
Each sheet is scaled down to fit one A4 page when its text runs long.
"""

from __future__ import annotations

from game.printing import describe
from game.printing.html import document, esc, items, markdown, num
from game.printing.labels import label
from game.scenario.briefing import render_briefing
from game.scenario.model import Issue, Mode, Role, Scenario

#: Printable height of an A4 page with the margins of BASE_CSS, in CSS pixels.
PAGE_HEIGHT_PX = round((297 - 28) * 96 / 25.4) - 4

#: Scales each ``.fit`` block (CSS zoom, largest that fits, by bisection) to one printed page;
#: its unzoomed parent measures the result.
FIT_SCRIPT = f"""
(function () {{
  var LIMIT = {PAGE_HEIGHT_PX};
  function fit() {{
    document.querySelectorAll('.fit').forEach(function (el) {{
      var box = el.parentNode;
      el.style.zoom = 1;
      if (box.offsetHeight <= LIMIT) return;
      var lo = 0.3, hi = 1;
      for (var i = 0; i < 9; i++) {{
        var mid = (lo + hi) / 2;
        el.style.zoom = mid;
        if (box.offsetHeight <= LIMIT) lo = mid; else hi = mid;
      }}
      el.style.zoom = lo;
    }});
  }}
  fit();
  window.addEventListener('beforeprint', fit);
}})();
"""

SHEET_CSS = """
.sheet-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 4mm;
  margin-bottom: 2mm; }
.stamp { border: 0.6mm solid #b3261e; color: #b3261e; font-weight: bold; letter-spacing: 0.12em;
  padding: 0.8mm 2.5mm; border-radius: 1mm; font-size: 10pt; white-space: nowrap; }
.org { font-size: 11pt; color: #5c6b73; margin: 0 0 3mm; }
.briefing h3:first-child { margin-top: 0; }
.scoring-grid { columns: 2; column-gap: 6mm; margin-bottom: 2mm; }
table.scoring { margin: 0 0 2.5mm; break-inside: avoid; font-size: 9pt; }
table.scoring td { padding: 0.7mm 1.5mm; }
.foot { margin-top: 3mm; font-size: 8pt; color: #b3261e; }
"""


def _points_of(role: Role, issue_id: str) -> dict[str, float]:
    return dict(role.scoring.points.get(issue_id, {}))


def _issue_block(role: Role, issue: Issue) -> str:
    pts = _points_of(role, issue.id)
    values = [pts.get(o.id, 0.0) for o in issue.options]
    best = max(values) if values else 0.0
    differ = len(set(values)) > 1  # an issue the role does not care about has no best option
    rows = [f'<tr class="group"><td colspan="2">{esc(issue.title)}</td></tr>']
    for option, value in zip(issue.options, values, strict=True):
        cell = f"<strong>{num(value)}</strong>" if differ and value == best else num(value)
        rows.append(f'<tr><td>{esc(option.title)}</td><td class="num">{cell}</td></tr>')
    return f'<table class="scoring">{"".join(rows)}</table>'


def _preset_block(scenario: Scenario, role: Role, mode: Mode, lang: str) -> str:
    rows = [f'<tr class="group"><td colspan="2">{esc(label("presets", lang))}</td></tr>']
    for issue_id, option_id in mode.presets.items():
        issue = scenario.issue(issue_id)
        value = _points_of(role, issue_id).get(option_id, 0.0)
        title = issue.option(option_id).title
        rows.append(
            f'<tr class="fixed"><td>{esc(issue.title)}: {esc(title)}</td>'
            f'<td class="num">{num(value)}</td></tr>'
        )
    return f'<table class="scoring">{"".join(rows)}</table>'


def scoring_table(scenario: Scenario, role: Role, mode: Mode, lang: str = "nl") -> str:
    """The role's points per option of each live issue (two columns), presets as fixed."""
    blocks = [_issue_block(role, i) for i in scenario.issues if i.id in mode.issues]
    if mode.presets:
        blocks.append(_preset_block(scenario, role, mode, lang))
    return f'<div class="scoring-grid">{"".join(blocks)}</div>'


def _facts(role: Role, mode: Mode, lang: str) -> str:
    veto, veto_note = ("yes", "veto_yes") if role.veto else ("no", "veto_no")
    reservation = num(role.reservation_for(mode.name))
    return (
        '<div class="facts">'
        f'<div class="box"><div class="kicker">{esc(label("reservation", lang))}</div>'
        f'<div class="value">{reservation} {esc(label("points", lang).lower())}</div>'
        f'<div class="small muted">{esc(label("reservation_note", lang))}</div></div>'
        f'<div class="box"><div class="kicker">{esc(label("veto", lang))}</div>'
        f'<div class="value">{esc(label(veto, lang))}</div>'
        f'<div class="small muted">{esc(label(veto_note, lang))}</div></div>'
        "</div>"
    )


def without_title(briefing: str) -> str:
    """The briefing without its leading ``# title`` line (the sheet's heading says it)."""
    lines = briefing.lstrip("\n").splitlines()
    if lines and lines[0].startswith("# "):
        return "\n".join(lines[1:]).lstrip("\n")
    return briefing


def role_section(scenario: Scenario, role: Role, mode: Mode, lang: str = "nl") -> str:
    """One role's confidential sheet as a printable page section."""
    rules = items(describe.rule(scenario, r) for r in role.scoring.rules)
    terms = items(describe.metric_term(scenario, t) for t in role.scoring.metrics)
    language = scenario.meta.language  # the briefing's own language, not the labels'
    briefing = without_title(render_briefing(scenario, role.id, mode.name, language))
    parts = [
        '<div class="sheet-head">',
        f'<div class="kicker">{esc(scenario.meta.title)} · {esc(label("role_sheet", lang))}</div>',
        f'<div class="stamp">{esc(label("confidential", lang))}</div></div>',
        f"<h1>{esc(role.name)}</h1>",
        f'<p class="org">{esc(role.organisation)}</p>',
        _facts(role, mode, lang),
        f"<h2>{esc(label('public_profile', lang))}</h2>",
        markdown(role.public, heading_shift=2),
        f"<h2>{esc(label('briefing', lang))}</h2>",
        f'<div class="briefing">{markdown(briefing, heading_shift=2)}</div>',
        f"<h2>{esc(label('scoring', lang))}</h2>",
        f'<p class="small muted">{esc(label("scoring_note", lang))}</p>',
        scoring_table(scenario, role, mode, lang),
    ]
    if rules:
        parts += [f"<h2>{esc(label('rules', lang))}</h2>", rules]
    if terms:
        parts += [f"<h2>{esc(label('metric_terms', lang))}</h2>", terms]
    parts.append(f'<p class="foot">{esc(label("confidential_note", lang))}</p>')
    body = "\n".join(parts)
    return (
        f'<section class="page sheet" id="rol-{esc(role.id)}">'
        f'<div class="fitbox"><div class="fit">{body}</div></div></section>'
    )


def role_document(scenario: Scenario, role: Role, mode: Mode, lang: str = "nl") -> str:
    """A file with one role's sheet."""
    title = f"{label('role_sheet', lang)}: {role.name} — {scenario.meta.title}"
    section = role_section(scenario, role, mode, lang)
    return document(title, section, lang, SHEET_CSS, FIT_SCRIPT)


def roles_document(scenario: Scenario, mode: Mode, lang: str = "nl") -> str:
    """All role sheets in one file, one role per printed page."""
    title = f"{label('role_sheets', lang)} — {scenario.meta.title}"
    body = "\n".join(role_section(scenario, r, mode, lang) for r in scenario.roles)
    return document(title, body, lang, SHEET_CSS, FIT_SCRIPT)
