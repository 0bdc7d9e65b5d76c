"""Rows whose numbers a bad extraction glued together.

    Programma 21.2346785561.200   =   Programma 2 | 1.234 | 678 | 556 | 1.200

Amounts with dots between groups of three can be told apart even without spaces,
but not always uniquely: `6785561.200` is `678 | 556 | 1.200` or `6 | 785 | 561.200`,
and the row's own number may have lost its space too. Every reading of the glued tail
as the row's number plus one well-formed amount per column is scored by the table's
relations between columns (in any sign convention its family allows); the reading
that satisfies most of them wins when it is the only one (or the only one that leaves
the label as it is: a row number is taken from the digits only when the arithmetic
asks for it). Otherwise the row stays
marked `glued` and is reported (NU102) instead of guessed. A header glued the same
way (`Rekening 2017Begroting 2018`) is cut after each year.
"""

from __future__ import annotations

import re
from functools import lru_cache

from budget_checks.model import Cell
from budget_checks.numbers import find_unit, parse_number
from budget_checks.recognize.cells import YEAR, kind
from budget_checks.recognize.discover import ColumnRule
from budget_checks.recognize.placement import score_values
from budget_checks.tables import Table
from budget_checks.tolerance import Tolerance

GLUED = "glued"  # kind of a cell of glued values, and placement of a row not decoded
_TAIL = re.compile(r"^(?P<label>.*[^\d\s.,\-])\s?(?P<tail>-?\d[\d.\-]*\d)$", re.DOTALL)
_AMOUNT = re.compile(r"-?(?:0|[1-9]\d{0,2}(?:\.\d{3})*)")
_CODE = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}")  # a row's own number: 2, 1.2, 1.2.3
_MIN_DIGITS = 5
_MAX_READINGS = 5_000
_MAX_TAIL = 160  # a row of a dozen amounts at most; a longer run of digits is no row
_GLUED_YEAR = re.compile(r"(?<=\D(?:19|20)\d\d)(?=[^\d\s\-/–)*])")  # "2017Begroting": a cut after the year


def split_glued(text: str) -> tuple[str, str] | None:
    """(label, glued values) of a cell that is a label with digits run together at its end."""
    text = text.strip()
    if not text or not text[-1].isdigit():
        return None
    match = _TAIL.match(text)
    if not match or sum(ch.isdigit() for ch in match["tail"]) < _MIN_DIGITS or len(match["tail"]) > _MAX_TAIL:
        return None
    label = match["label"].strip()
    if find_unit(text) or kind(match["tail"]) == YEAR:
        return None  # `x € 1.000.000` names a unit, `Stand 1-1-2024` a date
    if not any(ch.isalpha() for ch in label) or re.search(r"(?:19|20)\d\d$", label):
        return None
    return label, match["tail"]


def split_glued_header(text: str) -> list[str] | None:
    """`Rekening 2017Begroting 2018Begroting 2019`: the labels of a header glued into one cell."""
    parts = [p for p in _GLUED_YEAR.split(text) if p.strip()]
    return parts if len(parts) >= 3 else None


def readings(label: str, tail: str, n: int) -> list[tuple[str, tuple[str, ...]]]:
    """(label, amounts) for every way to read the tail as an optional row number and n amounts."""
    out: list[tuple[str, tuple[str, ...]]] = []
    starts = [0] + [k for k in range(1, min(len(tail), 12)) if _CODE.fullmatch(tail[:k]) and tail[k] != "."]
    for start in starts:
        code = tail[:start]
        name = f"{label} {code}" if code else label
        for amounts in _amounts(tail[start:], n):
            out.append((name, amounts))
            if len(out) > _MAX_READINGS:
                return out
    return out


def width_of(tails: list[str], most: int = 12) -> int:
    """The fewest columns that read the most glued rows: amounts as long as their dots allow."""
    best, width = 0, 0
    for n in range(2, most + 1):
        readable = sum(1 for tail in tails if _count(tail, n))
        if readable > best:
            best, width = readable, n
    return width


def _pieces(text: str, at: int) -> list[int]:
    """Where a well-formed amount starting at `at` may end."""
    out = []
    for end in range(at + 1, len(text) + 1):
        if _AMOUNT.fullmatch(text, at, end) and (end == len(text) or text[end] != "."):
            out.append(end)
    return out


@lru_cache(maxsize=1 << 12)
def _count(text: str, n: int) -> int:
    """How many ways the text reads as n amounts (counted up to a bound, in linear memory)."""
    ways = [[0] * (n + 1) for _ in range(len(text) + 1)]
    ways[len(text)][0] = 1
    for at in range(len(text) - 1, -1, -1):
        for end in _pieces(text, at):
            for k in range(1, n + 1):
                ways[at][k] = min(_MAX_READINGS + 1, ways[at][k] + ways[end][k - 1])
    return ways[0][n]


def _amounts(text: str, n: int) -> list[tuple[str, ...]]:
    """Every reading of the text as n amounts (at most a bound's worth)."""
    out: list[tuple[str, ...]] = []

    def walk(at: int, left: int, taken: tuple[str, ...]) -> None:
        if len(out) > _MAX_READINGS:
            return
        if left == 0:
            if at == len(text):
                out.append(taken)
            return
        if len(text) - at < left:
            return
        for end in _pieces(text, at):
            walk(end, left - 1, (*taken, text[at:end]))

    if _count(text, n):
        walk(0, n, ())
    return out


def decode_glued(table: Table, rule_sets: list[list[list[ColumnRule]]], tolerance: Tolerance) -> bool:
    """Decode the table's glued rows. `rule_sets`: relations between columns, each as its sign
    conventions (lists of rules) of which the best-fitting one counts. True when a row was decoded."""
    n = len(table.columns)
    decoded = False
    for row in table.rows:
        if row.placement != GLUED or not row.loose:
            continue
        cell = row.loose[0]
        options = readings(row.label, cell.text, n)
        if len(options) > _MAX_READINGS:
            row.candidates = len(options)
            continue
        scored = []
        for name, amounts in options:
            values = [parse_number(a, amount=True).amount for a in amounts]
            score = sum(max((score_values(values, [1] * n, rules, tolerance)[0] for rules in alternatives), default=0)
                        for alternatives in rule_sets)
            scored.append((score, name, amounts))
        best = max((s for s, _, _ in scored), default=0)
        winners = [(name, amounts) for s, name, amounts in scored if s == best]
        plain = [(name, amounts) for name, amounts in winners if name == row.label]
        if len(winners) > 1 and len(plain) == 1:
            winners = plain  # a row number glued to the amounts only when the arithmetic says so
        row.candidates = len(winners)
        if len(winners) != 1:
            continue
        name, amounts = winners[0]
        row.label = name
        row.label_cell = Cell(name, row.label_cell.line, row.label_cell.ref)
        row.cells = tuple(Cell(a, cell.line, cell.ref) for a in amounts)
        row.parsed = tuple(parse_number(a, amount=True) for a in amounts)
        row.placement = "placed"
        decoded = True
    return decoded
