"""How well a row is the signed sum of a window of other rows, in every column at once.

`structure.py` asks, for a row and the rows nearest to it, how many columns a relation
holds and fails in, and how much evidence the places where it holds give (evidence.py
explains the measure: the margin over the size of the number, where every term counts).
"""

from __future__ import annotations

import numpy as np

from budget_checks.matrix import Matrix, margins
from budget_checks.tolerance import Tolerance


def cumulative_fits(m: Matrix, tolerance: Tolerance, r: int, order: list[int], signs: np.ndarray, nonzero: int):
    """(held, failed, evidence) per window size k (the k nearest rows, with these signs), at once."""
    c = m.values.shape[1]
    # the running sums of terms, unknown cells, margins, shown and nonzero cells: one cumsum, not five
    block = m.side_by_side()[order]
    block[:, :c] *= signs[:, None]
    running = np.cumsum(block, axis=0)
    residual = m.values[r] - running[:, :c]
    known = m.known[r] & (running[:, c:2 * c] == 0)
    allowed = margins(m.halfsteps[r] + running[:, 2 * c:3 * c], m.shown[r] + running[:, 3 * c:4 * c], m.decimals, tolerance)
    holds = known & (np.abs(residual) <= allowed)
    fails = known & ~holds
    if not holds.any():  # most windows of most rows: no evidence to weigh
        return np.zeros(len(order), dtype=np.int64), fails.sum(axis=1), np.zeros(len(order))
    informative = running[:, 4 * c:] >= np.minimum(nonzero, np.arange(1, len(order) + 1))[:, None]
    size = np.maximum(np.abs(m.values[r]), 10 * 10**m.decimals)[None, :]
    chance = np.minimum((2 * allowed + 1) / (2 * size + 1), 1.0)
    evidence = np.where(holds & informative, -np.log10(chance), 0.0).sum(axis=1)
    return holds.sum(axis=1), fails.sum(axis=1), evidence


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
