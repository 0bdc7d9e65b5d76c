"""The page's text in lower case, as the legends look their words up in it."""

from __future__ import annotations

from hypothesis import example, given, strategies as st

from budget_checks.recognize.legends import lower


@given(st.text())
@example("Saldo € 1.000 • VOORDELIG")
@example("Één Ærø ΑΣ İstanbul")  # wide letters lower() changes, one of them by its context
@example("ab\udc80")  # a lone surrogate
def test_lower_is_str_lower(text: str) -> None:
    assert lower(text) == text.lower()
