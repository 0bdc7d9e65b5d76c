"""Balances rolled forward: a stand at one moment, the mutations, the stand at the next.

    Omschrijving   31-12-2018   Vermeerderingen   Verminderingen   31-12-2019
    Reserve A       20.777.557        1.761.114        5.044.143   17.494.528

A column that holds a balance at a moment (a date, or a stand, saldo or boekwaarde with a
date or year) follows from the balance column before it and the mutation columns between
them: each mutation adds or takes away. The headings say that the relation is there; which
way a mutation goes follows from its heading (toevoegingen add, onttrekkingen take away) or,
where the heading does not say or the page shows the amounts with a minus, from the rows:
the signs most rows fit, rows whose empty cells were dropped included (one of their readings
must fit), as long as more rows fit than not.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations, product

from budget_checks.numbers import YEAR_IN, Kind
from budget_checks.recognize.cells import amount_of
from budget_checks.recognize.discover import ColumnRule
from budget_checks.recognize.roles import Vocabulary, norm
from budget_checks.tables import Table
from budget_checks.tolerance import Tolerance

CODE = "RV101"
_MOMENT = re.compile(r"(?<!\d)\d{1,2}[-/ .]\d{1,2}(?:[-/ .](?:\d{4}|\d{2}))?(?!\d)|\b\d{1,2}\s+(?:januari|december)\b|\b1\s*-\s*1\b|\b31\s*-\s*12\b", re.IGNORECASE)
_MIN_ROWS = 2
_MAX_MUTATIONS = 5
_MAX_READINGS = 40


def is_balance(label: str, vocab: Vocabulary) -> bool:
    words = norm(label).split()
    moment = _names_moment(label)
    if moment and not any(w in vocab.increases or w in vocab.decreases for w in words):
        return True
    return any(w in vocab.balances for w in words[:2]) and bool(YEAR_IN.search(label) or moment)


@lru_cache(maxsize=1 << 14)  # column labels recur on every page; the regex is slow on the ones without a date
def _names_moment(label: str) -> bool:
    return _MOMENT.search(label) is not None


def roll_forward_rules(table: Table, vocab: Vocabulary, tolerance: Tolerance) -> list[ColumnRule]:
    """One rule per pair of balance columns with mutation columns between them, if the rows bear it out."""
    if len(table.rows) < _MIN_ROWS:
        return []  # too few rows to bear a rule out (most tables of one row: a goal's figures)
    balances = [j for j, c in enumerate(table.columns) if is_balance(c.label, vocab)]
    out = []
    for left, right in zip(balances, balances[1:]):
        mutations = list(range(left + 1, right))
        if not 1 <= len(mutations) <= _MAX_MUTATIONS or _when(table.columns[right].label) < _when(table.columns[left].label):
            continue  # a balance rolls forward in time, never back
        signs = _signs(table, left, right, mutations, vocab, tolerance)
        if signs is None:
            continue
        label = table.columns[right].label
        holds = f"{label} = {table.columns[left].label} " + " ".join(("+ " if s > 0 else "- ") + table.columns[c].label for c, s in zip(mutations, signs))
        out.append(ColumnRule(CODE, right, ((left, 1), *zip(mutations, signs)), holds, "declared"))
    return out


def _signs(table: Table, left: int, right: int, mutations: list[int], vocab: Vocabulary, tolerance: Tolerance) -> tuple[int, ...] | None:
    """The signs most rows fit, the headings' own signs winning a tie; None when too few rows fit any."""
    stated = [_stated(table.columns[c].label, vocab) for c in mutations]
    options = [(s,) if s else (1, -1) for s in stated]
    # a heading's sign may be written into the amounts instead (onttrekkingen shown negative)
    options = [tuple(dict.fromkeys((*o, -o[0]))) for o in options]
    columns = [left, *mutations, right]
    rows = [_readings(row, len(table.columns), columns) for row in table.rows]
    best, best_score = None, float("-inf")
    for signs in product(*options):
        fits = sum(1 for readings in rows if readings and any(_holds(v, left, right, mutations, signs, tolerance) for v in readings))
        fails = sum(1 for readings in rows if readings and not any(_holds(v, left, right, mutations, signs, tolerance) for v in readings))
        score = fits - fails + 0.5 * sum(1 for s, t in zip(signs, stated) if s == t)
        if fits >= _MIN_ROWS and fits > fails and score > best_score:  # the headings say a relation is there
            best, best_score = signs, score
    return best


