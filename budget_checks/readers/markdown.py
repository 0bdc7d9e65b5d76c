"""Reader for Markdown pages with pipe tables.

Lines outside tables are read as the text reader reads them (a `#` heading
loses its hashes). A pipe table is a header row, a rule row of dashes and body
rows; every row becomes one Row with all its cells, empty cells kept. Pipes
escaped as `\\|` stay inside their cell.

Damaged row spans: a converter that flattens a table whose first column spans
several rows (a programme over its taakvelden) writes the rows after the first
one cell short, starting with the second-level label. Such a row, one cell
shorter than the header, whose first cell is a label and whose second is not,
gets the first cell of the row above back in front. Other short rows are
padded at the end (a trailing empty cell carries no position).
"""

from __future__ import annotations

import re

from budget_checks.model import Cell, Page, Row
from budget_checks.numbers import Kind, parse_number
from budget_checks.readers.assemble import Line, Piece, assemble, trim_row
from budget_checks.readers.limits import check_text_page
from budget_checks.readers.pipes import pipe_rows
from budget_checks.readers.text import decode

_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_RULE_CELL = re.compile(r"^\s*:?-{3,}:?\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_SPLIT = re.compile(r"(?<!\\)\|")


def read_markdown(data: bytes, path: str) -> Page:
    text = decode(data, path)
    check_text_page(text)  # lines, line length and cells within limits before splitting
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    loose = pipe_rows([(n, line.strip()) for n, line in enumerate(lines, start=1) if line.strip()])  # pipes outside Markdown tables
    pieces: list[Piece] = []
    i = 0
    while i < len(lines):
        if _table_starts(lines, i):
            i = _table(lines, i, pieces)
            continue
        if i + 1 in loose:
            cells = loose[i + 1]
            if cells is not None:
                pieces.append(Row(tuple(Cell(_plain(c), at) for c, at in cells), positional=True))
            i += 1
            continue
        text = _plain(lines[i])
        if text:
            pieces.append(Line(text, i + 1))
        i += 1
    return assemble(path, pieces, "markdown")


def _cells(line: str) -> list[str] | None:
    match = _ROW.match(line)
    if not match:
        return None
    return [part.strip().replace("\\|", "|") for part in _SPLIT.split(match.group(1))]


def _is_rule(line: str) -> bool:
    cells = _cells(line)
    return bool(cells) and all(_RULE_CELL.match(c) for c in cells)


def _table_starts(lines: list[str], i: int) -> bool:
    return i + 1 < len(lines) and _cells(lines[i]) is not None and _is_rule(lines[i + 1])


def _table(lines: list[str], i: int, pieces: list[Piece]) -> int:
    """Read the pipe table at line i; returns the line after it."""
    header = _cells(lines[i]) or []
    width = len(header)
    pieces.append(Row(tuple(trim_row([Cell(_plain(c), i + 1) for c in header])) or (Cell("", i + 1),), positional=True))
    above: list[str] = []
    i += 2
    while i < len(lines):
        cells = _cells(lines[i])
        if cells is None:
            break
        cells = [_plain(c) for c in cells]
        if _lost_span(cells, above, width):
            cells = [above[0], *cells]  # the first cell spanned this row in the source
        row = trim_row([Cell(c, i + 1) for c in cells])
        if row:
            pieces.append(Row(tuple(row), positional=True))
        above = cells
        i += 1
    return i


def _lost_span(cells: list[str], above: list[str], width: int) -> bool:
    """One cell short, a label then a value, under a row that opens with two labels."""
    return (
        len(cells) == width - 1 and len(cells) > 1 and len(above) > 1
        and _is_label(cells[0]) and cells[1] and not _is_label(cells[1]) and _is_label(above[0]) and _is_label(above[1])
    )


def _is_label(text: str) -> bool:
    return bool(text) and parse_number(text, amount=True).kind is Kind.TEXT


def _plain(text: str) -> str:
    """Markdown marks taken off: heading hashes, bold."""
    text = _HEADING.sub("", text)
    return _EMPHASIS.sub(r"\2", text).strip()
