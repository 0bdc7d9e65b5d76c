"""What must hold in a table, from three sources, strongest first.

1. What its family declares, wherever the family's roles are recognised (declared.py).
2. What its structure says: a total row closes the rows above or below it, a grand
   total sums its subtotals, a result row follows from the rows it closes (structure.py).
3. What its numbers show: a relation between columns that holds on all but one of at
   least three rows, or all but one in eight of many (discover.py).
One relation per place: where two sources state the same relation, the first is kept.
"""

from __future__ import annotations

import math
from dataclasses import replace
from itertools import product

from budget_checks.matrix import evaluate, matrix
from budget_checks.recognize.codes import numbered_relations, numbered_totals
from budget_checks.recognize.declared import declared
from budget_checks.recognize.discover import ColumnRule, column_rules, share_rows, turned_text
from budget_checks.recognize.glued import GLUED, decode_glued
from budget_checks.recognize.formulas import formula_relations, row_formulas
from budget_checks.recognize.placement import apply, place_rows
from budget_checks.recognize.rollforward import CODE as ROLL_CODE, roll_forward_rows, roll_forward_rules
from budget_checks.recognize.restated import restated
from budget_checks.recognize.roles import Vocabulary
from budget_checks.recognize.structure import row_relations
from budget_checks.rulebook import Rulebook
from budget_checks.tables import Relation, Table, Term
from budget_checks.tolerance import Tolerance

GENERIC_TOTAL = "ST101"


def find_relations(table: Table, book: Rulebook, vocab: Vocabulary, tolerance: Tolerance) -> None:
    m = matrix(table)
    found = declared(table, m, book, vocab, tolerance)
    rolled = [rule for rule in roll_forward_rules(table, vocab, tolerance)
              if frozenset([rule.target, *(c for c, _ in rule.terms)]) not in found.column_sets]
    taken = found.column_sets | {frozenset([rule.target, *(c for c, _ in rule.terms)]) for rule in rolled}
    targets = {rule.target for rule in found.column_rules + rolled}  # a declared result is checked once, by its identity
    covered = set().union(*taken) if taken else set()
    if len(covered) < len(table.columns):  # a column no declared relation ties: the numbers may show one
        discovered = rolled + [rule for rule in column_rules(table, m, vocab, tolerance, taken) if rule.target not in targets]
    else:
        discovered = rolled
    code = table.rule.total.doc.code if table.rule.total else GENERIC_TOTAL
    glued = any(row.placement == GLUED for row in table.rows)
    if glued and decode_glued(table, found.conventions + [[[rule]] for rule in discovered], tolerance):
        m, found = _declared_again(table, book, vocab, tolerance)
    if any(row.placement == "unplaced" for row in table.rows):
        still_open = place_rows(table, _with_costs(found.column_rules, found.flipped) + discovered, tolerance)
        if still_open and math.prod(len(r) for r in still_open.values()) <= _MAX_READINGS:
            _place_by_rows(table, still_open, vocab, tolerance, code, found.row_reductions)
        m, found = _declared_again(table, book, vocab, tolerance)
        if len(discovered) == len(rolled) and len(covered) < len(table.columns):
            # too few complete rows showed a relation before; the rows placed (by the totals) may show one now
            discovered += [rule for rule in column_rules(table, m, vocab, tolerance, taken) if rule.target not in targets]
    stated = row_formulas(table)
    rolled_rows = roll_forward_rows(table, vocab)
    numbered = numbered_totals(table)
    given = found.row_reductions + stated + rolled_rows + [(t, parts, (1,) * len(parts)) for t, parts in numbered]
    # a verschil taken the other way on the rows of costs (voordelig when positive) is read turned there
    flipped = found.flipped | {(r, rule.target) for rule in discovered for r in rule.costs}
    rows = _row_relations(table, m, vocab, tolerance, code, given, flipped)
    repeated = restated(table, vocab)  # placed once the table's own relations are known, so they stay apart
    shares = share_rows(table)  # percentages among amounts: the relations between amount columns are not theirs
    readable = [r for r, row in enumerate(table.rows) if row.placement in ("given", "placed") and r not in shares]
    columns = [rule.on(r) for rule in discovered for r in readable]
    table.relations = _one_per_place(found.relations + formula_relations(table, stated) + formula_relations(table, rolled_rows, ROLL_CODE)
                                      + numbered_relations(table, numbered, code)
                                      + rows + columns + repeated)


