"""Writing cells for the Excel report: safely, styled, and in the reader's language.

Every value goes through `put`, the one place that makes sure text taken from
an export stays text: openpyxl turns a string that starts with "=" into a
formula, so a string cell is forced back to the string type, and characters
that XML cannot hold are dropped instead of failing the whole workbook.
"""

from __future__ import annotations

import io
import re
from datetime import datetime

from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from budget_checks.findings import Severity

AMOUNT_FORMAT = "#,##0"  # shown with the reader's separators: 1.234.567 in a Dutch Excel
DATE_FORMAT = "yyyy-mm-dd hh:mm:ss"
MAX_TEXT = 32_000  # Excel holds at most 32,767 characters in a cell
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

FILL = {
    Severity.ERROR: PatternFill("solid", fgColor="FFC7CE"),
    Severity.WARNING: PatternFill("solid", fgColor="FFEB9C"),
    Severity.INFO: PatternFill("solid", fgColor="DDEBF7"),
}
INK = {Severity.ERROR: "9C0006", Severity.WARNING: "9C5700", Severity.INFO: "1F4E78"}
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
RECOMPUTED_FILL = PatternFill("solid", fgColor="E2EFDA")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
LINK = Font(color="0563C1", underline="single")
THIN = Border(bottom=Side(style="thin", color="808080"))
WRAP = Alignment(wrap_text=True, vertical="top")


def put(ws: Worksheet, row: int, column: int, value: object, *, font: Font | None = None, fill: PatternFill | None = None,
        number_format: str | None = None, wrap: bool = False) -> Cell:
    """Write one cell; text is always a string cell, never a formula."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        value = _NOT_XML.sub("", value)[:MAX_TEXT]
        cell.value = value
        cell.data_type = "s"  # a leading =, +, - or @ must not make it a formula
    else:
        cell.value = value
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if number_format is not None:
        cell.number_format = number_format
    if wrap:
        cell.alignment = WRAP
    return cell


def header(ws: Worksheet, row: int, labels: list[str], start: int = 1) -> None:
    for offset, label in enumerate(labels):
        cell = put(ws, row, start + offset, label, font=BOLD, fill=HEADER_FILL)
        cell.border = THIN


def severity_cell(ws: Worksheet, row: int, column: int, severity: Severity, text: str) -> Cell:
    return put(ws, row, column, text, font=Font(bold=True, color=INK[severity]), fill=FILL[severity])


def comment(cell: Cell, text: str) -> None:
    text = _NOT_XML.sub("", text)[:MAX_TEXT]
    note = Comment(text, "budget-checks")
    note.width, note.height = 360, min(60 + 18 * text.count("\n") + len(text) // 3, 400)
    cell.comment = note


def fit_columns(ws: Worksheet, minimum: int = 8, maximum: int = 60, fixed: dict[int, int] | None = None, first: int = 1) -> None:
    """Column widths from the longest value from row `first` on, within bounds; `fixed` widths win (wrapped text)."""
    widths: dict[int, int] = {}
    for row in ws.iter_rows(min_row=first):
        for cell in row:
            if cell.value is None:
                continue
            length = len(f"{cell.value:,}") if isinstance(cell.value, int) else max(len(part) for part in str(cell.value).split("\n"))
            widths[cell.column] = max(widths.get(cell.column, 0), length)
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = max(minimum, min(maximum, width + 2))
    for column, width in (fixed or {}).items():
        ws.column_dimensions[get_column_letter(column)].width = width


def fit_rows(ws: Worksheet, wrapped: tuple[int, ...], first: int = 1, line_height: float = 15.0) -> None:
    """Row heights for wrapped text: not every spreadsheet program recomputes them when it opens a file."""
    widths = {c: (ws.column_dimensions[get_column_letter(c)].width or 10) for c in wrapped}
    for row in range(first, ws.max_row + 1):
        lines = 1
        for column in wrapped:
            value = ws.cell(row=row, column=column).value
            if isinstance(value, str) and value:
                per_line = max(1, int(widths[column] * 1.1) - 1)  # characters that fit on one line, roughly
                lines = max(lines, sum(-(-max(len(part), 1) // per_line) for part in value.split("\n")))
        if lines > 1:
            ws.row_dimensions[row].height = line_height * lines


def landscape(ws: Worksheet) -> None:
    """Print (and PDF) one sheet wide, as many pages tall as needed."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0


def saved(book, created: datetime | None) -> bytes:
    """The workbook as the bytes of an .xlsx file, made by budget-checks at `created`."""
    book.properties.creator = "budget-checks"
    if created:
        book.properties.created = created
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
