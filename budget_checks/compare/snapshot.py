"""A checked document as the comparison needs it (parts.py): pages, tables, rows and figures.

The recognised tables of a document are large (pages, cells, relations); a snapshot keeps of
each table its family, title, unit, columns (role and year) and rows (label and one Value per
column), so two exports can be compared after their tables are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from budget_checks.checks.context import DocumentTables
from budget_checks.compare.parts import EMPTY, SColumn, SDocument, SPage, SRow, STable, Value
from budget_checks.numbers import YEAR_IN, Kind
from budget_checks.tables import Table, TableRow


def snapshot(document: DocumentTables) -> SDocument:
    return SDocument(document.path, tuple(
        SPage(pt.page.path, pt.page.title, normalise(pt.page.title), tuple(_table(t) for t in pt.tables)) for pt in document.pages
    ))


_NOT_WORD = re.compile(r"[^\w]+")


def normalise(label: str) -> str:
    """`Doel 1.1.1 Sociale contacten, daginvulling` and `doel 1.1.1  sociale contacten daginvulling`
    are one label: compatibility forms, accents, case, punctuation and spacing left out."""
    text = unicodedata.normalize("NFKD", label)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(_NOT_WORD.sub(" ", text).replace("_", " ").split())


def _table(table: Table) -> STable:
    scale = table.scale if table.rule.has_unit else None
    return STable(
        table.index, table.kind, table.title, normalise(table.title), table.unit_name if scale is not None else "", scale, table.line,
        tuple(_column(c.label, c.role) for c in table.columns),
        tuple(_row(r, len(table.columns)) for r in table.rows),
    )


def _column(label: str, role: str) -> SColumn:
    found = YEAR_IN.search(label)
    year = found.group(0) if found else ""
    return SColumn(label, role or normalise(YEAR_IN.sub(" ", label)), year)


def _row(row: TableRow, width: int) -> SRow:
    values = tuple(_value(row, i) for i in range(min(width, len(row.parsed))))
    values += (EMPTY,) * (width - len(values))
    return SRow(row.label, normalise(row.label), row.role, row.line, values)


def _value(row: TableRow, index: int) -> Value:
    parsed = row.parsed[index]
    cell = row.cells[index] if index < len(row.cells) else None
    text = cell.text.strip() if cell is not None else ""
    if parsed is None and text:  # a text table's cell (a year, a name): what it says
        return Value(text, None, " ".join(text.casefold().split()))
    if parsed is None or parsed.kind is Kind.EMPTY:
        return Value(text, 0, "0")
    if parsed.amount is not None:
        return Value(text, parsed.amount, str(parsed.amount) + ("%" if parsed.percent else ""))
    if parsed.kind is Kind.NUMBER and parsed.value is not None:
        return Value(text, None, _decimal(parsed.value) + ("%" if parsed.percent else ""))
    return Value(text, None, " ".join(text.casefold().split()))


def _decimal(value: Decimal) -> str:
    return format(value.normalize(), "f")
