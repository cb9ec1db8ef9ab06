"""The scenario format, declared once: the structural check and the JSON Schema use it.

Read top-down: :data:`SCENARIO` is the whole file. Every key has a description
(editors show them while completing keys). Rules that need more than one value
(references between ids, coverage of issues, minutes per mode...) live in
``validate_refs`` and ``validate_modes``.
"""

from __future__ import annotations

from game.scenario.format_base import CONDITION, ident, ids, money, months, points, text
from game.scenario.format_play import AGREEMENT, EVENT, LESSON, MODE
from game.scenario.model import ISSUE_KINDS, ISSUE_NATURES, METRICS, MODES, PHASINGS, SEGMENT_KINDS
from game.scenario.spec import AnyOf, Flag, Key, ListOf, MapOf, Null, Number, Record, Text

META = Record(
    (
        Key("id", ident("Scenario id, used in file names and reports."), required=True),
        Key("title", text("Title shown to everyone."), required=True),
        Key("language", text("Language of the game text, such as 'nl'.")),
        Key(
            "version",
            AnyOf((text("Version"), Number()), what="text or a number"),
        ),
        Key("authors", AnyOf((text("Author"), ListOf(text("Author"))), what="a list of names")),
        Key("description", text("One paragraph for facilitators choosing a scenario.")),
    ),
    what="'meta'",
    description="About the scenario.",
)

SETTINGS = Record(
    (
        Key(
            "combine_saving",
            Number(
                minimum=0, maximum=1, description="Share of civil cost saved in a shared trench."
            ),
        ),
        Key(
            "combine_overhead",
            Number(
                minimum=0,
                maximum=1,
                description="A shared trench lasts max + overhead × (sum − max) months.",
            ),
        ),
        Key(
            "access_factor",
            Number(
                minimum=0,
                maximum=1,
                description="Nuisance weight of a shopping street done segment by segment.",
            ),
        ),
        Key("horizon", months("Months the plan looks ahead (informational; not used in scoring).")),
    ),
    what="'settings'",
    description="Parameters of the execution-plan model (all optional).",
)

POINT = ListOf(
    Number(integer=True, minimum=0, description="Map coordinate."),
    min_items=2,
    max_items=2,
    description="Map position [x, y].",
)

SEGMENT = Record(
    (
        Key("id", ident("Segment id."), required=True),
        Key("name", text("Street name shown on the map."), required=True),
        Key("kind", Text(enum=SEGMENT_KINDS, description="Kind of street.")),
        Key("from", POINT, required=True),
        Key("to", POINT),
        Key("note", text("Shown on the map.")),
    ),
    what="a segment",
    description="A street segment.",
)

AREA = Record(
    (
        Key("name", text("Name of the area.")),
        Key(
            "segments",
            ListOf(SEGMENT, min_items=1, description="The street segments."),
            required=True,
        ),
    ),
    what="'area'",
    description="The area and its street segments.",
)

RULE = Record(
    (
        Key("when", CONDITION, required=True),
        Key("points", points("Bonus (positive) or penalty (negative)."), required=True),
        Key("note", text("Why; shown in the debrief.")),
    ),
    what="a rule",
    description="An interaction rule: points when a condition holds.",
)

TERM = Record(
    (
        Key("metric", Text(enum=METRICS, description="The plan metric weighed."), required=True),
        Key("weight", Number(description="Points per unit of the metric."), required=True),
        Key("segments", ids("Only these segments (openings, nuisance, conflicts).")),
        Key("owner", ident("Only works of this role (cost, missed).")),
        Key("works", ids("Only these works (missed).")),
        Key("note", text("Why; shown in the debrief.")),
    ),
    what="a metric term",
    description="weight × metric added to the score.",
)

SCORING = Record(
    (
        Key(
            "points",
            MapOf(
                MapOf(points("Points for this option."), key_what="option id"),
                key_what="issue id",
                description="Issue id → option id → points. Missing options score 0.",
            ),
            required=True,
        ),
        Key("rules", ListOf(RULE, description="Interaction rules.")),
        Key("metrics", ListOf(TERM, description="Metric terms.")),
    ),
    what="'scoring'",
    description="The role's hidden interests.",
)

_RESERVATION_VALUE = Number(minimum=0, maximum=100, description="Reservation value (BATNA), 0–100.")

RESERVATION = AnyOf(
    (
        _RESERVATION_VALUE,
        MapOf(
            _RESERVATION_VALUE,
            keys=MODES,
            key_what="mode",
            min_keys=1,
            description="Mode → reservation value in that mode (full, short).",
        ),
    ),
    what="a number from 0 to 100, or one per mode ({full: 62, short: 55})",
    description=(
        "Reservation value (BATNA), 0–100: the role's one no-deal value. One number for "
        "every mode, or one per mode: {full: 62, short: 55}."
    ),
)

