"""Decode rows whose numbers a bad extraction glued together.

    Programma 21.2346785561.200   =   Programma 2 | 1.234 | 678 | 556 | 1.200

Amounts with dots between groups of three can be told apart even without
spaces, but not always uniquely: `6785561.200` is `678 | 556 | 1.200` or
`6 | 785 | 561.200`, and the row's own number may have lost its space too.
Every reading of the glued tail as the row's number plus one well-formed
amount per column is scored by the table's identities (as placement scores
rows that lost empty cells); the reading that satisfies most identities wins
when it is the only one. Otherwise the row is marked `glued` and reported
(NU102) instead of guessed.
"""

from __future__ import annotations

import re

from budget_checks.model import Cell
from budget_checks.numbers import parse_number
from budget_checks.tables import Table, TableRow
from budget_checks.tolerance import Tolerance


GLUED = "glued"  # placement of a row whose glued numbers could not be decoded uniquely
_TAIL = re.compile(r"^(?P<label>.*?\D)?(?P<tail>-?\d[\d.]*\d)$", re.DOTALL)
_AMOUNT = re.compile(r"-?(?:0|[1-9]\d{0,2}(?:\.\d{3})*)")
_CODE = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}\.?")  # a row's own number: 2, 1.2, 1.2.3
_MIN_TAIL = 5
_MAX_READINGS = 5_000


def glued_tail(text: str, columns: int) -> str | None:
    """The digits at the end of a row label that has no values: perhaps its values, glued.

    At least one digit per column; a plain run such as `21141113` may be glued too
    (`Programma 2` | 114 | 1 | 113), and a row must not vanish because it looks like a label."""
    match = _TAIL.match(text.strip())
    if not match or len(match["tail"]) < _MIN_TAIL or not match["label"] or not match["label"].strip():
        return None
    if sum(ch.isdigit() for ch in match["tail"]) < columns:
        return None
    return match["tail"]


def glued_row(label: Cell, table: Table) -> TableRow:
    """A row whose values are still glued to its label; `decode_glued` reads it."""
    n = len(table.columns)
    return TableRow(label.text, "part", (None,) * n, (None,) * n, label, placement=GLUED, loose=(label,))


def decode_glued(table: Table, tolerance: Tolerance, role_of) -> None:
    """Decode every glued row of the table, or leave it marked with the number of readings."""
    n = len(table.columns)
    for row in table.rows:
        if row.placement != GLUED:
            continue
        cell = row.label_cell
        head, tail = _split(cell.text)
        readings = _readings(head, tail, n)
        if readings:
            scored = [(_row_score(table, [parse_number(a, amount=True).amount for a in amounts], tolerance), label, amounts)
                      for label, amounts in readings]
            best = max(score for score, _, _ in scored)
            readings = [(label, amounts) for score, label, amounts in scored if score == best]
        row.candidates = len(readings)
        if len(readings) != 1:
            continue
        label, amounts = readings[0]
        cells = tuple(Cell(a, cell.line, cell.ref) for a in amounts)
        row.label = label
        row.role = role_of(label)
        row.label_cell = Cell(label, cell.line, cell.ref)
        row.loose = cells
        row.cells = cells
        row.parsed = tuple(parse_number(a, amount=True) for a in amounts)
        row.placement = "placed"


def _split(text: str) -> tuple[str, str]:
    match = _TAIL.match(text.strip())
    return (match["label"] or "").rstrip(), match["tail"]


def _readings(head: str, tail: str, n: int) -> list[tuple[str, tuple[str, ...]]]:
    """(label, amounts) for every way to read the tail as an optional row number and n amounts."""
    out: list[tuple[str, tuple[str, ...]]] = []
    starts = [0] + [m.end() for m in (_CODE.fullmatch(tail[:k]) for k in range(1, min(len(tail), 12))) if m]
    for start in starts:
        code = tail[:start]
        separator = " " if head and not head.endswith(" ") else ""
        label = (head + separator + code).strip() if code else head.strip()
        for amounts in _amounts(tail[start:], n):
            out.append((label, amounts))
            if len(out) > _MAX_READINGS:
                return out
    return out


def _amounts(text: str, n: int) -> list[tuple[str, ...]]:
    if n == 0:
        return [()] if not text else []
    out = []
    for end in range(1, len(text) + 1):
        if _AMOUNT.fullmatch(text[:end]) and (end == len(text) or text[end] != "."):
            for rest in _amounts(text[end:], n - 1):
                out.append((text[:end], *rest))
    return out


def _row_score(table: Table, values: list[int | None], tolerance: Tolerance) -> int:
    keys = {c.key: i for i, c in enumerate(table.columns)}
    groups = table.groups()
    score = 0
    for rule in table.rule.identities:
        for identity in rule.alternatives:
            if not all(t.name in keys or t.name in groups for t in identity.terms):
                continue
            try:
                residual = identity.residual(lambda k: _need(values[keys[k]]), groups)
            except _Missing:
                continue
            if tolerance.holds(residual, identity.operand_count(groups)):
                score += 1
                break
    return score


class _Missing(Exception):
    pass


def _need(value: int | None) -> int:
    if value is None:
        raise _Missing
    return value
