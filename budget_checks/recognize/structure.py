"""Totals and results between rows: which rows a row closes (or opens), found with the numbers.

The rows are read as a shift-reduce parse. Going down the table, every row is pushed on
a stack; a row that equals the signed sum of the rows on top of the stack (a Totaal
under its parts, a saldo under lasten and baten, a result under a saldo and a mutation)
takes their place, so that a grand total sums its subtotals and not their parts again.
Then the same is done going up over what is left, for totals printed above their parts
(`Vaste activa` over `Immateriële`, `Materiële`, `Financiële vaste activa`).

A row whose label says it is a total, a row without a label, a row named like the heading
its block opened with, a row over a run of `waarvan` rows (its parts) and the table's last row
labelled a result (it sums the block above it) need little evidence from the numbers, a group of
one row under its own name none; any other row is a
result only where its relation holds in all but one of at least three columns with
evidence that chance cannot explain. Signs other than plus are tried only where a label
says the row is a difference or a result (saldo, verschil, resultaat, ...).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import product

from budget_checks.matrix import Matrix
from budget_checks.recognize.evidence import needed
from budget_checks.recognize.roles import Vocabulary, is_part_label, is_result_label, is_total_label, norm
from budget_checks.recognize.windowfit import cumulative_fits, window_fits
from budget_checks.tables import Relation, Table, Term
from budget_checks.tolerance import Tolerance

MAX_WINDOW = 12  # rows a row may close when only the numbers say it is a total
MAX_LABELLED = 60  # rows a row labelled as a total may close
MAX_SIGNED = 3  # rows whose signs are all tried when a label says the row is a difference
MAX_SIGNED_WIDE = 10  # the same over more rows, where three or more columns tell the patterns apart
_SIGNED = {k: [p for p in product((1, -1), repeat=k) if any(x < 0 for x in p)] for k in range(2, 11)}
MAX_PASSES = 4  # down and up again: totals printed above their parts first make totals below them visible
RELAXED = 2.5  # evidence a row needs once the table's totals have shown their pattern elsewhere


@dataclass(frozen=True, slots=True)
class Fit:
    held: int
    failed: int
    evidence: float


@dataclass(slots=True)
class _Found:
    target: int
    window: tuple[int, ...]
    signs: tuple[int, ...]
    fit: Fit
    labelled: bool


def row_relations(table: Table, m: Matrix, vocab: Vocabulary, tolerance: Tolerance, code: str,
                  given: list[tuple[int, tuple[int, ...], tuple[int, ...]]] = ()) -> list[Relation]:
    """Relations between rows, per column. `given`: (target, rows, signs) already known from the
    roles (a saldo row under its lasten and baten rows), taken as reductions."""
    # a row with no value at all (a group's name over its items) stands aside like a heading
    rows = [r for r, row in enumerate(table.rows) if row.placement != "heading" and (row.loose or any(c is not None for c in row.cells))]
    if len(rows) < 2 or m.shape[1] == 0:
        return []
    headings = _headings(table)
    known: list[_Found] = [_Found(target, window, signs, None, True) for target, window, signs in given]  # type: ignore[arg-type]
    # what the numbers alone show first, then what the labels add: a Totaal row takes whatever rows
    # add up to it, so the groups under it must be known before it is read
    _passes(table, m, vocab, tolerance, rows, headings, known)
    known = _single_items(table, m, vocab, tolerance, rows, headings, known)
    closing = _grand_total(table, m, vocab, tolerance, rows, known)
    if closing is not None:
        known.append(closing)
    targets = {f.target for f in known}
    return [rel for f in known[len(given):] for rel in _relations(table, m, _result_below(table, m, tolerance, f, vocab, targets), code, vocab)]


def _passes(table: Table, m: Matrix, vocab: Vocabulary, tolerance: Tolerance, rows: list[int], headings: dict[int, str],
            known: list[_Found]) -> None:
    memo: dict[tuple, _Found | None] = {}
    for labels, relaxed in ((False, False), (False, True), (True, False), (True, True)):
        if relaxed and (not known or _all_placed(rows, known)):
            continue  # no pattern shown yet (no weaker evidence is taken), or every row has its place already
        for _ in range(MAX_PASSES):
            before = len(known)
            _parse(table, m, vocab, tolerance, rows, headings, known, True, relaxed, labels, memo)
            _parse(table, m, vocab, tolerance, rows, headings, known, False, relaxed, labels, memo)
            if len(known) == before:
                break


def _single_items(table: Table, m: Matrix, vocab: Vocabulary, tolerance: Tolerance, rows: list[int], headings: dict[int, str],
                  known: list[_Found]) -> list[_Found]:
    """A category with one item (`Liquide middelen` over `Bank- en girosaldi`, the same figures in
    every column) is a group of one. The numbers cannot tell it from two items that happen to be
    equal, so it is taken only where a Totaal the parse left unplaced then closes its block."""
    targets = {f.target for f in known}
    placed = targets | {w for f in known for w in f.window}
    open_totals = [r for r in rows if r not in targets and is_total_label(table.rows[r].label, vocab)]
    if not open_totals:
        return known
    pairs = [_Found(a, (b,), (1,), Fit(int(m.known[a].sum()), 0, 0.0), True) for a, b in zip(rows, rows[1:])
             if a not in placed and b not in placed and m.known[a].all() and m.known[b].all()
             and (m.values[a] == m.values[b]).all() and int((m.values[a] != 0).sum()) >= 2]
    if not pairs:
        return known
    trial = known + pairs
    _passes(table, m, vocab, tolerance, rows, headings, trial)
    added = trial[len(known) + len(pairs):]
    if not any(f.target in open_totals for f in added):
        return known
    used = {w for f in added for w in f.window}
    return known + [p for p in pairs if p.target in used] + added


def _all_placed(rows: list[int], known: list[_Found]) -> bool:
    placed = {f.target for f in known} | {w for f in known for w in f.window}
    return all(r in placed for r in rows)


def _result_below(table: Table, m: Matrix, tolerance: Tolerance, f: _Found, vocab: Vocabulary, targets: set[int]) -> _Found:
    """A row over two rows that add up to it, the last labelled a result (`Beschikbare capaciteit`,
    `Benodigde capaciteit`, `Surplus`; `Berekend saldo`, `Referentiewaarde`, `Tekort`), or a total
    under a `waarvan` row (`Totaal`, `Waarvan incidenteel`, `Totaal structureel`): the result is the
    difference printed under the rows it follows from, so a finding stands on its line."""
    if len(f.window) != 2 or not _is_upward(f) or any(s != 1 for s in f.signs):
        return f
    top, part, last = table.rows[f.target].label, table.rows[min(f.window)].label, table.rows[max(f.window)].label
    if max(f.window) in targets:
        return f
    result = not f.labelled and is_result_label(last, vocab) and not is_total_label(top, vocab)
    rest = is_part_label(part, vocab) and (is_total_label(last, vocab) or is_result_label(last, vocab))
    if not (result or rest):
        return f
    result_row, window = max(f.window), (f.target, min(f.window))
    if f.fit is not None and f.fit.failed:
        # where the difference breaks, the numbers may show the sum (`Saldo` = the two rows above it)
        (held, failed, evidence), = window_fits(m, tolerance, result_row, window, [(1, 1)], 1)
        if failed == 0 and held > f.fit.held:
            return _Found(result_row, window, (1, 1), Fit(held, failed, evidence), f.labelled)
    return _Found(result_row, window, (1, -1), f.fit, f.labelled)


def _grand_total(table: Table, m: Matrix, vocab: Vocabulary, tolerance: Tolerance, rows: list[int], known: list[_Found]) -> _Found | None:
    """The table's last row, labelled only a total (`Totaal`, `Totaal generaal`) or not at all, that the numbers did not
    place: it closes what stands above it at the top level (a subtotal, not its parts again), and a
    difference everywhere is an error, not a reason to doubt it."""
    last = rows[-1]
    words = norm(table.rows[last].label).split()
    if not all(w in vocab.totals for w in words):
        return None  # `Totaal`, `Totaal generaal` or no label: the whole table's total, not a section's (`Totaal vaste passiva`)
    inner = {w for f in known for w in f.window}
    if last in inner or any(f.target == last for f in known):
        return None
    window = tuple(r for r in rows[:-1] if r not in inner)
    if len(window) < 2 or not m.known[last].any():
        return None
    if not words and not all(table.rows[r].label.strip() for r in window):
        return None  # a row without a label closes named parts; among rows without names it is one of them
    (held, failed, evidence), = window_fits(m, tolerance, last, window, [(1,) * len(window)], 1)
    return _Found(last, window, (1,) * len(window), Fit(held, failed, evidence), True)


def _headings(table: Table) -> dict[int, str]:
    """Row index -> the label of the heading right above it."""
    out: dict[int, str] = {}
    last = ""
    for r, row in enumerate(table.rows):
        if row.placement == "heading":
            last = norm(row.label)
            continue
        if last:
            out[r] = last
            last = ""
    return out


def _inside(known: list[_Found], upward: bool) -> set[int]:
    """Rows that totals of the other direction hold (a total printed above its parts holds them
    for a pass going down): such a pass sees only the total."""
    children = {f.target: f.window for f in known}
    out: set[int] = set()
    todo = [w for f in known if _is_upward(f) != upward for w in f.window]
    while todo:
        r = todo.pop()
        if r not in out:
            out.add(r)
            todo += children.get(r, ())
    return out


def _is_upward(f: _Found) -> bool:
    return bool(f.window) and min(f.window) > f.target


def _parse(table: Table, m: Matrix, vocab: Vocabulary, tolerance: Tolerance, rows: list[int], headings: dict[int, str],
           known: list[_Found], upward: bool, relaxed: bool, labels: bool, memo: dict) -> None:
    """One pass down (a row closes the rows above it) or up (a row opens the rows below it)."""
    # going down, a total printed above its parts stands for them; going up, every row is seen, and a
    # group found inside a total below it takes its parts' place in that total
    found = known  # what the pass finds goes to the caller's list, whatever this pass reads it as
    if not upward:  # a result found going up (`Surplus` under the rows it follows from) stands where it is printed
        targets = {f.target for f in known}
        known = [_result_below(table, m, tolerance, f, vocab, targets) for f in known]
    inside = set() if upward else _inside(known, upward)
    mine = {f.target: f for f in known if _is_upward(f) == upward}
    stack: list[int] = []
    for r in (reversed(rows) if upward else rows):
        if r in inside:
            continue
        done = mine.get(r)
        if done is not None:  # known already: it takes its rows' place
            stack = [s for s in stack if s not in done.window]
            stack.append(r)
            continue
        # what a row may close is the top of the stack only (and whether the stack is that short)
        # the labels change the answer only for a row they may name a total (going down) or one with parts under it (going up)
        named = labels and ((not upward and (not table.rows[r].label.strip() or bool(headings) or is_total_label(table.rows[r].label, vocab)
                                              or _closes_table(table, r)))
                            or (upward and bool(stack) and is_part_label(table.rows[stack[-1]].label, vocab)))
        key = (r, tuple(stack[-MAX_LABELLED:]), min(len(stack), MAX_LABELLED + 1), upward, relaxed, named)
        if key not in memo:
            memo[key] = _best(table, m, vocab, tolerance, r, stack, headings, upward, relaxed, labels)
        best = memo[key]
        if best is not None and (not upward or _nest(known, best)):
            found.append(best)
            del stack[len(stack) - len(best.window) :]
        stack.append(r)


def _nest(known: list[_Found], group: _Found) -> bool:
    """A total printed above its parts, found among the rows of a total below them: the total below
    then adds the group, not its parts. False when the group would straddle such a total's rows."""
    parts = set(group.window)
    for i, other in enumerate(known):
        if _is_upward(other) or not (parts & set(other.window)):
            continue
        if group.target in other.window or not parts <= set(other.window):
            return False
        window = [w for w in other.window if w not in parts]
        signs = [s for w, s in zip(other.window, other.signs) if w not in parts]
        first = min(other.window.index(w) for w in parts)
        window.insert(first, group.target)
        signs.insert(first, other.signs[other.window.index(group.window[0])])
        known[i] = _Found(other.target, tuple(window), tuple(signs), other.fit, other.labelled)
    return True


