"""Build a page from the text lines and table rows a grid reader found.

The html, markdown, xlsx and csv readers find lines of text and rows of cells
in source order; this module gives every format the same page chrome (title,
breadcrumbs, footer, as the text reader reads them) and the same reading of a
loose line (prose, or a label with its values).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from budget_checks.model import Cell, Item, Page, Prose, Row
from budget_checks.readers.text import line_item, take_chrome


@dataclass(frozen=True, slots=True)
class Line:
    """A line of text outside any table (a heading, a paragraph, a lone cell)."""

    text: str
    line: int | None = None
    ref: str | None = None


Piece = Line | Row


def assemble(path: str, pieces: list[Piece], source_format: str) -> Page:
    page = Page(path=path, layout="grid", source_format=source_format)
    numbered = [(i, piece.text) for i, piece in enumerate(pieces) if isinstance(piece, Line)]
    kept = {i for i, _ in take_chrome(page, numbered)}
    if page.footer is not None:
        page.footer = replace(page.footer, line=pieces[page.footer.line].line)
    for i, piece in enumerate(pieces):
        if isinstance(piece, Row):
            page.items.append(piece)
        elif i in kept:
            page.items.append(_line_item(piece))
    return page


def _line_item(piece: Line) -> Item:
    item = line_item(piece.text, piece.line)
    if piece.ref is None:
        return item
    if isinstance(item, Prose):
        return Prose(item.text, item.line, piece.ref)
    return Row(tuple(Cell(c.text, c.line, piece.ref) for c in item.cells))


def trim_row(cells: list[Cell]) -> list[Cell]:
    """Trailing empty cells carry no position; a row of only empty cells is no row."""
    end = len(cells)
    while end and not cells[end - 1].text:
        end -= 1
    return cells[:end]
