"""Totals between rows: which rows a row closes, and which rows close nothing."""

from __future__ import annotations

from budget_checks.readers.text import read_text
from budget_checks.recognize.page import recognize_page
from budget_checks.rulebook import load_rulebook
from budget_checks.tolerance import Tolerance

BOOK = load_rulebook()


def _tables(text: str):
    return recognize_page(read_text(text.encode(), "p.txt"), BOOK, Tolerance()).tables


def _totals(table) -> set[tuple[str, int]]:
    return {(table.rows[rel.target[0]].label, len(rel.terms)) for rel in table.relations if rel.source == "structure"}


def test_a_last_row_without_a_label_closes_the_named_rows_above_it() -> None:
    [table] = _tables("Middelen\nBedragen x € 1.000\nBedrag Verhouding\nUitkering uit het fonds 58.750 84%\n"
                      "Eigen heffingen 10.410 15%\nRente en dividend 1.094 2%\n70.291 100%\n")
    assert ("", 3) in _totals(table)


def test_among_rows_without_names_the_last_closes_nothing() -> None:
    # a row's values, one per line, at the end of a page that was cut: read as a column of nameless rows
    text = ("INCIDENTEEL  | \n\t\t||||||\ntotaal baten (voor mutaties reserves)  | \n"
            + "".join(f"\t\t {v}  | \n" for v in ("-18.439", "3.283", "-6.234", "-7.462", "-4.698")))
    assert all(not _totals(table) for table in _tables(text))
