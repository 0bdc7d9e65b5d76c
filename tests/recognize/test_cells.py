"""What a cell holds: plain numbers are told quickly, and told as every other cell is."""

from __future__ import annotations

from hypothesis import example, given, strategies as st

from budget_checks.recognize.cells import CODE, VALUE, YEAR, _kind, kind


@given(st.text(alphabet="0123456789.-", min_size=1, max_size=20))
@example("2025")
@example("1900")
@example("-2025")
@example("1.234")
@example("12")
def test_a_plain_number_is_told_as_the_general_steps_tell_it(text):
    assert kind(text) == _kind(text.strip())


def test_years_amounts_and_codes() -> None:
    assert [kind(t) for t in ("2025", "1.234", "-12", "0.61", "04.01")] == [YEAR, VALUE, VALUE, CODE, CODE]
