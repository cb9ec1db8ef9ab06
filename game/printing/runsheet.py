"""The facilitator's run sheet (draaiboek): rounds and clock, who leads, the agreement rule,
when to play which event and why, debrief questions per lesson, and who could have
given what away."""

from __future__ import annotations

from game.printing import describe
from game.printing.giveaway import tradeoffs
from game.printing.html import document, esc, items, num, paragraphs
from game.printing.labels import label
from game.scenario.model import Event, Lesson, Mode, Scenario
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
.advice { background: #f3f7f9; border-left: 1mm solid #0b4f6c; padding: 1mm 2mm; margin: 1mm 0; }
.lesson h3 { margin-top: 0; }
.lesson ol { margin-bottom: 0; }
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
        "<p>De spelleider leidt het overleg en brengt voorstellen in stemming; elke rol, "
        "ook de bestuurder, is een partij aan tafel.</p>"
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
    advice = (
        f'<div class="advice"><strong>{esc(label("when_why", lang))}:</strong> '
        f"{esc(event.advice)}</div>"
        if event.advice
        else ""
    )
    return (
        f'<div class="box event"><h3>{esc(event.title)}</h3>{paragraphs(event.text)}{advice}'
        f'<div class="kicker">{esc(label("effects", lang))}</div>{effects}</div>'
    )


def _event_rounds(mode: Mode) -> str:
    """The rounds in which events may be played, numbered as on the sheet."""
    return describe.join_words(
        [f"{n} ({r.title})" for n, r in enumerate(mode.rounds, 1) if r.events and not r.reveal]
    )


def _lesson(lesson: Lesson) -> str:
    questions = (
        "<ol>" + "".join(f"<li>{esc(q)}</li>" for q in lesson.questions) + "</ol>"
        if lesson.questions
        else ""
    )
    return (
        f'<div class="box lesson"><h3>{esc(lesson.title)}</h3>'
        f"<p>{esc(lesson.text)}</p>{questions}</div>"
    )


def giveaway_table(scenario: Scenario, mode: Mode, lang: str = "nl") -> str:
    """Per role: the issue it holds on to (with its best options) and what it can give away."""
    rows = []
    for row in tradeoffs(scenario, mode):
        holds = "; ".join(f"{issue.title}: {' of '.join(titles)}" for issue, titles in row.holds)
        gives = ", ".join(i.title for i in row.gives) or "—"
        rows.append(
            f"<tr><td>{esc(row.role.name)}</td><td>{esc(holds or '—')}</td>"
            f"<td>{esc(gives)}</td></tr>"
        )
    head = (
        f"<th>{esc(label('role', lang))}</th><th>{esc(label('holds', lang))}</th>"
        f"<th>{esc(label('gives', lang))}</th>"
    )
    return (
        f'<p class="small muted">{esc(label("giveaway_note", lang))}</p>'
        f'<table class="giveaway"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}'
        "</tbody></table>"
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
    lessons = "".join(_lesson(lesson) for lesson in scenario.lessons)
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
    ]
    if events:
        parts += [
            f"<p>{esc(label('events_when', lang))} {esc(_event_rounds(mode))}.</p>",
            events,
        ]
    else:
        parts.append(f"<p>{esc(label('none', lang))}</p>")
    if lessons:
        parts += [
            f"<h2>{esc(label('lessons', lang))}</h2>",
            f"<p>{esc(label('lessons_note', lang))}</p>",
            lessons,
        ]
    parts += [f"<h2>{esc(label('giveaway', lang))}</h2>", giveaway_table(scenario, mode, lang)]
    parts.append("</section>")
    title = f"{label('run_sheet', lang)} — {scenario.meta.title}"
    return document(title, "\n".join(parts), lang, RUN_CSS)