def _best(table: Table, m: Matrix, vocab: Vocabulary, tolerance: Tolerance, r: int, stack: list[int],
          headings: dict[int, str], upward: bool, relaxed: bool, labels: bool = True) -> _Found | None:
    if not stack or not m.known[r].any():
        return None
    label = table.rows[r].label
    # `Totaal lasten` is a sum; `Saldo`, `Totaal resultaat` may be a difference
    result = is_result_label(label, vocab, besides=vocab.totals) and not upward
    # a Totaal row or a row without label closes the rows above it; going up, only the numbers speak
    total = labels and not upward and (is_total_label(label, vocab) or not label.strip())
    opened_by = _opened_by(table, r, stack, headings) if labels and not upward else None
    # going up, a run of `waarvan` rows right under a row is made of its parts (or its first rows are)
    parts = _parts_under(table, stack, vocab) if labels and upward else 0
    # the table's last row, labelled a result (`Saldo begroting inclusief reserves`), sums the rows above it
    closing = labels and result and not total and _closes_table(table, r)
    labelled = total or opened_by is not None or parts > 0 or closing
    kmax = min(len(stack), MAX_LABELLED if total else MAX_WINDOW)
    order = stack[::-1][:kmax]  # the nearest row first: window k is order[:k]
    # a group of one row names it, or begins its name (`Voorzieningen` over `Voorzieningen voor verplichtingen`)
    child, name = norm(table.rows[order[0]].label), norm(label)
    same = bool(name) and (child == name or child.startswith(name + " "))
    # which window sizes k may close, as a plain list: numpy's calls on a few elements cost more than the steps
    allowed = [True] * kmax
    if not (same or labelled):
        allowed[0] = False  # one row equal to another is a total of one only where the labels say so
    if parts:
        allowed = [a and k <= parts for k, a in enumerate(allowed, 1)]
    if closing:
        allowed = [a and k == len(stack) for k, a in enumerate(allowed, 1)]  # all of the block above it, not some of its rows
    if opened_by is not None:  # a row named like its block's heading closes exactly that block
        allowed = [a and k == len(stack) - opened_by for k, a in enumerate(allowed, 1)]
    boundary = [len(stack) - k == 0 or order[k - 1] in headings for k in range(1, kmax + 1)]
    candidates: list[tuple[tuple, int, tuple[int, ...], Fit]] = []  # (key, k, signs, fit)
    tried = 0
    plus = [1] * kmax
    operators = [table.rows[w].sign for w in order]
    cumulative = [plus]
    if any(operators) and any(x != 1 for x in operators):
        if 0 in operators:  # the row a run of operators starts from (`1. Exploitatiesaldo`) carries none: it adds
            operators[operators.index(0)] = 1
        cumulative.append(operators)
    nonzero = 1 if relaxed else 2
    for signs in cumulative:
        unsigned = signs.index(0) if 0 in signs else kmax  # no window reaches past a row without an operator
        valid = [a and k <= unsigned for k, a in enumerate(allowed, 1)]
        held, failed, evidence = cumulative_fits(m, tolerance, r, order, signs, nonzero)
        tried += sum(valid)
        for k in range(kmax):
            if valid[k] and held[k] > 0:
                fit = Fit(held[k], failed[k], evidence[k])
                key = (fit.held - fit.failed, round(fit.evidence, 6), int(boundary[k]))
                candidates.append((key, k + 1, tuple(signs[: k + 1]), fit))
    if result and not closing:  # a closing result sums its block; other signs only where the numbers show them
        columns = int(m.known[r].sum())
        limit = MAX_SIGNED_WIDE if columns >= 3 else MAX_SIGNED
        for k in range(2, min(kmax, limit) + 1):
            if not allowed[k - 1]:
                continue
            patterns = _SIGNED[k]
            tried += len(patterns)
            window = tuple(order[:k])
            for signs, (held, failed, evidence) in zip(patterns, window_fits(m, tolerance, r, window, patterns, nonzero)):
                if held:
                    fit = Fit(held, failed, evidence)
                    candidates.append(((held - failed, round(evidence, 6), int(boundary[k - 1])), k, signs, fit))
    if not candidates:
        return None
    rank, best = 0, None
    for i, candidate in enumerate(candidates):
        if best is None or candidate[0] > best[0]:
            best, rank = candidate, i + 1
    _, k, signs, f = best
    window = tuple(reversed(order[:k]))
    signs = tuple(reversed(signs))
    found = _Found(r, window, signs, f, labelled or (k == 1 and same))
    if k == 1 and child == name:  # a group of one row under its own name: the names say it all
        ok = f.held >= max(1, f.failed)
    elif found.labelled:  # a total that closes its whole block: the label and the block's edge chose the rows
        ok = f.evidence >= needed(1 if best[0][2] else tried, True) and f.held >= f.failed
    elif relaxed:  # the table's pattern is known: a place where it holds says which rows, one failure is reported
        ok = f.evidence >= RELAXED + math.log10(rank) and f.failed <= 1
    else:  # everywhere (then it only shapes the parse), or everywhere but once
        ok = f.evidence >= needed(tried, False, f.failed) and f.held >= 2 and f.failed <= 1
    return found if ok else None


