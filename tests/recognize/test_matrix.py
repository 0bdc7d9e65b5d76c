"""The vectorised evaluation of relations against a plain reading of each one, cell by cell."""

from __future__ import annotations

import numpy as np
from hypothesis import given, strategies as st

from budget_checks.matrix import Matrix, evaluate
from budget_checks.tables import Relation, Term
from budget_checks.tolerance import Tolerance

ROWS, COLS = 5, 4
_CELL = st.tuples(st.integers(-10**12, 10**12), st.booleans(), st.integers(0, 3))  # value, known, halfsteps
_PLACE = st.tuples(st.integers(0, ROWS - 1), st.integers(0, COLS - 1))
_RELATION = st.tuples(_PLACE, st.lists(st.tuples(_PLACE, st.sampled_from([1, -1])), min_size=1, max_size=4))


@given(st.lists(_CELL, min_size=ROWS * COLS, max_size=ROWS * COLS), st.lists(_RELATION, max_size=8))
def test_residuals_margins_and_unknowns_match_a_plain_reading(cells, drawn) -> None:
    values = np.array([c[0] for c in cells], dtype=np.int64).reshape(ROWS, COLS)
    known = np.array([c[1] for c in cells]).reshape(ROWS, COLS)
    halfsteps = np.array([c[2] for c in cells], dtype=np.int64).reshape(ROWS, COLS)
    m = Matrix(values, known, halfsteps, halfsteps > 0, np.zeros(COLS, dtype=bool), 0)
    relations = [Relation("XX101", target, tuple(Term(r, c, s) for (r, c), s in terms), "x") for target, terms in drawn]
    e = evaluate(relations, m, Tolerance())
    for k, (target, terms) in enumerate(drawn):
        places = [target, *(place for place, _ in terms)]
        all_known = all(known[r, c] for r, c in places)
        assert bool(e.known[k]) == all_known
        expected = int(values[target]) - sum(s * int(values[place]) for place, s in terms)
        assert int(e.residual[k]) == (expected if all_known else 0)
        assert int(e.allowed[k]) == sum(int(halfsteps[place]) for place in places) // 2


@given(st.lists(_CELL, min_size=ROWS * COLS, max_size=ROWS * COLS), st.lists(_RELATION, max_size=24),
       st.sampled_from([Tolerance(), Tolerance(policy="exact"), Tolerance(policy="absolute", absolute=3)]))
def test_a_few_relations_read_cell_by_cell_as_the_vectorised_reading_gives(cells, drawn, tolerance) -> None:
    from budget_checks.matrix import _evaluate_matrix, _evaluate_plain

    values = np.array([c[0] for c in cells], dtype=np.int64).reshape(ROWS, COLS)
    known = np.array([c[1] for c in cells]).reshape(ROWS, COLS)
    halfsteps = np.array([c[2] for c in cells], dtype=np.int64).reshape(ROWS, COLS)
    m = Matrix(values, known, halfsteps, halfsteps > 0, np.zeros(COLS, dtype=bool), 1)
    relations = [Relation("XX101", target, tuple(Term(r, c, s) for (r, c), s in terms), "x") for target, terms in drawn]
    plain, vectorised = _evaluate_plain(relations, m, tolerance), _evaluate_matrix(relations, m, tolerance)
    for field in ("residual", "allowed", "known"):
        got, expected = getattr(plain, field), getattr(vectorised, field)
        assert got.dtype == expected.dtype and got.tolist() == expected.tolist()


def test_a_residual_beyond_64_bits_is_no_crash() -> None:
    big = 2**62
    m = Matrix(np.array([[-big, big, big]]), np.ones((1, 3), dtype=bool), np.zeros((1, 3), dtype=np.int64), np.ones((1, 3), dtype=bool),
               np.zeros(3, dtype=bool), 0)
    relation = Relation("XX101", (0, 0), (Term(0, 1, 1), Term(0, 2, 1)), "a = b + c")
    assert evaluate([relation], m, Tolerance()).known.tolist() == [True]


def test_exact_policy_allows_nothing() -> None:
    m = Matrix(np.array([[10, 4, 5]]), np.ones((1, 3), dtype=bool), np.ones((1, 3), dtype=np.int64), np.ones((1, 3), dtype=bool),
               np.zeros(3, dtype=bool), 0)
    relation = Relation("XX101", (0, 0), (Term(0, 1, 1), Term(0, 2, 1)), "a = b + c")
    assert evaluate([relation], m, Tolerance()).allowed.tolist() == [1]
    assert evaluate([relation], m, Tolerance(policy="exact")).allowed.tolist() == [0]
    assert evaluate([relation], m, Tolerance()).residual.tolist() == [1]


def test_a_tables_matrix_is_read_again_once_a_row_changes() -> None:
    """The matrix is kept for the recognizer and the arithmetic alike, and never outlives the rows it was read from."""
    from budget_checks.matrix import matrix
    from budget_checks.numbers import parse_number
    from budget_checks.readers.text import read_text
    from budget_checks.recognize.page import recognize_page
    from budget_checks.rulebook import load_rulebook

    page = read_text(b"Overzicht\nLasten  Baten  Saldo\nPost A  100  40  60\nPost B  50  20  30\n", "p.txt")
    [table] = recognize_page(page, load_rulebook(), Tolerance()).tables
    first = matrix(table)
    assert matrix(table) is first  # nothing changed: the same matrix
    row = table.rows[1]
    row.parsed = tuple(parse_number(t, amount=True) for t in ("50", "25", "25"))
    assert matrix(table).values[1].tolist() == [50, 25, 25]
    row.placement = "ambiguous"
    assert not matrix(table).known[1].any()
    row.placement = "given"
    assert matrix(table).known[1].all()


def test_a_tables_matrix_as_lists_is_its_arrays_as_lists() -> None:
    from budget_checks.matrix import matrix
    from budget_checks.readers.text import read_text
    from budget_checks.recognize.page import recognize_page
    from budget_checks.rulebook import load_rulebook

    page = read_text(b"Overzicht\nLasten  Baten  Saldo\nPost A  1.000,5  40  pm\nPost B  50  -  30\n", "p.txt")
    [table] = recognize_page(page, load_rulebook(), Tolerance()).tables
    m = matrix(table)
    assert repr(m.as_lists()) == repr((m.values.tolist(), m.known.tolist(), m.halfsteps.tolist(), m.shown.tolist()))  # True is not 1
    assert m.decimals == 1 and m.values.tolist()[0][0] == 10005
