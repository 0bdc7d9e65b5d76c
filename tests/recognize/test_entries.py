"""A page's items as the rule layouts read them."""

from __future__ import annotations

from budget_checks.model import Cell, Prose, Row
from budget_checks.recognize.entries import entries_of


def test_a_prose_line_is_one_cell_and_a_row_keeps_its_cells() -> None:
    prose, row = Prose("Een regel tekst.", 3, "t1:r2c1"), Row((Cell("Lasten", 4), Cell("100", 4)))
    first, second = entries_of([prose, row])
    assert first.prose and first.single and first.cells == (Cell("Een regel tekst.", 3, "t1:r2c1"),) and type(first.first) is Cell
    assert not second.prose and second.cells == row.cells and second.first == Cell("Lasten", 4) and not second.single
