"""The negotiating bot: plays any role from that role's player view alone.

``NegotiatorBot(role, temperament).decide(view, rng)`` returns the moves the
bot wants to make now. The view is its only source: the bot is built so that
it cannot hold the game state (see ``game/bots/base.py``). Per turn it:

1. votes on an open ballot: yes when the proposal's exact value (in the view)
   reaches its current target, or — on the last ballot — its reservation value;
2. signs a passed agreement it voted for or that clears its reservation value;
3. discloses interests as far as its ``openness`` goes (most important first,
   the reservation value last), and marks a street where its works meet others';
4. supports proposals worth its target, objects (with a short Dutch reason) to
   those below its reservation value, and withdraws support that an event spoilt;
5. makes a new offer when nothing on the table is good enough: among the
   packages worth its target the one the others most likely accept
   (:mod:`game.bots.strategy`, :mod:`game.bots.opponents`) — as an amendment
   when it is close to a proposal on the table, else as a new proposal;
6. now and then says something in public (a reaction to an event, a nudge).

Its target falls from its best value to its reservation value over the
session's negotiating time, as its :class:`~game.bots.temperament.Temperament`
says. Values of packages that are not on the table come from
:class:`~game.bots.estimate.Estimator` (own points and rules, calibrated on
the exact values of the proposals on the table).
"""

from __future__ import annotations

import random
from typing import Any

from game.bots import speech
from game.bots.base import MoveDict
from game.bots.estimate import EstimateMemory, Estimator
from game.bots.opponents import BeliefStore, ModelMemory, OpponentModel
from game.bots.reading import (
    View,
    acting,
    feasible_options,
    is_feasible,
    issue_titles,
    last_ballot,
    live_issues,
    open_proposals,
    option_titles,
    own_values,
    progress,
)
from game.bots.strategy import best_for_me, differences, offer_at
from game.bots.temperament import LINEAR, Temperament

#: A new offer is due when the latest own offer lies this far above the target.
CONCESSION_STEP = 4.0
#: Offers (proposals and amendments) per round at most.
MAX_OFFERS_PER_ROUND = 2
#: The chance a bot that wants to make an offer makes it this turn.
OFFER_CHANCE = 0.5
#: Stances (support, objection, retraction) per turn at most.
MAX_STANCES_PER_TURN = 4
#: Proposals a bot reads per turn (picked at random) to take a stance on.
ATTENTION = 3
#: Public and private messages per session at most.
MAX_MESSAGES = 6
#: An offer this close (choices that differ) to a proposal on the table becomes an amendment.
AMEND_DISTANCE = 2
#: With a proposal at least this likely to pass on the table, no new offer is made.
GOOD_ENOUGH_CHANCE = 0.5
#: Proposals on the table (most supported first) an offer search also starts from.
STARTS_FROM_TABLE = 4


#: What the feasible options were read from: the view's scenario part and the bans.
_OptionsSign = tuple[object, tuple[tuple[str, ...], ...]]


