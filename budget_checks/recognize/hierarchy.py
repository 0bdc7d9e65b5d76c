"""Hierarchies without markers: a numbered row followed by its numbered parts.

    02   Wonen       1.500      <- the total of the two rows below, shown first
    02.1 Bouwen      1.000
    02.2 Huren         500
    03   Werken        800      <- a row without parts
    Totaal           2.300      <- the sum of 02 and 03, not of every row

Nothing but the numbering says that `02` is the sum of `02.1` and `02.2`. A
row whose number is the start of the numbers of the rows right after it
("02" before "02.1", "02.2") becomes a subtotal of those rows and is moved
after them, so that the totals arithmetic (a subtotal sums the parts above it,
a total sums the subtotals) checks it; the other top-level rows become
subtotals of nothing, so that the Totaal sums every top-level row once. Rows
keep their source lines, so findings still point at the page. A hierarchy of
more than one level (parts of parts) is left as it is: its rows are checked,
its subtotals are not.
"""

from __future__ import annotations

import re

from budget_checks.tables import PART, SUBTOTAL, Table, TableRow

_CODE = re.compile(r"^(?:[A-Za-z][\w'-]*\s+)?(\d+(?:\.\d+)*)\.?(?:\s|$)")


def nest_rows(table: Table) -> None:
    rows = table.rows
    if any(row.role == SUBTOTAL for row in rows):
        return  # the table marks its own subtotals
    codes = [_code(row) for row in rows]
    groups: list[tuple[int, int]] = []  # (parent index, index after its last part)
    i = 0
    while i < len(rows):
        code = codes[i]
        end = i + 1
        while code and end < len(rows) and codes[end] and codes[end].startswith(code + "."):
            end += 1
        if end > i + 1:
            depths = {codes[j].count(".") for j in range(i + 1, end)}
            if len(depths) > 1:
                return  # parts of parts: one level of subtotals cannot hold them, so nothing is assumed
            groups.append((i, end))
        i = end
    if not groups:
        return
    parents = {start for start, _ in groups}
    parts = {j for start, end in groups for j in range(start + 1, end)}
    ordered: list[TableRow] = []
    i = 0
    while i < len(rows):
        group = next((g for g in groups if g[0] == i), None)
        if group is not None:
            start, end = group
            ordered += rows[start + 1 : end]
            rows[start].role = SUBTOTAL
            ordered.append(rows[start])
            i = end
            continue
        if i not in parents and i not in parts and codes[i] and rows[i].role == PART:
            rows[i].role = SUBTOTAL  # a top-level row without parts: counted once by the total
        ordered.append(rows[i])
        i += 1
    table.rows[:] = ordered


def _code(row: TableRow) -> str:
    match = _CODE.match(row.label.strip())
    return match.group(1) if match else ""
