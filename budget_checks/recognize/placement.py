"""Place the values of rows that lost their empty cells.

The cell-per-line export drops empty cells, so a row of a six-column table may
show four values. Which columns they belong to follows from the arithmetic:
every order-preserving placement is scored by the identities of the row, and
where the table has a Totaal row, by the column totals of the whole table. A
row is placed when one placement scores best; otherwise it is ambiguous and
reported (its identities are then not checked).
"""

from __future__ import annotations

from itertools import combinations, product

from budget_checks.numbers import Kind, Parsed, parse_number
from budget_checks.tables import PART, TOTAL, Table, TableRow
from budget_checks.tolerance import Tolerance

_MAX_JOINT = 20_000  # placements tried together against the totals


def place_rows(table: Table, tolerance: Tolerance) -> None:
    n = len(table.columns)
    open_rows = [row for row in table.rows if row.placement == "unplaced"]
    if not open_rows:
        return
    options: dict[int, list[tuple[int, ...]]] = {}
    for row in open_rows:
        parsed = [parse_number(c.text, amount=True) for c in row.loose]
        scored = [(_row_score(table, _values(parsed, spots, n), tolerance), spots) for spots in combinations(range(n), len(row.loose))]
        best = max(score for score, _ in scored)
        options[id(row)] = [spots for score, spots in scored if score == best]
    _narrow_by_totals(table, open_rows, options, tolerance)
    for row in open_rows:
        choices = options[id(row)]
        row.candidates = len(choices)
        if len(choices) == 1:
            _apply(row, choices[0], n)
            row.placement = "placed"
        else:
            row.placement = "ambiguous"


def _values(parsed: list[Parsed], spots: tuple[int, ...], n: int) -> list[int | None]:
    values: list[int | None] = [0] * n
    for p, spot in zip(parsed, spots):
        values[spot] = 0 if p.kind is Kind.EMPTY else p.amount
    return values


def _row_score(table: Table, values: list[int | None], tolerance: Tolerance) -> int:
    keys = {c.key: i for i, c in enumerate(table.columns)}
    groups = table.groups()
    score = 0
    for rule in table.rule.identities:
        for identity in rule.alternatives:
            if not all(t.name in keys or t.name in groups for t in identity.terms):
                continue
            try:
                residual = identity.residual(lambda k: _need(values[keys[k]]), groups)
            except _Missing:
                continue
            if tolerance.holds(residual, identity.operand_count(groups)):
                score += 1
                break
    return score


class _Missing(Exception):
    pass


def _need(value: int | None) -> int:
    if value is None:
        raise _Missing
    return value


def _narrow_by_totals(table: Table, open_rows: list[TableRow], options: dict[int, list[tuple[int, ...]]], tolerance: Tolerance) -> None:
    """With one complete Totaal row, keep the combination of placements that fits most column totals."""
    totals = [r for r in table.rows if r.role == TOTAL]
    if len(totals) != 1 or any(r.role not in (PART, TOTAL) for r in table.rows) or totals[0].placement == "unplaced":
        return
    total = totals[0]
    parts = [r for r in table.rows if r.role == PART and r is not total]
    if any(r.placement not in ("given", "unplaced") for r in parts):
        return
    n = len(table.columns)
    choice_lists = [options[id(r)] for r in open_rows]
    size = 1
    for choices in choice_lists:
        size *= len(choices)
    if size <= 1 or size > _MAX_JOINT:
        return
    fixed = [0] * n
    for row in parts:
        if row.placement == "given":
            for i in range(n):
                value = row.amount(i)
                fixed[i] += value or 0
    # the loop below runs up to _MAX_JOINT times: everything it reads is worked out before it
    loose = [[parse_number(c.text, amount=True).amount or 0 for c in r.loose] for r in open_rows]
    wanted = [total.amount(i) or 0 for i in range(n)]
    allowed = tolerance.allowed(len(parts) + 1)
    best_score, best = -1, []
    for combo in product(*choice_lists):
        sums = list(fixed)
        for amounts, spots in zip(loose, combo):
            for amount, spot in zip(amounts, spots):
                sums[spot] += amount
        score = sum(1 for want, got in zip(wanted, sums) if abs(want - got) <= allowed)
        if score > best_score:
            best_score, best = score, [combo]
        elif score == best_score:
            best.append(combo)
    for k, row in enumerate(open_rows):
        options[id(row)] = sorted({combo[k] for combo in best})


def _apply(row: TableRow, spots: tuple[int, ...], n: int) -> None:
    cells = [None] * n
    for cell, spot in zip(row.loose, spots):
        cells[spot] = cell
    row.cells = tuple(cells)
    row.parsed = tuple(parse_number(c.text, amount=True) if c else None for c in cells)
