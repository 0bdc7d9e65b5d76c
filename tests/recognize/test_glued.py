"""Rows whose numbers an extraction glued together: what is taken for glued, and how it is read."""

from __future__ import annotations

import pytest

from budget_checks.recognize.glued import readings, split_glued, split_glued_header, width_of


@pytest.mark.parametrize(("text", "expected"), [
    ("Programma 21.2346785561.200", ("Programma", "21.2346785561.200")),
    ("Baten-195.479-184.652-182.362", ("Baten", "-195.479-184.652-182.362")),
    ("Structureel438309309309309309", ("Structureel", "438309309309309309")),
])
def test_a_label_with_digits_run_together_is_glued(text, expected) -> None:
    assert split_glued(text) == expected


@pytest.mark.parametrize("text", ["Stand 1-1-2024", "Stand 31-12-2024", "Overzicht x € 1.000.000", "Begroting 2025",
                                  "Doel 1.2.3", "Lasten 1.234", "12.345.678"])
def test_dates_units_years_codes_and_plain_numbers_are_not(text) -> None:
    assert split_glued(text) is None


def test_a_header_glued_after_each_year_is_cut_there() -> None:
    assert split_glued_header("Rekening 2017Begroting 2018Begroting 2019") == ["Rekening 2017", "Begroting 2018", "Begroting 2019"]
    assert split_glued_header("Begroting 2019 na wijziging") is None


def test_readings_are_every_split_into_well_formed_amounts() -> None:
    found = {amounts for label, amounts in readings("Programma", "21.2346785561.200", 4) if label == "Programma"}
    assert ("21.234", "678", "556", "1.200") in found
    assert all(len(a) == 4 for a in found)
    with_number = {amounts for label, amounts in readings("Programma", "21.2346785561.200", 4) if label == "Programma 2"}
    assert ("1.234", "678", "556", "1.200") in with_number
    assert readings("Rij", "00000", 6) == []  # five digits cannot be six amounts


def test_the_width_is_the_fewest_columns_that_read_the_most_rows() -> None:
    assert width_of(["438309309309309309", "10.23111.2509.1909.2229.3349.265", "600000"]) == 6
