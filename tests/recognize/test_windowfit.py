"""The window sums of the structure parse, all window sizes at once, against each window on its own."""

from __future__ import annotations

import numpy as np
from hypothesis import given, strategies as st

from budget_checks.matrix import Matrix
from budget_checks.recognize.windowfit import cumulative_fits, window_fits
from budget_checks.tolerance import Tolerance

ROWS = 7
_CELL = st.tuples(st.sampled_from([0, 0, 1, -1, 5, 40, 45, 100, 10**6, -(10**9)]), st.booleans(), st.integers(0, 2))
_TOLERANCES = st.sampled_from([Tolerance(), Tolerance(policy="exact"), Tolerance(policy="absolute", absolute=2)])


@given(st.integers(1, 9), st.data(), _TOLERANCES, st.integers(0, 2), st.integers(1, 2))
def test_every_window_size_fits_as_that_window_alone(columns, data, tolerance, decimals, nonzero) -> None:
    cells = data.draw(st.lists(_CELL, min_size=ROWS * columns, max_size=ROWS * columns))
    # sums that hold: the first row is the sum of the next ones in some columns
    values = np.array([c[0] for c in cells], dtype=np.int64).reshape(ROWS, columns)
    if data.draw(st.booleans()):
        values[0] = values[1:4].sum(axis=0) + data.draw(st.sampled_from([0, 1, -1, 3]))
    known = np.array([c[1] or c[0] == 0 for c in cells]).reshape(ROWS, columns)
    halfsteps = np.array([c[2] for c in cells], dtype=np.int64).reshape(ROWS, columns)
    m = Matrix(values, known, halfsteps, halfsteps > 0, np.zeros(columns, dtype=bool), decimals)
    r = data.draw(st.integers(0, ROWS - 1))
    order = data.draw(st.permutations([i for i in range(ROWS) if i != r]))
    signs = data.draw(st.lists(st.sampled_from([1, -1]), min_size=len(order), max_size=len(order)))
    held, failed, evidence = cumulative_fits(m, tolerance, r, order, signs, nonzero)
    for k in range(1, len(order) + 1):
        [(h, f, e)] = window_fits(m, tolerance, r, tuple(order[:k]), [tuple(signs[:k])], nonzero)
        assert (held[k - 1], failed[k - 1], evidence[k - 1]) == (h, f, e)  # the very same float


def test_a_total_of_three_rows_holds_in_every_column_from_the_third_row_on() -> None:
    values = np.array([[60, 600], [10, 100], [20, 200], [30, 300]], dtype=np.int64)
    m = Matrix(values, np.ones((4, 2), dtype=bool), np.ones((4, 2), dtype=np.int64), np.ones((4, 2), dtype=bool),
               np.zeros(2, dtype=bool), 0)
    held, failed, evidence = cumulative_fits(m, Tolerance(), 0, [3, 2, 1], [1, 1, 1], 2)
    assert (held, failed) == ([0, 0, 2], [2, 2, 0])
    assert evidence[2] > 0 and evidence[:2] == [0.0, 0.0]
