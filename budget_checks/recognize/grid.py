"""Where the tables are: runs of rows with values, in whatever layout the page has.

A page is a stream of items. In the cell-per-line layout every cell stands on a line
of its own, so a row is rebuilt from the stream: text cells (its label, perhaps a
header before it), then its values. Rows that keep their cells' positions (pipes,
tabs, html, xlsx, csv) and rows split into a label and values (one row per line)
are rows already. A block is a run of such rows between pieces of running text; a
block is cut into tables where a new header starts. Nothing here depends on what a
table is called: titles, captions and unit notes are found later, near the rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from budget_checks.model import Cell, Page, Prose
from budget_checks.recognize.cells import CODE, MARKER, OPERATORS, TEXT, VALUE, YEAR, is_sentence, is_unit_note, kind
from budget_checks.recognize.glued import GLUED, split_glued, split_glued_header
from budget_checks.recognize.entries import entries_of
from budget_checks.recognize.widgets import lone_box, widget_length


@dataclass(slots=True)
class Line:
    """One row as the page lays it out: its cells in order and what each holds."""

    cells: list[Cell]
    kinds: list[str]
    positional: bool
    start: int  # index of its first item
    end: int  # index after its last item
    stream: bool = False  # rebuilt from a stream of one cell per line (its lead may hold a header or a heading)
    spaced: bool = False  # cut at single spaces: where its label ends and its values start is a guess

    @property
    def values(self) -> int:
        return sum(1 for k in self.kinds if k in (VALUE, YEAR))

    @property
    def numbers(self) -> int:
        return sum(1 for k in self.kinds if k == VALUE)

    @property
    def glued(self) -> bool:
        return GLUED in self.kinds

    @property
    def lead(self) -> int:
        """Cells before the first value (its label, and what stands above it)."""
        for i, k in enumerate(self.kinds):
            if k in (VALUE, YEAR, GLUED):
                return i
        return len(self.kinds)

    @property
    def years_only(self) -> bool:
        ks = [k for k in self.kinds if k in (VALUE, YEAR)]
        return bool(ks) and all(k == YEAR for k in ks)

    @property
    def line(self) -> int | None:
        return self.cells[0].line if self.cells else None

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass(slots=True)
class Block:
    """A run of lines between pieces of running text (or page edges)."""

    lines: list[Line] = field(default_factory=list)


class Items:
    """The page's items with the widget boxes marked: they are neither rows nor tables."""

    def __init__(self, page: Page) -> None:
        self.items = page.items
        self.widget = [False] * len(page.items)
        self.entries = entries = entries_of(page.items)  # the rule layouts read them too
        # a box's amount is in euros, in its own row or in the next: only there can one start
        euros = [("€" in e.first.text) if e.single else any("€" in c.text for c in e.cells) for e in entries]
        euros.append(False)
        pos = 0
        while pos < len(entries):
            size = widget_length(entries, pos) if euros[pos] or euros[pos + 1] else 0
            if size:
                self.widget[pos : pos + size] = [True] * size
                pos += size
            else:
                pos += 1
        if any(self.widget):  # a page with boxes: a box whose share was left out is one too
            for pos in range(len(entries)):
                if not self.widget[pos] and (size := lone_box(entries, pos)):
                    self.widget[pos : pos + size] = [True] * size


def blocks(items: Items, taken: list[bool]) -> list[Block]:
    """The page's blocks of lines, skipping items already taken (widgets, rule-read tables)."""
    out: list[Block] = []
    current = Block()
    pending: list[tuple[int, Cell]] = []  # cells of the cell-per-line stream not yet closed into a line

    def close_pending() -> None:
        if pending:
            current.lines.extend(_stream_lines(pending))
            pending.clear()

    def close_block() -> None:
        nonlocal current
        close_pending()
        if current.lines:  # an empty block stays the current one: most items close nothing
            out.append(current)
            current = Block()

    for i, item in enumerate(items.items):
        if taken[i] or items.widget[i]:
            close_block()
            continue
        if isinstance(item, Prose):
            if item.text.rstrip().endswith(":") and (current.lines or pending):
                # `... voorschotbedragen die dienen ter dekking van:` introduces the rows under it
                pending.append((i, Cell(item.text, item.line, item.ref)))
                continue
            close_block()
            continue
        cells = item.cells
        if len(cells) == 1 and not item.positional:
            text = cells[0].text.strip()
            if not text:
                continue
            if is_sentence(text):
                close_block()
                continue
            pending.append((i, cells[0]))
            continue
        close_pending()
        if not any(c.text.strip() for c in cells):
            continue
        kinds = [kind(c.text) if c.text.strip() else "" for c in cells]
        if not item.positional and all(k in (TEXT, CODE, MARKER) for k in kinds) and is_sentence(" ".join(c.text for c in cells)):
            close_block()
            continue
        current.lines.append(Line(list(cells), kinds, item.positional, i, i + 1, spaced=item.spaced))
    close_block()
    return out


def _stream_lines(stream: list[tuple[int, Cell]]) -> list[Line]:
    """Cell-per-line: text cells start a line, values follow them; a text after values starts the next."""
    out: list[Line] = []
    cells: list[Cell] = []
    kinds: list[str] = []
    start = stream[0][0]
    last = start
    seen_value = False
    cells_kinds = list(_unglued(stream))
    for n, (index, cell, k) in enumerate(cells_kinds):
        if k == CODE and seen_value and (n + 1 >= len(cells_kinds) or cells_kinds[n + 1][2] in (VALUE, YEAR)):
            k = VALUE  # between values, `5.9.73` is a malformed amount, not the number of a next row
        if k in (TEXT, CODE, GLUED) and seen_value:
            out.append(Line(cells, kinds, False, start, last + 1, stream=True))
            cells, kinds, start, seen_value = [], [], index, False
        if k == MARKER and not seen_value and cell.text.strip() not in OPERATORS:
            k = TEXT  # "N/V" above a column is a heading; an operator (+, -/-) stays one
        cells.append(cell)
        kinds.append(k)
        seen_value = seen_value or k in (VALUE, YEAR, GLUED)
        last = index
    if cells:
        out.append(Line(cells, kinds, False, start, last + 1, stream=True))
    return out


def _unglued(stream: list[tuple[int, Cell]]):
    """(index, cell, kind) of the stream, a label with glued values cut into the label and the
    values, a glued header into its labels."""
    for index, cell in stream:
        k = kind(cell.text)
        if k == TEXT:
            glued = split_glued(cell.text)
            if glued is not None:
                yield index, Cell(glued[0], cell.line, cell.ref), TEXT
                yield index, Cell(glued[1], cell.line, cell.ref), GLUED
                continue
            header = split_glued_header(cell.text) if len(cell.text) > 14 else None
            if header is not None:
                for part in header:
                    yield index, Cell(part, cell.line, cell.ref), TEXT
                continue
        yield index, cell, k


def is_unit_line(line: Line) -> bool:
    return all(k == TEXT for k in line.kinds if k) and any(is_unit_note(c.text) for c in line.cells)
