"""Totals that the row numbers declare: `02 Wonen` over `02.1 Bouwen` and `02.2 Huren`.

A row whose number is the prefix of the numbers of the rows right after it (one level
deeper) is their total, as a heading-with-amounts printed above its parts. It takes at
least two such rows: a single sub-item under a row is a detail of it, not its sum. Rows
deeper still (`02.1.1` under `02.1`) belong to their own parent, not to this total.
"""

from __future__ import annotations

import re

from budget_checks.tables import Relation, Table, Term

_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?\s+\S")


def row_number(label: str) -> tuple[str, ...] | None:
    match = _NUMBER.match(label.strip())
    return tuple(part.lstrip("0") or "0" for part in match.group(1).split(".")) if match else None


def numbered_totals(table: Table) -> list[tuple[int, tuple[int, ...]]]:
    """(total row, its part rows) for every row the numbering makes a total."""
    rows = [r for r, row in enumerate(table.rows) if row.placement != "heading"]
    numbers = {r: row_number(table.rows[r].label) for r in rows}
    out = []
    for i, r in enumerate(rows):
        mine = numbers[r]
        if mine is None:
            continue
        parts = []
        for s in rows[i + 1 :]:
            other = numbers[s]
            if other is None or len(other) <= len(mine) or other[: len(mine)] != mine:
                break
            if len(other) == len(mine) + 1:
                parts.append(s)
        if len(parts) >= 2:
            out.append((r, tuple(parts)))
    return out


def numbered_relations(table: Table, found: list[tuple[int, tuple[int, ...]]], code: str) -> list[Relation]:
    out = []
    for target, parts in found:
        holds = f"{table.rows[target].label} = som van {len(parts)} rijen"
        for j in range(len(table.columns)):
            out.append(Relation(code, (target, j), tuple(Term(r, j, 1) for r in parts), holds, "structure"))
    return out
