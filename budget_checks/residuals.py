"""Residuals of one table family's rows: the identities and the totals, on numpy arrays.

Amounts are int64 with a mask of the known values beside them: a cell that
cannot be read is unknown, never 0 and never a float, and a residual is known
only where every value it uses is. Rows of one table stand together, tables in
order, so a table's segments (the parts a subtotal closes) and blocks (the
subtotals a total closes) are runs of rows and are summed with one `reduceat`.

Each operation here costs microseconds; the same on pandas' nullable columns
costs a fixed part of a millisecond, which every document paid dozens of times
per family. The dataset builds its pandera-validated frame from the results.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from budget_checks.rulebook import IdentityRule
from budget_checks.tables import PART, SUBTOTAL, TOTAL
from budget_checks.tolerance import Tolerance


@dataclass(slots=True)
class Masked:
    values: np.ndarray  # int64, 0 where unknown
    known: np.ndarray  # bool


@dataclass(slots=True)
class Rows:
    """One family's rows as arrays."""

    t: np.ndarray  # int64: the table each row belongs to (0, 1, ...), rows of a table together
    role: np.ndarray  # str: PART, SUBTOTAL or TOTAL
    amounts: dict[str, Masked]  # frame column (value key or `group__sum`) -> amounts
    present: dict[str, np.ndarray]  # value key -> the row's table has that column
    members: dict[str, np.ndarray]  # group -> how many member columns the row's table has

    def __len__(self) -> int:
        return len(self.t)


@dataclass(slots=True)
class IdentityResiduals:
    alternative: np.ndarray  # per row: the sign convention its table follows
    residual: Masked
    excess: Masked  # how far the residual lies beyond the tolerance (0 within it)
    fits: list[np.ndarray] = field(default_factory=list)  # per alternative: the row holds under it


@dataclass(slots=True)
class TotalResiduals:
    operands: np.ndarray  # per row: values its total adds up (parts and subtotals)
    expected: dict[str, Masked]  # value key -> what the total should be
    residual: dict[str, Masked]
    excess: dict[str, Masked]
    worst: Masked  # the largest excess over the row's columns


def allowed(operands: np.ndarray, tolerance: Tolerance) -> np.ndarray:
    """The tolerance per row, asking the policy once per distinct number of operands."""
    out = np.zeros(len(operands), dtype=np.int64)
    for n in np.unique(operands):
        out[operands == n] = tolerance.allowed(int(n))
    return out


def identity(rows: Rows, rule: IdentityRule, tolerance: Tolerance, stated: Callable[[int], int | None]) -> IdentityResiduals:
    """Residuals under every alternative (sign convention); per table the alternative that
    most rows fit wins, a convention the page states (`stated(table)`) winning a tie."""
    n = len(rows)
    groups = {g: [f"{g}__sum"] for g in rows.members}
    usable = np.ones(n, dtype=bool)
    for term in rule.alternatives[0].terms:
        if not term.group:
            usable &= rows.present[term.name]
    values, knowns, allowances, fits = [], [], [], []
    for alternative in rule.alternatives:
        value = np.zeros(n, dtype=np.int64) + alternative.residual(lambda key: rows.amounts[key].values, groups)
        known = usable.copy()
        operands = np.zeros(n, dtype=np.int64)
        for term in alternative.terms:
            for key in groups.get(term.name, []) if term.group else [term.name]:
                known &= rows.amounts[key].known
            operands += rows.members[term.name] if term.group else 1
        allow = allowed(operands, tolerance)
        values.append(value)
        knowns.append(known)
        allowances.append(allow)
        fits.append(known & (np.abs(value) <= allow))
    tables = np.unique(rows.t)
    score = np.stack([np.bincount(rows.t[fit], minlength=tables[-1] + 1)[tables] for fit in fits], axis=1).astype(float)
    for i, table in enumerate(tables):
        chosen = stated(int(table))
        if chosen is not None:
            score[i, chosen] += 0.5
    choice = np.zeros(tables[-1] + 1, dtype=np.int64)
    choice[tables] = score.argmax(axis=1)  # the first alternative wins an even score
    alternative = choice[rows.t]
    row = np.arange(n)
    value = np.stack(values)[alternative, row]
    known = np.stack(knowns)[alternative, row]
    excess = np.maximum(np.abs(value) - np.stack(allowances)[alternative, row], 0)
    return IdentityResiduals(alternative, Masked(value, known), Masked(excess, known), fits)


def totals(rows: Rows, keys: list[str], tolerance: Tolerance) -> TotalResiduals:
    """A subtotal sums the parts above it; a total sums the subtotals since the previous total
    and the parts below the last of them (never subtotals and their parts together)."""
    n = len(rows)
    is_part, is_sub, is_total = rows.role == PART, rows.role == SUBTOTAL, rows.role == TOTAL
    first = np.ones(n, dtype=bool)
    first[1:] = rows.t[1:] != rows.t[:-1]
    segment_start, block_start = first.copy(), first.copy()
    segment_start[1:] |= ~is_part[:-1]  # a subtotal or total closes its segment of parts
    block_start[1:] |= is_total[:-1]  # a total closes its block of subtotals
    segment, block = np.cumsum(segment_start) - 1, np.cumsum(block_start) - 1
    segment_at, block_at = np.flatnonzero(segment_start), np.flatnonzero(block_start)

    def per_segment(x: np.ndarray) -> np.ndarray:
        return np.add.reduceat(x, segment_at)[segment]

    def per_block(x: np.ndarray) -> np.ndarray:
        return np.add.reduceat(x, block_at)[block]

    operands = per_segment(is_part.astype(np.int64)) + np.where(is_total, per_block(is_sub.astype(np.int64)), 0) + 1
    allow = allowed(operands, tolerance)
    checked = ~is_part & (operands > 1)
    expected, residual, excess = {}, {}, {}
    worst_value, worst_known = np.full(n, -1, dtype=np.int64), np.zeros(n, dtype=bool)
    for key in keys:
        amounts = rows.amounts[key]
        parts = per_segment(np.where(is_part & amounts.known, amounts.values, 0))
        unknown = per_segment((is_part & ~amounts.known).astype(np.int64)) > 0  # a part we cannot read
        subtotals = per_block(np.where(is_sub & amounts.known, amounts.values, 0))
        want = parts + np.where(is_total, subtotals, 0)
        known = amounts.known & ~unknown & checked & rows.present[key]
        expected[key] = Masked(want, ~unknown)
        residual[key] = Masked(amounts.values - want, known)
        over = np.maximum(np.abs(amounts.values - want) - allow, 0)
        excess[key] = Masked(over, known)
        worst_value = np.where(known, np.maximum(worst_value, over), worst_value)
        worst_known |= known
    return TotalResiduals(operands - 1, expected, residual, excess, Masked(np.where(worst_known, worst_value, 0), worst_known))
