"""How well a row is the signed sum of a window of other rows, in every column at once.

`structure.py` asks, for a row and the rows nearest to it, how many columns a relation
holds and fails in, and how much evidence the places where it holds give (evidence.py
explains the measure: the margin over the size of the number, where every term counts).
"""

from __future__ import annotations

import numpy as np

from budget_checks.matrix import Matrix, margin, margins
from budget_checks.tolerance import Tolerance


def cumulative_fits(m: Matrix, tolerance: Tolerance, r: int, order: list[int], signs: list[int], nonzero: int):
    """(held, failed, evidence) per window size k (the k nearest rows, with these signs), as lists.

    Plain Python over the matrix's rows: a window is a few rows of a few columns, where numpy's
    fixed cost per call is most of the time; the evidence, where anything holds, is left to numpy,
    so it is the very float `window_fits` gives for the same window."""
    values, known, halfsteps, shown = m.as_lists()
    target, target_known, decimals = values[r], known[r], m.decimals
    columns = range(len(target))
    total = [0] * len(target)  # the signed sum of the window's values
    unknown = [not k for k in target_known]  # a column with an unknown cell (the target's own included) is not weighed
    half = list(halfsteps[r])
    count = [int(x) for x in shown[r]]
    nonzeros = [0] * len(target)
    held: list[int] = []
    failed: list[int] = []
    chances: list[float] = []  # per window and column, the chance a random value fits (1.0 where nothing is weighed)
    weighed: list[bool] = []
    for k, (w, s) in enumerate(zip(order, signs), 1):
        row_values, row_known, row_half, row_shown = values[w], known[w], halfsteps[w], shown[w]
        h = f = 0
        least = min(nonzero, k)
        for j in columns:
            v = row_values[j]
            total[j] += s * v
            half[j] += row_half[j]
            count[j] += row_shown[j]
            if v:
                nonzeros[j] += 1
            if not row_known[j]:
                unknown[j] = True
            chance, counts = 1.0, False
            if not unknown[j]:
                allowed = margin(half[j], count[j], decimals, tolerance)
                if abs(target[j] - total[j]) <= allowed:
                    h += 1
                    if nonzeros[j] >= least:
                        size = max(abs(target[j]), 10 * 10**decimals)
                        chance, counts = min((2 * allowed + 1) / (2 * size + 1), 1.0), True
                else:
                    f += 1
            chances.append(chance)
            weighed.append(counts)
        held.append(h)
        failed.append(f)
    if not any(held):  # most windows of most rows: no evidence to weigh
        return held, failed, [0.0] * len(held)
    shape = (len(held), len(target))
    evidence = np.where(np.array(weighed).reshape(shape), -np.log10(np.array(chances).reshape(shape)), 0.0).sum(axis=1)
    return held, failed, evidence.tolist()


def window_fits(m: Matrix, tolerance: Tolerance, r: int, window: tuple[int, ...], patterns: list[tuple[int, ...]], nonzero: int):
    """(held, failed, evidence) of every sign pattern over one window, at once."""
    idx = np.array(window)
    signs = np.array(patterns, dtype=np.int64)  # (P, k)
    terms = m.values[idx]  # (k, C)
    residual = m.values[r][None, :] - signs @ terms  # (P, C)
    known = m.known[r] & m.known[idx].all(axis=0)
    allowed = margins(m.halfsteps[r] + m.halfsteps[idx].sum(axis=0), m.shown[r].astype(np.int64) + m.shown[idx].sum(axis=0),
                      m.decimals, tolerance)
    holds = known & (np.abs(residual) <= allowed)
    fails = known & ~holds
    informative = (terms != 0).sum(axis=0) >= min(nonzero, len(window))
    size = np.maximum(np.abs(m.values[r]), 10 * 10**m.decimals)
    chance = np.minimum((2 * allowed + 1) / (2 * size + 1), 1.0)
    evidence = np.where(holds & informative, -np.log10(chance), 0.0).sum(axis=1)
    return list(zip(holds.sum(axis=1).tolist(), fails.sum(axis=1).tolist(), evidence.tolist()))
