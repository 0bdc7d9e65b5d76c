"""The parts of an export the comparison sees: pages, tables, columns, rows and values.

Plain data, made by snapshot.py from the recognised tables and read by the comparison and
the reporters alike (which therefore never see the recognizer's types). Page chrome (prose,
breadcrumbs, footer times) has no place here, so it can never show as a change.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Value:
    """One cell: what it shows and what it is. `amount` is a whole number in the table's unit
    (an empty cell counts as 0, as in the checks); `key` compares anything else (a word, a
    placeholder, a decimal number) in one form, so `65,50` and `65,5` are the same."""

    text: str
    amount: int | None
    key: str


EMPTY = Value("", 0, "0")


@dataclass(frozen=True, slots=True)
class SColumn:
    label: str
    name: str  # the family's role, or the label without its year: what the column is
    year: str  # the year its label names, "" for none


@dataclass(frozen=True, slots=True)
class SRow:
    label: str
    key: str  # the label normalised: case, accents, punctuation and spacing do not count
    role: str
    line: int | None
    values: tuple[Value, ...]  # one per column


@dataclass(frozen=True, slots=True)
class STable:
    index: int  # 1-based position among the page's tables
    kind: str
    title: str
    key: str  # the title normalised
    unit: str  # "€", "x €1.000", ... ; "" for a table without amounts in euros (indicators)
    scale: int | None  # euros per shown unit; None when the table holds no euros
    line: int | None
    columns: tuple[SColumn, ...]
    rows: tuple[SRow, ...]


@dataclass(frozen=True, slots=True)
class SPage:
    path: str
    title: str
    key: str  # the title normalised
    tables: tuple[STable, ...]


@dataclass(frozen=True, slots=True)
class SDocument:
    path: str
    pages: tuple[SPage, ...]