class NegotiatorBot:
    """A bot for ``role`` with a temperament; see the module docstring."""

    def __init__(
        self, role: str, temperament: Temperament = LINEAR, beliefs: BeliefStore | None = None
    ) -> None:
        self.role = role
        self.temperament = temperament
        self._events: tuple[str, ...] | None = None
        self._best: dict[str, str] | None = None
        self._best_events: tuple[str, ...] | None = None
        self._round: str | None = None
        self._options: tuple[_OptionsSign, dict[str, list[str]]] | None = None
        self._offers = 0
        self._messages = 0
        self._introduced = False
        self._said: set[str] = set()
        """What this bot said in messages so far: it does not repeat a line in a game."""
        self.estimates = EstimateMemory()
        self.models = ModelMemory(beliefs)
        """Opponent models across turns (``beliefs``: a store shared with other bots)."""

    # -- the turn ---------------------------------------------------------------

    def decide(self, view: dict[str, Any], rng: random.Random) -> list[MoveDict]:
        """The moves to make now, given this role's player view."""
        if view.get("role") != self.role or not acting(view):
            return []
        allowed = set(view["round"]["moves"])
        if view["round"]["id"] != self._round:
            self._round, self._offers = view["round"]["id"], 0
        events = tuple(e["id"] for e in view["events"])
        fresh = (
            []
            if self._events is None
            else [e for e in view["events"] if e["id"] not in self._events]
        )
        self._events = events

        turn = _Turn(self, view, rng, allowed)
        turn.react(fresh)
        turn.vote()
        turn.sign()
        turn.disclose()
        turn.mark()
        if view["agreement"] is None:
            turn.stances()
            turn.offer()
        turn.talk()
        return turn.moves

    def best_package(self, view: View, est: Estimator, rng: random.Random) -> dict[str, str]:
        """The bot's own best package (searched once per set of events played)."""
        events = tuple(e["id"] for e in view["events"])
        options = self.options(view)
        assert self._options is not None
        banned = self._options[0][1]  # no bans: every package is feasible
        if (
            self._best is None
            or self._best_events != events
            or (banned and not is_feasible(view, self._best))
        ):
            self._best = best_for_me(est, options, rng)
            self._best_events = events
        return self._best

    def options(self, view: View) -> dict[str, list[str]]:
        """:func:`feasible_options` of the view (kept while the options left are the same)."""
        sign = (view["scenario"], tuple([tuple(pair) for pair in view["infeasible"]]))
        kept = self._options
        if kept is None or kept[0][0] is not sign[0] or kept[0][1] != sign[1]:
            kept = self._options = (sign, feasible_options(view))
        return kept[1]

    def target(self, view: View, best: float) -> float:
        return self.temperament.target(best, float(view["me"]["reservation"]), progress(view))


