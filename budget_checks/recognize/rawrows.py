"""The cells of a table before anything is made of them: its raw rows and its region, and what
the cutting and the reading of rows share (which lines hold values, which cells name columns)."""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from budget_checks.model import Cell
from budget_checks.recognize.grid import Line

_YEARISH = re.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)|\d{1,2}[-/]\d{1,2}(?:[-/]\d{2,4})?|\(\w\)")


@dataclass(slots=True)
class RawRow:
    labels: list[Cell]  # the label cells (a code and a name, two levels)
    values: list[Cell | None]  # positional: one per column; otherwise as read, placed later
    markers: list[Cell] = field(default_factory=list)
    positional: bool = False
    heading: bool = False  # a row without values: a section heading
    preferred: tuple[int, ...] = ()  # columns its values stood in, when that reading is in doubt
    glued: Cell | None = None  # its values glued into one run of digits (glued.py decodes them)
    spaced: bool = False  # its line was cut at single spaces (the label may end in a number)

    @property
    def label(self) -> str:
        return " ".join(c.text.strip() for c in self.labels if c.text.strip())

    @property
    def line(self) -> int | None:
        for c in [*self.labels, *(v for v in self.values if v is not None)]:
            if c.line is not None:
                return c.line
        return None

    def first_cell(self) -> Cell | None:
        cells = [*self.labels, *(v for v in self.values if v is not None)]
        return cells[0] if cells else None


@dataclass(slots=True)
class Region:
    """One table's cells, before anything is made of them."""

    above: list[Cell]  # text cells above the header: titles, captions, unit notes
    header: list[list[Cell]]  # header lines (positional: cells at their columns; else one flat list)
    rows: list[RawRow]
    width: int  # value columns
    positional: bool
    below: list[Cell] = field(default_factory=list)  # unit notes and legends right under it
    columns_at: list[int] = field(default_factory=list)  # positional: the cell index of each value column
    items: tuple[int, int] = (0, 0)  # the page items it covers


def columnish(text: str, words: frozenset[str]) -> bool:
    """A cell that could name a column: a year or a date, a formula letter, or a header word."""
    return _columnish(text, words) if len(text) <= 200 else _columnish.__wrapped__(text, words)  # huge cells never stay in memory


@lru_cache(maxsize=1 << 14)  # header words and labels recur on every page; the vocabulary's words are one frozenset
def _columnish(text: str, words: frozenset[str]) -> bool:
    t = text.strip()
    if not t:
        return False
    if _YEARISH.search(t):
        return True
    first = t.lower().split()[0].strip("():,.*")
    return first in words


def line_count(line: Line) -> int:
    return line.values


def is_data(line: Line) -> bool:
    return line.numbers > 0 or line.glued or (line.values > 0 and not line.years_only)
