"""Typed tables: what the recognizer makes of a page, and what the checks read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from budget_checks.model import Cell, Page
from budget_checks.numbers import Kind, Parsed, Unit
from budget_checks.rulebook import TableRule

PART, TOTAL, SUBTOTAL = "part", "total", "subtotal"


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # unique within the table: "lasten", "raming_2025"
    label: str  # as the header shows it
    group: str | None = None  # "raming" for a repeating column
    role: str = ""  # the family's column key it carries ("lasten" in every year group), "" when none
    band: int = 0  # which repetition of the roles it belongs to (year groups over lasten, baten, saldo)


# Term and Relation are named tuples, not frozen dataclasses: as immutable, and a table makes
# thousands of them, which a named tuple builds in a third of the time.
class Term(NamedTuple):
    row: int  # index into the table's rows
    column: int  # index into the table's columns
    sign: int  # +1 or -1


class Relation(NamedTuple):
    """One identity on one place of a table: the target cell equals the signed sum of its terms."""

    code: str  # the rule it checks (BL101, ST101, DR102, ...)
    target: tuple[int, int]  # (row, column)
    terms: tuple[Term, ...]
    holds: str  # the formula for messages: "saldo = lasten - baten", "Totaal = som van 7 rijen"
    source: str = "declared"  # declared (the family's roles) | structure (totals) | discovered (the numbers)
    evidence: str = ""  # discovered: where else it held ("12 van 13 rijen")
    other: str = ""  # another sign convention this place fits, when it breaks the table's


@dataclass(slots=True)
class TableRow:
    label: str
    role: str
    cells: tuple[Cell | None, ...]  # one per column once placed; None = empty cell
    parsed: tuple[Parsed | None, ...]
    label_cell: Cell
    placement: str = "given"  # given | placed | ambiguous | overfull
    candidates: int = 1
    loose: tuple[Cell, ...] = ()  # the values as read, before placement
    years: tuple[Cell, ...] = ()  # indicator rows: one year per period
    description: str = ""
    unit: str = ""  # indicator rows: "aantal", "%", ...
    sign: int = 0  # the operator the row carries: +1 for "(+)", -1 for "(-)", 0 for none
    preferred: tuple[int, ...] = ()  # unplaced: the columns its values stood in, taken when the arithmetic cannot tell

    @property
    def line(self) -> int | None:
        return self.label_cell.line

    @property
    def percentages(self) -> bool:
        """Every number of the row is a percentage (`Beslag op weerstandsvermogen | 4% | 23% | 5%`)."""
        shown = [p for p in self.parsed if p is not None and p.kind is Kind.NUMBER]
        return bool(shown) and all(p.percent for p in shown)

    def amount(self, index: int) -> int | None:
        """Integer amount of a column; an empty cell counts as 0, a placeholder or bad value as None."""
        parsed = self.parsed[index]
        if parsed is None or parsed.kind is Kind.EMPTY:
            return 0
        return parsed.amount


@dataclass(slots=True)
class Table:
    rule: TableRule
    page: Page
    index: int  # 1-based position among the page's tables
    title: str
    title_cell: Cell | None
    columns: list[Column]
    rows: list[TableRow] = field(default_factory=list)
    unit: Unit | None = None
    unit_problem: str = ""  # a unit label that is present but not understood
    convention: str = ""  # filled by the dataset stage
    alternatives: dict[str, int] = field(default_factory=dict)  # identity code -> sign convention chosen (dataset stage)
    stated: dict[str, int | None] = field(default_factory=dict)  # identity code -> convention its page states (legends.py)
    label_columns: int = 1  # leading cells of a row that form its label (a row header of two levels: 2)
    relations: list[Relation] = field(default_factory=list)  # what must hold (recognize/identities.py)
    evaluated: int = 0  # identities evaluated on it (arithmetic stage)
    kept_matrix: tuple | None = field(default=None, repr=False, compare=False)  # matrix.py: its matrix, and what it was read from

    @property
    def kind(self) -> str:
        return self.rule.kind

    @property
    def line(self) -> int | None:
        return self.title_cell.line if self.title_cell else (self.rows[0].line if self.rows else None)

    def first_lines(self, count: int = 3) -> tuple[str, ...]:
        """How the table starts on the page (its title, then its lines as the page shows them), for a
        report of a table nothing was checked in."""
        lines = [self.title] if self.title else []
        first = self.line if self.line is not None else (self.rows[0].line if self.rows else None)
        for item in self.page.items:
            cells = getattr(item, "cells", ())
            line = cells[0].line if cells else None
            if first is not None and line is not None and first <= line <= (self.end_line or first):
                text = " | ".join(c.text.strip() for c in cells if c.text.strip())
                if text and text != self.title:
                    lines.append(text)
            if len(lines) >= count:
                break
        if len(lines) == (1 if self.title else 0):
            lines += [" | ".join([row.label, *(c.text for c in row.cells if c is not None)]) for row in self.rows[:2]]
        return tuple(lines[:count])

    @property
    def end_line(self) -> int | None:
        lines = [c.line for row in self.rows for c in (row.label_cell, *row.cells, *row.loose) if c is not None and c.line is not None]
        return max(lines) if lines else self.line

    @property
    def scale(self) -> int:
        return self.unit.scale if self.unit else 1

    @property
    def unit_name(self) -> str:
        return self.unit.name if self.unit else ("€" if self.rule.has_unit else "")

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for column in self.columns:
            if column.group:
                out.setdefault(column.group, []).append(column.key)
        return out

    def column_index(self, key: str) -> int:
        for i, column in enumerate(self.columns):
            if column.key == key:
                return i
        raise KeyError(key)


@dataclass(frozen=True, slots=True)
class Unrecognised:
    """A table-like block that no rule module recognised."""

    page: Page
    line: int | None
    first_lines: tuple[str, ...]
    numbers: int
    reason: str = ""
    ref: str | None = None  # the first cell's place, where the format has cells (xlsx "Sheet!C7", html "t2:r3c4")
    end_line: int | None = None


@dataclass(slots=True)
class PageTables:
    page: Page
    tables: list[Table] = field(default_factory=list)
    unrecognised: list[Unrecognised] = field(default_factory=list)
