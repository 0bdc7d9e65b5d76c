"""Totals that the row numbers declare."""

from __future__ import annotations

from budget_checks.model import Cell, Page
from budget_checks.recognize.build import GENERIC
from budget_checks.recognize.codes import numbered_totals, row_number
from budget_checks.tables import Column, Table, TableRow


def _table(labels: list[str]) -> Table:
    table = Table(GENERIC, Page("p.txt"), 1, "", None, [Column("a", "A")])
    table.rows = [TableRow(label, "part", (None,), (None,), Cell(label)) for label in labels]
    return table


def test_row_numbers_are_read_as_levels() -> None:
    assert row_number("02.1 Bouwen") == ("2", "1")
    assert row_number("1. Inleiding") == ("1",)
    assert row_number("Bouwen") is None


def test_a_row_over_two_or_more_rows_one_level_deeper_is_their_total() -> None:
    table = _table(["02 Wonen", "02.1 Bouwen", "02.1.1 Nieuw", "02.2 Huren", "03 Werken", "03.1 Kantoren"])
    # 02 closes 02.1 and 02.2 (not 02.1.1, which is 02.1's); 02.1 has one sub-item and 03 one part: no totals
    assert numbered_totals(table) == [(0, (1, 3))]