class _Turn:
    """One call of ``decide``: the view read once, the moves collected."""

    def __init__(
        self, bot: NegotiatorBot, view: View, rng: random.Random, allowed: set[str]
    ) -> None:
        self.bot, self.view, self.rng, self.allowed = bot, view, rng, allowed
        self.role = bot.role
        self.me = view["me"]
        self.moves: list[MoveDict] = []
        self.values = own_values(view)
        self.reservation = float(self.me["reservation"])
        self.est = bot.estimates.estimator(view)
        best_pkg = bot.best_package(view, self.est, rng)
        on_table = [self.values[p["id"]] for p in open_proposals(view) if p["id"] in self.values]
        self.best = max([self.est.value(best_pkg), *on_table])
        self.best_pkg = best_pkg
        self.target = bot.target(view, self.best)
        self.final = last_ballot(view)
        self._model: OpponentModel | None = None

    @property
    def model(self) -> OpponentModel:
        if self._model is None:
            self._model = self.bot.models.model(self.view)
        return self._model

    def add(self, move_type: str, /, **data: Any) -> None:
        self.moves.append({"type": move_type, "data": data})

    def say(self, phrases: tuple[str, ...], **fields: str) -> str:
        return speech.say(self.rng, phrases, **fields)

    def say_new(self, phrases: tuple[str, ...], **fields: str) -> str:
        """A line for a message that this bot has not said before in this game."""
        return speech.say_new(self.rng, phrases, self.bot._said, **fields)

    # -- deciding ---------------------------------------------------------------

    def vote(self) -> None:
        ballot = self.view["ballot"]
        if (
            "vote" not in self.allowed
            or not ballot
            or not ballot["open"]
            or self.me["voted"]
            or self.view["agreement"] is not None
        ):
            return
        value = self.values.get(ballot["proposal"])
        if value is None:
            return
        yes = value >= self.target or (self.final and value >= self.reservation)
        self.add("vote", choice="yes" if yes else "no")

    def sign(self) -> None:
        agreement = self.view["agreement"]
        if (
            "sign" not in self.allowed
            or agreement is None
            or self.me["signed"]
            or not self.view["agreement_rule"]["signatures"]
        ):
            return
        voted_yes = any(
            b["proposal"] == agreement["proposal"] and b.get("votes", {}).get(self.role) == "yes"
            for b in self.view["ballots"]
        )
        if voted_yes or self.values.get(agreement["proposal"], 0.0) >= self.reservation:
            self.add("sign")

    def disclose(self) -> None:
        if "disclose" not in self.allowed:
            return
        issues = live_issues(self.view)
        spread = self.est.static.range
        order: list[str | None] = [*sorted(issues, key=lambda i: -spread(i)), None]
        # None: the reservation value, disclosed last
        planned = round(self.bot.temperament.openness * len(order))
        done = set(self.me["disclosed"])
        todo = [item for item in order[:planned] if item not in done]
        if not todo or self.rng.random() > 0.6:
            return
        if todo[0] is None:
            self.add("disclose", reservation=True)
        else:
            self.add("disclose", issue=todo[0])

    def mark(self) -> None:
        if "mark" not in self.allowed or any(m["role"] == self.role for m in self.view["marks"]):
            return
        if self.rng.random() > 0.5:
            return
        works = self.view["scenario"]["works"]
        owners_by_segment: dict[str, set[str]] = {}
        for w in works:
            for seg in w["segments"]:
                owners_by_segment.setdefault(seg, set()).add(w["owner"])
        mine = [s for s, owners in owners_by_segment.items() if self.role in owners]
        pool = (
            mine or list(owners_by_segment) or [s["id"] for s in self.view["scenario"]["segments"]]
        )
        if not pool:
            return
        segment = max(sorted(pool), key=lambda s: len(owners_by_segment.get(s, ())))
        conflicts = [c for c in self.view["scenario"]["conflicts"] if c["segment"] == segment]
        if conflicts:
            self.add("mark", segment=segment, kind="bottleneck", note=conflicts[0]["text"][:200])
        else:
            note = "Hier kunnen werken samen in één sleuf."
            self.add("mark", segment=segment, kind="opportunity", note=note)

    def stances(self) -> None:
        if not {"support", "object"} & self.allowed:
            return
        table = open_proposals(self.view)
        read = self.rng.sample(table, min(ATTENTION, len(table)))
        speak = 0.3 + 0.7 * self.bot.temperament.openness
        count = 0
        for p in sorted(read, key=lambda p: int(p["id"][1:])):
            if count >= MAX_STANCES_PER_TURN:
                return
            if self.rng.random() > speak:
                continue
            value = self.values.get(p["id"])
            if value is None:
                continue
            supports, objects = self.role in p["support"], self.role in p["objections"]
            if value >= self.target and not supports and "support" in self.allowed:
                self.add("support", proposal=p["id"], reason=self.say(speech.SUPPORT))
            elif value < self.reservation and not objects and "object" in self.allowed:
                self.add("object", proposal=p["id"], reason=self._objection(p["package"]))
            elif supports and value < self.reservation and "support" in self.allowed:
                self.add("support", proposal=p["id"], off=True)
            else:
                continue
            count += 1

    def _objection(self, package: dict[str, str]) -> str:
        if self.bot.temperament.openness < 0.5:
            return self.say(speech.OBJECT)
        points = self.me["points"]
        worst = max(
            package,
            key=lambda i: (
                max(points.get(i, {}).values(), default=0.0)
                - points.get(i, {}).get(package[i], 0.0),
                i,
            ),
        )
        return self.say(speech.OBJECT_ISSUE, issue=issue_titles(self.view)[worst].lower())

    def offer(self) -> None:
        if not {"propose", "amend"} & self.allowed or self.bot._offers >= MAX_OFFERS_PER_ROUND:
            return
        table = open_proposals(self.view)
        mine = [p for p in table if p["author"] == self.role]
        if mine:
            latest = self.values.get(mine[-1]["id"], 0.0)
            if latest - self.target < CONCESSION_STEP:
                return
        # The coin first: it spares the costlier look at the table half the time, and
        # the chance of an offer is the same.
        if self.rng.random() > OFFER_CHANCE:
            return
        good = [p for p in table if self.values.get(p["id"], -1e9) >= self.target]
        if any(self.model.passes(p["package"], GOOD_ENOUGH_CHANCE) for p in good):
            return
        ranked = sorted(table, key=lambda p: (-len(p["support"]), len(p["objections"]), p["id"]))
        starts = [self.best_pkg, *(dict(p["package"]) for p in ranked[:STARTS_FROM_TABLE])]
        options = self.bot.options(self.view)
        wanted = offer_at(self.est, self.model, options, self.target, starts)
        if wanted is None:
            return
        same = [p for p in table if dict(p["package"]) == wanted]
        if same:
            return  # already on the table: the stances take care of it
        self._put_forward(wanted, ranked)

    def _put_forward(self, wanted: dict[str, str], ranked: list[dict[str, Any]]) -> None:
        nearest = min(
            ranked,
            key=lambda p: (len(differences(p["package"], wanted)), p["author"] == self.role),
            default=None,
        )
        issues, options = issue_titles(self.view), option_titles(self.view)
        if nearest is not None and "amend" in self.allowed:
            changes = differences(nearest["package"], wanted)
            if len(changes) <= AMEND_DISTANCE or "propose" not in self.allowed:
                text = speech.changes_text(changes, issues, options)
                note = self.say(speech.AMEND, changes=text)
                self.add("amend", proposal=nearest["id"], changes=changes, note=note)
                self._after_offer()
                return
        if "propose" not in self.allowed:
            return
        spread = self.est.static.range
        top = max(wanted, key=lambda i: (spread(i), i))
        note = self.say(speech.PROPOSE, issue=issues[top].lower())
        if self.bot.temperament.openness < 0.3:
            note = speech.PROPOSE[2]
        self.add("propose", package=wanted, note=note)
        self._after_offer()

    def _after_offer(self) -> None:
        self.bot._offers += 1
        if "withdraw" not in self.allowed:
            return
        ballot = self.view["ballot"]
        under_vote = ballot["proposal"] if ballot and ballot["open"] else None
        for p in open_proposals(self.view):
            others = set(p["support"]) - {self.role}
            if p["author"] == self.role and not others and p["id"] != under_vote:
                self.add("withdraw", proposal=p["id"])

    # -- talking ----------------------------------------------------------------

    def _message(self, text: str) -> None:
        # An empty text (every line said already) still counts as a turn spoken, so
        # the cap, and with it every later seeded draw, stays as it was.
        if "message" in self.allowed and self.bot._messages < MAX_MESSAGES:
            self.bot._messages += 1
            if text:
                self.add("message", text=text)

    def react(self, fresh: list[dict[str, Any]]) -> None:
        for event in fresh:
            if self.rng.random() < 0.6:
                self._message(self.say_new(speech.EVENT, event=event["title"]))

    def talk(self) -> None:
        if "message" not in self.allowed:
            return
        issues = issue_titles(self.view)
        spread = self.est.static.range
        top = max(live_issues(self.view), key=lambda i: (spread(i), i))
        if not self.bot._introduced and self.rng.random() < 0.5:
            self.bot._introduced = True
            if self.bot.temperament.openness >= 0.5:
                option = option_titles(self.view)[(top, self.best_pkg[top])]
                line = self.say_new(speech.INTRO_OPEN, issue=issues[top].lower(), option=option)
                self._message(line)
            else:
                self._message(self.say_new(speech.INTRO_CLOSED))
            return
        if self.rng.random() < 0.05:
            phrases = speech.VOTE_SOON if progress(self.view) > 0.6 else speech.CHATTER
            self._message(self.say_new(phrases, issue=issues[top].lower()))
        elif "private_message" in self.allowed and self.rng.random() < 0.03:
            self._ally(top)

    def _ally(self, top: str) -> None:
        """A private word to the role that seems to want the same on our key issue."""
        if self.bot.temperament.openness < 0.3 or self.bot._messages >= MAX_MESSAGES:
            return
        mine = self.best_pkg[top]
        model = self.model
        friends = [r for r in model.roles if model.beliefs[r].pref[top].get(mine, 0.5) > 0.6]
        if not friends:
            return
        to = self.rng.choice(sorted(friends))
        option = option_titles(self.view)[(top, mine)]
        text = self.say_new(speech.ALLY, option=option, issue=issue_titles(self.view)[top].lower())
        self.bot._messages += 1
        if not text:
            return
        self.add("private_message", to=to, text=text)
