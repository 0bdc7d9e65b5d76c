"""Reader for Excel workbooks (.xlsx): every worksheet, in workbook order.

python-calamine reads the cached values (formulas are never evaluated; a
formula without a cached value is an empty cell) and the merged ranges, about
fifteen times faster than openpyxl for the same cells. A stored number has the
precision of the file (Excel keeps 15 significant digits). Calamine does not give
number formats, so only when a sheet holds fractions are the formats of those
cells read from the workbook's XML, because a fraction is shown as its format
says: `0.426` under `0.0%` is `42,6%`, and `1234.567` under `#,##0` is `1.235`.

Values come out as text the number parser reads: an integer as its digits,
a fraction with a decimal comma, never through a rounding float repr. A merged
label is repeated in every row it spans; a merged value stands in its first
cell only. Each sheet name is a row of its own before its rows (it may
title a table); each cell carries `ref` "Sheet!C7" (quoted as Excel does when the name
has spaces). Tables are found later, by their header rows, like in any page.
The page title and footer come from the cells, as for a text page.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from io import BytesIO

from budget_checks.model import Cell, Page, Row
from budget_checks.numbers import Kind, parse_number
from budget_checks.readers.assemble import Line, Piece, assemble, trim_row
from budget_checks.readers.errors import ReadError

_GENERAL_DIGITS = 15  # Excel shows at most 15 significant digits; the rest is float noise
_PLAIN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


def read_xlsx(data: bytes, path: str) -> Page:
    from python_calamine import CalamineWorkbook, SheetTypeEnum  # loaded only when a workbook is read

    try:
        workbook = CalamineWorkbook.from_filelike(BytesIO(data))
        sheets = [(m.name, workbook.get_sheet_by_name(m.name)) for m in workbook.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        grids = [(name, sheet.to_python(skip_empty_area=False), sheet.merged_cell_ranges or []) for name, sheet in sheets]
    except Exception as exc:  # calamine raises its own error types for damaged workbooks
        raise ReadError(f"unreadable xlsx workbook: {_reason(exc)}") from None
    formats = _NumberFormats(data)
    pieces: list[Piece] = []
    for name, grid, merged in grids:
        _carry_merged_labels(grid, merged)
        styles = formats.of(name, grid)
        # the sheet's name before its rows: it may title a table, never the page
        pieces.append(Row((Cell(name, None, f"{_sheet(name)}!A1"),)))
        prefix = _sheet(name) + "!"
        letters = [_column(c) for c in range(max(map(len, grid), default=0))]
        rows = [[Cell(_text(v, styles.get((r, c))), None, f"{prefix}{letters[c]}{r + 1}") for c, v in enumerate(values)] for r, values in enumerate(grid)]
        first = min((next(i for i, c in enumerate(row) if c.text) for row in rows if any(c.text for c in row)), default=0)
        for row in rows:
            cells = trim_row(row[first:])  # a table placed from column B on starts at its first used column
            filled = [c for c in cells if c.text]
            if len(filled) == 1:
                pieces.append(Line(filled[0].text, None, filled[0].ref))
            elif filled:
                pieces.append(Row(tuple(cells), positional=True))
    return assemble(path, pieces, "xlsx")


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


def _sheet(name: str) -> str:
    return name if _PLAIN_NAME.match(name) else "'" + name.replace("'", "''") + "'"


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _carry_merged_labels(grid: list[list], merged: list) -> None:
    """A label merged down over several rows belongs to each of them (like an HTML rowspan)."""
    for (r0, c0), (r1, _c1) in merged:
        if r0 >= len(grid) or c0 >= len(grid[r0]):
            continue
        value = grid[r0][c0]
        if not isinstance(value, str) or parse_number(value, amount=True).kind is not Kind.TEXT:
            continue
        for r in range(r0 + 1, min(r1, len(grid) - 1) + 1):
            if c0 < len(grid[r]) and grid[r][c0] == "":
                grid[r][c0] = value


def _text(value: object, number_format: str | None) -> str:
    if value == "":
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _number(value, number_format)
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y %H:%M:%S") if value.time() != time() else value.strftime("%d-%m-%Y")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, (time, timedelta)):
        return str(value)
    return "" if value is None else str(value)


def _number(value: float, number_format: str | None) -> str:
    """A stored number as the cell shows it, written the Dutch way (decimal comma)."""
    if value.is_integer():
        return str(int(value))
    if not math.isfinite(value):
        return "#GETAL!"
    exact = Decimal(repr(value))
    percent, decimals = _shown_as(number_format)
    if percent:
        exact *= 100
    if decimals is None:
        try:
            exact = exact.quantize(Decimal(1).scaleb(exact.adjusted() - _GENERAL_DIGITS + 1))
        except InvalidOperation:
            pass
    else:
        exact = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = format(exact.normalize() if decimals is None else exact, "f")
    if "." in text and decimals is None:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") + ("%" if percent else "")


_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')


def _shown_as(number_format: str | None) -> tuple[bool, int | None]:
    """(percent?, decimals shown) of a number format; decimals None for General."""
    if not number_format or number_format.lower() == "general":
        return False, None
    section = _QUOTED.sub("", number_format.split(";")[0])
    percent = "%" in section
    digits = re.search(r"[0#?,]*\.([0#?]*)", section)
    if digits is None:
        return percent, 0 if re.search(r"[0#?]", section) else None
    return percent, len(digits.group(1))


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DOC_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
    37: "#,##0 ;(#,##0)", 38: "#,##0 ;(#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;(#,##0.00)", 48: "##0.0E+0",
}
_CELL_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")


class _NumberFormats:
    """Number formats of the cells that hold fractions, read only when a sheet has any.

    The workbook's own XML is read with defusedxml (no entities, no DTDs): the
    style of each wanted cell in the sheet, and the format of that style.
    """

    def __init__(self, data: bytes):
        self.data = data
        self.paths: dict[str, str] | None = None  # sheet name -> member path
        self.styles: list[str] | None = None  # style index -> format code

    def of(self, sheet: str, grid: list[list]) -> dict[tuple[int, int], str]:
        wanted = {(r, c) for r, row in enumerate(grid) for c, v in enumerate(row) if isinstance(v, float) and not v.is_integer()}
        if not wanted:
            return {}
        try:
            return self._read(sheet, wanted)
        except Exception:  # formats refine how a fraction is shown; without them it is shown in full
            return {}

    def _read(self, sheet: str, wanted: set[tuple[int, int]]) -> dict[tuple[int, int], str]:
        import zipfile

        from defusedxml.ElementTree import iterparse, parse

        with zipfile.ZipFile(BytesIO(self.data)) as archive:
            if self.paths is None:
                self.paths = _sheet_paths(archive, parse)
                self.styles = _style_formats(archive, parse)
            found: dict[tuple[int, int], str] = {}
            with archive.open(self.paths[sheet]) as stream:
                for _, element in iterparse(stream):
                    if element.tag == _MAIN + "c":
                        where = _index(element.get("r", ""))
                        style = element.get("s")
                        if where in wanted and style is not None and int(style) < len(self.styles):
                            found[where] = self.styles[int(style)]
                    elif element.tag == _MAIN + "row":
                        element.clear()
        return found


def _sheet_paths(archive, parse) -> dict[str, str]:
    with archive.open("xl/_rels/workbook.xml.rels") as stream:
        targets = {r.get("Id"): r.get("Target", "") for r in parse(stream).getroot().iter(_RELS + "Relationship")}
    with archive.open("xl/workbook.xml") as stream:
        sheets = parse(stream).getroot().iter(_MAIN + "sheet")
        paths = {}
        for sheet in sheets:
            target = targets.get(sheet.get(_DOC_RELS + "id"), "")
            paths[sheet.get("name")] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    return paths


def _style_formats(archive, parse) -> list[str]:
    with archive.open("xl/styles.xml") as stream:
        root = parse(stream).getroot()
    custom = {int(f.get("numFmtId")): f.get("formatCode", "") for f in root.iter(_MAIN + "numFmt")}
    cell_xfs = root.find(_MAIN + "cellXfs")
    if cell_xfs is None:
        return []
    formats = []
    for xf in cell_xfs.iter(_MAIN + "xf"):
        number = int(xf.get("numFmtId", "0"))
        formats.append(custom.get(number, _BUILTIN_FORMATS.get(number, "General")))
    return formats


def _index(ref: str) -> tuple[int, int] | None:
    match = _CELL_REF.match(ref)
    if not match:
        return None
    column = 0
    for letter in match.group(1):
        column = column * 26 + ord(letter) - 64
    return int(match.group(2)) - 1, column - 1
