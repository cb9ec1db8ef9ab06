"""The opponent model's pass chances of many packages at once (see :mod:`game.bots.batch`)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from game.bots.batch_base import Codes, Floats, _found, _sum_down
from game.bots.opponents import STEEPNESS, OpponentModel

if TYPE_CHECKING:
    from game.bots.batch import Batch


class _RoleRow:
    """One role's part of :class:`_AssessTables` (kept with the beliefs about it)."""

    def __init__(self, batch: Batch, model: OpponentModel, role: str) -> None:
        col = {issue: j for j, issue in enumerate(batch.issues)}
        contrib = model._contributions(role)
        flat: list[float] = []
        for issue in model.issues:
            per = contrib[issue]
            flat.extend(per.get(o, 0.0) for o in batch.options[col[issue]])
        self.row = np.array(flat, dtype=np.float64)
        self.stances: list[tuple[int, float]] = []
        """(package code, yes chance) of the packages the role took a stance on."""
        # a key's code, as number() gives it: its option indices times the grid's radix
        radix = batch._radix.tolist()
        where = [(batch._index[col[i]], int(radix[col[i]])) for i in model.issues]
        for key, p in model.stance.get(role, {}).items():
            code = 0
            for (index, step), option in zip(where, key, strict=True):
                k = index.get(option)
                if k is None:
                    break
                code += k * step
            else:
                self.stances.append((code, p))


#: Per batch key and the model's issue order: the columns in model order, their
#: offsets into the flat options, the number of options and whether the columns
#: are in order.
_ASSESS_STATIC: dict[object, tuple[Codes, Codes, int, bool]] = {}


def _assess_static(batch: Batch, issues: list[str]) -> tuple[Codes, Codes, int, bool]:
    col = {issue: j for j, issue in enumerate(batch.issues)}
    if sorted(issues) != sorted(batch.issues):
        raise ValueError("the model and the options have different issues")
    cols = np.array([col[i] for i in issues], dtype=np.intp)
    sizes = batch.sizes[cols]
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.intp)
    found = (cols, offsets, int(sizes.sum()), cols.tolist() == list(range(len(cols))))
    if len(_ASSESS_STATIC) >= 64:
        _ASSESS_STATIC.clear()
    _ASSESS_STATIC[(batch.key, tuple(issues))] = found
    return found


class _AssessTables:
    """What :meth:`OpponentModel.assess` needs, as arrays over the batch's options."""

    def __init__(self, batch: Batch, model: OpponentModel) -> None:
        static = _ASSESS_STATIC.get((batch.key, tuple(model.issues)))
        if static is None:
            static = _assess_static(batch, model.issues)
        self.cols, self.offsets, total, self.in_order = static
        self.roles = list(model.roles)
        rows: list[Floats] = []
        found: dict[int, list[tuple[int, float]]] = {}
        for r, role in enumerate(self.roles):
            beliefs = model.beliefs[role]
            kept = beliefs.memo.get(batch.key)
            if not isinstance(kept, _RoleRow):
                kept = beliefs.memo[batch.key] = _RoleRow(batch, model, role)
            rows.append(kept.row)
            for code, p in kept.stances:
                found.setdefault(code, []).append((r, p))
        self.table = np.array(rows) if rows else np.zeros((0, total))
        self.veto = [role in model.vetoes for role in self.roles]
        self.quorum = model.quorum
        self.weights = 0.0
        for v in self.veto:
            self.weights += 2.0 if v else 1.0
        self.role_weights = np.array([2.0 if v else 1.0 for v in self.veto])[:, None]
        # Stances on exact packages override the guess: code -> per role (NaN: none).
        self.stance_at = {code: i for i, code in enumerate(found)}
        """Package code → its row in ``stance``."""
        stance = [[math.nan] * len(self.roles) for _ in found]
        for line, pairs in zip(stance, found.values(), strict=True):
            for r, p in pairs:
                line[r] = p
        self.stance = np.array(stance, dtype=np.float64).reshape(len(found), len(self.roles))
        self.batch = batch

    def __call__(self, rows: Codes, codes: list[int] | None = None) -> tuple[Floats, Floats]:
        """:meth:`OpponentModel.assess` of every row (``codes``: the rows' package codes)."""
        c = len(rows)
        flat = (rows if self.in_order else rows[:, self.cols]) + self.offsets  # model order
        # per role the sum over the issues, one issue after the other (no leading zero)
        liking = _sum_down(self.table.take(flat.T, axis=1), axis=1)  # roles × c
        x = liking * -STEEPNESS  # -(STEEPNESS * liking): the sign flips exactly
        e = np.fromiter(map(math.exp, x.ravel().tolist()), dtype=np.float64, count=x.size)
        yes = 1.0 / (1.0 + e.reshape(x.shape))
        if self.stance_at:
            hit = _found(self.batch, rows, codes, self.stance_at)
            if hit:
                cols = [i for i, _ in hit]
                known = self.stance[[k for _, k in hit]].T  # roles × hits
                yes[:, cols] = np.where(np.isnan(known), yes[:, cols], known)
        # counts[k]: the chance of exactly shift + k yes votes (this bot votes yes), per
        # row. A veto role (given no veto) votes yes: it shifts the counts by one. A
        # role whose yes chance is p makes next[k] = counts[k] * (1 - p) + counts[k - 1] * p,
        # worked out in place in a table with room for every role. Sums over roles
        # and counts run along axis 0, one role or count after the other.
        counts = np.zeros((len(self.roles) + 2, c))
        counts[1] = 1.0
        width, shift = 2, 0
        veto_ok: Floats | None = None  # 1.0 * p is p: the product starts at the first
        no = 1.0 - yes
        for r, veto in enumerate(self.veto):
            p = yes[r]
            if veto:
                veto_ok = p if veto_ok is None else veto_ok * p
                shift += 1
            else:
                moved = counts[:width] * p
                counts[:width] *= no[r]
                counts[1 : width + 1] += moved
                width += 1
        share = _sum_down(self.role_weights * yes) if self.veto else np.zeros(c)
        tail = counts[max(0, self.quorum - shift) : width]
        total = _sum_down(tail) if len(tail) else np.zeros(c)
        chance = (np.ones(c) if veto_ok is None else veto_ok) * total
        return chance, (share / self.weights if self.weights else np.ones(c))
