"""Relations between columns found in the numbers."""

from __future__ import annotations

from budget_checks.readers.text import read_text
from budget_checks.recognize.page import recognize_page
from budget_checks.rulebook import load_rulebook
from budget_checks.tolerance import Tolerance

BOOK = load_rulebook()


def test_rows_placed_by_their_total_show_the_relation_the_complete_rows_were_too_few_to_show() -> None:
    rows = [("2.a Besluit een", "691", "691"), ("2.b Besluit twee", "-90", "-90"), ("2.c Besluit drie", "-192", "-192"),
            ("2.d Besluit vier", "1.036", "-72", "1.108"), ("2.e Besluit vijf", "65", "65"), ("2.f Besluit zes", "910", "910"),
            ("Totalen regels 2", "2.420", "1.312", "1.108")]
    cells = ["Besluiten", "Totaal", "Gewone zaken", "Grondexploitatie", *(cell for row in rows for cell in row)]
    [table] = recognize_page(read_text(("\n\n".join(cells) + "\n").encode(), "p.txt"), BOOK, Tolerance()).tables
    assert [r.placement for r in table.rows].count("placed") == 5
    found = {rel.holds for rel in table.relations if rel.code == "DR102"}
    assert found == {"Totaal = Gewone zaken + Grondexploitatie"}


def test_a_row_of_percentages_among_amounts_is_a_share_row_and_among_percentages_none_is() -> None:
    from budget_checks.recognize.discover import share_rows

    mixed = "Overzicht\nPost  2024  2025  2026\nReserve  1.200  1.300  1.400\nRatio  4%  23%  5%\nVoorziening  800  700  600\n"
    [table] = recognize_page(read_text(mixed.encode(), "p.txt"), BOOK, Tolerance()).tables
    ratio = next(r for r, row in enumerate(table.rows) if row.label == "Ratio")
    assert share_rows(table) == {ratio}
    shares = "Overzicht\nPost  2024  2025  2026\nRatio a  4%  23%  5%\nRatio b  14%  3%  15%\n"
    [table] = recognize_page(read_text(shares.encode(), "p.txt"), BOOK, Tolerance()).tables
    assert share_rows(table) == set()
