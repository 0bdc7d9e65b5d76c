"""The identities a family declares, wherever its roles stand: kept per header, never across headers."""

from __future__ import annotations

import numpy as np
from hypothesis import given, strategies as st

from budget_checks.matrix import Matrix
from budget_checks.readers.text import read_text
from budget_checks.recognize import declared
from budget_checks.recognize.discover import ColumnRule
from budget_checks.recognize.page import recognize_page
from budget_checks.rulebook import load_rulebook
from budget_checks.tolerance import Tolerance

BOOK = load_rulebook()
ONE_BAND = "Overzicht baten en lasten\nLasten  Baten  Saldo\nProgramma 1  100  40  60\nProgramma 2  50  20  30\n"
TWO_BANDS = ("Overzicht baten en lasten\nBegroting 2025  Begroting 2026\nLasten  Baten  Saldo  Lasten  Baten  Saldo\n"
             "Programma 1  100  40  60  110  40  70\nProgramma 2  50  20  30  55  20  35\n")
SAME_LABELS_OTHER_ROLES = "Overzicht baten en lasten\nLasten  Saldo  Baten\nProgramma 1  100  60  40\nProgramma 2  50  30  20\n"


def _declared(text: str) -> set[tuple]:
    [table] = recognize_page(read_text(text.encode(), "p.txt"), BOOK, Tolerance()).tables
    return {(r.code, r.target, r.terms) for r in table.relations if r.source == "declared"}


def test_the_rules_of_one_header_are_not_taken_for_another() -> None:
    declared._PLANNED.clear()
    fresh = {text: _declared(text) for text in (ONE_BAND, TWO_BANDS, SAME_LABELS_OTHER_ROLES)}
    assert len({frozenset(found) for found in fresh.values()}) == 3
    for text in (TWO_BANDS, SAME_LABELS_OTHER_ROLES, ONE_BAND, TWO_BANDS):  # read again, after other headers
        assert _declared(text) == fresh[text]
    assert {(code, target) for code, target, _ in fresh[TWO_BANDS]} >= {("BL101", (0, 5)), ("BL101", (1, 5))}  # the second band's saldo


_CELL = st.tuples(st.integers(-3, 3), st.booleans(), st.integers(0, 3))  # small: residuals near the margin
_RULE = st.tuples(st.integers(0, 3), st.lists(st.tuples(st.integers(0, 3), st.sampled_from([1, -1])), min_size=1, max_size=3))
_TOLERANCES = st.sampled_from([Tolerance(), Tolerance(policy="exact"), Tolerance(policy="absolute", absolute=1)])


@given(st.lists(_CELL, min_size=12, max_size=12), st.lists(_RULE, min_size=1, max_size=4), st.lists(st.integers(0, 2), min_size=1),
       _TOLERANCES, st.integers(0, 1))
def test_a_few_places_are_read_as_a_matrix_product_reads_them(cells, drawn, rows, tolerance, decimals) -> None:
    """The plain reading of a few rows (a goal's one-row table) against the matrix product for many."""
    values = np.array([c[0] for c in cells], dtype=np.int64).reshape(3, 4)
    known = np.array([c[1] for c in cells]).reshape(3, 4)
    halfsteps = np.array([c[2] for c in cells], dtype=np.int64).reshape(3, 4)
    m = Matrix(values, known, halfsteps, halfsteps > 0, np.zeros(4, dtype=bool), decimals)
    rules = [ColumnRule("XX101", target, tuple(terms), "x") for target, terms in drawn]
    assert declared._fits_plain(rules, rows, m, tolerance) == declared._fits_matrix(rules, rows, m, tolerance)
