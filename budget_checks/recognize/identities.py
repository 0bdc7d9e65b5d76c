"""What must hold in a table, from three sources, strongest first.

1. What its family declares, wherever the family's roles are recognised (declared.py).
2. What its structure says: a total row closes the rows above or below it, a grand
   total sums its subtotals, a result row follows from the rows it closes (structure.py).
3. What its numbers show: a relation between columns that holds on all but one of at
   least three rows (discover.py).
One relation per place: where two sources state the same relation, the first is kept.
"""

from __future__ import annotations

from budget_checks.matrix import matrix
from budget_checks.recognize.declared import declared
from budget_checks.recognize.discover import column_rules
from budget_checks.recognize.placement import place_rows
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
    if any(row.placement == "unplaced" for row in table.rows):
        place_rows(table, found.column_rules + discovered, tolerance)
        m = matrix(table)
        table.alternatives.clear()
        table.convention = ""
        found = declared(table, m, book, vocab, tolerance)
    code = table.rule.total.doc.code if table.rule.total else GENERIC_TOTAL
    rows = row_relations(table, m, vocab, tolerance, code, found.row_reductions)
    readable = [r for r, row in enumerate(table.rows) if row.placement in ("given", "placed")]
    columns = [rule.on(r) for rule in discovered for r in readable]
    table.relations = _one_per_place(found.relations + rows + columns)


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
