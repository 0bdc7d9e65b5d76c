"""How much the numbers say that a relation is a table's rule, and where it breaks.

A relation (a cell equals the signed sum of others) is tried on every place it could
hold: each column for a relation between rows, each row for one between columns.
Where it holds within rounding, the chance that it does so by accident is about the
margin over the size of the numbers; the evidence is the sum of -log10 of those
chances over the places that need every term (a place where one term alone already
equals the target says nothing). A relation is a table's rule when its evidence beats
the number of relations that were tried by a wide margin.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from budget_checks.matrix import Matrix, margins
from budget_checks.tolerance import Tolerance

# Evidence (in powers of ten) a relation needs beyond log10(relations tried): a rule
# found in the numbers alone, that fails somewhere, may cost about one false finding in
# a million tries; one that holds everywhere finds nothing to report and needs less.
DISCOVERED = 6.0
CLEAN = 4.0
# A row that says it is a total (or closes its block without a label) needs far less:
# its words already say a relation is there, the numbers only say which.
LABELLED = 2.0


@dataclass(slots=True)
class Fit:
    holds: np.ndarray  # bool per place
    fails: np.ndarray  # bool per place (known and off by more than the margin)
    residual: np.ndarray  # int64 per place
    evidence: float

    @property
    def held(self) -> int:
        return int(self.holds.sum())

    @property
    def failed(self) -> int:
        return int(self.fails.sum())


def fit(target: np.ndarray, target_known: np.ndarray, target_half: np.ndarray, target_shown: np.ndarray,
        terms: np.ndarray, terms_known: np.ndarray, terms_half: np.ndarray, terms_shown: np.ndarray,
        signs: np.ndarray, m: Matrix, tolerance: Tolerance, informative: np.ndarray | None = None, nonzero: int = 2) -> Fit:
    """`target*`: one value per place; `terms*`: [terms, places]; `signs`: one per term."""
    total = (terms * signs[:, None]).sum(axis=0)
    residual = target - total
    known = target_known & terms_known.all(axis=0)
    halfsteps = target_half + terms_half.sum(axis=0)
    shown = target_shown.astype(np.int64) + terms_shown.sum(axis=0)
    allowed = margins(halfsteps, shown, m.decimals, tolerance)
    holds = known & (np.abs(residual) <= allowed)
    fails = known & ~holds
    if informative is None:  # a place where one term alone already equals the target says little
        informative = (terms != 0).sum(axis=0) >= min(nonzero, len(terms))
    useful = holds & informative
    floor = 10 * 10**m.decimals
    size = np.maximum(np.abs(target), floor)
    chance = (2 * allowed + 1) / (2 * size + 1)
    evidence = float(-np.log10(np.minimum(chance[useful], 1.0)).sum()) if useful.any() else 0.0
    return Fit(holds, fails, np.where(known, residual, 0), evidence)


def needed(tried: int, labelled: bool, failed: int = 1) -> float:
    base = LABELLED if labelled else (DISCOVERED if failed else CLEAN)
    return base + math.log10(max(1, tried))
