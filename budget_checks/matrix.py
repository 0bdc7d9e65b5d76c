"""A table's amounts as integers: one matrix per table, in the table's smallest shown step.

A table that shows one decimal (`-1.166,3`) is read in tenths, so every amount is an
exact integer and no float is ever used. A cell that cannot be read (a placeholder
such as `pm`, a malformed number, a code, a row whose values could not be placed) is
unknown; an empty cell or a dash is zero. How far an identity may be off follows from
the shown values it uses: each stands for a true value within half its last digit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from budget_checks.numbers import Kind
from budget_checks.tables import Relation, Table
from budget_checks.tolerance import Tolerance

_MAX_DECIMALS = 3


@dataclass(slots=True)
class Matrix:
    values: np.ndarray  # int64 [rows, columns], in units of 10**-decimals of the table's unit
    known: np.ndarray  # bool [rows, columns]
    halfsteps: np.ndarray  # int64 [rows, columns]: twice the rounding margin of a shown value (0 for an empty cell)
    shown: np.ndarray  # bool [rows, columns]: a number is written there (not empty, not a dash)
    percent: np.ndarray  # bool [columns]: a column of percentages
    decimals: int
    _lists: tuple | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def shape(self) -> tuple[int, int]:
        return self.values.shape  # type: ignore[return-value]

    def as_lists(self) -> tuple[list[list[int]], list[list[bool]], list[list[int]], list[list[bool]]]:
        """Values, known, halfsteps and shown as plain lists of rows, made once: who walks a few cells at a
        time (the window sums of the structure parse) reads them faster so. The matrix is not changed after."""
        if self._lists is None:
            self._lists = (self.values.tolist(), self.known.tolist(), self.halfsteps.tolist(), self.shown.tolist())
        return self._lists


def matrix(table: Table) -> Matrix:
    """The table's matrix; made again only when a row was placed, cut or read anew since (the
    recognizer and the arithmetic both ask for it). Rows' parsed cells are immutable tuples, and the
    ones it was read from are held, so the same tuple means the same cells."""
    basis = (len(table.columns), [(row.placement, row.parsed) for row in table.rows])
    kept = table.kept_matrix
    if kept is not None and _same_basis(kept[0], basis):
        return kept[1]
    m = _read(table)
    table.kept_matrix = (basis, m)
    return m


def _same_basis(old: tuple, new: tuple) -> bool:
    return old[0] == new[0] and len(old[1]) == len(new[1]) and all(
        a == b and p is q for (a, p), (b, q) in zip(old[1], new[1]))


def _read(table: Table) -> Matrix:
    rows, cols = len(table.rows), len(table.columns)
    readable = [row for row in table.rows if row.placement in ("given", "placed")]
    decimals = min(max((p.places for row in readable for p in row.parsed[:cols] if p is not None and p.kind is Kind.NUMBER
                        and p.value is not None), default=0), _MAX_DECIMALS)
    unit = 10**decimals
    # filled as lists and converted once: setting numpy cells one by one costs more than the arithmetic
    values = [[0] * cols for _ in range(rows)]
    known = [[False] * cols for _ in range(rows)]
    half = [[0] * cols for _ in range(rows)]
    shown = [[False] * cols for _ in range(rows)]
    percent_cells = [0] * cols
    number_cells = [0] * cols
    empty, number, placeholder = Kind.EMPTY, Kind.NUMBER, Kind.PLACEHOLDER
    for r, row in enumerate(table.rows):
        cut = row.placement == "cut"  # a row the page cuts off: what it does not show is unknown, not empty
        if row.placement not in ("given", "placed") and not cut:
            continue
        line = row.parsed
        values_r, known_r, half_r, shown_r = values[r], known[r], half[r], shown[r]
        for j in range(len(line), cols):
            known_r[j] = not cut  # no cell there: empty
        for j, p in enumerate(line[:cols]):
            if p is None or p.kind is empty:
                known_r[j] = not cut or p is not None  # an empty cell shows nothing: zero
                continue
            if p.kind is placeholder:
                known_r[j] = True  # `PM` (pro memorie): announced, not quantified; totals leave it out
                continue
            if p.kind is not number or p.value is None or p.places > decimals:
                continue
            values_r[j] = p.amount if decimals == 0 else int(p.value * unit)
            known_r[j] = shown_r[j] = True
            half_r[j] = 10 ** (decimals - p.places)
            number_cells[j] += 1
            percent_cells[j] += p.percent
    shape = (rows, cols)
    values_a = np.array(values, dtype=np.int64).reshape(shape)
    known_a, shown_a = np.array(known, dtype=bool).reshape(shape), np.array(shown, dtype=bool).reshape(shape)
    half_a = np.array(half, dtype=np.int64).reshape(shape)
    percent = np.array([share * 2 > numbers > 0 for share, numbers in zip(percent_cells, number_cells)], dtype=bool)
    m = Matrix(values_a, known_a, half_a, shown_a, percent, decimals)
    m._lists = (values, known, half, shown)  # as as_lists() would make them again
    return m


@dataclass(slots=True)
class Evaluated:
    """Relations evaluated on their table's matrix."""

    residual: np.ndarray  # int64 per relation (0 where unknown)
    allowed: np.ndarray  # int64 per relation: the rounding margin
    known: np.ndarray  # bool per relation


