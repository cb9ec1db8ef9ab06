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


class OpponentModel:
    """Beliefs about every other role in play, built from one player view."""

    def __init__(self, view: View) -> None:
        self.issues = live_issues(view)
        self.roles = others_in_play(view)
        self.vetoes = set(veto_roles(view))
        self.quorum = quorum(view)
        self.pref: dict[str, dict[str, dict[str, float]]] = {}
        self.weight: dict[str, dict[str, float]] = {}
        self.stance: dict[str, dict[tuple[str, ...], float]] = defaultdict(dict)
        self._contrib: dict[str, dict[str, dict[str, float]]] = {}
        self._cache: dict[tuple[str, ...], tuple[float, float]] = {}
        self._build(view)

    def _build(self, view: View) -> None:
        evidence: dict[str, list[tuple[Mapping[str, str], float]]] = defaultdict(list)
        by_id = {p["id"]: p for p in view["proposals"]}
        for p in view["proposals"]:
            key = _key(p["package"], self.issues)
            if not p["withdrawn"]:
                evidence[p["author"]].append((p["package"], AUTHORED))
                self.stance[p["author"]][key] = 0.95
            for role in p["support"]:
                evidence[role].append((p["package"], SUPPORTED))
                self.stance[role][key] = 0.9
            for role in p["objections"]:
                evidence[role].append((p["package"], OBJECTED))
                self.stance[role][key] = 0.08
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
        disclosed: dict[str, dict[str, Mapping[str, float]]] = defaultdict(dict)
        for d in view["disclosures"]:  # in order: the latest disclosure wins
            if d["issue"] is not None:
                disclosed[d["role"]][d["issue"]] = d["values"]
        options = {
            i["id"]: [o["id"] for o in i["options"]]
            for i in view["scenario"]["issues"]
            if i["id"] in self.issues
        }
        for role in self.roles:
            self.pref[role], self.weight[role] = {}, {}
            for issue in self.issues:
                known = disclosed[role].get(issue)
                if known:
                    self._from_disclosure(role, issue, options[issue], known)
                else:
                    self._from_behaviour(role, issue, options[issue], evidence[role])

    def _from_disclosure(
        self, role: str, issue: str, options: list[str], known: Mapping[str, float]
    ) -> None:
        values = [float(known.get(o, 0.0)) for o in options]
        low, high = min(values), max(values)
        spread = high - low
        self.pref[role][issue] = {
            o: (v - low) / spread if spread else 0.5 for o, v in zip(options, values, strict=True)
        }
        self.weight[role][issue] = max(0.1, spread * DISCLOSED_WEIGHT_PER_POINT)

    def _from_behaviour(
        self,
        role: str,
        issue: str,
        options: list[str],
        evidence: list[tuple[Mapping[str, str], float]],
    ) -> None:
        score = dict.fromkeys(options, 0.0)
        for package, strength in evidence:
            option = package.get(issue)
            if option in score:
                score[option] += strength
        mean = sum(score.values()) / len(score) if score else 0.0
        self.pref[role][issue] = {o: _sigmoid(1.5 * (s - mean)) for o, s in score.items()}
        self.weight[role][issue] = 1.0

    def _contributions(self, role: str) -> dict[str, dict[str, float]]:
        found = self._contrib.get(role)
        if found is None:
            pref, weight = self.pref[role], self.weight[role]
            total = sum(weight.values()) or 1.0
            found = {
                i: {o: w * (p - 0.5) / total for o, p in pref[i].items()} for i, w in weight.items()
            }
            self._contrib[role] = found
        return found

    def _yes(self, role: str, package: Mapping[str, str], key: tuple[str, ...]) -> float:
        known = self.stance[role].get(key)
        if known is not None:
            return known
        contrib = self._contributions(role)
        liking = sum(contrib[i].get(package[i], 0.0) for i in self.issues)
        return _sigmoid(STEEPNESS * liking)

    def yes_chance(self, role: str, package: Mapping[str, str]) -> float:
        """The chance that ``role`` votes yes on ``package``."""
        return self._yes(role, package, _key(package, self.issues))

    def assess(self, package: Mapping[str, str]) -> tuple[float, float]:
        """``(pass chance, support share)`` of a package (see the two methods below)."""
        key = _key(package, self.issues)
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
                nxt = [0.0] * (len(counts) + 1)
                for k, c in enumerate(counts):
                    nxt[k] += c * (1.0 - p)
                    nxt[k + 1] += c * p
                counts = nxt
            share += w * p
            weights += w
        found = (veto_ok * sum(counts[self.quorum :]), share / weights if weights else 1.0)
        self._cache[key] = found
        return found

    def pass_chance(self, package: Mapping[str, str]) -> float:
        """The chance the package passes: enough yes votes (this bot's included) and
        no veto role voting no, if the others vote independently."""
        return self.assess(package)[0]

    def support_share(self, package: Mapping[str, str]) -> float:
        """The mean yes chance over the other roles (vetoes count double)."""
        return self.assess(package)[1]
