"""Relations between columns that the numbers show, whatever the header says.

Every column is tried as the signed sum of two or three others, on every row at once.
A relation that holds within rounding on all but at most one of at least three rows
(or one in eight of many: two wrong figures in a long table do not hide each other),
with evidence that chance cannot explain (evidence.py), is the table's rule; the row
where it fails is reported. Of the equivalent forms of one relation (c = a - b,
a = b + c) the one whose target is labelled a result (saldo, verschil, totaal...) is
kept, else the one whose target is the sum of the others, else the one whose target
stands rightmost.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations, product

import numpy as np

from budget_checks.matrix import Matrix, margins
from budget_checks.recognize.evidence import needed
from budget_checks.recognize.roles import Vocabulary, is_difference_label, is_result_label, is_total_label, net_cost_rows
from budget_checks.tables import Relation, Table, Term
from budget_checks.tolerance import Tolerance

MAX_TERMS = 3
MIN_ROWS = 3


@dataclass(frozen=True, slots=True)
class ColumnRule:
    """A relation between columns, to be checked on every row."""

    code: str
    target: int
    terms: tuple[tuple[int, int], ...]  # (column, sign)
    holds: str
    source: str = "discovered"
    evidence: str = ""

    flipped: frozenset[int] = frozenset()  # rows that hold it with the target's sign turned (a verschil taken the other way)
    costs: frozenset[int] = frozenset()  # rows of costs whose verschil is taken the other way, as the table does (voordelig)

    def on(self, row: int) -> Relation:
        if row in self.costs:
            return Relation(self.code, (row, self.target), tuple([Term(row, c, -s) for c, s in self.terms]), turned_text(self.holds),
                            self.source, self.evidence)
        other = turned_text(self.holds) if row in self.flipped else ""
        return Relation(self.code, (row, self.target), tuple([Term(row, c, s) for c, s in self.terms]), self.holds, self.source, self.evidence,
                        other)


def turned_text(holds: str) -> str:
    target, _, rest = holds.partition(" = ")
    return f"-{target} = {rest}"


def column_rules(table: Table, m: Matrix, vocab: Vocabulary, tolerance: Tolerance,
                 taken: set[frozenset[int]] = frozenset()) -> list[ColumnRule]:
    """`taken`: column sets already related by the roles (saldo, lasten, baten)."""
    shares = share_rows(table)
    rows = [r for r, row in enumerate(table.rows) if row.placement in ("given", "placed") and m.known[r].any() and r not in shares]
    if len(rows) < MIN_ROWS:
        return []
    idx = np.array(rows)
    cols = [j for j in range(m.shape[1]) if not m.percent[j] and m.known[idx, j].sum() >= MIN_ROWS]
    if len(cols) < 3:
        return []
    values, known, half, shown = m.values[idx].T, m.known[idx].T, m.halfsteps[idx].T, m.shown[idx].T.astype(np.int64)
    floor = 10 * 10**m.decimals
    difference = [is_difference_label(column.label, vocab) for column in table.columns]
    total = [is_total_label(column.label, vocab) for column in table.columns]
    costly = net_cost_rows(table, m.values, m.known, vocab)
    costs = np.array([r in costly for r in rows])
    tried = 0
    found: dict[frozenset[int], tuple] = {}
    for size in range(2, MAX_TERMS + 1):
        signs = np.array(list(product((1, -1), repeat=size)), dtype=np.int64)  # (S, k)
        subsets = [list(keep) for n in range(size) for keep in combinations(range(size), n)]
        for target in cols:
            others = [c for c in cols if c != target]
            combos = np.array(list(combinations(others, size)), dtype=np.int64)  # (C, k)
            if not len(combos):
                continue
            tried += len(combos) * len(signs)
            contrib = values[combos][None] * signs[:, None, :, None]  # (S, C, k, R)
            residual = values[target] - contrib.sum(axis=2)  # (S, C, R)
            both = known[target] & known[combos].all(axis=1)  # (C, R)
            allowed = margins(half[target] + half[combos].sum(axis=1), shown[target] + shown[combos].sum(axis=1), m.decimals, tolerance)
            holds = both & (np.abs(residual) <= allowed)
            fails = both & ~holds
            informative = np.broadcast_to(both, holds.shape).copy()
            for keep in subsets:  # a place where fewer terms already give the target says nothing
                partial = contrib[:, :, keep, :].sum(axis=2) if keep else np.zeros_like(residual)
                informative &= partial != values[target]
            chance = (2 * allowed + 1) / (2 * np.maximum(np.abs(values[target]), floor) + 1)  # (C, R)
            evidence = np.where(holds & informative, -np.log10(np.minimum(chance, 1.0)), 0.0).sum(axis=-1)  # (S, C)
            held, failed = holds.sum(axis=-1), fails.sum(axis=-1)
            turned = both & (np.abs(values[target] + contrib.sum(axis=2)) <= allowed) & (values[target] != 0)  # (S, C, R)
            voordelig = turned & fails & costs if difference[target] else np.zeros_like(turned)  # (S, C, R)
            if voordelig.any():  # a verschil that is voordelig when positive: taken the other way on the rows of costs
                held, failed = held + voordelig.sum(axis=-1), failed - voordelig.sum(axis=-1)
            # all but one of at least three rows, or of many rows all but one in eight
            ok = (held >= 2) & (failed <= np.maximum(1, (held + failed) // 8)) & (held + failed >= MIN_ROWS) & (evidence > 0)
            for s, c in zip(*np.nonzero(ok)):
                terms = tuple(int(x) for x in combos[c])
                members = frozenset((target, *terms))
                if members in taken:
                    continue
                preferred = _preference(table, vocab, target, bool((signs[s] > 0).all()))
                old = found.get(members)
                if old is None or (preferred, evidence[s, c]) > (old[0], old[1]):
                    flipped = frozenset(rows[int(x)] for x in np.flatnonzero(turned[s, c] & fails[s, c] & ~voordelig[s, c]))
                    # the table takes the verschil of costs the other way: every row of costs, also one not yet placed
                    turned_costs = frozenset(costly) if voordelig[s, c].any() else frozenset()
                    found[members] = (preferred, float(evidence[s, c]), target, terms, tuple(int(x) for x in signs[s]),
                                      int(held[s, c]), int(failed[s, c]), flipped, turned_costs)
    out: list[ColumnRule] = []
    # a column that one relation explains on every row is not broken where another explains it less well
    clean = {entry[2] for entry in found.values() if entry[6] == 0 and entry[1] >= needed(tried, False, 0)}
    for _, score, target, terms, sign, held, failed, flipped, turned_costs in found.values():
        if failed and target in clean:
            continue
        # a column headed as a difference (`Verschil`) or a total (`Totaal`, a sum) says a relation is there;
        # the numbers say which
        if total[target] and all(x > 0 for x in sign):
            bar = needed(tried, True)
        elif difference[target] and sorted(terms) == [target - 2, target - 1] and sign[0] != sign[1]:
            bar = needed(2, True)  # `Begroting 2017 | Begroting 2018 | Verschil`: the two columns before it, one way or the other
        else:
            bar = needed(tried, False, 0 if difference[target] and len(terms) == 2 else failed)
        if score < bar:
            continue
        label = table.columns[target].label
        formula = f"{label} = " + " ".join(("+ " if s > 0 else "- ") + table.columns[c].label for c, s in zip(terms, sign)).removeprefix("+ ")
        out.append(ColumnRule("DR102", target, tuple(zip(terms, sign)), formula, "discovered", f"{held} van {held + failed} rijen", flipped, turned_costs))
    return out


def share_rows(table: Table) -> set[int]:
    """Rows of percentages among rows of amounts (`Beslag op weerstandsvermogen | 4% | 23% | 5%`):
    the relations between amount columns do not hold for them. None in a table of percentages."""
    shares: set[int] = set()
    amounts = False
    for r, row in enumerate(table.rows):
        if row.percentages:
            shares.add(r)
        elif not amounts:
            amounts = any(p is not None and p.is_number for p in row.parsed)
    return shares if amounts else set()


def _preference(table: Table, vocab: Vocabulary, column: int, sum_of_others: bool) -> int:
    """Which column of an equivalent relation is its target: a result by its label, else the sum of
    the others (a total, wherever it stands), else the rightmost."""
    return (2 if is_result_label(table.columns[column].label, vocab) else 0) * 1000 + int(sum_of_others) * 500 + column
