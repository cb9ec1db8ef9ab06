"""The playing part of the scenario format: agreement, modes and rounds, events, lessons."""

from __future__ import annotations

from game.scenario.format_base import CONDITION, ident, ids, months, points, text
from game.scenario.model import EFFECT_TYPES, PARTICIPANT_MOVES
from game.scenario.spec import AnyOf, Flag, Key, ListOf, MapOf, Number, Record, Tagged, Text

AGREEMENT = Record(
    (
        Key(
            "quorum",
            Number(integer=True, minimum=1, description="Yes votes needed when every role plays."),
            required=True,
        ),
        Key("signatures", Flag(description="Whether the passed plan is signed.")),
    ),
    what="'agreement'",
    description="The agreement rule; veto roles are marked on the roles.",
)

ROUND = Record(
    (
        Key("id", ident("Round id, unique within the mode."), required=True),
        Key("title", text("Title shown to the room."), required=True),
        Key("minutes", Number(above=0, description="Planned minutes."), required=True),
        Key("instructions", text("Instructions for the room."), required=True),
        Key(
            "moves",
            ListOf(Text(enum=PARTICIPANT_MOVES), description="Participant moves allowed."),
        ),
        Key("reveal", Flag(description="Hidden interests are revealed in this round.")),
        Key("events", Flag(description="Whether events may be played (default true).")),
    ),
    what="a round",
    description="A round of play.",
)

MODE = Record(
    (
        Key(
            "issues",
            AnyOf(
                (Text(enum=("all",)), ListOf(ident("Issue id."))),
                what="'all' or a list of issue ids",
                description="Live issues: 'all' (minus presets) or a list of issue ids.",
            ),
        ),
        Key(
            "presets",
            MapOf(
                ident("Option id."), key_what="issue id", description="Issue id → preset option."
            ),
        ),
        Key("events", ListOf(ident("Event id."), description="Events available (default: all).")),
        Key(
            "rounds", ListOf(ROUND, min_items=1, description="The rounds, in order."), required=True
        ),
    ),
    what="a mode",
    description="How one mode is played.",
)


def effect(kind: str, *keys: Key) -> tuple[str, Record]:
    tag = Key("type", Text(enum=(kind,), description="Kind of effect."), required=True)
    return kind, Record((tag, *keys), what=f"a '{kind}' effect")


ROLE_KEY = Key("role", ident("Role id."), required=True)
ISSUE_KEY = Key("issue", ident("Issue id."), required=True)
OPTION_KEY = Key("option", ident("Option id of the issue."), required=True)
WORK_KEY = Key("work", ident("Work id."), required=True)
DELTA = Key("delta", Number(description="Amount added (negative: taken off)."), required=True)

EFFECT = Tagged(
    "type",
    (
        effect("points", ROLE_KEY, ISSUE_KEY, OPTION_KEY, DELTA),
        effect("reservation", ROLE_KEY, DELTA),
        effect(
            "rule",
            Key("roles", ids("Roles that get the rule (default: all).")),
            Key("when", CONDITION, required=True),
            Key("points", points("Bonus or penalty."), required=True),
            Key("note", text("Why.")),
        ),
        effect("delay", WORK_KEY, Key("months", months("Months later."), required=True)),
        effect(
            "deadline",
            WORK_KEY,
            Key(
                "months",
                Number(integer=True, nonzero=True, description="Months later (negative: earlier)."),
                required=True,
            ),
        ),
        effect("cost", ISSUE_KEY, OPTION_KEY, DELTA),
        effect("forbid", ISSUE_KEY, OPTION_KEY),
    ),
    what="an effect",
    description="What an event changes.",
)
assert tuple(n for n, _ in EFFECT.variants) == EFFECT_TYPES

EVENT = Record(
    (
        Key("id", ident("Event id."), required=True),
        Key("title", text("Title on the card."), required=True),
        Key("text", text("Text on the card."), required=True),
        Key("effects", ListOf(EFFECT, description="What it changes.")),
        Key("advice", text("For the facilitator's run sheet: when to play it and what it tests.")),
    ),
    what="an event",
    description="A setback or surprise the facilitator may play.",
)

LESSON = Record(
    (
        Key("title", text("Title."), required=True),
        Key("text", text("The lesson.")),
        Key("value", text("The culture value or competence it belongs to.")),
        Key("questions", ListOf(text("A question."), description="Debrief questions.")),
    ),
    what="a lesson",
    description="A lesson for the debrief.",
)