def _with_costs(rules: list[ColumnRule], flipped: set[tuple[int, int]]) -> list[ColumnRule]:
    """The family's rules between columns, each knowing the rows of costs whose verschil it takes the other way."""
    return [replace(rule, costs=frozenset(r for r, j in flipped if j == rule.target)) if any(j == rule.target for _, j in flipped) else rule
            for rule in rules]


def _declared_again(table: Table, book: Rulebook, vocab: Vocabulary, tolerance: Tolerance):
    """The matrix and the declared identities once rows got values (decoded or placed)."""
    m = matrix(table)
    table.alternatives.clear()
    table.convention = ""
    return m, declared(table, m, book, vocab, tolerance)


def _row_relations(table: Table, m, vocab: Vocabulary, tolerance: Tolerance, code: str, given, flipped: set[tuple[int, int]]) -> list[Relation]:
    """Totals between rows; where the rows of costs take their verschil the other way (a positive
    verschil is voordelig), those cells are read turned, so a saldo's verschil sums its parts' verschillen."""
    if not flipped:
        return row_relations(table, m, vocab, tolerance, code, given)
    turned = replace(m, values=m.values.copy())
    for r, j in flipped:
        turned.values[r, j] = -turned.values[r, j]
    out = []
    for relation in row_relations(table, turned, vocab, tolerance, code, given):
        j = relation.target[1]
        t = -1 if (relation.target[0], j) in flipped else 1
        terms = tuple(Term(x.row, x.column, x.sign * t * (-1 if (x.row, x.column) in flipped else 1)) for x in relation.terms)
        out.append(Relation(relation.code, relation.target, terms, relation.holds, relation.source, relation.evidence, relation.other))
    return _turned_results(out, m, tolerance, {j for _, j in flipped}, flipped)


def _turned_results(relations: list[Relation], m, tolerance: Tolerance, columns: set[int], flipped: set[tuple[int, int]]) -> list[Relation]:
    """A result row (a saldo of lasten and baten) whose verschil is taken the way its costs take it: where
    its relation fails read as given and holds with the result turned, it follows another convention
    than its rows (SC101), no wrong figure."""
    places = [i for i, rel in enumerate(relations) if rel.target[1] in columns and rel.target not in flipped]
    if not places:
        return relations
    given = evaluate([relations[i] for i in places], m, tolerance)
    turned = evaluate([Relation(relations[i].code, relations[i].target, tuple(Term(x.row, x.column, -x.sign) for x in relations[i].terms),
                                relations[i].holds) for i in places], m, tolerance)
    out = list(relations)
    for k, i in enumerate(places):
        if given.known[k] and abs(given.residual[k]) > given.allowed[k] and abs(turned.residual[k]) <= turned.allowed[k]:
            rel = relations[i]
            out[i] = Relation(rel.code, rel.target, rel.terms, rel.holds, rel.source, rel.evidence, turned_text(rel.holds))
    return out


_MAX_READINGS = 64  # readings of a table's open rows, taken together, tried against its rows


def _place_by_rows(table: Table, still_open: dict[int, list[tuple[int, ...]]], vocab: Vocabulary, tolerance: Tolerance,
                   code: str, given) -> None:
    """Rows that the column relations cannot place may be placed by the totals and results between
    rows: the readings (of all open rows together) under which they hold in the most places, if one is best."""
    n = len(table.columns)
    indexes = list(still_open)
    consistent = {i: table.rows[i].placement == "placed" for i in indexes}
    scored = []
    for combo in product(*(still_open[i] for i in indexes)):
        for index, spots in zip(indexes, combo):
            apply(table.rows[index], spots, n)
            table.rows[index].placement = "placed"
        m = matrix(table)
        e = evaluate(row_relations(table, m, vocab, tolerance, code, given), m, tolerance)
        held = int((e.known & (abs(e.residual) <= e.allowed)).sum())
        failed = int((e.known & (abs(e.residual) > e.allowed)).sum())
        scored.append((held - failed, combo))
    best = max(score for score, _ in scored)
    winners = [combo for score, combo in scored if score == best]
    for k, index in enumerate(indexes):
        row = table.rows[index]
        choices = {combo[k] for combo in winners}
        if best > 0 and len(choices) == 1:
            apply(row, winners[0][k], n)
            row.placement = "placed"
            row.candidates = 1
        elif consistent[index]:  # every reading satisfies the relations between columns
            apply(row, still_open[index][0], n)
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
