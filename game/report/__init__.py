"""The debrief of a played session: plain data, then HTML, Markdown or JSON.

``build_debrief(scenario, mode, states)`` gives a :class:`Debrief` (JSON-ready
dicts, keys documented in ``docs/report.md``); ``render_html``,
``render_markdown`` and ``Debrief.to_json`` turn it into the three formats;
``load_session(db)`` replays a session database into the states.
"""

from game.report.build import build_debrief, build_table
from game.report.html import render_html
from game.report.markdown import render_markdown
from game.report.model import FORMAT, VERSION, Debrief
from game.report.session import ReportError, Session, load_session

__all__ = [
    "FORMAT",
    "VERSION",
    "Debrief",
    "ReportError",
    "Session",
    "build_debrief",
    "build_table",
    "load_session",
    "render_html",
    "render_markdown",
]
