"""Rows that restate figures of the table above them.

    Totaal lasten    1.530.287   1.615.255   1.598.406
    Totaal baten       -57.605     -13.500     -10.000
    Saldo programma  1.472.682   1.601.755   1.588.406
    Lasten         € 1.598.406
    Baten             € -10.000
    Saldo programma € 1.588.406

A portal may repeat one column's totals under a table as lone label-and-amount rows. Such a row
names a row of the table (`Lasten` the `Totaal lasten`), and shows one value, whose column the
table does not say. Where every such row has one namesake above it and the rows' amounts equal
their namesakes in exactly one column (at least two of them, not zero: a box may count more than
the row it names, lasten with the additions to reserves, so one figure that matches says too little),
that column is the one they restate: there each of them must equal its namesake, and one that does
not is an error at its own line.
"""

from __future__ import annotations

from collections import Counter

from budget_checks.recognize.cells import parsed
from budget_checks.recognize.placement import apply
from budget_checks.recognize.roles import Vocabulary, norm
from budget_checks.tables import Relation, Table, Term

CODE = "ST104"
_MIN_ROWS = 2
_MIN_MATCHES = 2  # rows that equal their namesakes in the column before the others must too
_MIN_AMOUNT = 10  # a small amount equals a cell by chance too easily to say which column is meant


def restated(table: Table, vocab: Vocabulary) -> list[Relation]:
    n = len(table.columns)
    lone = [r for r, row in enumerate(table.rows) if row.placement in ("unplaced", "ambiguous") and len(row.loose) == 1]
    if len(lone) < _MIN_ROWS or n < 2:
        return []
    pairs: list[tuple[int, int]] = []
    for r in lone:
        name = _name(table.rows[r].label, vocab)
        namesakes = [q for q, row in enumerate(table.rows[:r])
                     if row.placement in ("given", "placed") and name and _name(row.label, vocab) == name]
        if len(namesakes) != 1:
            return []
        pairs.append((r, namesakes[0]))
    amounts = {r: parsed(table.rows[r].loose[0].text).amount for r, _ in pairs}
    matches = Counter(c for r, q in pairs for c in range(n)
                      if amounts[r] is not None and abs(amounts[r]) >= _MIN_AMOUNT and table.rows[q].amount(c) == amounts[r])
    if len(matches) != 1 or next(iter(matches.values())) < _MIN_MATCHES:
        return []  # one figure that happens to match says too little: boxes may count more (reserve mutations)
    column = next(iter(matches))
    out = []
    for r, q in pairs:
        row = table.rows[r]
        apply(row, (column,), n)
        row.placement, row.candidates = "placed", 1
        out.append(Relation(CODE, (r, column), (Term(q, column, 1),), f"{row.label} = {table.rows[q].label}", "structure"))
    return out


def _name(label: str, vocab: Vocabulary) -> str:
    words = norm(label).split()
    while words and words[0] in vocab.totals:
        words = words[1:]
    return " ".join(words)

