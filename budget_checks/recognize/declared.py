"""The identities a family declares, wherever its roles are recognised, in either orientation.

Columns with roles (lasten, baten, saldo in the header) give one relation per row and per
band of columns (each year group has its own lasten, baten and saldo); rows with roles
(a `Lasten`, a `Baten` and a `Saldo` row, per programme block) give one relation per
column. A family's identity may hold in more than one sign convention (saldo = lasten -
baten or baten - lasten): the convention most places fit is the table's, a legend on the
page that states one decides a tie, and a place that fits another convention than its
table's is marked (SC101 reports it beside the error).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from budget_checks.matrix import Matrix, evaluate, fixed_margin, margins
from budget_checks.recognize.cells import is_unit_note
from budget_checks.recognize.discover import ColumnRule, share_rows
from budget_checks.recognize.kept import Kept
from budget_checks.recognize.legends import stated_alternative
from budget_checks.recognize.roles import Vocabulary, is_difference_label, net_cost_rows, roles_of
from budget_checks.rulebook import IdentityRule, Rulebook, TableRule
from budget_checks.tables import SUBTOTAL, TOTAL, Relation, Table, Term
from budget_checks.tolerance import Tolerance


@dataclass(slots=True)
class Declared:
    relations: list[Relation]
    column_sets: set[frozenset[int]]  # columns tied by a declared relation (discovery leaves them alone)
    row_reductions: list[tuple[int, tuple[int, ...], tuple[int, ...]]]  # (target row, rows, signs): for the structure
    column_rules: list[ColumnRule] = field(default_factory=list)  # the chosen convention per band, for placement
    conventions: list[list[list[ColumnRule]]] = field(default_factory=list)  # per identity: every convention's rules
    flipped: set[tuple[int, int]] = field(default_factory=set)  # cells (a cost row's verschil) taken the other way


def declared(table: Table, m: Matrix, book: Rulebook, vocab: Vocabulary, tolerance: Tolerance) -> Declared:
    out = Declared([], set(), [])
    if table.rule.identities:
        shares = share_rows(table)  # a row of percentages does not follow the amounts' identity
        rows = [r for r, row in enumerate(table.rows) if row.placement != "heading" and r not in shares]
        planned = _planned(table, out)
        # every identity's rules evaluated at once: one matrix product per table, not one per identity
        places = _rule_places([mine for _, rules in planned for mine in rules], rows, m, tolerance)
        # the rows of costs, found once, where an identity's target is a verschil
        differences = [[_difference(table, rule, vocab) for mine in rules for rule in mine] for _, rules in planned]
        costs = net_cost_rows(table, m.values, m.known, vocab) & set(rows) if any(map(any, differences)) else set()
        for (identity, rules), different in zip(planned, differences):
            _by_columns(table, m, identity, rules, places[: len(rules)], rows, tolerance, costs if any(different) else set(), out, vocab)
            places = places[len(rules):]
    _by_rows(table, m, book, vocab, tolerance, out)
    return out


# ---------------------------------------------------------------- roles on columns


def _bands(table: Table) -> list[dict[str, int]]:
    """Per band: role -> column index."""
    bands: dict[int, dict[str, int]] = {}
    for j, column in enumerate(table.columns):
        if column.role and not column.group:
            bands.setdefault(column.band, {}).setdefault(column.role, j)
    return [bands[b] for b in sorted(bands)]


def _planned(table: Table, out: Declared) -> list[tuple[IdentityRule, list[tuple[ColumnRule, ...]]]]:
    """The identities whose roles the table's columns carry, each with its rules per alternative. The
    same columns under the same family give the same rules (kept: headers come back page after page)."""
    key = (tuple(table.columns), id(table.rule))
    kept = _PLANNED.get(key)
    if kept is None or kept[0] is not table.rule:
        bands, groups = _bands(table), table.groups()
        sets: set[frozenset[int]] = set()
        planned = [(identity, [tuple(mine) for mine in rules]) for identity in table.rule.identities
                   if any(rules := _column_rules(table, identity, bands, groups, sets))]
        kept = _PLANNED.keep(key, (table.rule, planned, frozenset(sets)))
    out.column_sets |= kept[2]
    return kept[1]


_PLANNED = Kept(1024)  # columns and family -> (the family's rule, its identities with their rules, the columns they tie)


def _column_rules(table: Table, identity: IdentityRule, bands: list[dict[str, int]], groups: dict[str, list[str]],
                  column_sets: set[frozenset[int]]) -> list[list[ColumnRule]]:
    """Per alternative of the identity, its rule in each band of columns that carries the identity's
    roles (`bands`, `groups`: the table's columns by band and role, and by group); the columns tied by
    its first alternative go to `column_sets`."""
    rules: list[list[ColumnRule]] = [[] for _ in identity.alternatives]  # per alternative, one per band
    for band in bands:
        for a, alternative in enumerate(identity.alternatives):
            target = alternative.terms[0]
            if target.group or target.name not in band:
                break
            terms: list[tuple[int, int]] = []  # (column, sign)
            for term in alternative.terms[1:]:
                if term.group:
                    terms += [(table.column_index(k), -term.sign) for k in groups.get(term.name, [])]
                elif term.name in band:
                    terms.append((band[term.name], -term.sign))
                else:
                    break
            else:
                if not terms:
                    break
                rules[a].append(ColumnRule(identity.doc.code, band[target.name], tuple(terms), alternative.text.replace("==", "="), "declared"))
                if a == 0:
                    column_sets.add(frozenset([band[target.name], *(c for c, _ in terms)]))
    return rules


def _difference(table: Table, rule: ColumnRule, vocab: Vocabulary) -> bool:
    return is_difference_label(table.columns[rule.target].label, vocab)


def _by_columns(table: Table, m: Matrix, identity: IdentityRule, rules: list[tuple[ColumnRule, ...]], per_alternative: list[_Places],
                rows: list[int], tolerance: Tolerance, costs: set[int], out: Declared, vocab: Vocabulary) -> None:
    """`rules`, `per_alternative`: the identity's rules per alternative and where they fit; `rows`: the rows
    that follow the identity (no headings, no rows of percentages); `costs`: those of them that are costs,
    where the identity's target is a verschil (else none)."""
    out.conventions.append([mine for mine in rules if mine])
    if costs and len(costs) < len(rows):
        # a verschil that is voordelig when positive is taken the other way on the rows of costs
        apart = [places.where(costs, True) for places in per_alternative]
        per_alternative = [places.where(costs, False) for places in per_alternative]
        chosen = _choose(table, m, identity, per_alternative, tolerance, out)
        if _choose(table, m, identity, apart, tolerance, out) not in (None, chosen):
            targets = {rule.target for mine in rules for rule in mine if _difference(table, rule, vocab)}
            out.flipped |= {(r, j) for r in costs for j in targets}
    else:
        chosen = _choose(table, m, identity, per_alternative, tolerance, out)
    if chosen is not None:
        out.column_rules += rules[chosen]


# ---------------------------------------------------------------- roles on rows


def _by_rows(table: Table, m: Matrix, book: Rulebook, vocab: Vocabulary, tolerance: Tolerance, out: Declared) -> None:
    """Blocks of rows with roles: a role that comes back, or a heading that names something, starts a new block."""
    blocks: list[dict[str, dict[str, int]]] = []  # per block: family -> role -> row
    current: dict[str, dict[str, int]] = {}
    for r, row in enumerate(table.rows):
        if row.placement == "heading":
            if current and _names_something(row.label, vocab):
                blocks.append(current)  # a name (`Onvoorzien`) opens the next block; `Baten` is a section of this one
                current = {}
            continue
        roles = [role for role in roles_of(row.label, vocab) if not role.group]
        if any(role.key in current.get(role.kind, {}) for role in roles):
            blocks.append(current)
            current = {}
        for role in roles:
            current.setdefault(role.kind, {}).setdefault(role.key, r)
    if current:
        blocks.append(current)
    kinds = {kind for block in blocks for kind, roles in block.items() if len(roles) >= 2}
    if not kinds:
        return  # no block holds two rows of one family's roles: no identity between rows to declare
    rules = sorted((rule for rule in book.tables if rule.kind in kinds), key=lambda rule: rule.kind != table.kind)
    for rule in rules:
        for identity in rule.identities:
            _rows_identity(table, m, rule, identity, blocks, vocab, tolerance, out)


def _names_something(label: str, vocab: Vocabulary) -> bool:
    """A heading that may open the next block (`Onvoorzien`); not a role (`Baten` is a section of this
    block), a unit note or a tile's progress (`x € 1.000`, `16,16% Complete`) between its rows."""
    first = label.split(maxsplit=1)[0] if label.strip() else ""
    return not roles_of(label, vocab) and not is_unit_note(label) and not first.endswith("%")


def _rows_identity(table: Table, m: Matrix, rule: TableRule, identity: IdentityRule, blocks, vocab: Vocabulary, tolerance: Tolerance,
                   out: Declared) -> None:
    per_alternative: list[list[Relation]] = [[] for _ in identity.alternatives]
    reductions: list[tuple[int, tuple[int, ...], tuple[int, ...]]] = []
    amounts = [j for j in range(len(table.columns)) if not m.percent[j]]  # a column of percentages has no saldo
    for block in blocks:
        roles = block.get(rule.kind, {})
        first = identity.alternatives[0]
        if any(t.group or t.name not in roles for t in first.terms):
            continue
        target = roles[first.terms[0].name]
        members = sorted(roles[t.name] for t in first.terms)
        between = [r for r in range(members[0], members[-1] + 1) if table.rows[r].placement != "heading"]
        if len(between) != len(members):
            continue  # the rows of a line item (lasten, baten, saldo) stand together; apart, they name other things
        for a, alternative in enumerate(identity.alternatives):
            rows = [(roles[t.name], -t.sign) for t in alternative.terms[1:]]
            text = alternative.text.replace("==", "=")
            for j in amounts:
                per_alternative[a].append(Relation(identity.doc.code, (target, j), tuple(Term(r, j, s) for r, s in rows), text))
        reductions.append((target, tuple(r for r, _ in rows), ()))
    if not reductions:
        return
    # a verschil column may take the difference the other way round than the amounts beside it
    differs = [is_difference_label(column.label, vocab) for column in table.columns]
    if any(differs) and not all(differs):
        apart = [[r for r in relations if differs[r.target[1]]] for relations in per_alternative]
        per_alternative = [[r for r in relations if not differs[r.target[1]]] for relations in per_alternative]
        _choose(table, m, identity, [_Places.of(p, m, tolerance) for p in apart], tolerance, out)
    chosen = _choose(table, m, identity, [_Places.of(p, m, tolerance) for p in per_alternative], tolerance, out)
    if chosen is not None:
        alternative = identity.alternatives[chosen]
        for target, rows, _ in reductions:
            signs = tuple(-t.sign for t in alternative.terms[1:])
            out.row_reductions.append((target, rows, signs))


# ---------------------------------------------------------------- sign conventions


@dataclass(slots=True)
class _Places:
    """One convention's relations: whether each fits (and is known), and the relations themselves,
    made only for the convention that is kept. Plain lists: they are few, and read one by one."""

    fits: list[bool]
    known: list[bool]
    rows: list[int]  # the target row of each place
    make: Callable[[], list[Relation]]

    def __len__(self) -> int:
        return len(self.fits)

    def relations(self) -> list[Relation]:
        return self.make()

    def where(self, rows: set[int], inside: bool) -> "_Places":
        """The places whose target row is (or is not) one of `rows`."""
        mask = [(r in rows) == inside for r in self.rows]
        make = self.make
        return _Places([f for f, x in zip(self.fits, mask) if x], [k for k, x in zip(self.known, mask) if x],
                       [r for r, x in zip(self.rows, mask) if x], lambda: [rel for rel in make() if (rel.target[0] in rows) == inside])

    @classmethod
    def of(cls, relations: list[Relation], m: Matrix, tolerance: Tolerance) -> "_Places":
        e = evaluate(relations, m, tolerance)
        return cls((e.known & (np.abs(e.residual) <= e.allowed)).tolist(), e.known.tolist(), [rel.target[0] for rel in relations],
                   lambda: relations)


def _rule_places(per_alternative: list[tuple[ColumnRule, ...]], rows: list[int], m: Matrix, tolerance: Tolerance) -> list[_Places]:
    """Relations between columns on every row, per alternative, all evaluated at once."""
    flat = [rule for mine in per_alternative for rule in mine]
    if not flat or not rows:
        return [_no_places() for _ in per_alternative]
    reading = _fits_plain if len(flat) * len(rows) <= _PLAIN_PLACES else _fits_matrix
    fits, known = reading(flat, rows, m, tolerance)  # rule x row
    out, k = [], 0
    for mine in per_alternative:
        if not mine:
            out.append(_no_places())
            continue
        out.append(_Places([f for line in fits[k:k + len(mine)] for f in line], [x for line in known[k:k + len(mine)] for x in line],
                           rows * len(mine), _maker(mine, rows)))
        k += len(mine)
    return out


_PLAIN_PLACES = 32  # below so many places (rules x rows), numpy's fixed cost per call is more than the arithmetic


def _fits_matrix(flat: list[ColumnRule], rows: list[int], m: Matrix, tolerance: Tolerance) -> tuple[list[list[bool]], list[list[bool]]]:
    """(fits, known), rule x row: one column of coefficients per rule, so every rule's residual, margin
    and knownness is one matrix product (many small numpy calls per rule cost more than the arithmetic)."""
    idx = np.array(rows, dtype=np.int64)
    signs_a, counts_a, used, needed_cells = _coefficients(tuple((rule.target, rule.terms) for rule in flat), m.values.shape[1])
    residual = m.values[idx] @ signs_a
    ok = m.known[idx].astype(np.int64) @ used == needed_cells
    allowed = margins(m.halfsteps[idx] @ counts_a, m.shown[idx].astype(np.int64) @ counts_a, m.decimals, tolerance)
    return (ok & (np.abs(np.where(ok, residual, 0)) <= allowed)).T.tolist(), ok.T.tolist()


def _fits_plain(flat: list[ColumnRule], rows: list[int], m: Matrix, tolerance: Tolerance) -> tuple[list[list[bool]], list[list[bool]]]:
    """`_fits_matrix` place by place, for a few rows (a goal's one-row table)."""
    values, known, halfsteps, _ = m.as_lists()
    fixed = fixed_margin(m.decimals, tolerance)
    fits, knowns = [], []
    for rule in flat:
        cells = [(rule.target, 1), *((c, -s) for c, s in rule.terms)]
        fit_line, known_line = [], []
        for r in rows:
            ok = all(known[r][c] for c, _ in cells)
            known_line.append(ok)
            if ok:
                residual = sum(sign * values[r][c] for c, sign in cells)
                allowed = sum(halfsteps[r][c] for c, _ in cells) // 2 if fixed is None else fixed
                ok = abs(residual) <= allowed
            fit_line.append(ok)
        fits.append(fit_line)
        knowns.append(known_line)
    return fits, knowns


@lru_cache(maxsize=1024)  # the same header gives the same rules on page after page
def _coefficients(rules: tuple[tuple[int, tuple[tuple[int, int], ...]], ...], columns: int):
    """Per rule (target, terms), one column of coefficients: column x rule signs (+1 the target, minus
    a term's sign), how often the rule uses each column, whether it does, and how many cells it needs."""
    signs = [[0] * len(rules) for _ in range(columns)]
    counts = [[0] * len(rules) for _ in range(columns)]
    for k, (target, terms) in enumerate(rules):
        signs[target][k] += 1
        counts[target][k] += 1
        for c, s in terms:
            signs[c][k] -= s
            counts[c][k] += 1
    signs_a, counts_a = np.array(signs, dtype=np.int64), np.array(counts, dtype=np.int64)
    used = (counts_a > 0).astype(np.int64)
    for array in (signs_a, counts_a, used):
        array.flags.writeable = False  # shared between calls
    return signs_a, counts_a, used, used.sum(axis=0)


def _no_places() -> _Places:
    return _Places([], [], [], list)


def _maker(rules: list[ColumnRule], rows: list[int]) -> Callable[[], list[Relation]]:
    return lambda: [rule.on(r) for rule in rules for r in rows]


def _choose(table: Table, m: Matrix, identity: IdentityRule, per_alternative: list[_Places], tolerance: Tolerance,
            out: Declared) -> int | None:
    """Keep the relations of the convention most places fit (a stated one wins a tie)."""
    if not per_alternative or not len(per_alternative[0]) or any(len(p) != len(per_alternative[0]) for p in per_alternative):
        per_alternative = [p for p in per_alternative if len(p)]
        if not per_alternative:
            return None
    fits = [places.fits for places in per_alternative]
    known = per_alternative[-1].known
    score = [float(sum(f)) for f in fits]
    if len(score) > 1 and sorted(score)[-1] == sorted(score)[-2]:  # a tie: what the page states decides
        stated = stated_alternative(table, identity)
        if stated is not None and stated < len(score):
            score[stated] += 0.5
    chosen = max(range(len(score)), key=score.__getitem__)  # the first best, as argmax
    relations = per_alternative[chosen].relations()  # only the chosen convention's relations are made
    unfit = _unfit(table, relations, fits[chosen], known)
    code = identity.doc.code
    if table.alternatives.get(code) is None:
        table.alternatives[code] = chosen
        text = identity.alternatives[chosen].text.replace("==", "=")
        table.convention = "; ".join(x for x in (table.convention, text) if x and text not in table.convention)
    for i, relation in enumerate(relations):
        if unfit and relation.target[1 if _per_row(relation) else 0] in unfit:
            continue
        other = ""
        if not fits[chosen][i]:
            for a, f in enumerate(fits):
                if a != chosen and i < len(f) and f[i]:
                    other = identity.alternatives[a].text.replace("==", "=")
                    break
        if other:
            relation = Relation(relation.code, relation.target, relation.terms, relation.holds, relation.source, relation.evidence, other)
        out.relations.append(relation)
    return chosen


def _per_row(relation: Relation) -> bool:
    """A relation between columns of one row (else between rows of one column)."""
    return all(t.row == relation.target[0] for t in relation.terms)


def _unfit(table: Table, relations: list[Relation], fits: list[bool], known: list[bool] | None) -> set[int]:
    """Columns (of a relation between columns) or rows (of one between rows) where the roles do not
    fit the numbers: the convention that fits best fails on more places than it holds (two at least).
    The header or the labels were read wrongly there; their identity is not the table's. A total
    row is not counted: a wrong figure in a part makes its total fail too."""
    if len(relations) < 3:
        return set()  # no place with three relations
    places: dict[int, list[bool]] = {}
    for relation, fit, k in zip(relations, fits, known if known is not None else fits):
        if k and not (_per_row(relation) and table.rows[relation.target[0]].role in (TOTAL, SUBTOTAL)):
            places.setdefault(relation.target[1 if _per_row(relation) else 0], []).append(bool(fit))
    return {place for place, seen in places.items() if len(seen) >= 3 and len(seen) - sum(seen) > max(1, sum(seen))}
