"""Place the values of rows that lost their empty cells.

The cell-per-line export drops empty cells, so a row of a six-column table may show
four values. Which columns they belong to follows from the arithmetic: every
order-preserving placement is scored by the table's relations between columns (what
its family declares and what its complete rows show), and where the row stands in a
block closed by a total, by the column totals of that block. A row is placed when one
placement scores best, or when every best placement satisfies every relation (then the
checks do not depend on the choice); otherwise it is ambiguous and reported (PL101),
and its cells stay unknown.
"""

from __future__ import annotations

from itertools import combinations

from budget_checks.numbers import Kind, parse_number
from budget_checks.recognize.discover import ColumnRule
from budget_checks.tables import PART, SUBTOTAL, TOTAL, Table, TableRow
from budget_checks.tolerance import Tolerance

_MAX_PLACEMENTS = 5_000


def place_rows(table: Table, rules: list[ColumnRule], tolerance: Tolerance) -> None:
    n = len(table.columns)
    for index, row in enumerate(table.rows):
        if row.placement != "unplaced" or not row.loose or len(row.loose) >= n:
            continue
        amounts = [_amount(c.text) for c in row.loose]
        shown = [parse_number(c.text, amount=True).kind is Kind.NUMBER for c in row.loose]
        options = list(combinations(range(n), len(row.loose)))
        if len(options) > _MAX_PLACEMENTS:
            row.placement = "ambiguous"
            row.candidates = len(options)
            continue
        scored = []
        for spots in options:
            values = _values(amounts, spots, n)
            held, applicable = _score(values, _shown_at(shown, spots, n), rules, tolerance)
            scored.append((held, applicable, spots))
        best = max(h for h, _, _ in scored)
        choices = [(h, a, s) for h, a, s in scored if h == best]
        if len(choices) > 1:
            choices = _by_total(table, index, amounts, choices, tolerance) or choices
        row.candidates = len(choices)
        consistent = all(h == a and a > 0 for h, a, _ in choices)
        if len(choices) == 1 or consistent:
            _apply(row, choices[0][2], n)
            row.placement = "placed"
        else:
            row.placement = "ambiguous"


def _amount(text: str) -> int | None:
    p = parse_number(text, amount=True)
    if p.kind is Kind.EMPTY:
        return 0
    return p.amount


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


def _score(values: list[int | None], shown: list[int], rules: list[ColumnRule], tolerance: Tolerance) -> tuple[int, int]:
    """(relations that hold, relations that can be evaluated) on one reading of the row."""
    held = applicable = 0
    for rule in rules:
        cells = [rule.target, *(c for c, _ in rule.terms)]
        if any(values[c] is None for c in cells):
            continue
        applicable += 1
        residual = values[rule.target] - sum(s * values[c] for c, s in rule.terms)  # type: ignore[operator]
        if tolerance.holds(residual, sum(shown[c] for c in cells)):
            held += 1
    return held, applicable


def _by_total(table: Table, index: int, amounts: list[int | None], choices, tolerance: Tolerance):
    """The readings under which the block's total row adds up in the most columns."""
    rows = table.rows
    end = next((r for r in range(index + 1, len(rows)) if rows[r].role in (TOTAL, SUBTOTAL) or rows[r].placement == "heading"), None)
    if end is None or rows[end].placement not in ("given", "placed"):
        return None
    start = index
    while start > 0 and rows[start - 1].role == PART and rows[start - 1].placement != "heading":
        start -= 1
    block = [r for r in range(start, end) if r != index]
    if any(rows[r].placement not in ("given", "placed") for r in block):
        return None
    n = len(table.columns)
    sums = [sum(rows[r].amount(j) or 0 for r in block) for j in range(n)]
    wanted = [rows[end].amount(j) for j in range(n)]
    allowed = tolerance.allowed(len(block) + 2)
    scored = []
    for choice in choices:
        values = _values(amounts, choice[2], n)
        fits = sum(1 for j in range(n) if wanted[j] is not None and values[j] is not None and abs(wanted[j] - sums[j] - values[j]) <= allowed)
        scored.append((fits, choice))
    best = max(f for f, _ in scored)
    return [c for f, c in scored if f == best] if best > 0 else None


def _apply(row: TableRow, spots: tuple[int, ...], n: int) -> None:
    cells = [None] * n
    for cell, spot in zip(row.loose, spots):
        cells[spot] = cell
    row.cells = tuple(cells)
    row.parsed = tuple(parse_number(c.text, amount=True) if c else None for c in cells)
