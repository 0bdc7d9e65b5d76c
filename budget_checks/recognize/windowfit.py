"""How well a row is the signed sum of a window of other rows, in every column at once.

`structure.py` asks, for a row and the rows nearest to it, how many columns a relation
holds and fails in, and how much evidence the places where it holds give (evidence.py
explains the measure: the margin over the size of the number, where every term counts).
"""

from __future__ import annotations

import numpy as np

from budget_checks.matrix import Matrix, fixed_margin, margins
from budget_checks.tolerance import Tolerance


def cumulative_fits(m: Matrix, tolerance: Tolerance, r: int, order: list[int], signs: list[int], nonzero: int):
    """(held, failed, evidence) per window size k (the k nearest rows, with these signs), as lists.

    Plain Python over the matrix's rows: a window is a few rows of a few columns, where numpy's
    fixed cost per call is most of the time; the evidence, where anything holds, is left to numpy,
    so it is the very float `window_fits` gives for the same window."""
    values, known, halfsteps, _ = m.as_lists()
    target, decimals = values[r], m.decimals
    fixed = fixed_margin(decimals, tolerance)
    weighed = [j for j, k in enumerate(known[r]) if k]  # columns still weighed: the target's known, no unknown term yet
    total = [0] * len(target)  # the signed sum of the window's values
    half = list(halfsteps[r])
    nonzeros = [0] * len(target)
    held: list[int] = []
    failed: list[int] = []
    fits: list[tuple[int, int, int]] = []  # (window, column, margin) where the relation holds on informative cells
    for k, (w, s) in enumerate(zip(order, signs)):
        row_values, row_known, row_half = values[w], known[w], halfsteps[w]
        if not all(row_known[j] for j in weighed):
            weighed = [j for j in weighed if row_known[j]]
        h = f = 0
        least = min(nonzero, k + 1)
        for j in weighed:
            v = row_values[j]
            if v:
                total[j] += s * v
                nonzeros[j] += 1
            half[j] += row_half[j]
            allowed = half[j] // 2 if fixed is None else fixed
            if -allowed <= target[j] - total[j] <= allowed:
                h += 1
                if nonzeros[j] >= least:
                    fits.append((k, j, allowed))
            else:
                f += 1
        held.append(h)
        failed.append(f)
    if not fits:  # most windows of most rows: no evidence to weigh
        return held, failed, [0.0] * len(held)
    chances = np.ones((len(held), len(target)))
    counted = np.zeros(chances.shape, dtype=bool)
    floor = 10 * 10**decimals
    for k, j, allowed in fits:
        chances[k, j] = min((2 * allowed + 1) / (2 * max(abs(target[j]), floor) + 1), 1.0)
        counted[k, j] = True
    return held, failed, np.where(counted, -np.log10(chances), 0.0).sum(axis=1).tolist()


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