def evaluate(relations: list[Relation], m: Matrix, tolerance: Tolerance) -> Evaluated:
    """Residual (target minus its terms) and margin of every relation: a few read cell by cell,
    many vectorised (numpy's fixed cost per call is more than a few relations' arithmetic)."""
    if len(relations) <= _PLAIN_RELATIONS:
        try:
            return _evaluate_plain(relations, m, tolerance)
        except OverflowError:  # a residual beyond 64 bits: numpy's arithmetic, as for many relations
            pass
    return _evaluate_matrix(relations, m, tolerance)


_PLAIN_RELATIONS = 16


def _evaluate_plain(relations: list[Relation], m: Matrix, tolerance: Tolerance) -> Evaluated:
    values, known, halfsteps, _ = m.as_lists()
    fixed = fixed_margin(m.decimals, tolerance)
    residuals, allowed, knowns = [], [], []
    for relation in relations:
        r, c = relation.target
        residual, ok, half = values[r][c], known[r][c], halfsteps[r][c]
        for term in relation.terms:
            residual -= term.sign * values[term.row][term.column]
            ok = ok and known[term.row][term.column]
            half += halfsteps[term.row][term.column]
        residuals.append(residual if ok else 0)
        knowns.append(ok)
        allowed.append(half // 2 if fixed is None else fixed)
    return Evaluated(np.array(residuals, dtype=np.int64), np.array(allowed, dtype=np.int64), np.array(knowns, dtype=bool))


def _evaluate_matrix(relations: list[Relation], m: Matrix, tolerance: Tolerance) -> Evaluated:
    n = len(relations)
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Evaluated(empty, empty, np.zeros(0, dtype=bool))
    # every cell a relation uses, as plain lists converted once: numpy's item assignment costs more
    rows_l: list[int] = []
    cols_l: list[int] = []
    signs_l: list[int] = []
    starts_l: list[int] = []
    for relation in relations:
        starts_l.append(len(rows_l))
        rows_l.append(relation.target[0])
        cols_l.append(relation.target[1])
        signs_l.append(1)
        for term in relation.terms:
            rows_l.append(term.row)
            cols_l.append(term.column)
            signs_l.append(-term.sign)
    rows, cols = np.array(rows_l, dtype=np.int64), np.array(cols_l, dtype=np.int64)
    signs, starts = np.array(signs_l, dtype=np.int64), np.array(starts_l, dtype=np.int64)
    residual = np.add.reduceat(m.values[rows, cols] * signs, starts)
    known = np.logical_and.reduceat(m.known[rows, cols], starts)
    halfsteps = np.add.reduceat(m.halfsteps[rows, cols], starts)
    shown = np.add.reduceat(m.shown[rows, cols].astype(np.int64), starts)
    allowed = margins(halfsteps, shown, m.decimals, tolerance)
    return Evaluated(np.where(known, residual, 0), allowed, known)


def carried_by_parts(relations: list[Relation], m: Matrix, e: Evaluated) -> np.ndarray:
    """Margins widened where a total carries its parts' rounding. A row shown as the sum of shown
    rows (`Totaal`: lasten, baten and saldo each added up) is off in a relation across its columns
    (saldo = baten - lasten) by exactly what that relation is off on its parts together: on its parts
    each difference is rounding, so on the total their sum is too. Only where the total's columns
    all add up exactly and the parts explain the total's residual to the unit."""
    allowed = e.allowed.copy()
    failing = np.flatnonzero(e.known & (np.abs(e.residual) > e.allowed))
    if not failing.size:
        return allowed
    sums: dict[tuple[int, int], tuple[tuple[int, int], ...]] = {}
    for relation, residual, known in zip(relations, e.residual, e.known):
        column = relation.target[1]
        if known and residual == 0 and relation.terms and all(t.column == column for t in relation.terms):
            sums[relation.target] = tuple(sorted((t.row, t.sign) for t in relation.terms))
    for i in failing:
        relation = relations[i]
        row, column = relation.target
        if not relation.terms or any(t.row != row for t in relation.terms):
            continue  # not a relation across the columns of one row
        parts = sums.get((row, column))
        if parts is None or any(sums.get((row, t.column)) != parts for t in relation.terms):
            continue
        cells = [column, *(t.column for t in relation.terms)]
        if not all(m.known[p, c] for p, _ in parts for c in cells):
            continue
        on_parts = [int(m.values[p, column]) - sum(t.sign * int(m.values[p, t.column]) for t in relation.terms) for p, _ in parts]
        if all(abs(r) <= allowed[i] for r in on_parts) and sum(s * r for (_, s), r in zip(parts, on_parts)) == e.residual[i]:
            allowed[i] = abs(int(e.residual[i]))
    return allowed


def margins(halfsteps: np.ndarray, shown: np.ndarray, decimals: int, tolerance: Tolerance) -> np.ndarray:
    """The rounding margin: half a step per shown value (n·u/2), or what the policy says."""
    fixed = fixed_margin(decimals, tolerance)
    return halfsteps // 2 if fixed is None else np.full_like(halfsteps, fixed)


def fixed_margin(decimals: int, tolerance: Tolerance) -> int | None:
    """The margin where the policy fixes it (exact, absolute); None where the shown values set it."""
    if tolerance.policy == "exact":
        return 0
    if tolerance.policy == "absolute":
        return tolerance.absolute * 10**decimals
    return None
