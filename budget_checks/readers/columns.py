"""Columns of a text table laid out with spaces, where a run of spaces can be an empty cell.

    Doel                       Lasten      Baten      Saldo   Toevoeging
    Doel 1.2.1 Vierde doel  17.358.614             17.358.614
    Doel 1.2.2 Vijfde doel   1.314.696          0   1.314.696            0

Splitting each line on runs of spaces loses where the empty cells were. Here a
block of consecutive lines is read by position instead: the lines with the
most cells set the columns (the character ranges their cells cover, merged
where they overlap), and every cell of every line goes to the column it
overlaps, or else to the nearest one. A cell that spans several columns (a
year above a group of columns) stands in the first of them. Blocks whose lines
all have the same number of cells, or whose cells all stand one fixed gap
apart (two spaces, as a separator rather than padding), are left to the plain
split.
"""

from __future__ import annotations

import re

_RUN = re.compile(r"\S+(?: \S+)*")  # a cell: words separated by single spaces
_MIN_CELLS = 3  # a table line has a label and at least two values, or three labels
_MAX_CELL_WORDS = 10
_GUTTER = 2  # cells of one line stand at least two spaces apart; closer ranges are one column


def aligned_rows(lines: list[str]) -> dict[int, tuple[str, ...]]:
    """1-based line number -> cell texts, for the lines of space-aligned blocks."""
    out: dict[int, tuple[str, ...]] = {}
    block: list[tuple[int, list[tuple[int, int, str]]]] = []
    for number, line in enumerate(lines, start=1):
        spans = _spans(line) if _has_gap(line) else []
        if len(spans) >= 2:
            block.append((number, spans))
            continue
        out.update(_read_block(block))
        block = []
    out.update(_read_block(block))
    return out


def has_gaps(text: str) -> bool:
    """Whether a line of the text may have whitespace other than single spaces between its
    words; without such a line `aligned_rows` finds nothing. May say yes when the gap stands
    at a line's edge, never no when there is one; a few C-speed passes over the page."""
    if "  " in text:
        return True
    # whitespace other than a space or a line break is what str.split still finds once those are gone
    # (the same characters as the regex `[^\S \n]`, without a regex step per character)
    rest = text.replace(" ", "").replace("\n", "")
    return bool(rest) and rest.split() != [rest]


def _has_gap(line: str) -> bool:
    """Whether a line has whitespace other than single spaces between its words: without
    it the line is one cell at most (most lines), and the regex below is spared."""
    stripped = line.strip()
    return " ".join(stripped.split()) != stripped


def _spans(line: str) -> list[tuple[int, int, str]]:
    if "\t" in line:
        return []  # tab-separated rows keep their empty cells already
    spans = [(m.start(), m.end(), m.group()) for m in _RUN.finditer(line.rstrip())]
    if any(len(text.split()) > _MAX_CELL_WORDS for _, _, text in spans):
        return []  # a sentence, not a row of cells
    return spans


def _read_block(block: list[tuple[int, list[tuple[int, int, str]]]]) -> dict[int, tuple[str, ...]]:
    if len(block) < 2:
        return {}
    counts = [len(spans) for _, spans in block]
    widest = max(counts)
    if widest < _MIN_CELLS or min(counts) == widest:
        return {}
    gaps = {b[0] - a[1] for _, spans in block for a, b in zip(spans, spans[1:])}
    if len(gaps) == 1:
        return {}  # every cell one fixed gap from the next ("Doel 1  100  20"): separated, not aligned
    columns = _columns([spans for _, spans in block if len(spans) == widest])
    if len(columns) < widest:
        return {}  # the widest lines disagree on where their columns are: not an aligned table
    out = {}
    for number, spans in block:
        cells = [""] * len(columns)
        for start, end, text in spans:
            column = _column_of(columns, start, end)
            if cells[column]:
                return {}  # two cells in one column: the layout is not what it seems
            cells[column] = text
        while cells and not cells[-1]:
            cells.pop()
        out[number] = tuple(cells)
    return out


def _columns(lines: list[list[tuple[int, int, str]]]) -> list[tuple[int, int]]:
    """Character ranges of the columns: the cells of the widest lines, merged where they overlap
    or touch (a value right-aligned one place past its label)."""
    ranges = sorted((start, end) for spans in lines for start, end, _ in spans)
    merged: list[list[int]] = []
    for start, end in ranges:
        if merged and start < merged[-1][1] + _GUTTER:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def _column_of(columns: list[tuple[int, int]], start: int, end: int) -> int:
    for i, (left, right) in enumerate(columns):
        if start < right and end > left:
            return i  # the first column it overlaps (a spanning cell stands in its first column)
    return min(range(len(columns)), key=lambda i: min(abs(start - columns[i][1]), abs(end - columns[i][0])))
