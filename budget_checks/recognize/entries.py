"""A page's items as the rule layouts read them: a row of cells or a prose line, and the unit
label its cells state (asked of every item for every rule, so answered once)."""

from __future__ import annotations

import re
from functools import lru_cache

from budget_checks.model import Cell, Item, Prose, prose_cell
from budget_checks.numbers import UNIT_REMAINS, Unit, find_unit, strip_unit


class Entry:
    """One item of the page: a row of cells or a prose line. A plain class with its answers
    stored: the recognizer asks them of every item for every rule."""

    __slots__ = ("cells", "prose", "first", "single", "_unit")

    def __init__(self, cells: tuple[Cell, ...], prose: bool = False) -> None:
        self.cells = cells
        self.prose = prose
        self.first = cells[0] if cells else Cell("")
        self.single = len(cells) == 1
        self._unit: tuple[Unit, str] | None | bool = False  # not looked for yet

    @property
    def unit(self) -> tuple[Unit, str] | None:
        """The last unit label among the cells, and its cell's text (prose states none)."""
        if self._unit is False:
            self._unit = None if self.prose else last_unit(self.cells)
        return self._unit


def entries_of(items: list[Item]) -> list[Entry]:
    """A page's items as entries (a prose line as one cell), made once per page for every reader of them."""
    return [Entry((prose_cell(i),), True) if isinstance(i, Prose) else Entry(i.cells) for i in items]


def last_unit(cells: tuple[Cell, ...]) -> tuple[Unit, str] | None:
    for cell in reversed(cells):
        found = find_unit(cell.text)
        if found:
            return found[0], cell.text
    return None


@lru_cache(maxsize=1 << 16)  # the same labels and cells recur on every page
def norm_words(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[−–—]", "-", text)  # "begroting − realisatie" reads as "begroting - realisatie"
    return " ".join(re.sub(r"[^\w'/()%€.+-]+", " ", text).split())


@lru_cache(maxsize=1 << 16)
def bare_title(text: str) -> str:
    return norm_words(UNIT_REMAINS.sub("", strip_unit(text)[0]))
