"""The reconciliation sheet: every checked table as the page shows it, with what is wrong in it.

Beside each column that has a failing cell stands a 'recomputed' column with
the value the rule gives (the finding's expected value) in the failing rows.
Failing cells are coloured by severity and carry a comment with the findings;
findings on a whole row or table are put on its label or title.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from budget_checks.findings import Finding
from budget_checks.numbers import Kind, parse_number
from budget_checks.report import Report, TableInfo
from budget_checks.reports.excel_cells import (
    AMOUNT_FORMAT, BOLD, FILL, RECOMPUTED_FILL, TITLE, comment, fit_columns, header, landscape, put,
)

TableKey = tuple[str, str, int]  # document, page, table index


@dataclass
class Anchors:
    """Where things landed on the sheet, for the links from the findings sheet."""

    tables: dict[TableKey, str] = field(default_factory=dict)  # table -> its heading cell
    findings: dict[int, str] = field(default_factory=dict)  # index in report.findings -> the cell it is about


def write_reconciliation(ws: Worksheet, report: Report, w: dict[str, str]) -> Anchors:
    anchors = Anchors()
    by_table: dict[TableKey, list[tuple[int, Finding]]] = defaultdict(list)
    for i, f in enumerate(report.findings):
        if f.table_index is not None:
            by_table[(f.document, f.page, f.table_index)].append((i, f))

    put(ws, 1, 1, w["reconciliation"], font=TITLE)
    put(ws, 2, 1, w["legend"])
    row = 4
    checked = [(d, p, t) for d, p, t in report.tables() if t.checked]
    if not checked:
        put(ws, row, 1, w["no_tables"])
    for d, p, t in checked:
        key = (d.path, p.path, t.index)
        row = _write_table(ws, row, d.path, p.path, p.title, t, by_table.get(key, []), w, anchors, key)
    fit_columns(ws, maximum=45, fixed={1: 48})  # the title and legend run on across the empty cells beside them
    landscape(ws)
    return anchors


def _write_table(ws: Worksheet, row: int, document: str, page: str, title: str, t: TableInfo,
                 findings: list[tuple[int, Finding]], w: dict[str, str], anchors: Anchors, key: TableKey) -> int:
    place = f"{document} › {page}" if page and page != document else document
    put(ws, row, 1, place + (f" — {title}" if title else ""), font=BOLD)
    row += 1
    heading = put(ws, row, 1, w["table_heading"].format(index=t.index, title=t.title or t.kind), font=BOLD)
    anchors.tables[key] = heading.coordinate
    row += 1
    put(ws, row, 1, w["table_facts"].format(unit=t.unit or "-", convention=t.convention or "-", line_word=w["line"], line=t.line or "-"))
    row += 1

    on_cell, on_row, on_table = _place(t, findings)
    recomputed = sorted({j for (_, j), hits in on_cell.items() if any(f.expected is not None for _, f in hits)})
    sheet_column, next_column = {}, 2
    for j in range(len(t.columns)):
        sheet_column[j] = next_column
        next_column += 2 if j in recomputed else 1
    labels = [w["row"]]
    for j, label in enumerate(t.columns):
        labels.append(label)
        if j in recomputed:
            labels.append(f"{label} ({w['recomputed']})")
    header(ws, row, labels)
    amounts = t.scale is not None  # an amounts table: its cells are written as numbers
    for column in range(2, len(labels) + 1):
        if amounts:  # headings over numbers stand where the numbers stand
            ws.cell(row=row, column=column).alignment = Alignment(horizontal="right")
    for j in recomputed:
        ws.cell(row=row, column=sheet_column[j] + 1).fill = RECOMPUTED_FILL
    row += 1

    for i, cells in enumerate(t.cells):
        label_cell = put(ws, row, 1, cells[0] if cells else "")
        _mark(label_cell, on_row.get(i, []), w, anchors)
        for j, text in enumerate(cells[1:]):
            column = sheet_column.get(j, next_column + j - len(t.columns))
            value = _value(text, amounts)
            cell = put(ws, row, column, value, number_format=AMOUNT_FORMAT if isinstance(value, int) else None)
            hits = on_cell.get((i, j), [])
            _mark(cell, hits, w, anchors)
            expected = next((f.expected for _, f in hits if f.expected is not None), None)
            if j in recomputed and expected is not None:
                put(ws, row, column + 1, expected, font=BOLD, fill=RECOMPUTED_FILL, number_format=AMOUNT_FORMAT)
        row += 1
    _mark(heading, on_table, w, anchors)
    return row + 1


def _place(t: TableInfo, findings: list[tuple[int, Finding]]):
    """Split a table's findings into those on a cell, on a row, and on the table as a whole."""
    columns = {label.strip().lower(): j for j, label in enumerate(t.columns)}
    on_cell: dict[tuple[int, int], list[tuple[int, Finding]]] = defaultdict(list)
    on_row: dict[int, list[tuple[int, Finding]]] = defaultdict(list)
    on_table: list[tuple[int, Finding]] = []
    for i, f in findings:
        r = _row_of(t, f)
        j = columns.get(f.column.strip().lower()) if f.column else None
        if r is None:
            on_table.append((i, f))
        elif j is None:
            on_row[r].append((i, f))
        else:
            on_cell[(r, j)].append((i, f))
    return on_cell, on_row, on_table


def _row_of(t: TableInfo, f: Finding) -> int | None:
    if not f.row:
        return None
    rows = [i for i, cells in enumerate(t.cells) if cells and cells[0] == f.row]
    if len(rows) > 1:  # the same label twice: the source line decides
        exact = [i for i in rows if i < len(t.row_lines) and t.row_lines[i] == f.line]
        rows = exact or rows
    return rows[0] if rows else None


def _mark(cell, hits: list[tuple[int, Finding]], w: dict[str, str], anchors: Anchors) -> None:
    if not hits:
        return
    worst = max(f.severity for _, f in hits)
    cell.fill = FILL[worst]
    lines = []
    for i, f in hits:
        anchors.findings[i] = cell.coordinate
        lines.append(f"{w[f.severity.label]} {f.code}: {f.message}")
    comment(cell, "\n".join(lines))


def _value(text: str, amounts: bool) -> object:
    """A whole amount as a number (so Excel can add it up); anything else exactly as the page shows it."""
    if not amounts:
        return text
    parsed = parse_number(text, amount=True)
    if parsed.kind is Kind.EMPTY and not text.strip():
        return None
    if parsed.kind is Kind.NUMBER and parsed.amount is not None and not parsed.percent and not parsed.marker:
        return parsed.amount
    return text
