"""The page model that every reader produces and the recognizer consumes.

A page is a sequence of items in source order. An item is either a piece of
prose or a row of cells. In the cell-per-line layout every row holds one cell;
in the one-line-per-row layout a row holds a label and its values. The
recognizer, not the reader, decides which items form a table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple


# Cells, prose and rows are named tuples, not frozen dataclasses: as immutable, and a page is
# made of thousands of them, which a named tuple builds in a third of the time.
class Cell(NamedTuple):
    """One cell of text with the place it came from."""

    text: str
    line: int | None = None  # 1-based source line (text, csv)
    ref: str | None = None  # source cell reference (xlsx "Sheet!C7", html "t2:r3c4")


class Prose(NamedTuple):
    text: str
    line: int | None = None
    ref: str | None = None


class Row(NamedTuple):
    """A row of cells as the source laid them out (one cell for cell-per-line)."""

    cells: tuple[Cell, ...]
    positional: bool = False  # the cells stand at their columns' positions, empty cells kept (pipes, tabs, html, xlsx, csv)
    spaced: bool = False  # a line without gaps cut at single spaces: a label and the values after it


Item = Prose | Row

_new_tuple = tuple.__new__


def one_cell_row(text: str, line: int | None) -> Row:
    """`Row((Cell(text, line),))`, built by tuple's own constructor: most lines of most pages are one
    cell, and the named tuples' constructors are Python functions (twice the time)."""
    return _new_tuple(Row, ((_new_tuple(Cell, (text, line, None)),), False, False))


def prose_cell(prose: Prose) -> Cell:
    """A prose line as a cell: the same fields (text, line, ref), by tuple's own constructor."""
    return _new_tuple(Cell, prose)


@dataclass(frozen=True, slots=True)
class Footer:
    """`Deze pagina is gebouwd op ... met de export van ...`."""

    built_at: datetime
    exported_at: datetime
    line: int | None = None


@dataclass(slots=True)
class Page:
    path: str  # as given, or relative inside a folder or zip
    title: str = ""
    breadcrumbs: tuple[str, ...] = ()
    items: list[Item] = field(default_factory=list)
    footer: Footer | None = None
    layout: str = "cell-per-line"
    source_format: str = "text"
    text: str = ""  # the page as read, for a text format: where a word on the page is looked up at once


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """A file or member that could not be read (becomes a located finding)."""

    path: str
    message: str
    line: int | None = None
    code: str = "IO101"


@dataclass(slots=True)
class Document:
    """One export of one budget: a folder, a zip or a single page file."""

    path: str
    pages: list[Page] = field(default_factory=list)
    problems: list[ReadProblem] = field(default_factory=list)
