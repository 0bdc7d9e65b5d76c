"""The identities a family declares, wherever its roles stand: kept per header, never across headers."""

from __future__ import annotations

from budget_checks.readers.text import read_text
from budget_checks.recognize import declared
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