def _closes_table(table: Table, r: int) -> bool:
    """The row is the table's last row of values."""
    return all(row.placement == "heading" for row in table.rows[r + 1 :])


def _parts_under(table: Table, stack: list[int], vocab: Vocabulary) -> int:
    """How many rows right under this one (the top of an upward stack) are labelled as its parts."""
    count = 0
    for r in reversed(stack):
        if not is_part_label(table.rows[r].label, vocab):
            break
        count += 1
    return count


def _opened_by(table: Table, r: int, stack: list[int], headings: dict[int, str]) -> int | None:
    """The stack position of the first row of the block whose heading carries this row's name."""
    name = norm(table.rows[r].label)
    if not name:
        return None
    for pos in range(len(stack) - 1, max(-1, len(stack) - 1 - MAX_LABELLED), -1):  # no window reaches deeper
        heading = headings.get(stack[pos])
        if heading and (heading == name or name.endswith(" " + heading) or heading.endswith(" " + name)):
            return pos
    return None


def _relations(table: Table, m: Matrix, f: _Found, code: str, vocab: Vocabulary) -> list[Relation]:
    label = table.rows[f.target].label or "(rij zonder naam)"
    if not f.labelled and (is_total_label(table.rows[f.target].label, vocab) or not table.rows[f.target].label.strip()):
        f = _Found(f.target, f.window, f.signs, f.fit, True)  # found by its numbers first, named a total by its label
    if all(s > 0 for s in f.signs):
        holds = f"{label} = som van {len(f.window)} rij{'en' if len(f.window) > 1 else ''}"
    else:
        holds = f"{label} = " + " ".join(("+ " if s > 0 else "- ") + (table.rows[w].label or "rij") for w, s in zip(sorted(f.window), _sorted_signs(f))).lstrip("+ ")
    source = "structure" if f.labelled else "discovered"
    evidence = "" if f.labelled else f"{f.fit.held} van {f.fit.held + f.fit.failed} kolommen"
    out = []
    for j in range(m.shape[1]):
        terms = tuple(Term(w, j, s) for w, s in zip(f.window, f.signs))
        out.append(Relation(code if f.labelled else "DR101", (f.target, j), terms, holds, source, evidence))
    return out


def _sorted_signs(f: _Found) -> list[int]:
    return [s for _, s in sorted(zip(f.window, f.signs))]