ROLE = Record(
    (
        Key("id", ident("Role id."), required=True),
        Key("name", text("Name shown to everyone."), required=True),
        Key("short_name", text("Short label for tight screens.")),
        Key("organisation", text("Organisation the role represents.")),
        Key("public", text("Public profile, seen by every role.")),
        Key(
            "briefing",
            text("Markdown briefing file, relative to the 'briefings' folder."),
            required=True,
        ),
        Key("core", Flag(description="Whether the role must be played (default true).")),
        Key("veto", Flag(description="Whether its 'no' sinks any vote (default false).")),
        Key("reservation", RESERVATION, required=True),
        Key("scoring", SCORING, required=True),
    ),
    what="a role",
    description="A stakeholder.",
)

OPTION = Record(
    (
        Key("id", ident("Option id, unique within the issue."), required=True),
        Key("title", text("Short title."), required=True),
        Key("text", text("Longer explanation.")),
        Key("cost", money("Extra cost in M€ when chosen.")),
        Key("phasing", Text(enum=PHASINGS, description="Plan options: how works are combined.")),
        Key(
            "delays",
            MapOf(
                months("Months later.", minimum=0),
                key_what="work id",
                description="Work id → months its start moves later under this option.",
            ),
        ),
    ),
    what="an option",
    description="One option of an issue.",
)

ISSUE = Record(
    (
        Key("id", ident("Issue id."), required=True),
        Key("title", text("Short title."), required=True),
        Key(
            "kind",
            Text(enum=ISSUE_KINDS, description="design (what) or plan (when/how)."),
            required=True,
        ),
        Key("nature", Text(enum=ISSUE_NATURES, description="For the debrief.")),
        Key("question", text("The question the table answers.")),
        Key(
            "options",
            ListOf(OPTION, min_items=3, max_items=5, description="3–5 options."),
            required=True,
        ),
    ),
    what="an issue",
    description="One decision of the plan.",
)

WORK = Record(
    (
        Key("id", ident("Work id."), required=True),
        Key("owner", ident("Role id of the owner."), required=True),
        Key("title", text("What is done."), required=True),
        Key("segments", ids("Segments dug."), required=True),
        Key("months", months("Duration in each segment."), required=True),
        Key("start", months("Earliest start month.", minimum=0)),
        Key(
            "deadline",
            AnyOf((months("Month by which it must be finished."), Null()), what="a month or null"),
        ),
        Key("cost", money("Owner's own cost (pipes, cables), M€.")),
        Key("civil_cost", money("Trench and repaving cost per segment, M€.")),
        Key("after", ids("Works finished (in the same segment) before this starts.")),
        Key("when", CONDITION),
    ),
    what="a work",
    description="A job of one role that digs in street segments.",
)

CONFLICT = Record(
    (
        Key("id", ident("Conflict id."), required=True),
        Key("segment", ident("Segment id."), required=True),
        Key("text", text("What goes wrong underground."), required=True),
        Key("when", CONDITION),
        Key("works", ids("Works that must all exist.")),
    ),
    what="a conflict",
    description="An underground conflict.",
)


SCENARIO = Record(
    (
        Key("meta", META, required=True),
        Key("briefings", text("Folder of the role briefings, relative to this file.")),
        Key("press_release", text("The press release everyone reads first."), required=True),
        Key("settings", SETTINGS),
        Key("area", AREA, required=True),
        Key("roles", ListOf(ROLE, min_items=2, description="The stakeholders."), required=True),
        Key("issues", ListOf(ISSUE, min_items=1, description="The decisions."), required=True),
        Key("works", ListOf(WORK, description="Works that dig in the streets.")),
        Key("conflicts", ListOf(CONFLICT, description="Underground conflicts.")),
        Key(
            "status_quo",
            MapOf(
                ident("Option id."),
                key_what="issue id",
                description="Issue id → option when there is no agreement.",
            ),
            required=True,
        ),
        Key("agreement", AGREEMENT, required=True),
        Key(
            "modes",
            MapOf(MODE, keys=MODES, key_what="mode", min_keys=1, description="full and/or short."),
            required=True,
        ),
        Key("events", ListOf(EVENT, description="Event cards.")),
        Key("lessons", ListOf(LESSON, description="Lessons for the debrief.")),
    ),
    what="the scenario",
    description="A Botsende belangen scenario.",
)
