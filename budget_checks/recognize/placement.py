"""Place the values of rows that lost their empty cells.

The cell-per-line export drops empty cells, so a row of a six-column table may show
four values. Which columns they belong to follows from the arithmetic: every
order-preserving placement is scored by the table's relations between columns (what
its family declares and what its complete rows show), and where the row stands in a
block closed by a total, by the column totals of that block. A row is placed when one
placement scores best, or when every best placement satisfies every relation (then the
checks do not depend on the choice), or when every placement breaks a declared identity
(the row is wrong however it is read: it is read where it comes nearest, and its check
fails there); otherwise it is ambiguous and reported (PL101), and its cells stay unknown.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np

from budget_checks.numbers import Kind, parse_number
from budget_checks.recognize.cells import amount_of
from budget_checks.recognize.discover import ColumnRule
from budget_checks.tables import PART, SUBTOTAL, TOTAL, Table, TableRow
from budget_checks.tolerance import Tolerance

_MAX_PLACEMENTS = 5_000
_MAX_JOINT = 20_000  # readings of a block's rows tried together against its total


def place_rows(table: Table, rules: list[ColumnRule], tolerance: Tolerance) -> dict[int, list[tuple[int, ...]]]:
    """Place what can be placed; returns the readings still open per row (an ambiguous row, or one
    whose readings all satisfy the relations between columns, placed as the first of them)."""
    n = len(table.columns)
    open_rows: dict[int, list[tuple[int, ...]]] = {}
    consistent: dict[int, bool] = {}
    for index, row in enumerate(table.rows):
        if row.placement != "unplaced" or not row.loose or len(row.loose) >= n:
            continue
        amounts = [amount_of(c.text) for c in row.loose]
        shown = [parse_number(c.text, amount=True).kind is Kind.NUMBER for c in row.loose]
        options = list(combinations(range(n), len(row.loose)))
        if len(options) > _MAX_PLACEMENTS:
            row.placement = "ambiguous"
            row.candidates = len(options)
            continue
        scored = []
        seen: set[tuple] = set()
        for spots in options:
            values = _values(amounts, spots, n)
            if tuple(values) in seen:
                continue  # the same figures in the same columns: one reading (a zero and an empty cell read alike)
            seen.add(tuple(values))
            held, applicable = score_values(values, _shown_at(shown, spots, n), rules, tolerance, index)
            scored.append((held, applicable, spots))
        best = max(h for h, _, _ in scored)
        choices = [(h, a, s) for h, a, s in scored if h == best]
        row.candidates = len(choices)
        open_rows[index] = [c[2] for c in choices]
        consistent[index] = all(h == a and a > 0 for h, a, _ in choices)
        # (a row named by a figure is misread, not wrong: its first value became its label)
        named = any(ch.isalpha() for ch in row.label)
        wrong = _wrong_in_every_reading(amounts, shown, options, n, rules, tolerance, index) if named else []
        if wrong:  # the row is wrong however it is read: read it where it comes nearest, so its check fails there
            open_rows[index], consistent[index] = wrong, True
    _by_totals(table, open_rows, tolerance)
    for index, readings in list(open_rows.items()):
        row = table.rows[index]
        if len(readings) > 1 and row.preferred in readings:
            readings = open_rows[index] = [row.preferred]  # the arithmetic cannot tell: the reading as given
        row.candidates = len(readings)
        apply(row, readings[0], n)
        row.placement = "placed" if len(readings) == 1 or consistent[index] else "ambiguous"
        if len(readings) == 1:
            del open_rows[index]
    return open_rows


def _wrong_in_every_reading(amounts: list[int | None], shown: list[bool], options: list[tuple[int, ...]], n: int,
                            rules: list[ColumnRule], tolerance: Tolerance, row: int) -> list[tuple[int, ...]]:
    """The readings nearest to holding, when a declared relation fails in every reading of the row
    (an empty result beside figures fails too: a saldo of non-zero amounts is printed); else none."""
    declared = [rule for rule in rules if rule.source == "declared"]
    if not declared:
        return []
    nearest, best = [], None
    for spots in options:
        values = _values(amounts, spots, n)
        held, applicable = score_values(values, _shown_at(shown, spots, n), declared, tolerance, row)
        if held == applicable:
            return []
        off = sum(abs(residual) for rule in declared if (residual := _residual(values, rule, row)) is not None)
        if best is None or off < best:
            nearest, best = [spots], off
        elif off == best:
            nearest.append(spots)
    return nearest


def _values(amounts: list[int | None], spots: tuple[int, ...], n: int) -> list[int | None]:
    values: list[int | None] = [0] * n
    for a, spot in zip(amounts, spots):
        values[spot] = a
    return values


def _shown_at(shown: list[bool], spots: tuple[int, ...], n: int) -> list[int]:
    out = [0] * n
    for s, spot in zip(shown, spots):
        out[spot] = int(s)
    return out


def score_values(values: list[int | None], shown: list[int], rules: list[ColumnRule], tolerance: Tolerance,
                 row: int | None = None) -> tuple[int, int]:
    """(relations that hold, relations that can be evaluated) on one reading of the row (a row of costs
    takes a rule's verschil the other way, as the rule says)."""
    held = applicable = 0
    for rule in rules:
        residual = _residual(values, rule, row)
        if residual is None:
            continue
        applicable += 1
        if tolerance.holds(residual, shown[rule.target] + sum(shown[c] for c, _ in rule.terms)):
            held += 1
    return held, applicable


def _residual(values: list[int | None], rule: ColumnRule, row: int | None) -> int | None:
    """The rule's target less what its terms give on one reading (None where a cell is unknown)."""
    if values[rule.target] is None or any(values[c] is None for c, _ in rule.terms):
        return None
    way = -1 if row in rule.costs else 1
    return values[rule.target] - way * sum(s * values[c] for c, s in rule.terms)  # type: ignore[operator]


def _by_totals(table: Table, open_rows: dict[int, list[tuple[int, ...]]], tolerance: Tolerance) -> None:
    """Rows of one block closed by a total row: keep the readings, taken together, under which the
    total adds up in the most columns (the totals say where a block's empty cells are)."""
    rows = table.rows
    n = len(table.columns)
    for end, row in enumerate(rows):
        if not (row.role in (TOTAL, SUBTOTAL) or not row.label.strip()) or row.placement not in ("given", "placed"):
            continue
        start = end  # back to the previous total, over section headings
        while start > 0 and rows[start - 1].role in (PART, "heading") and rows[start - 1].label.strip():
            start -= 1
        block = [r for r in range(start, end) if rows[r].placement != "heading"]
        mine = [r for r in block if r in open_rows and len(open_rows[r]) > 1]
        if not mine or any(rows[r].placement not in ("given", "placed", "unplaced") for r in block):
            continue
        if any(rows[r].placement == "unplaced" and r not in open_rows for r in block):
            continue
        size = 1
        for r in mine:
            size *= len(open_rows[r])
        if size > _MAX_JOINT:
            continue
        fixed = [0] * n
        for r in block:
            if r in mine:
                continue
            values = _values([amount_of(c.text) for c in rows[r].loose], open_rows[r][0], n) if r in open_rows else [rows[r].amount(j) for j in range(n)]
            for j in range(n):
                fixed[j] += values[j] or 0
        # the column sums of every combination of readings at once, in the order of their product
        sums = np.array([fixed], dtype=np.int64)
        for r in mine:
            amounts = [amount_of(c.text) or 0 for c in rows[r].loose]
            added = np.zeros((len(open_rows[r]), n), dtype=np.int64)
            for i, spots in enumerate(open_rows[r]):
                for amount, spot in zip(amounts, spots):
                    added[i, spot] += amount
            sums = (sums[:, None, :] + added[None, :, :]).reshape(-1, n)
        wanted = [row.amount(j) for j in range(n)]
        shown = np.array([w is not None for w in wanted])
        target = np.array([w or 0 for w in wanted], dtype=np.int64)
        fits = ((np.abs(target - sums) <= tolerance.allowed(len(block) + 1)) & shown).sum(axis=1)
        winners = np.unravel_index(np.flatnonzero(fits == fits.max()), tuple(len(open_rows[r]) for r in mine))
        for k, r in enumerate(mine):
            open_rows[r] = sorted({open_rows[r][i] for i in winners[k].tolist()})


def apply(row: TableRow, spots: tuple[int, ...], n: int) -> None:
    cells = [None] * n
    for cell, spot in zip(row.loose, spots):
        cells[spot] = cell
    row.cells = tuple(cells)
    row.parsed = tuple(parse_number(c.text, amount=True) if c else None for c in cells)
