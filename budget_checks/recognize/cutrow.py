"""A table whose last row the page cuts off (an export ended mid-row).

    960 Saldi kostenplaatsen | -55 | 302 | 357 | 362 | 302 | -60 | 8.422 | 8.858 | 436 | 8.060     <- page ends

The row shows fewer values than the table has columns, and its last value may stop mid-number: it
is reported as cut off (TB002). Where the values before the last stand in the first columns, as
the row was written, the relations within the row that they complete say so: when at least two of
them hold and at most one does not, those cells are read there, and a relation that breaks on them
is an error of the page, not of the cut. The cut cells are never checked. A row that looks whole may
still end in a cut value (`7` where the row's relation needs 7.020): where a relation breaks on the
page's last value and that value is the beginning of the one the relation needs, it is cut too.
"""

from __future__ import annotations

import numpy as np

from budget_checks.matrix import evaluate, matrix
from budget_checks.numbers import Kind
from budget_checks.recognize.cells import parsed
from budget_checks.tables import Table
from budget_checks.tolerance import Tolerance

CUT = "cut"
_MIN_HELD = 2  # relations within the row that must hold on the reading before its cells are read


def cut_last_row(table: Table) -> None:
    """The page ends inside the table's last row: its values are incomplete and stay unknown."""
    rows = [row for row in table.rows if row.placement != "heading"]
    if rows and (rows[-1].placement == "unplaced" or (rows[-1].placement == "overfull" and _truncated(rows[-1]))):
        row = rows[-1]
        row.placement = CUT
        row.cells = (None,) * len(table.columns)
        row.parsed = (None,) * len(table.columns)


def read_complete_part(table: Table, tolerance: Tolerance) -> None:
    """The cut row's whole values read in the first columns, where the row's own relations bear it out."""
    rows = [r for r, row in enumerate(table.rows) if row.placement != "heading"]
    if not rows or table.rows[rows[-1]].placement != CUT:
        return
    r, row, n = rows[-1], table.rows[rows[-1]], len(table.columns)
    whole = row.loose[:-1]  # the last value may stop mid-number
    if len(whole) < 2 or len(whole) >= n:
        return
    own = [rel for rel in table.relations if rel.target[0] == r and rel.terms and all(t.row == r for t in rel.terms)]
    if len(own) < _MIN_HELD:
        return
    row.cells = (*whole, *(None,) * (n - len(whole)))
    row.parsed = tuple(parsed(c.text) if c is not None else None for c in row.cells)
    e = evaluate(own, matrix(table), tolerance)
    broken = e.known & (np.abs(e.residual) > e.allowed)
    if int(e.known.sum()) - int(broken.sum()) < _MIN_HELD or int(broken.sum()) > 1:
        row.cells = (None,) * n
        row.parsed = (None,) * n


def cut_last_value(table: Table, tolerance: Tolerance) -> None:
    """The page's last value, where a relation breaks on it and it is the beginning of what the
    relation needs (`7` where 7.020 adds up): the excerpt ended inside it, so it is cut, not wrong."""
    rows = [r for r, row in enumerate(table.rows) if row.placement != "heading"]
    if not rows or table.rows[rows[-1]].placement not in ("given", "placed"):
        return
    r, row = rows[-1], table.rows[rows[-1]]
    shown = [j for j, c in enumerate(row.cells) if c is not None and c.text.strip()]
    if not shown:
        return
    j = shown[-1]
    mine = [rel for rel in table.relations if (r, j) == rel.target or any((t.row, t.column) == (r, j) for t in rel.terms)]
    if not mine:
        return
    e = evaluate(mine, matrix(table), tolerance)
    printed = _digits(row.cells[j].text)
    for rel, residual, known, allowed in zip(mine, e.residual.tolist(), e.known.tolist(), e.allowed.tolist()):
        if not known or abs(residual) <= allowed:
            continue
        value = row.amount(j)
        sign = 1 if rel.target == (r, j) else next(t.sign for t in rel.terms if (t.row, t.column) == (r, j))
        needed = _digits(str(abs(value - residual if rel.target == (r, j) else value + sign * residual)))
        if printed and len(printed) < len(needed) and needed.startswith(printed):
            row.placement = CUT
            row.loose = tuple(row.cells[k] for k in shown if k != j)  # the values read whole
            row.cells = tuple(None if k == j else c for k, c in enumerate(row.cells))
            row.parsed = tuple(None if k == j else p for k, p in enumerate(row.parsed))
            return


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _truncated(row) -> bool:
    """A row whose last value stops mid-number (`33.`): the export ended inside it."""
    last = row.loose[-1].text.strip() if row.loose else ""
    return last.endswith((".", ",")) or parsed(last).kind is Kind.MALFORMED
