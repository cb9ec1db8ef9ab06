"""What a bot believes about the other roles, from what they showed in public.

For every other role in play the model keeps, per live issue, a preference
(0..1) for each option:

* when the role *disclosed* its points for the issue, the points themselves,
  scaled to 0..1, weighted by how much the issue matters to it (the spread);
* otherwise, what its public behaviour suggests: the options in the packages
  it proposed, supported or voted for count for it; those in packages it
  objected to or voted against count against it.

A package's chance of a yes from a role is a logistic function of how much it
gives the role on those preferences; a stance on that very package (support,
objection, an earlier vote) overrides the guess. The chance that a package
passes follows from the agreement rule the view shows (quorum, vetoes).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from itertools import pairwise
from typing import Any

from game.bots.reading import View, live_issues, others_in_play, quorum, veto_roles

#: Evidence strengths of public behaviour about a role's likes.
AUTHORED, SUPPORTED, OBJECTED, VOTED_YES, VOTED_NO = 1.0, 0.6, -0.6, 0.4, -0.5
#: Steepness of the yes chance as a function of the liking (-0.5..0.5).
STEEPNESS = 7.0
#: A disclosed issue's weight per point of spread (an undisclosed issue weighs 1).
DISCLOSED_WEIGHT_PER_POINT = 1.0 / 15.0


def _key(package: Mapping[str, str], issues: list[str]) -> tuple[str, ...]:
    return tuple([str(package.get(i)) for i in issues])


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


Evidence = list[tuple[Mapping[str, str], float]]
#: What a role showed, as the model reads it: its evidence in view order and,
#: per live issue, its disclosed points (``None``: not disclosed).
RoleSign = tuple[
    tuple[tuple[Mapping[str, str], float], ...], tuple[Mapping[str, float] | None, ...]
]


class _Beliefs:
    """What the model believes about one role, worked out when first asked.

    Everything here follows from the role's :data:`RoleSign` (and the live
    issues and their options), so a bot may keep it across turns while the
    sign stays the same.
    """

    __slots__ = (
        "_contrib", "_evidence", "_issues", "_options", "_pref", "_weight", "memo", "sign",
        "stance", "yes",
    )  # fmt: skip

    def __init__(
        self,
        sign: RoleSign,
        stance: dict[tuple[str, ...], float],
        issues: list[str],
        evidence: Evidence,
        options: dict[str, list[str]],
    ) -> None:
        self.sign = sign
        self._issues = issues
        self.stance = stance
        self._evidence = evidence
        self._options = options
        self._pref: dict[str, dict[str, float]] | None = None
        self._weight: dict[str, float] = {}
        self._contrib: dict[str, dict[str, float]] | None = None
        self.yes: dict[tuple[str, ...], float] = {}
        """Yes chances worked out so far, per package key."""
        self.memo: dict[object, object] = {}
        """Other things worked out from these beliefs (``game.bots.batch``'s tables)."""

    @property
    def pref(self) -> dict[str, dict[str, float]]:
        if self._pref is None:
            self._pref = {}
            for issue, known in zip(self._issues, self.sign[1], strict=True):
                if known:
                    self._from_disclosure(issue, self._options[issue], known)
                else:
                    self._from_behaviour(issue, self._options[issue], self._evidence)
        return self._pref

    @property
    def weight(self) -> dict[str, float]:
        if self._pref is None:
            self.pref  # noqa: B018 (works out the weights too)
        return self._weight

    def _from_disclosure(self, issue: str, options: list[str], known: Mapping[str, float]) -> None:
        assert self._pref is not None
        kept = _DISCLOSED.get(id(known))
        if kept is None or kept[0] is not known or kept[1] is not options:
            kept = _from_points(known, options)
            if len(_DISCLOSED) >= 4096:
                _DISCLOSED.clear()
            _DISCLOSED[id(known)] = kept
        self._pref[issue] = kept[2]
        self._weight[issue] = kept[3]

    def _from_behaviour(self, issue: str, options: list[str], evidence: Evidence) -> None:
        assert self._pref is not None
        score = dict.fromkeys(options, 0.0)
        for package, strength in evidence:
            option = package.get(issue)
            if option in score:
                score[option] += strength
        mean = sum(score.values()) / len(score) if score else 0.0
        self._pref[issue] = {o: _sigmoid(1.5 * (s - mean)) for o, s in score.items()}
        self._weight[issue] = 1.0

    def contributions(self) -> dict[str, dict[str, float]]:
        found = self._contrib
        if found is None:
            pref, weight = self.pref, self.weight
            total = sum(weight.values()) or 1.0
            found = {
                i: {o: w * (p - 0.5) / total for o, p in pref[i].items()} for i, w in weight.items()
            }
            self._contrib = found
        return found


def _from_points(
    known: Mapping[str, float], options: list[str]
) -> tuple[Mapping[str, float], list[str], dict[str, float], float]:
    """``(known, options, preference per option, weight)`` of disclosed points."""
    values = [float(known.get(o, 0.0)) for o in options]
    low, high = min(values), max(values)
    spread = high - low
    pref = {o: (v - low) / spread if spread else 0.5 for o, v in zip(options, values, strict=True)}
    return known, options, pref, max(0.1, spread * DISCLOSED_WEIGHT_PER_POINT)


#: Per disclosed points (by identity: the views hand out one object per disclosure)
#: what :func:`_from_points` made of them; the beliefs only read it.
_DISCLOSED: dict[int, tuple[Mapping[str, float], list[str], dict[str, float], float]] = {}


class OpponentModel:
    """Beliefs about every other role in play, built from one player view.

    With a :class:`BeliefStore` (kept across turns) a role whose public
    behaviour and disclosures did not change since an earlier turn keeps what
    was worked out about it then; the numbers are the same as built anew.
    The beliefs about a role are only worked out when a question needs them.
    """

    def __init__(self, view: View, store: BeliefStore | None = None) -> None:
        self.issues = live_issues(view)
        self.roles = others_in_play(view)
        self.vetoes = set(veto_roles(view))
        self.veto_order = [role for role in self.roles if role in self.vetoes]
        """The veto roles in play, in the order of :attr:`roles`."""
        self.quorum = quorum(view)
        self.stance: dict[str, dict[tuple[str, ...], float]] = defaultdict(dict)
        self.beliefs: dict[str, _Beliefs] = {}
        self._cache: dict[tuple[str, ...], tuple[float, float]] = {}
        self._build(view, store)

    @property
    def signs(self) -> dict[str, RoleSign]:
        """Per role what its beliefs are made of (the same signs: the same beliefs)."""
        return {role: b.sign for role, b in self.beliefs.items()}

    def _build(self, view: View, store: BeliefStore | None) -> None:
        evidence: dict[str, Evidence] = defaultdict(list)
        stance = self.stance
        read = _shown if store is None else store.shown
        for p in view["proposals"]:
            key, shown = read(p, self.issues)
            for role, item, chance in shown:
                evidence[role].append(item)
                stance[role][key] = chance
        by_id = {p["id"]: p for p in view["proposals"]} if view["ballots"] else {}
        for ballot in view["ballots"]:
            proposal = by_id.get(ballot["proposal"])
            if proposal is None:
                continue
            key = _key(proposal["package"], self.issues)
            for role, choice in ballot.get("votes", {}).items():
                if choice == "yes":
                    evidence[role].append((proposal["package"], VOTED_YES))
                    self.stance[role].setdefault(key, 0.85)
                elif choice == "no":
                    evidence[role].append((proposal["package"], VOTED_NO))
                    self.stance[role][key] = min(self.stance[role].get(key, 1.0), 0.1)
        if store is None:
            disclosed = _disclosed(view["disclosures"], self.issues)
            options = _options(view, self.issues)
        else:
            disclosed = store.disclosed(view["disclosures"], self.issues)
            options = store.options(view)
        nothing: tuple[None, ...] = (None,) * len(self.issues)
        for role in self.roles:
            sign: RoleSign = (tuple(evidence[role]), disclosed.get(role, nothing))
            kept = None if store is None else store.get(role, sign, self.issues)
            if kept is None:
                kept = _Beliefs(sign, self.stance[role], self.issues, evidence[role], options)
                if store is not None:
                    store.add(role, kept)
            self.beliefs[role] = kept

    @property
    def pref(self) -> dict[str, dict[str, dict[str, float]]]:
        """Per other role, per live issue, its preference (0..1) for every option."""
        return {role: b.pref for role, b in self.beliefs.items()}

    @property
    def weight(self) -> dict[str, dict[str, float]]:
        """Per other role, per live issue, how much the issue weighs."""
        return {role: b.weight for role, b in self.beliefs.items()}

    def _contributions(self, role: str) -> dict[str, dict[str, float]]:
        return self.beliefs[role].contributions()

    def _yes(self, role: str, package: Mapping[str, str], key: tuple[str, ...]) -> float:
        beliefs = self.beliefs[role]
        found = beliefs.yes.get(key)
        if found is not None:
            return found
        known = beliefs.stance.get(key)
        if known is not None:
            found = known
        else:
            contrib = beliefs.contributions()
            liking = sum(contrib[i].get(package[i], 0.0) for i in self.issues)
            found = _sigmoid(STEEPNESS * liking)
        beliefs.yes[key] = found
        return found

    def yes_chance(self, role: str, package: Mapping[str, str]) -> float:
        """The chance that ``role`` votes yes on ``package``."""
        return self._yes(role, package, _key(package, self.issues))

    def assess(self, package: Mapping[str, str]) -> tuple[float, float]:
        """``(pass chance, support share)`` of a package (see the two methods below)."""
        return self._assess(package, _key(package, self.issues))

    def _assess(self, package: Mapping[str, str], key: tuple[str, ...]) -> tuple[float, float]:
        found = self._cache.get(key)
        if found is not None:
            return found
        counts = [0.0, 1.0]  # counts[k]: chance of exactly k yes votes; this bot votes yes
        share = weights = 0.0
        veto_ok = 1.0
        for role in self.roles:
            p = self._yes(role, package, key)
            w = 1.0
            if role in self.vetoes:
                veto_ok *= p
                counts = [0.0, *counts]  # given no veto, a veto role votes yes
                w = 2.0
            else:
                # nxt[k] = counts[k] * (1 - p) + counts[k - 1] * p, the terms that exist
                q = 1.0 - p
                nxt = [counts[0] * q]
                nxt += [a * p + b * q for a, b in pairwise(counts)]
                nxt.append(counts[-1] * p)
                counts = nxt
            share += w * p
            weights += w
        found = (veto_ok * sum(counts[self.quorum :]), share / weights if weights else 1.0)
        self._cache[key] = found
        return found

    def passes(self, package: Mapping[str, str], chance: float) -> bool:
        """Whether :meth:`pass_chance` of the package reaches ``chance``.

        The pass chance is at most the chance that no veto role votes no (times
        a share of outcomes that adds up to 1, up to rounding), so when that
        alone falls short the other roles need not be looked at.
        """
        key = _key(package, self.issues)
        found = self._cache.get(key)
        if found is None and self.vetoes:
            veto_ok = 1.0
            for role in self.veto_order:
                veto_ok *= self._yes(role, package, key)
            if veto_ok * (1.0 + 1e-9) < chance:
                return False
        return (found or self._assess(package, key))[0] >= chance

    def pass_chance(self, package: Mapping[str, str]) -> float:
        """The chance the package passes: enough yes votes (this bot's included) and
        no veto role voting no, if the others vote independently."""
        return self.assess(package)[0]


Shown = tuple[tuple[str, ...], list[tuple[str, tuple[Mapping[str, str], float], float]]]


def _shown(proposal: Mapping[str, Any], issues: list[str]) -> Shown:
    """A proposal's package key and what it shows of roles, in order: (role, its
    evidence item (package, strength), its yes chance on the very package)."""
    package = proposal["package"]
    shown: list[tuple[str, tuple[Mapping[str, str], float], float]] = []
    if not proposal["withdrawn"]:
        shown.append((proposal["author"], (package, AUTHORED), 0.95))
    shown += [(role, (package, SUPPORTED), 0.9) for role in proposal["support"]]
    shown += [(role, (package, OBJECTED), 0.08) for role in proposal["objections"]]
    return _key(package, issues), shown


def _disclosed(
    disclosures: list[Mapping[str, Any]], issues: list[str]
) -> dict[str, tuple[Mapping[str, float] | None, ...]]:
    """Per role that disclosed points for an issue, per live issue its latest disclosed
    points (``None``: not disclosed)."""
    found: dict[str, dict[str, Mapping[str, float]]] = defaultdict(dict)
    for d in disclosures:  # in order: the latest disclosure wins
        if d["issue"] is not None:
            found[d["role"]][d["issue"]] = d["values"]
    return {role: tuple([known.get(i) for i in issues]) for role, known in found.items()}


def _options(view: View, issues: list[str]) -> dict[str, list[str]]:
    return {
        i["id"]: [o["id"] for o in i["options"]]
        for i in view["scenario"]["issues"]
        if i["id"] in issues
    }


class BeliefStore:
    """Beliefs about roles worked out so far, per role and :data:`RoleSign`.

    What a model believes about a role follows from the role's sign alone (its
    public behaviour and disclosures, read from the view) and the live issues'
    options, so bots that watch the same session may share one store: a bot
    finding beliefs for the very sign its own view shows gets the numbers it
    would have worked out itself. The store keeps the last few signs per role.
    """

    KEEP = 4

    def __init__(self) -> None:
        self._roles: dict[str, list[_Beliefs]] = {}
        self._shown: dict[int, tuple[Mapping[str, Any], list[str], Shown]] = {}
        self._options: tuple[object, tuple[str, ...], dict[str, list[str]]] | None = None
        self._disclosed: (
            tuple[
                list[Mapping[str, Any]],
                list[str],
                dict[str, tuple[Mapping[str, float] | None, ...]],
            ]
            | None
        ) = None

    def options(self, view: View) -> dict[str, list[str]]:
        """Every live issue's options (kept while the view's scenario part is the same)."""
        scenario = view["scenario"]
        issues = tuple(view["scenario"]["live_issues"])
        if self._options is None or self._options[0] is not scenario or self._options[1] != issues:
            self._options = (scenario, issues, _options(view, list(issues)))
            self._roles.clear()
        return self._options[2]

    def disclosed(
        self, disclosures: list[Mapping[str, Any]], issues: list[str]
    ) -> dict[str, tuple[Mapping[str, float] | None, ...]]:
        """:func:`_disclosed`, kept while the view hands out the same list of disclosures."""
        kept = self._disclosed
        if kept is None or kept[0] is not disclosures or kept[1] != issues:
            kept = self._disclosed = (disclosures, list(issues), _disclosed(disclosures, issues))
        return kept[2]

    def shown(self, proposal: Mapping[str, Any], issues: list[str]) -> Shown:
        """:func:`_shown` of a proposal, kept per proposal (views hand out the same
        object for a proposal while nothing in it changes)."""
        found = self._shown.get(id(proposal))
        if found is not None and found[0] is proposal and found[1] == issues:
            return found[2]
        if len(self._shown) > 4096:
            self._shown.clear()
        made = _shown(proposal, issues)
        self._shown[id(proposal)] = (proposal, list(issues), made)
        return made

    def get(self, role: str, sign: RoleSign, issues: list[str]) -> _Beliefs | None:
        """The beliefs about ``role`` worked out earlier from the same ``sign``, if any."""
        for found in reversed(self._roles.get(role, ())):
            if found.sign == sign and found._issues == issues:
                return found
        return None

    def add(self, role: str, beliefs: _Beliefs) -> None:
        kept = self._roles.setdefault(role, [])
        kept.append(beliefs)
        if len(kept) > self.KEEP:
            del kept[0]


class ModelMemory:
    """What a bot keeps of its opponent models across its turns.

    The beliefs worked out per role and sign (a :class:`BeliefStore`, its own or
    one shared with the other bots of the session), and the last model itself,
    handed out again while nothing it was made of changed (with the chances it
    assessed). Every kept number is the one a model built anew would compute.
    """

    def __init__(self, store: BeliefStore | None = None) -> None:
        self.store = BeliefStore() if store is None else store
        self._last: OpponentModel | None = None

    def model(self, view: View) -> OpponentModel:
        """The opponent model of this view: the last one when nothing in it changed."""
        model = OpponentModel(view, self.store)
        last = self._last
        if (
            last is not None
            and last.issues == model.issues
            and last.roles == model.roles
            and last.vetoes == model.vetoes
            and last.quorum == model.quorum
            and all(last.beliefs[r] is b for r, b in model.beliefs.items())
        ):
            return last
        self._last = model
        return model