def _when(label: str) -> tuple[int, int]:
    """(year, day of the year, roughly) a balance heading names; (0, 0) when it names none."""
    year = YEAR_IN.search(label)
    moment = _MOMENT.search(label)
    day = 0
    if moment:
        text = moment.group(0).lower()
        numbers = [int(x) for x in re.findall(r"\d+", text)]
        if "december" in text or (len(numbers) >= 2 and numbers[1] == 12 and numbers[0] == 31):
            day = 365
        elif "januari" in text or (len(numbers) >= 2 and numbers[:2] == [1, 1]):
            day = 1
    return (int(year.group(0)) if year else 0, day)


def _stated(label: str, vocab: Vocabulary) -> int:
    words = norm(label).split()
    if any(w in vocab.decreases for w in words):
        return -1
    if any(w in vocab.increases for w in words):
        return 1
    return 0


def _readings(row, n: int, columns: list[int]) -> list[dict[int, int]]:
    """The row's amounts in the columns of the rule, for every reading of a row that lost its empty cells."""
    if row.placement in ("given", "placed"):
        values = {c: row.amount(c) for c in columns}
        return [values] if all(v is not None for v in values.values()) and any(values.values()) else []
    if row.placement not in ("unplaced", "ambiguous") or not row.loose or len(row.loose) > n:
        return []
    amounts = [amount_of(c.text) for c in row.loose]
    if any(a is None for a in amounts) or sum(1 for a in amounts if a) < 2:
        return []  # an unreadable row, or one with too little in it to say anything
    out = []
    for spots in combinations(range(n), len(amounts)):
        values = dict.fromkeys(range(n), 0)
        values.update(zip(spots, amounts))
        reading = {c: values[c] for c in columns}
        if reading not in out:
            out.append(reading)
        if len(out) > _MAX_READINGS:
            return []
    return out


def _holds(values: dict[int, int], left: int, right: int, mutations: list[int], signs: tuple[int, ...], tolerance: Tolerance) -> bool:
    residual = values[right] - values[left] - sum(s * values[c] for c, s in zip(mutations, signs))
    shown = 2 + sum(1 for c in mutations if values[c])
    return tolerance.holds(residual, shown) and sum(1 for v in values.values() if v) >= 2


def roll_forward_rows(table: Table, vocab: Vocabulary) -> list[tuple[int, tuple[int, ...], tuple[int, ...]]]:
    """The same with the balances and mutations as rows (`Stand 1 januari 2019`, `Toevoegingen`,
    `Aanwendingen`, `Stand 31 december 2019`): (closing row, rows, signs). Every row between the two
    balances must say which way it goes; a decrease the page shows with a minus is added as shown."""
    rows = [r for r, row in enumerate(table.rows) if row.placement in ("given", "placed")]
    out: list[tuple[int, tuple[int, ...], tuple[int, ...]]] = []
    if len(rows) < 3:
        return out  # two balances and a mutation at least
    for i, left in enumerate(rows):
        label = table.rows[left].label
        if not is_balance(label, vocab):
            continue
        for k in range(i + 2, min(len(rows), i + 2 + _MAX_MUTATIONS)):
            right = rows[k]
            if not is_balance(table.rows[right].label, vocab):
                continue
            mutations = rows[i + 1 : k]
            stated = [_stated(table.rows[r].label, vocab) for r in mutations]
            later = _when(table.rows[right].label) > _when(label)
            if later and all(stated) and not any(is_balance(table.rows[r].label, vocab) for r in mutations):
                signs = tuple(1 if s < 0 and _shown_negative(table.rows[r]) else s for r, s in zip(mutations, stated))
                out.append((right, (left, *mutations), (1, *signs)))
            break
    return out


def _shown_negative(row) -> bool:
    known = [p.value for p in row.parsed if p is not None and p.kind is Kind.NUMBER and p.value]
    return bool(known) and all(v < 0 for v in known)
