"""What must hold in a table, from three sources, strongest first.

1. What its family declares, wherever the family's roles are recognised (declared.py).
2. What its structure says: a total row closes the rows above or below it, a grand
   total sums its subtotals, a result row follows from the rows it closes (structure.py).
3. What its numbers show: a relation between columns that holds on all but one of at
   least three rows (discover.py).
One relation per place: where two sources state the same relation, the first is kept.
"""

from __future__ import annotations

from budget_checks.matrix import evaluate, matrix
from budget_checks.recognize.declared import declared
from budget_checks.recognize.discover import column_rules
from budget_checks.recognize.placement import apply, place_rows
from budget_checks.recognize.roles import Vocabulary
from budget_checks.recognize.structure import row_relations
from budget_checks.rulebook import Rulebook
from budget_checks.tables import Relation, Table
from budget_checks.tolerance import Tolerance

GENERIC_TOTAL = "ST101"


def find_relations(table: Table, book: Rulebook, vocab: Vocabulary, tolerance: Tolerance) -> None:
    m = matrix(table)
    found = declared(table, m, book, vocab, tolerance)
    discovered = column_rules(table, m, vocab, tolerance, found.column_sets)
    code = table.rule.total.doc.code if table.rule.total else GENERIC_TOTAL
    if any(row.placement == "unplaced" for row in table.rows):
        still_open = place_rows(table, found.column_rules + discovered, tolerance)
        if still_open and len(still_open) <= _MAX_OPEN_ROWS:
            _place_by_rows(table, still_open, vocab, tolerance, code, found.row_reductions)
        m = matrix(table)
        table.alternatives.clear()
        table.convention = ""
        found = declared(table, m, book, vocab, tolerance)
    rows = row_relations(table, m, vocab, tolerance, code, found.row_reductions)
    readable = [r for r, row in enumerate(table.rows) if row.placement in ("given", "placed")]
    columns = [rule.on(r) for rule in discovered for r in readable]
    table.relations = _one_per_place(found.relations + rows + columns)


_MAX_OPEN_ROWS = 3  # ambiguous rows a table may have for each of their readings to be tried against its rows


def _place_by_rows(table: Table, still_open: dict[int, list[tuple[int, ...]]], vocab: Vocabulary, tolerance: Tolerance,
                   code: str, given) -> None:
    """A row that the column relations cannot place may be placed by the totals and results
    between rows: the reading under which they hold in the most columns, if one is best."""
    n = len(table.columns)
    for index, readings in still_open.items():
        row = table.rows[index]
        scored = []
        for spots in readings:
            apply(row, spots, n)
            row.placement = "placed"
            m = matrix(table)
            e = evaluate(row_relations(table, m, vocab, tolerance, code, given), m, tolerance)
            scored.append((int((e.known & (abs(e.residual) <= e.allowed)).sum()) - int((e.known & (abs(e.residual) > e.allowed)).sum()), spots))
        best = max(score for score, _ in scored)
        winners = [spots for score, spots in scored if score == best]
        if best > 0 and len(winners) == 1:
            apply(row, winners[0], n)
            row.placement = "placed"
        else:
            row.cells, row.parsed = (None,) * n, (None,) * n
            row.placement = "ambiguous"


def _one_per_place(relations: list[Relation]) -> list[Relation]:
    seen: set[tuple] = set()
    out = []
    for relation in relations:
        key = (relation.target, frozenset((t.row, t.column, t.sign) for t in relation.terms))
        if key in seen:
            continue
        seen.add(key)
        out.append(relation)
    return out
