"""Cutting a page into tables and reading each table's rows, per layout."""

from __future__ import annotations

from budget_checks.readers.text import read_text
from budget_checks.recognize.grid import Items, blocks
from budget_checks.recognize.region import regions
from budget_checks.recognize.roles import is_total_label, vocabulary
from budget_checks.rulebook import load_rulebook

VOCAB = vocabulary(load_rulebook())


def _regions(text: str):
    page = read_text(text.encode(), "p.txt")
    return [r for b in blocks(Items(page), [False] * len(page.items)) for r in regions(b, VOCAB.header, lambda l: is_total_label(l, VOCAB))]


def _rows(region) -> list[tuple[str, list[str]]]:
    return [(r.label, [v.text for v in r.values if v is not None]) for r in region.rows if not r.heading]


def test_two_tables_side_by_side_on_one_line_become_two() -> None:
    found = _regions("Balans\nActiva  2024  2025  Passiva  2024  2025\nVaste activa  100  120  Eigen vermogen  80  90\n"
                     "Totaal activa  100  120  Totaal passiva  80  90\n")
    assert [_rows(r) for r in found] == [
        [("Vaste activa", ["100", "120"]), ("Totaal activa", ["100", "120"])],
        [("Eigen vermogen", ["80", "90"]), ("Totaal passiva", ["80", "90"])],
    ]


def test_a_subtotal_printed_beside_the_last_item_is_a_row_of_its_own() -> None:
    cells = ["Balans", "Activa", "31-12-2019", "31-12-2018", "Vaste activa", "Immateriële vaste activa",
             "Post A", "100", "90", "Post B", "20", "30", "120", "120", "Materiële vaste activa",
             "Post C", "5", "6", "Post D", "7", "8", "Post E", "9", "10", "21", "24", "Vaste activa", "141", "144"]
    [region] = _regions("\n\n".join(cells))
    assert region.width == 2  # the dates name two columns; four values on a line are a row and its subtotal
    assert _rows(region)[1:3] == [("Post B", ["20", "30"]), ("", ["120", "120"])]


def test_a_card_labels_its_columns_and_has_one_row() -> None:
    [region] = _regions("\n\n".join(["Reserves", "Stand 1-1", "Toevoegingen", "Onttrekkingen", "Stand 31-12", "1.000", "200", "100", "1.100"]))
    assert region.width == 4 and _rows(region) == [("", ["1.000", "200", "100", "1.100"])]


def test_a_row_with_one_value_more_than_its_header_names_is_overfull() -> None:
    [region] = _regions("Overzicht baten en lasten\nLasten  Baten  Saldo\nDoel 1  100  20  80\nDoel 2  50  10  40  7\n"
                        "Doel 3  60  10  50\nDoel 4  70  10  60\n")
    assert region.width == 3  # most rows show what the header names


def test_a_small_number_ending_a_name_on_its_line_is_no_value() -> None:
    [region] = _regions("Overzicht posten\nx € 1.000\nPost A 8 10 10 2\nPost B 46 51 51 5\nVerkoop kavel 6 210 210 0 0\n"
                        "Post C 49 49 0 0\nPost D 21 21 21 0\nNoordelijk deel fase 4 34 34 34 0\n")
    assert region.width == 4  # most rows show four values; `6` and `4` end two names
    assert _rows(region)[2] == ("Verkoop kavel 6", ["210", "210", "0", "0"])
    assert _rows(region)[5] == ("Noordelijk deel fase 4", ["34", "34", "34", "0"])


def test_a_small_first_value_apart_from_its_label_stays_a_value() -> None:
    [region] = _regions("Overzicht posten\nRaming  Wijziging  Na wijziging\nPost A  12  3  15\nPost B  40  40\nPost C  7  7\n")
    assert _rows(region)[0] == ("Post A", ["12", "3", "15"])  # cells apart by gaps: `12` is no part of the name
