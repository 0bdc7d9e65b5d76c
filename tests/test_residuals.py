"""The array arithmetic of the totals against a plain reading of the rule, row by row:
a subtotal sums the parts above it; a total sums the subtotals since the previous total
and the parts below the last of them; an unreadable part makes the total unknown."""

import numpy as np
from hypothesis import given, strategies as st

from budget_checks.residuals import Masked, Rows, totals
from budget_checks.tables import PART, SUBTOTAL, TOTAL
from budget_checks.tolerance import Tolerance

_ROW = st.tuples(st.sampled_from([PART, PART, PART, SUBTOTAL, TOTAL]), st.none() | st.integers(-10**15, 10**15))
_TABLES = st.lists(st.lists(_ROW, min_size=1, max_size=12), min_size=1, max_size=4)


def _reference(tables):
    """(expected, residual, parts) per row: None where the row is not checked."""
    out = []
    for rows in tables:
        parts, subtotals = [], []
        for role, value in rows:
            if role == PART:
                parts.append(value)
                out.append(None)
                continue
            adds = parts + (subtotals if role == TOTAL else [])
            if not adds:
                out.append(None)
            else:
                known = None not in parts
                expected = sum(parts) + sum(s for s in subtotals if s is not None) * (role == TOTAL) if known else None
                residual = None if expected is None or value is None else value - expected
                out.append((expected, residual, len(adds)))
            subtotals = subtotals + [value] if role == SUBTOTAL else []
            parts = []
    return out


@given(_TABLES)
def test_totals_match_the_rule_read_row_by_row(tables) -> None:
    flat = [(t, role, value) for t, rows in enumerate(tables) for role, value in rows]
    values = [v for _, _, v in flat]
    rows = Rows(
        np.array([t for t, _, _ in flat], dtype=np.int64),
        np.array([role for _, role, _ in flat], dtype=str),
        {"x": Masked(np.array([v or 0 for v in values], dtype=np.int64), np.array([v is not None for v in values]))},
        {"x": np.ones(len(flat), dtype=bool)},
        {},
    )
    found = totals(rows, ["x"], Tolerance("exact"))
    for i, want in enumerate(_reference(tables)):
        residual = found.residual["x"]
        if want is None or want[1] is None:
            assert not residual.known[i]
            continue
        expected, difference, parts = want
        assert residual.known[i] and residual.values[i] == difference
        assert found.expected["x"].values[i] == expected and found.operands[i] == parts
        assert found.excess["x"].values[i] == abs(difference)  # the exact policy allows nothing


def test_a_total_adds_the_parts_after_the_last_subtotal_and_the_subtotals() -> None:
    table = [(PART, 1), (PART, 2), (SUBTOTAL, 3), (PART, 10), (SUBTOTAL, 10), (PART, 5), (TOTAL, 19)]
    rows = Rows(np.zeros(7, dtype=np.int64), np.array([r for r, _ in table]),
                {"x": Masked(np.array([v for _, v in table], dtype=np.int64), np.ones(7, dtype=bool))}, {"x": np.ones(7, dtype=bool)}, {})
    found = totals(rows, ["x"], Tolerance())
    assert found.expected["x"].values[-1] == 3 + 10 + 5 and found.residual["x"].values[-1] == 1
    assert found.operands[-1] == 3 and found.worst.values[-1] == 0  # 1 is within the rounding of 4 shown values
