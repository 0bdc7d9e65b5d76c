"""The one value that explains several failing identities at once.

A figure that is wrong breaks every identity it takes part in: its row's saldo and its
column's total, a verschil and a subtotal. Each of those failures is reported where its
identity's result stands, which may be far from the figure itself. Where two or more
failing identities share one cell, and changing that cell by one amount would make all
of them hold, that cell is what an auditor would look at first: the place where the
failures cross. A cell that is already the result of one of them is left alone (its
own finding stands on it).
"""

from __future__ import annotations

from dataclasses import dataclass

from budget_checks.tables import Relation


@dataclass(frozen=True, slots=True)
class Suspect:
    row: int
    column: int
    change: int  # what the cell must change by (in the matrix's units) for all its identities to hold
    relations: tuple[int, ...]  # indices of the failing relations it explains


def suspects(relations: list[Relation], failing: list[tuple[int, int, int]]) -> list[Suspect]:
    """`failing`: (relation index, residual, margin) of the relations of one table that fail.
    The residual is the result minus what its terms give."""
    if len(failing) < 2:
        return []
    through: dict[tuple[int, int], list[tuple[int, int, int]]] = {}  # cell -> (relation, change that fixes it, margin)
    results = set()
    for i, residual, margin in failing:
        relation = relations[i]
        results.add(relation.target)
        # the residual moves with the result (+1) and against a term taken with its sign
        for cell, coefficient in ((relation.target, 1), *(((t.row, t.column), -t.sign) for t in relation.terms)):
            through.setdefault(cell, []).append((i, -residual * coefficient, margin))
    found: dict[tuple[int, ...], list[Suspect]] = {}
    for cell, fixes in through.items():
        if len(fixes) < 2 or cell in results:
            continue
        change = fixes[0][1]
        if all(abs(c - change) <= m + fixes[0][2] for _, c, m in fixes[1:]):
            key = tuple(sorted(i for i, _, _ in fixes))
            found.setdefault(key, []).append(Suspect(cell[0], cell[1], change, key))
    # two cells that explain the same failures equally tell nothing about which one is wrong
    return [cells[0] for cells in found.values() if len(cells) == 1]
