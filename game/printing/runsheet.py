"""The facilitator's run sheet: rounds and clock, agreement rule, events, lessons."""

from __future__ import annotations

from game.printing import describe
from game.printing.html import document, esc, items, num, paragraphs
from game.printing.labels import label
from game.scenario.model import Event, Mode, Scenario
from game.scenario.scoring import effective_quorum

RUN_CSS = """
.rounds td:first-child { width: 6mm; }
.rounds td.clock { white-space: nowrap; font-variant-numeric: tabular-nums; }
.rounds .moves { font-size: 8.5pt; color: #3b4a52; margin-top: 0.8mm; }
.flag { display: inline-block; font-size: 7.5pt; border: 0.25mm solid #0b4f6c; color: #0b4f6c;
  border-radius: 1mm; padding: 0 1.2mm; margin: 0.8mm 1mm 0 0; }
tr.total td { font-weight: bold; border-top: 0.4mm solid #0b4f6c; }
.event h3 { margin-top: 0; }
.event ul { margin-bottom: 0; }
table.quorum { width: auto; }
.quorum td, .quorum th { text-align: center; min-width: 9mm; }
.quorum td:first-child, .quorum th:first-child { text-align: left; }
"""


def clock(minutes: float, start: tuple[int, int] | None) -> str:
    """``0:25`` after the start, or ``09:25`` when the start time is known."""
    total = round(minutes) + (start[0] * 60 + start[1] if start else 0)
    hours, mins = divmod(total, 60)
    return f"{hours % 24:02d}:{mins:02d}" if start else f"{hours}:{mins:02d}"


def _round_rows(mode: Mode, start: tuple[int, int] | None, lang: str) -> str:
    rows = []
    elapsed = 0.0
    for n, rnd in enumerate(mode.rounds, 1):
        begin, elapsed = elapsed, elapsed + rnd.minutes
        flags = []
        if rnd.events:
            flags.append(label("events_allowed", lang))
        if rnd.reveal:
            flags.append(label("reveal", lang))
        flag_html = "".join(f'<span class="flag">{esc(f)}</span>' for f in flags)
        moves = f"{esc(label('moves', lang))}: {describe.moves(rnd.moves)}."
        rows.append(
            f'<tr><td class="num">{n}</td><td><strong>{esc(rnd.title)}</strong></td>'
            f'<td class="num">{num(rnd.minutes)}</td>'
            f'<td class="clock">{clock(begin, start)}–{clock(elapsed, start)}</td>'
            f'<td>{esc(rnd.instructions)}<div class="moves">{moves}</div>{flag_html}</td></tr>'
        )
    rows.append(
        f'<tr class="total"><td></td><td>{esc(label("total", lang))}</td>'
        f'<td class="num">{num(mode.minutes)}</td><td class="clock">{clock(elapsed, start)}</td>'
        "<td></td></tr>"
    )
    head = (
        f'<th class="num">#</th><th>{esc(label("round", lang))}</th>'
        f'<th class="num">{esc(label("minutes", lang))}</th><th>{esc(label("clock", lang))}</th>'
        f"<th>{esc(label('instructions', lang))}</th>"
    )
    body = "".join(rows)
    return f'<table class="rounds"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _agreement(scenario: Scenario, mode: Mode, lang: str) -> str:
    total = len(scenario.roles)
    quorum = scenario.agreement.quorum
    vetoes = [r.name for r in scenario.roles if r.veto]
    veto_text = (
        f" en geen rol met vetorecht ({esc(describe.join_words(vetoes))}) nee stemt"
        if vetoes
        else ""
    )
    text = (
        f"<p>Een voorstel is aangenomen als minstens <strong>{quorum} van de {total}</strong> "
        f"rollen ja stemmen{veto_text}.</p>"
    )
    core = sum(1 for r in scenario.roles if r.core)
    if core < total:
        counts = range(max(core, 1), total + 1)
        cells = "".join(f"<td>{effective_quorum(scenario, n)}</td>" for n in counts)
        heads = "".join(f"<th>{n}</th>" for n in counts)
        text += (
            "<p>Spelen er minder rollen mee, dan schaalt het quorum mee:</p>"
            f'<table class="quorum"><thead><tr><th>Rollen in het spel</th>{heads}</tr></thead>'
            f"<tbody><tr><td>Ja-stemmen nodig</td>{cells}</tr></tbody></table>"
        )
    if scenario.agreement.signatures:
        text += "<p>Het aangenomen plan wordt daarna door de rollen ondertekend.</p>"
    status = items(
        describe.choice(scenario, issue, option) for issue, option in scenario.status_quo.items()
    )
    text += (
        f"<h3>{esc(label('status_quo', lang))}</h3><p>Elke rol krijgt zijn ondergrens en elke "
        f"eigenaar graaft op zijn eigen moment (de huidige situatie):</p>{status}"
    )
    if mode.presets:
        presets = items(describe.choice(scenario, i, o) for i, o in mode.presets.items())
        text += f"<h3>{esc(label('presets', lang))}</h3>{presets}"
    return text


def _event(scenario: Scenario, event: Event, lang: str) -> str:
    effects = items(describe.effect(scenario, e) for e in event.effects)
    return (
        f'<div class="box event"><h3>{esc(event.title)}</h3>{paragraphs(event.text)}'
        f'<div class="kicker">{esc(label("effects", lang))}</div>{effects}</div>'
    )


def mode_events(scenario: Scenario, mode: Mode) -> tuple[Event, ...]:
    """The events the facilitator may play in ``mode`` (all when the mode lists none)."""
    if not mode.events:
        return scenario.events
    return tuple(e for e in scenario.events if e.id in mode.events)


def run_sheet_document(
    scenario: Scenario, mode: Mode, lang: str = "nl", start: tuple[int, int] | None = None
) -> str:
    """The facilitator's run sheet for one mode."""
    mode_name = label(f"mode_{mode.name}", lang) if mode.name in ("full", "short") else mode.name
    events = "".join(_event(scenario, e, lang) for e in mode_events(scenario, mode))
    lessons = items(
        f"<strong>{esc(lesson.title)}</strong> — {esc(lesson.text)}" for lesson in scenario.lessons
    )
    parts = [
        '<section class="page">',
        f'<div class="kicker">{esc(scenario.meta.title)} · {esc(label("mode", lang))}: '
        f"{esc(mode_name)} · {num(mode.minutes)} min · {len(scenario.roles)} "
        f"{esc(label('roles_count', lang))}</div>",
        f"<h1>{esc(label('run_sheet', lang))}</h1>",
        f"<h2>{esc(label('rounds', lang))}</h2>",
        _round_rows(mode, start, lang),
        f"<h2>{esc(label('agreement', lang))}</h2>",
        _agreement(scenario, mode, lang),
        f"<h2>{esc(label('events', lang))}</h2>",
        events or f"<p>{esc(label('none', lang))}</p>",
    ]
    if lessons:
        parts += [f"<h2>{esc(label('lessons', lang))}</h2>", lessons]
    parts.append("</section>")
    title = f"{label('run_sheet', lang)} — {scenario.meta.title}"
    return document(title, "\n".join(parts), lang, RUN_CSS)
